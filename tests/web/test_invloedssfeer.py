"""The invloedssfeer page: an SVG drawn on the server plus the same content as text."""
from __future__ import annotations

import re

import pytest

from beraad_werkboek import beraad_client


@pytest.fixture(scope="module")
def geplant(tmp_path_factory):
    return beraad_client(tmp_path_factory.mktemp("sfeer-web"))


def test_svg_met_links_en_titels(geplant) -> None:
    html = geplant.get("/invloedssfeer").get_data(as_text=True)
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert "<script" not in html
    links = re.findall(r'<a href="(/doc/initiatief/[^"]+)"[^>]*><title>([^<]+)</title>', svg)
    assert links == [("/doc/initiatief/wsp", "1. Werkgeversservicepunt (eigen)"),
                     ("/doc/initiatief/taalhuis", "2. Taalhuis Huizen (partner)"),
                     ("/doc/initiatief/los", "3. Los project (omgeving)")]
    assert "rmt" not in svg  # afgerond
    assert ">RWC</text>" in svg


def test_tekstlijst_en_tellingen(geplant) -> None:
    html = geplant.get("/invloedssfeer").get_data(as_text=True)
    assert "Eigen: 1 initiatief" in html and "Partner: 1 initiatief" in html
    assert "Onbekend: 1 initiatief" in html
    onbekend = html[html.index('id="ring-onbekend-kop"'):]
    assert 'href="/doc/initiatief/zonder-sfeer"' in onbekend
    assert '<li value="2"><a href="/doc/initiatief/taalhuis">Taalhuis Huizen</a> ' \
           '<span class="status status-gepland">gepland</span></li>' in html


def test_voorbeeldscan_en_json_tweeling(client) -> None:
    html = client.get("/invloedssfeer").get_data(as_text=True)
    assert '<a href="/invloedssfeer" aria-current="page">Invloedssfeer</a>' in html
    data = client.get("/invloedssfeer.json").get_json()
    assert set(data) == {"ringen", "onbekend", "totaal"}  # no drawing geometry in the twin
    assert {r["code"]: r["aantal"] for r in data["ringen"]} == {
        "eigen": 16, "partner": 16, "omgeving": 4}
    assert html.count('<a href="/doc/initiatief/') == 2 * 36 + 1  # svg + list, onbekend once
