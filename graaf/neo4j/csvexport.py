"""CSV files for ``neo4j-admin database import full``, from the same projection as the sync.

Format (Neo4j Operations Manual, "Import header format"): one header row of
``<name>:<field_type>`` fields; node files carry ``uri:ID(Ding)`` (the ID is
also stored as property ``uri``) and ``:LABEL`` (labels separated by the array
delimiter); relationship files ``:START_ID(Ding)``, ``:END_ID(Ding)`` and
``:TYPE``. One node file per label set, one relationship file per type, so
each header only has the columns its rows use. A README with the import
command is written next to them.
"""
from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

from graaf.neo4j.mapping import DING, URI, Eigenschap
from graaf.neo4j.projectie import Knoop, Projectie

ID_RUIMTE = DING
SCHEIDERS = (";", "|", "\u001f")


def array_scheider(p: Projectie) -> str:
    """The import's default ``;`` unless a list value contains it."""
    teksten = [str(w) for k in p.knopen.values() for v in k.eigenschappen.values()
               if isinstance(v, list) for w in v]
    for teken in SCHEIDERS:
        if not any(teken in t for t in teksten):
            return teken
    raise ValueError("no usable array delimiter")


def cel(waarde: object, scheider: str) -> str:
    """A value as the import tool reads it for the column's type."""
    if isinstance(waarde, list):
        return scheider.join(cel(w, scheider) for w in waarde)
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, (date, datetime)):
        return waarde.isoformat()
    if isinstance(waarde, float):
        return repr(waarde)
    return str(waarde)


def bestandsnaam(delen: tuple[str, ...] | str, soort: str) -> str:
    naam = "_".join(delen) if isinstance(delen, tuple) else delen
    return f"{soort}_{naam or DING}.csv"


def schrijf_knopen(p: Projectie, map_: Path, scheider: str) -> list[str]:
    groepen: dict[tuple[str, ...], list[Knoop]] = {}
    for k in p.knopen.values():
        groepen.setdefault(k.labels, []).append(k)
    namen = []
    for labels, knopen in sorted(groepen.items()):
        sleutels = sorted({s for k in knopen for s in k.eigenschappen})
        specs: list[Eigenschap] = [p.eigenschappen[s] for s in sleutels]
        kop = [f"{URI}:ID({ID_RUIMTE})", ":LABEL"] + [e.kop for e in specs]
        rijen = [[k.uri, scheider.join((DING, *labels))]
                 + [cel(k.eigenschappen.get(s, ""), scheider) for s in sleutels]
                 for k in knopen]
        namen.append(_schrijf(map_ / bestandsnaam(labels, "nodes"), kop, rijen))
    return namen


def schrijf_relaties(p: Projectie, map_: Path) -> list[str]:
    groepen: dict[str, list] = {}
    for r in p.relaties:
        groepen.setdefault(r.type, []).append([r.start, r.eind, r.type])
    kop = [f":START_ID({ID_RUIMTE})", f":END_ID({ID_RUIMTE})", ":TYPE"]
    return [_schrijf(map_ / bestandsnaam(t, "relationships"), kop, rijen)
            for t, rijen in sorted(groepen.items())]


def _schrijf(pad: Path, kop: list[str], rijen: list[list[str]]) -> str:
    with open(pad, "w", newline="", encoding="utf-8") as f:
        schrijver = csv.writer(f, lineterminator="\n")
        schrijver.writerow(kop)
        schrijver.writerows(rijen)
    return pad.name


def meerregelig(p: Projectie) -> bool:
    return any("\n" in str(v) or "\r" in str(v)
               for k in p.knopen.values() for v in k.eigenschappen.values())


def importcommando(knopen: list[str], relaties: list[str], scheider: str,
                   meer: bool, database: str = "neo4j") -> str:
    """The ``neo4j-admin database import full`` call for these files (run from DIR)."""
    delen = ["neo4j-admin database import full"]
    delen += [f"--nodes={n}" for n in knopen] + [f"--relationships={r}" for r in relaties]
    scheider_arg = "U+001F" if scheider == "\u001f" else scheider
    delen += [f"--array-delimiter='{scheider_arg}'", "--id-type=string"]
    if meer:
        delen.append("--multiline-fields=true")
    return " \\\n  ".join(delen + [database])


def schrijf(p: Projectie, map_: Path, versie: int | None = None) -> dict:
    """Write all files and README.md into ``map_``; returns what was written."""
    map_.mkdir(parents=True, exist_ok=True)
    scheider = array_scheider(p)
    knopen = schrijf_knopen(p, map_, scheider)
    relaties = schrijf_relaties(p, map_)
    commando = importcommando(knopen, relaties, scheider, meerregelig(p))
    (map_ / "README.md").write_text(_leesmij(p, versie, commando), encoding="utf-8")
    return {"knopen": knopen, "relaties": relaties, "commando": commando,
            "array_scheider": scheider}


def _leesmij(p: Projectie, versie: int | None, commando: str) -> str:
    personen = ("met persoonsgegevens (personen, trekkers, voorzitters)" if p.met_personen
                else "zonder persoonsgegevens (personen zijn weggelaten)")
    bron = f"versie {versie} van de scan" if versie else "de scan"
    return (f"# 360-graden scan als Neo4j-importbestanden\n\n"
            f"Gemaakt uit {bron}, {personen}: {len(p.knopen)} knopen en "
            f"{len(p.relaties)} relaties. De afbeelding staat in docs/neo4j.md van het "
            f"project.\n\nImporteren in een lege database (Neo4j 5 of nieuwer), vanuit "
            f"deze map:\n\n```sh\n{commando}\n```\n\nDaarna in Cypher de uniciteit van "
            f"`uri` vastleggen (zoals `graaf export --neo4j` ook doet):\n\n"
            f"```cypher\nCREATE CONSTRAINT ding_uri IF NOT EXISTS FOR (n:{DING}) "
            f"REQUIRE n.{URI} IS UNIQUE\n```\n")
