"""The coverage matrices as a page: readable tables, visibly empty cells, a JSON twin."""
from __future__ import annotations

import re

import pytest

from beraad_werkboek import beraad_client


@pytest.fixture(scope="module")
def geplant(tmp_path_factory):
    return beraad_client(tmp_path_factory.mktemp("dekking-web"))


def _tabel(html: str, code: str) -> str:
    begin = html.index(f'id="{code}-bijschrift"')  # in the <caption>
    return html[begin:html.index("</table>", begin)]


def _rij(tabel: str, doc: str) -> list[str]:
    """The cells (td) of the row whose header links to ``doc``."""
    rij = next(r for r in tabel.split("<tr>") if f'<th scope="row"><a href="{doc}"' in r)
    return re.findall(r"<td[^>]*>(.*?)</td>", rij, re.S)


def test_lege_cel_zichtbaar_leeg_en_voorgelezen_als_geen(geplant) -> None:
    html = geplant.get("/dekking").get_data(as_text=True)
    tabel = _tabel(html, "dekking-doel-doelgroep")
    assert tabel.startswith('id="dekking-doel-doelgroep-bijschrift">')
    assert 'scope="col"' in tabel and 'scope="row"' in tabel
    leeg = '<span aria-hidden="true">–</span><span class="visueel-verborgen">geen</span>'
    assert _rij(tabel, "/doc/doel/subdoel-2") == [leeg, leeg]
    assert '<td class="leeg">' in tabel


def test_breder_vult_smaller_niet(geplant) -> None:
    tabel = _tabel(geplant.get("/dekking").get_data(as_text=True), "dekking-doel-doelgroep")
    assert _rij(tabel, "/doc/doel/subdoel-1") == ["2", "1"]  # werkzoekenden, jongeren


def test_regio_telt_in_elke_gemeente_en_afgerond_niet(geplant) -> None:
    tabel = _tabel(geplant.get("/dekking").get_data(as_text=True), "dekking-doelgroep-gemeente")
    assert ">Hele regio</th>" in tabel
    assert _rij(tabel, "/doc/doelgroep/jongeren") == ["1", "1", "1"]
    # hele regio, Hilversum (rmt there is afgerond), Huizen (+ taalhuis)
    assert _rij(tabel, "/doc/doelgroep/werkzoekenden") == ["1", "1", "2"]


def test_sectoren_op_volgorde_van_vacatures(geplant) -> None:
    html = geplant.get("/dekking").get_data(as_text=True)
    tabel = _tabel(html, "dekking-sector-doel")
    assert tabel.index('href="/doc/sector/zorg"') < tabel.index('href="/doc/sector/ict"')
    assert _rij(tabel, "/doc/sector/zorg")[0].startswith('<span class="indicator-getal">900</span>')


def test_voorbeeldscan_en_json_tweeling(client) -> None:
    html = client.get("/dekking").get_data(as_text=True)
    assert '<a href="/dekking" aria-current="page">Dekking</a>' in html
    assert "de hele tabel is leeg" in html  # no lopend initiative has a sector in the example
    assert '<select id="maat" name="maat">' in html
    data = client.get("/dekking.json").get_json()
    assert set(data) == {"doel_doelgroep", "doelgroep_gemeente", "sector_doel"}
    assert data["sector_doel"]["maat"] == "vacatures"
    ww = client.get("/dekking.json?maat=WW-uitkeringen").get_json()["sector_doel"]
    assert ww["maat"] == "WW-uitkeringen" and ww["rijen"][0]["indicator"]["tekst"] == "2.914"
