"""The Cypher of the sync: a fixed set of statement shapes, values always as parameters.

Labels and relationship types cannot be parameters in Cypher, so a statement
is made per label set and per relationship type, with each name checked by
``mapping`` and quoted in backticks. Every write is a MERGE on the node's
``uri`` (one per node) or on (start, type, end), so running the same
statements twice leaves the same graph: the sync is idempotent.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from graaf.neo4j.mapping import DING, URI
from graaf.neo4j.projectie import Projectie

BATCH = 1000

CONSTRAINT = (f"CREATE CONSTRAINT ding_uri IF NOT EXISTS "
              f"FOR (n:{DING}) REQUIRE n.{URI} IS UNIQUE")
#: Reads (used by the optional removal and for the counts a sync reports).
ALLE_URIS = f"MATCH (n:{DING}) RETURN n.{URI} AS uri, labels(n) AS labels"
TEL_LABELS = f"MATCH (n:{DING}) UNWIND labels(n) AS label RETURN label, count(*) AS aantal"
TEL_TYPEN = (f"MATCH (:{DING})-[r]->(:{DING}) "
             f"RETURN type(r) AS type, count(*) AS aantal")


@dataclass(frozen=True)
class Opdracht:
    """One statement with its parameters (a batch of rows)."""

    tekst: str
    parameters: dict


def naam(label: str) -> str:
    """A label or type as a Cypher name (backticks, a backtick doubled)."""
    return "`" + label.replace("`", "``") + "`"


def knoop_tekst(labels: tuple[str, ...]) -> str:
    extra = "".join(f":{naam(l)}" for l in labels)
    zet = f", n{extra}" if labels else ""
    return (f"UNWIND $rows AS row\nMERGE (n:{DING} {{{URI}: row.{URI}}})\n"
            f"SET n = row.props{zet}")


def relatie_tekst(type_: str) -> str:
    return (f"UNWIND $rows AS row\nMATCH (a:{DING} {{{URI}: row.start}})\n"
            f"MATCH (b:{DING} {{{URI}: row.end}})\nMERGE (a)-[:{naam(type_)}]->(b)")


VERWIJDER_KNOPEN = (f"UNWIND $uris AS uri\nMATCH (n:{DING} {{{URI}: uri}})\n"
                    f"DETACH DELETE n")
VERWIJDER_RELATIES = (f"UNWIND $rows AS row\nMATCH (a:{DING} {{{URI}: row.{URI}}})-[r]->"
                      f"(b:{DING})\nWHERE NOT (type(r) + ' ' + b.{URI}) IN row.keep\n"
                      f"DELETE r")


def in_batches(rijen: list, grootte: int = BATCH) -> Iterator[list]:
    if grootte < 1:
        raise ValueError("batch size must be at least 1")
    for i in range(0, len(rijen), grootte):
        yield rijen[i:i + grootte]


def knoop_opdrachten(p: Projectie, grootte: int = BATCH) -> Iterator[Opdracht]:
    """Nodes grouped by label set, in batches; ``SET n = row.props`` also drops
    properties a node no longer has."""
    groepen: dict[tuple[str, ...], list[dict]] = {}
    for k in p.knopen.values():
        groepen.setdefault(k.labels, []).append({URI: k.uri, "props": k.props()})
    for labels in sorted(groepen):
        for batch in in_batches(groepen[labels], grootte):
            yield Opdracht(knoop_tekst(labels), {"rows": batch})


def relatie_opdrachten(p: Projectie, grootte: int = BATCH) -> Iterator[Opdracht]:
    groepen: dict[str, list[dict]] = {}
    for r in p.relaties:
        groepen.setdefault(r.type, []).append({"start": r.start, "end": r.eind})
    for type_ in sorted(groepen):
        for batch in in_batches(groepen[type_], grootte):
            yield Opdracht(relatie_tekst(type_), {"rows": batch})


def schrijf_opdrachten(p: Projectie, grootte: int = BATCH) -> Iterator[Opdracht]:
    """Everything a sync writes, in order: constraint, nodes, relationships."""
    yield Opdracht(CONSTRAINT, {})
    yield from knoop_opdrachten(p, grootte)
    yield from relatie_opdrachten(p, grootte)


def label_weg_tekst(labels: tuple[str, ...]) -> str:
    weg = "".join(f":{naam(l)}" for l in labels)
    return f"UNWIND $uris AS uri\nMATCH (n:{DING} {{{URI}: uri}})\nREMOVE n{weg}"


def verwijder_opdrachten(p: Projectie, aanwezig: dict[str, list[str]],
                         grootte: int = BATCH) -> Iterator[Opdracht]:
    """Removal of what the scan no longer has (``aanwezig``: URI → labels, as
    ``ALLE_URIS`` returned them): nodes whose URI is gone, labels a node no longer
    has, and the relationships of the remaining nodes that are not in the projection."""
    weg = sorted(set(aanwezig) - set(p.knopen))
    for batch in in_batches(weg, grootte):
        yield Opdracht(VERWIJDER_KNOPEN, {"uris": batch})
    yield from _labels_weg(p, aanwezig, grootte)
    houden: dict[str, list[str]] = {u: [] for u in p.knopen}
    for r in p.relaties:
        houden[r.start].append(f"{r.type} {r.eind}")
    rijen = [{URI: u, "keep": k} for u, k in sorted(houden.items())]
    for batch in in_batches(rijen, grootte):
        yield Opdracht(VERWIJDER_RELATIES, {"rows": batch})


def _labels_weg(p: Projectie, aanwezig: dict[str, list[str]],
                grootte: int) -> Iterator[Opdracht]:
    teveel: dict[tuple[str, ...], list[str]] = {}
    for uri, labels in sorted(aanwezig.items()):
        if uri in p.knopen:
            extra = tuple(sorted(set(labels) - {DING} - set(p.knopen[uri].labels)))
            if extra:
                teveel.setdefault(extra, []).append(uri)
    for labels in sorted(teveel):
        for batch in in_batches(teveel[labels], grootte):
            yield Opdracht(label_weg_tekst(labels), {"uris": batch})
