"""The DIN page as the Regionaal Beraad sees it, and its JSON twin."""
from __future__ import annotations

import re

import pytest

from beraad_werkboek import beraad_client


@pytest.fixture(scope="module")
def geplant(tmp_path_factory):
    return beraad_client(tmp_path_factory.mktemp("din-web"))


def _blok(html: str, kop_id: str) -> str:
    """The HTML of the section labelled by ``kop_id``, up to the next section of its level."""
    begin = html.index(f'aria-labelledby="{kop_id}"')
    return html[begin:html.index("</section>", begin)]


def test_in_menu_en_pagina(client) -> None:
    html = client.get("/din").get_data(as_text=True)
    assert '<a href="/din" aria-current="page">DIN</a>' in html
    assert "Een toekomstbestendige dienstverlening" in html
    assert 'href="/doc/doel/subdoel-1"' in html
    assert 'href="/doc/inspanning/inrichten-werkcentrum"' in html


def test_hiaat_in_tekst_niet_alleen_kleur(geplant) -> None:
    html = geplant.get("/din").get_data(as_text=True)
    assert "Hiaat: geen enkele inspanning draagt bij aan dit doel." in _blok(html, "doel-subdoel-2")
    leren = _blok(html, "doel-subdoel-3")
    assert "Hiaat: geen lopend initiatief voert deze inspanning uit." in leren
    assert "<strong>0</strong> lopende initiatieven" in leren


def test_afgerond_ingeklapt_en_niet_geteld(geplant) -> None:
    html = geplant.get("/din").get_data(as_text=True)
    [matching] = [blok for blok in html.split('<li class="din-inspanning')[1:]
                  if 'href="/doc/inspanning/matching"' in blok]
    assert "<strong>3</strong> lopende initiatieven" in matching
    details = re.search(r"<details class=\"din-overige\">(.*?)</details>", matching, re.S).group(1)
    assert "Niet meer lopend: 1" in details and 'href="/doc/initiatief/rmt"' in details
    assert matching.index('href="/doc/initiatief/taalhuis"') < matching.index("<details")
    assert "gepland" in matching


def test_niet_gekoppeld(geplant) -> None:
    html = geplant.get("/din").get_data(as_text=True)
    los = _blok(html, "los-kop")
    assert "Niet gekoppeld aan de DIN" in html
    assert 'href="/doc/initiatief/los"' in los and "Los project" in los


def test_json_tweeling(geplant) -> None:
    data = geplant.get("/din.json").get_json()
    assert set(data) == {"doelen", "niet_gekoppeld", "totalen"}
    assert data["totalen"]["niet_gekoppeld"] == 1
    [hoofd] = data["doelen"]
    assert [s["id"] for s in hoofd["subdoelen"]] == ["subdoel-1", "subdoel-2", "subdoel-3"]
    assert geplant.get("/din", headers={"Accept": "application/json"}).get_json() == data
