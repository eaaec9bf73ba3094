"""Every thing in the scan has a URI that dereferences (303 pattern) to a page per format.

On the example scan through Flask's test client: the 303 from ``/id/`` to
``/doc/``, content negotiation (HTML, Turtle, JSON-LD, N-Triples, JSON twin,
406), the Dutch 404, names instead of URIs, incoming links grouped by
property, and personal data hidden from anonymous visitors in every format.
"""
from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from graaf.vocab import DEFAULT_BASE, SCAN, concept

UWV = URIRef(f"{DEFAULT_BASE}/id/organisatie/uwv")
RDF_FORMATEN = {"ttl": ("text/turtle", "turtle"), "jsonld": ("application/ld+json", "json-ld"),
                "nt": ("application/n-triples", "nt")}
#: A trekker of the example scan whose name appears nowhere but in her own row.
PERSOON = ("nienke-spoelstra", "Nienke Spoelstra", "kwartiermaker Regionaal Werkcentrum")


def _rdf(client, pad: str, formaat: str) -> Graph:
    antwoord = client.get(f"{pad}.{formaat}")
    assert antwoord.status_code == 200, antwoord.data[:300]
    assert antwoord.mimetype == RDF_FORMATEN[formaat][0]
    return Graph().parse(data=antwoord.data, format=RDF_FORMATEN[formaat][1])


def test_uri_verwijst_met_303_naar_de_pagina(client) -> None:
    antwoord = client.get("/id/organisatie/uwv")
    assert antwoord.status_code == 303
    assert antwoord.headers["Location"].endswith("/doc/organisatie/uwv")
    assert "Accept" in antwoord.headers.get("Vary", "")


@pytest.mark.parametrize("accept, achtervoegsel", [
    ("text/turtle", ".ttl"), ("application/ld+json", ".jsonld"),
    ("application/n-triples", ".nt"), ("application/json", ".json"),
    ("text/html,application/xhtml+xml,*/*;q=0.8", ""), ("*/*", "")])
def test_303_houdt_het_gevraagde_formaat(client, accept: str, achtervoegsel: str) -> None:
    antwoord = client.get("/id/initiatief/wsp", headers={"Accept": accept})
    assert antwoord.status_code == 303
    assert antwoord.headers["Location"].endswith(f"/doc/initiatief/wsp{achtervoegsel}")


def test_onbekend_id_geeft_nederlandse_404(client) -> None:
    for pad in ("/id/organisatie/bestaat-niet", "/doc/organisatie/bestaat-niet",
                "/doc/planeet/uwv", "/doc/organisatie/bestaat-niet.ttl"):
        antwoord = client.get(pad)
        assert antwoord.status_code == 404, pad
    assert "Niet gevonden" in antwoord.get_data(as_text=True)


@pytest.mark.parametrize("pad", ["/id/organisatie/uwv", "/doc/organisatie/uwv"])
def test_406_als_geen_formaat_past(client, pad: str) -> None:
    antwoord = client.get(pad, headers={"Accept": "image/png"})
    assert antwoord.status_code == 406
    tekst = antwoord.get_data(as_text=True)
    assert "Dit formaat kan deze site niet leveren" in tekst and "text/turtle" in tekst


@pytest.mark.parametrize("formaat", sorted(RDF_FORMATEN))
def test_rdf_varianten_beschrijven_het_ding(client, formaat: str) -> None:
    g = _rdf(client, "/doc/organisatie/uwv", formaat)
    assert (UWV, RDF.type, SCAN.Organisatie) in g
    assert (UWV, RDFS.label, Literal("Uitvoeringsinstituut Werknemersverzekeringen (UWV)")) in g
    assert (UWV, SCAN.rol, URIRef(concept("rol", "kernpartner"))) in g
    assert set(g.subjects()) <= {UWV}  # the organisation refers to no other thing


def test_turtle_ook_via_accept_en_met_namen_van_verwijzingen(client) -> None:
    antwoord = client.get("/doc/initiatief/regionaal-werkcentrum",
                          headers={"Accept": "text/turtle"})
    assert antwoord.status_code == 200 and antwoord.mimetype == "text/turtle"
    g = Graph().parse(data=antwoord.data, format="turtle")
    rwc = URIRef(f"{DEFAULT_BASE}/id/initiatief/regionaal-werkcentrum")
    eigenaars = list(g.objects(rwc, SCAN.eigenaar))
    assert eigenaars and all(g.value(e, RDFS.label) for e in eigenaars)


