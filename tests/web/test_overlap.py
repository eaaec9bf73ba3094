"""The overlap page as the Regionaal Beraad reads it, on a planted werkboek and the example."""
from __future__ import annotations

import pytest

from beraad_werkboek import beraad_client
from overlap_werkboek import overlap_rijen


@pytest.fixture(scope="module")
def geplant(tmp_path_factory):
    return beraad_client(tmp_path_factory.mktemp("overlap-web"), overlap_rijen())


def _paren(html: str) -> list[str]:
    begin = html.index('aria-labelledby="dubbel-kop"')
    return html[begin:html.index("</section>", begin)].split('<li class="paar">')[1:]


def test_in_menu(client) -> None:
    html = client.get("/overlap").get_data(as_text=True)
    assert '<a href="/overlap" aria-current="page">Overlap</a>' in html


def test_geplant_paar_met_namen_en_wat_ze_delen(geplant) -> None:
    html = geplant.get("/overlap").get_data(as_text=True)
    eerste, tweede = _paren(html)
    assert "Werkgeversservicepunt" in eerste and "Jongerenloket Hilversum" in eerste
    assert "Eigenaar: <a href=\"/doc/organisatie/uwv\">UWV</a>" in eerste
    assert "Gemeente Hilversum" in eerste
    assert '<a href="/doc/doel/subdoel-1">Iedereen doet mee</a>' in eerste
    assert "Werkzoekenden" in eerste and "Jongeren" in eerste
    assert '<a href="/doc/organisatie/hilversum">Gemeente Hilversum</a></dd>' in eerste
    # the pair sharing less (one doelgroep, Huizen) comes second
    assert "Taalhuis Huizen" in tweede and "Gemeente Huizen" in tweede


def test_telling_per_partnerpaar(geplant) -> None:
    html = geplant.get("/overlap").get_data(as_text=True)
    assert ("<strong>Gemeente Hilversum en UWV</strong>:\n    1 keer dubbel aanbod, "
            "1 keer samen werkgevers benaderd in een sector") in html
    assert "<strong>Gemeente Huizen en UWV</strong>:\n    1 keer dubbel aanbod" in html


def test_sector_met_beide_initiatieven(geplant) -> None:
    html = geplant.get("/overlap").get_data(as_text=True)
    begin = html.index('aria-labelledby="werkgevers-kop"')
    blok = html[begin:html.index("</section>", begin)]
    assert "Sector <a href=\"/doc/sector/zorg\">Zorg</a>: 2 organisaties" in blok
    assert "Jongerenloket Hilversum" in blok and "Werkgeversservicepunt" in blok


def test_json_tweeling(geplant) -> None:
    data = geplant.get("/overlap.json").get_json()
    assert {"dubbel_aanbod", "werkgevers", "duplicaten", "partnerparen", "checks"} <= set(data)
    [a, b] = data["dubbel_aanbod"]
    assert [i["id"] for i in a["initiatieven"]] == ["jongerenloket", "wsp"]
    assert [d["id"] for d in a["subdoelen"]] == ["subdoel-1"]
    assert [g["id"] for g in a["gemeenten"]] == ["hilversum"]
    assert a["aantal_gedeeld"] > b["aantal_gedeeld"]
    assert data["partnerparen"][0]["totaal"] == 2


def test_voorbeeldscan_zonder_werkgeversoverlap(client) -> None:
    html = client.get("/overlap").get_data(as_text=True)
    begin = html.index('aria-labelledby="werkgevers-kop"')
    assert "Geen bevindingen." in html[begin:html.index("</section>", begin)]
    assert len(_paren(html)) == client.get("/overlap.json").get_json()["checks"][0]["aantal"]
