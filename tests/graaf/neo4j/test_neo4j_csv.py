"""``graaf export --neo4j-csv DIR``: files in the ``neo4j-admin database import full`` format.

The validator below is written from the documented header grammar (Neo4j
Operations Manual, "Import header format"): fields ``<name>:<field_type>``,
a bare name is a string property, ``ID``/``START_ID``/``END_ID`` may carry an
ID space in parentheses, types are the listed ones with ``[]`` for arrays.
"""
from __future__ import annotations

import csv
import re
import shlex
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from rdflib.namespace import RDF

from graaf.vocab import SCAN

TYPEN = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
         "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"}
VELD = re.compile(r"(?P<naam>[^:]*)(?::(?P<soort>ID|START_ID|END_ID|LABEL|TYPE|IGNORE|"
                  r"[a-z]+(?:\[\])?)(?:\((?P<ruimte>[^)]+)\))?)?")


def lees_kop(kop: list[str]) -> list[dict]:
    """Parse one header row by the grammar; AssertionError on anything outside it."""
    velden = []
    for veld in kop:
        m = VELD.fullmatch(veld)
        assert m, f"not a header field: {veld!r}"
        soort = m["soort"] or "string"
        if soort not in {"ID", "START_ID", "END_ID", "LABEL", "TYPE", "IGNORE"}:
            assert soort.removesuffix("[]") in TYPEN, f"unknown type in {veld!r}"
            assert m["naam"] and m["ruimte"] is None, f"a property needs a name: {veld!r}"
        velden.append({"naam": m["naam"], "soort": soort, "ruimte": m["ruimte"]})
    return velden


def controleer_waarde(tekst: str, soort: str, scheider: str) -> None:
    if tekst == "":
        return  # no value: no property
    if soort.endswith("[]"):
        for deel in tekst.split(scheider):
            controleer_waarde(deel, soort[:-2], scheider)
    elif soort in ("int", "long"):
        int(tekst)
    elif soort in ("float", "double"):
        float(tekst)
    elif soort == "boolean":
        assert tekst in ("true", "false"), tekst
    elif soort == "date":
        date.fromisoformat(tekst)


def lees(pad: Path) -> tuple[list[dict], list[list[str]]]:
    with open(pad, newline="", encoding="utf-8") as f:
        rijen = list(csv.reader(f))
    return lees_kop(rijen[0]), rijen[1:]


@pytest.fixture(scope="module")
def export_map(tmp_path_factory, voorbeeld_store) -> tuple[Path, dict]:
    from graaf.neo4j import csvexport
    from graaf.neo4j.opdracht import projectie

    map_ = tmp_path_factory.mktemp("neo4j-csv")
    return map_, csvexport.schrijf(projectie(voorbeeld_store, None, False), map_, 1)


def _knopen_en_relaties(map_: Path, scheider: str):
    ids, labels, relaties = Counter(), Counter(), []
    for pad in sorted(map_.glob("nodes_*.csv")):
        kop, rijen = lees(pad)
        soorten = [v["soort"] for v in kop]
        assert soorten.count("ID") == 1 and soorten.count("LABEL") == 1, pad.name
        assert kop[0] == {"naam": "uri", "soort": "ID", "ruimte": "Ding"}
        for rij in rijen:
            assert len(rij) == len(kop), pad.name
            for veld, tekst in zip(kop, rij):
                controleer_waarde(tekst, veld["soort"], scheider)
            ids[rij[0]] += 1
            labels.update(rij[soorten.index("LABEL")].split(scheider))
    for pad in sorted(map_.glob("relationships_*.csv")):
        kop, rijen = lees(pad)
        assert {(v["soort"], v["ruimte"]) for v in kop} == {
            ("START_ID", "Ding"), ("END_ID", "Ding"), ("TYPE", None)}, pad.name
        relaties += [dict(zip((v["soort"] for v in kop), rij)) for rij in rijen]
    return ids, labels, relaties