def test_organisatie_toont_haar_initiatieven_bij_naam(client) -> None:
    html = client.get("/doc/organisatie/uwv").get_data(as_text=True)
    assert "<h1>Uitvoeringsinstituut Werknemersverzekeringen (UWV)</h1>" in html
    eigenaar = html.split("Eigenaar van")[1].split("</ul>")[0]
    assert ">Landelijk WSP UWV</a>" in eigenaar
    assert 'href="/doc/initiatief/landelijk-wsp-uwv"' in eigenaar
    assert "Partner in" in html and ">Werkgeversservicepunt (WSP)</a>" in html
    assert ">kernpartner</a>" in html  # the rol concept by its skos:prefLabel
    assert "<th scope=\"row\">rol</th>" in html  # property labels from the ontology
    zichtbaar = re.sub(r"<[^>]+>", " ", html.split("<main")[1].split("Als gegevens")[0])
    assert "https://" not in zichtbaar  # names, never URIs


def test_initiatief_toont_waarden_bij_naam(client) -> None:
    html = client.get("/doc/initiatief/regionaal-werkcentrum").get_data(as_text=True)
    assert '<a href="/doc/organisatie/hilversum">Gemeente Hilversum</a>' in html
    assert '<a href="/def/status/lopend">lopend</a>' in html
    assert ">hele regio</a>" in html
    assert "werkgeversbenadering" in html and "<td>ja</td>" in html


def test_doel_toont_zijn_inspanningen(client) -> None:
    html = client.get("/doc/doel/subdoel-1").get_data(as_text=True)
    groep = html.split("Inspanningen die hieraan bijdragen")[1].split("</ul>")[0]
    assert 'href="/doc/inspanning/inrichten-werkcentrum"' in groep


def test_doelgroep_toont_smallere_groepen_en_initiatieven(client) -> None:
    html = client.get("/doc/doelgroep/werkzoekenden").get_data(as_text=True)
    assert ">Uitkeringsgerechtigden</a>" in html.split("Smallere groepen")[1].split("</ul>")[0]
    assert "Gericht op deze doelgroep" in html


def test_json_tweeling(client) -> None:
    data = client.get("/doc/organisatie/uwv.json").get_json()
    e = data["entiteit"]
    assert e["uri"] == str(UWV) and e["soort"] == "organisatie"
    groepen = {g["label"]: [w["tekst"] for w in g["waarden"]] for g in e["verwijzingen"]}
    assert "Landelijk WSP UWV" in groepen["eigenaar van"]


def test_alle_links_op_een_pagina_werken(client) -> None:
    """Every link an entity page makes to this site resolves (things and concepts)."""
    html = client.get("/doc/initiatief/regionaal-werkcentrum").get_data(as_text=True)
    links = set(re.findall(r'href="(/(?:doc|def)[^"#]*)', html))
    assert len(links) > 10
    for link in links:
        assert client.get(link).status_code == 200, link


# -- personal data --------------------------------------------------------------

ANONIEM = ["/doc/persoon/{}", "/doc/initiatief/regionaal-werkcentrum", "/doc/organisatie/hilversum"]


@pytest.mark.parametrize("sjabloon", ANONIEM)
@pytest.mark.parametrize("formaat", ["", ".json", ".ttl", ".jsonld", ".nt"])
def test_persoonsnaam_nergens_voor_anonieme_bezoekers(client, sjabloon: str, formaat: str) -> None:
    antwoord = client.get(sjabloon.format(PERSOON[0]) + formaat)
    assert antwoord.status_code == 200
    tekst = antwoord.get_data(as_text=True)
    assert PERSOON[1] not in tekst and PERSOON[2] not in tekst


def test_persoonspagina_zegt_waarom_niets_te_zien_is(client) -> None:
    html = client.get(f"/doc/persoon/{PERSOON[0]}").get_data(as_text=True)
    assert "Persoonsgegevens zijn alleen zichtbaar voor ingelogde gebruikers" in html
    g = _rdf(client, f"/doc/persoon/{PERSOON[0]}", "ttl")
    assert set(g.predicates()) == {RDF.type}


def test_verwijzing_naar_persoon_is_afgeschermd(client) -> None:
    html = client.get("/doc/initiatief/regionaal-werkcentrum").get_data(as_text=True)
    rij = html.split('<th scope="row">trekker</th>')[1].split("</tr>")[0]
    assert "(afgeschermd)" in rij and "/doc/persoon/" not in html
    g = _rdf(client, "/doc/initiatief/regionaal-werkcentrum", "nt")
    assert not list(g.objects(None, SCAN.trekker))


def test_persoonsgegevens_zichtbaar_als_de_installatie_dat_zegt(client, site_app,
                                                                monkeypatch) -> None:
    monkeypatch.setitem(site_app.config, "PERSOONSGEGEVENS_OPENBAAR", True)
    html = client.get(f"/doc/persoon/{PERSOON[0]}").get_data(as_text=True)
    assert PERSOON[1] in html and PERSOON[2] in html
    html = client.get("/doc/initiatief/regionaal-werkcentrum").get_data(as_text=True)
    assert f'<a href="/doc/persoon/{PERSOON[0]}">{PERSOON[1]}</a>' in html
    assert PERSOON[1] in client.get(f"/doc/persoon/{PERSOON[0]}.ttl").get_data(as_text=True)
