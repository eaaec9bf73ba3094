"""Version bookkeeping: the names of a version's graphs and the PROV metadata about it.

Each version is two named graphs: ``urn:graaf:versie:N`` (the public part)
and ``urn:graaf:versie:N:personen`` (personal data, see ``graaf.privacy``);
together they are the version. The metadata (who wrote it, when, from which
file) lives in ``urn:graaf:versies`` and is internal: it names the author.
Engine-free (rdflib terms); ``graaf.store`` writes and reads it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD
from rdflib.term import Node

from graaf.vocab import GRAAF, SCAN

VERSIES = GRAAF.versies


def versie_graaf(nummer: int) -> str:
    """The public graph of a version (its name in the endpoint and the history)."""
    return f"{GRAAF}versie:{nummer}"


def persoon_graaf(nummer: int) -> str:
    """The graph holding a version's personal data (``graaf.privacy``)."""
    return f"{versie_graaf(nummer)}:personen"


@dataclass(frozen=True)
class Versie:
    """What the history page and ``graaf versies`` show of one version."""

    nummer: int
    graaf: str
    tijd: datetime
    door: str
    notitie: str
    bronbestand: str
    triples: int
    herstel_van: int | None = None

    @property
    def personen(self) -> str:
        return persoon_graaf(self.nummer)

    def als_dict(self) -> dict:
        return {"nummer": self.nummer, "tijd": self.tijd.isoformat(timespec="seconds"),
                "door": self.door, "notitie": self.notitie,
                "bronbestand": self.bronbestand, "triples": self.triples,
                "herstel_van": self.herstel_van}


VERSIES_QUERY = f"""
PREFIX scan: <{SCAN}> PREFIX prov: <{PROV}>
SELECT ?v ?nr ?tijd ?door ?notitie ?bron ?n ?herstel WHERE {{
  ?v a scan:Versie ; scan:volgnummer ?nr ; prov:generatedAtTime ?tijd ;
     scan:door ?door ; scan:aantalTriples ?n .
  OPTIONAL {{ ?v scan:notitie ?notitie }}
  OPTIONAL {{ ?v scan:bronbestand ?bron }}
  OPTIONAL {{ ?v scan:herstelVan ?herstel }}
}}"""


def uit_rijen(rijen: list[dict[str, str]]) -> list[Versie]:
    """The versions from ``VERSIES_QUERY`` rows (plain strings), oldest first."""
    return sorted((Versie(
        nummer=int(r["nr"]), graaf=r["v"], tijd=datetime.fromisoformat(r["tijd"]),
        door=r["door"], notitie=r.get("notitie", ""), bronbestand=r.get("bron", ""),
        triples=int(r["n"]),
        herstel_van=int(r["herstel"]) if "herstel" in r else None) for r in rijen),
        key=lambda v: v.nummer)


def metadata(nummer: int, aantal: int, door: str, notitie: str, bronbestand: str,
             vorige: int | None, herstel_van: int | None) -> list[tuple[Node, Node, Node]]:
    """The triples (for the ``VERSIES`` graph) that make version ``nummer`` exist."""
    v = URIRef(versie_graaf(nummer))
    nu = datetime.now(timezone.utc).isoformat(timespec="seconds")
    triples: list[tuple[Node, Node, Node]] = [
        (v, RDF.type, SCAN.Versie),
        (v, SCAN.volgnummer, Literal(str(nummer), datatype=XSD.integer)),
        (v, PROV.generatedAtTime, Literal(nu, datatype=XSD.dateTime)),
        (v, SCAN.door, Literal(door)),
        (v, SCAN.aantalTriples, Literal(str(aantal), datatype=XSD.integer)),
    ]
    if notitie:
        triples.append((v, SCAN.notitie, Literal(notitie)))
    if bronbestand:
        triples.append((v, SCAN.bronbestand, Literal(bronbestand)))
    if vorige:
        triples.append((v, PROV.wasRevisionOf, URIRef(versie_graaf(vorige))))
    if herstel_van:
        triples.append((v, SCAN.herstelVan, Literal(str(herstel_van), datatype=XSD.integer)))
    return triples