def test_headers_and_values_follow_the_import_format(export_map):
    map_, uit = export_map
    ids, _, relaties = _knopen_en_relaties(map_, uit["array_scheider"])
    assert relaties and all(r["START_ID"] in ids and r["END_ID"] in ids for r in relaties)
    assert max(ids.values()) == 1  # IDs are unique within the ID space


def test_every_node_of_the_scan_appears_once_with_its_labels(export_map, voorbeeld_exportgraaf):
    map_, uit = export_map
    ids, labels, relaties = _knopen_en_relaties(map_, uit["array_scheider"])
    assert set(ids) >= {str(s) for s in voorbeeld_exportgraaf.subjects()}
    assert labels["Initiatief"] == len(set(voorbeeld_exportgraaf.subjects(RDF.type,
                                                                           SCAN.Initiatief)))
    assert labels["Ding"] == len(ids)
    partners = len(list(voorbeeld_exportgraaf.triples((None, SCAN.partner, None))))
    assert sum(r["TYPE"] == "PARTNER" for r in relaties) == partners


def test_no_person_data_unless_asked(export_map, voorbeeld_store):
    map_, _ = export_map
    personen = {str(s) for s in voorbeeld_store.graaf().subjects(RDF.type, SCAN.Persoon)}
    assert personen
    tekst = "".join(p.read_text(encoding="utf-8") for p in map_.glob("*.csv"))
    assert not [p for p in personen if p in tekst]
    assert "zonder persoonsgegevens" in (map_ / "README.md").read_text(encoding="utf-8")


def test_readme_command_names_exactly_the_files_written(export_map):
    map_, uit = export_map
    leesmij = (map_ / "README.md").read_text(encoding="utf-8")
    commando = re.search(r"```sh\n(.*?)\n```", leesmij, re.S)[1]
    woorden = shlex.split(commando.replace("\\\n", " "))
    assert woorden[:4] == ["neo4j-admin", "database", "import", "full"]
    genoemd = {w.split("=", 1)[1] for w in woorden
               if w.startswith(("--nodes=", "--relationships="))}
    assert genoemd == {p.name for p in map_.glob("*.csv")}
    assert f"--array-delimiter={uit['array_scheider']}" in woorden
    velden = [c for p in map_.glob("*.csv") for rij in lees(p)[1] for c in rij]
    assert ("--multiline-fields=true" in woorden) == any("\n" in c for c in velden)


def test_list_properties_get_an_array_column(tmp_path):
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDFS

    from graaf.neo4j import csvexport
    from graaf.neo4j.projectie import projecteer_graaf
    from graaf.termen import ontologie

    s = URIRef("https://w3id.org/360-scan/id/organisatie/x")
    g = Graph()
    g.add((s, RDF.type, SCAN.Organisatie))
    g.add((s, RDFS.label, Literal("a;b")))
    g.add((s, RDFS.label, Literal("c")))
    uit = csvexport.schrijf(projecteer_graaf(g, ontologie()), tmp_path)
    kop, rijen = lees(tmp_path / "nodes_Organisatie.csv")
    assert {"naam": "label", "soort": "string[]", "ruimte": None} in kop
    assert uit["array_scheider"] == "|" and rijen[0][2].split("|") == ["a;b", "c"]


def test_cli_writes_the_files(graaf_cli, tmp_path):
    uit = graaf_cli("export", "--neo4j-csv", str(tmp_path / "neo"))
    assert uit.exit_code == 0, uit.output
    assert "zonder persoonsgegevens" in uit.output
    assert (tmp_path / "neo" / "nodes_Initiatief.csv").is_file()
    met = graaf_cli("export", "--neo4j-csv", str(tmp_path / "met"), "--met-personen")
    assert met.exit_code == 0 and (tmp_path / "met" / "nodes_Persoon.csv").is_file()
