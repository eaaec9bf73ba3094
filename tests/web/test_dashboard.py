"""The dashboard's findings: counts equal the checks', the weightiest ones link to their check."""
from __future__ import annotations

import re

import pytest

from beraad_werkboek import beraad_client
from overlap_werkboek import overlap_rijen
from graaf import checks


@pytest.fixture(scope="module")
def geplant(tmp_path_factory):
    return beraad_client(tmp_path_factory.mktemp("dashboard-web"), overlap_rijen())


def _tellingen(html: str) -> dict[str, int]:
    rijen = re.findall(r'<a href="/bevindingen/([\w-]+)">[^<]*</a></th>\s*<td>[^<]*</td>\s*'
                       r'<td class="getal">(\d+)</td>', html)
    return {code: int(n) for code, n in rijen}


@pytest.mark.parametrize("welke", ["voorbeeld", "geplant"])
def test_tellingen_gelijk_aan_controles(welke: str, client, geplant) -> None:
    c = client if welke == "voorbeeld" else geplant
    uitkomst = c.get("/bevindingen.json").get_json()["bevindingen"]
    verwacht = {code: sum(1 for b in uitkomst if b["code"] == code) for code, _ in checks.CHECKS}
    html = c.get("/").get_data(as_text=True)
    assert _tellingen(html) == verwacht
    assert f"De scan vindt <strong>{len(uitkomst)}</strong>" in html


def test_belangrijkste_als_zinnen_met_link(geplant) -> None:
    html = geplant.get("/").get_data(as_text=True)
    hiaten = html[html.index("Belangrijkste hiaten"):html.index("Belangrijkste overlap")]
    overlap = html[html.index("Belangrijkste overlap"):html.index('class="tellingen"')]
    assert 1 <= hiaten.count("<li>") <= 5 and overlap.count("<li>") == 3
    assert "Jongerenloket Hilversum" in overlap and 'href="/bevindingen/dubbel-aanbod"' in overlap
    assert 'href="/bevindingen/werkgevers-meervoudig-benaderd"' in overlap


def test_kerncijfers_en_versie_blijven(client) -> None:
    html = client.get("/").get_data(as_text=True)
    assert "Kerncijfers" in html and "Laatste wijziging" in html and "Versie 1" in html
    data = client.get("/index.json").get_json()
    assert data["bevindingen"]["totaal"] == len(client.get("/bevindingen.json").get_json()["bevindingen"])
