"""The store: the only module that talks to the RDF engine (pyoxigraph).

Every ingest writes a complete new *version*: its own named graph plus a few
PROV triples about it in the ``urn:graaf:versies`` graph, added in ONE
transaction (``Store.extend`` is atomic and RocksDB-journalled). Version
graphs are never written again. The current version is the one with the
highest ``scan:volgnummer`` that has metadata, so switching is the same
atomic write and a crash mid-ingest leaves the previous version current;
graphs without metadata (left by a crash before commit cannot happen with
``extend``, but by an older tool could) are ignored and cleaned on open.
"""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD
from rdflib.term import Node

from graaf.fouten import ScanFout
from graaf.vocab import GRAAF, SCAN

VERSIES = GRAAF.versies
_XSD_STRING = str(XSD.string)
_READ_ONLY = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD")


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

    def als_dict(self) -> dict:
        return {"nummer": self.nummer, "tijd": self.tijd.isoformat(timespec="seconds"),
                "door": self.door, "notitie": self.notitie,
                "bronbestand": self.bronbestand, "triples": self.triples,
                "herstel_van": self.herstel_van}


def versie_graaf(nummer: int) -> str:
    return f"{GRAAF}versie:{nummer}"


# -- term conversion between rdflib (the project's term model) and pyoxigraph --

def naar_ox(term: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype and str(term.datatype) != _XSD_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"geen RDF-term: {term!r}")


def naar_rdflib(term: object) -> Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value, datatype=None if dt == _XSD_STRING else URIRef(dt))
    raise TypeError(f"onbekende term: {term!r}")


def is_update(sparql: str) -> bool:
    """True when the text parses as SPARQL Update (parse only: never executed)."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(sparql)
        return True
    except Exception:  # noqa: BLE001 - any parse failure means "not an update"
        return False


class Store:
    """A versioned scan in an embedded pyoxigraph store (on disk or in memory)."""

    def __init__(self, pad: Path | str | None = None) -> None:
        self.pad = Path(pad) if pad else None
        if self.pad:
            self.pad.mkdir(parents=True, exist_ok=True)
            try:
                self._ox = ox.Store(str(self.pad / "oxigraph"))
            except OSError as e:
                raise ScanFout(
                    "De opslag is in gebruik door een ander proces (of beschadigd). "
                    "Sluit de site of het andere 'graaf'-commando en probeer opnieuw.",
                    str(self.pad)) from e
        else:
            self._ox = ox.Store()
        self._huidige: Versie | None = None
        self._versies: list[Versie] | None = None

    def close(self) -> None:
        if self.pad:
            self._ox.flush()
        del self._ox

    # -- reading ----------------------------------------------------------

    def query(self, sparql: str, bindings: dict[str, Node] | None = None,
              versie: int | None = None) -> list[dict[str, Node]] | bool | Graph:
        """Run a read-only query against one version (default: the current one).

        SELECT gives rows of rdflib terms, ASK a bool, CONSTRUCT/DESCRIBE a Graph.
        A bound variable must be in the SELECT list (pyoxigraph substitutions).
        """
        resultaat = self._ox_query(sparql, bindings, versie)
        if isinstance(resultaat, ox.QueryBoolean):
            return bool(resultaat)
        if isinstance(resultaat, ox.QueryTriples):
            g = Graph()
            for t in resultaat:
                g.add((naar_rdflib(t.subject), naar_rdflib(t.predicate), naar_rdflib(t.object)))
            return g
        namen = [v.value for v in resultaat.variables]
        return [{n: naar_rdflib(rij[n]) for n in namen if rij[n] is not None}
                for rij in resultaat]

    def query_formaat(self, sparql: str, formaat: str = "json",
                      versie: int | None = None,
                      bindings: dict[str, Node] | None = None) -> bytes:
        """Run a query and serialise the result with the engine's own writers.

        ``formaat``: json, xml, csv, tsv for SELECT/ASK; ttl, nt, jsonld, xml for
        CONSTRUCT/DESCRIBE (json means JSON-LD there).
        """
        resultaat = self._ox_query(sparql, bindings, versie)
        if isinstance(resultaat, ox.QueryTriples):
            rdf = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
                   "jsonld": ox.RdfFormat.JSON_LD, "json": ox.RdfFormat.JSON_LD,
                   "xml": ox.RdfFormat.RDF_XML, "csv": ox.RdfFormat.N_TRIPLES,
                   "tsv": ox.RdfFormat.N_TRIPLES}[formaat]
            return resultaat.serialize(format=rdf)
        res = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
               "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}[formaat]
        return resultaat.serialize(format=res)

    def _ox_query(self, sparql: str, bindings: dict[str, Node] | None, versie: int | None):
        graaf = self._graaf_van(versie)
        subst = {ox.Variable(k): naar_ox(v) for k, v in (bindings or {}).items()}
        try:
            return self._ox.query(
                sparql, default_graph=[graaf] if graaf else None,
                named_graphs=[graaf] if graaf else None, substitutions=subst or None)
        except SyntaxError as e:
            if is_update(sparql):
                raise ScanFout("Alleen lezen: wijzigingen (SPARQL Update) zijn hier niet "
                               "toegestaan. Wijzig de scan via een werkboek.") from e
            raise ScanFout(f"De SPARQL-query is ongeldig: {e}") from e

    def _graaf_van(self, versie: int | None) -> ox.NamedNode | None:
        if versie is None:
            huidige = self.huidige()
            if huidige is None:
                return ox.NamedNode(versie_graaf(0))  # empty scan: an empty graph
            versie = huidige.nummer
        elif versie not in {v.nummer for v in self.versies()}:
            raise ScanFout(f"Versie {versie} bestaat niet. Zie 'graaf versies'.")
        return ox.NamedNode(versie_graaf(versie))

    def graaf(self, versie: int | None = None) -> Graph:
        """The whole content of a version as an rdflib Graph (export, diff)."""
        doel = self._graaf_van(versie)
        g = Graph()
        for q in self._ox.quads_for_pattern(None, None, None, doel):
            g.add((naar_rdflib(q.subject), naar_rdflib(q.predicate), naar_rdflib(q.object)))
        return g

    def dump(self, versie: int | None = None, formaat: str = "nq") -> bytes:
        """Serialise a version with the engine's writers (fast, also for big scans)."""
        from graaf.vocab import PREFIXES

        doel = self._graaf_van(versie)
        if formaat == "nq":
            return ox.serialize(self._ox.quads_for_pattern(None, None, None, doel),
                                format=ox.RdfFormat.N_QUADS)
        fmt = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE,
               "jsonld": ox.RdfFormat.JSON_LD}[formaat]
        prefixes = PREFIXES if formaat in ("ttl", "jsonld") else None
        return self._ox.dump(format=fmt, from_graph=doel, prefixes=prefixes)

    # -- versions ---------------------------------------------------------

    def versies(self) -> list[Versie]:
        if self._versies is None:
            self._versies = self._lees_versies()
        return self._versies

    def huidige(self) -> Versie | None:
        versies = self.versies()
        return versies[-1] if versies else None

    def _lees_versies(self) -> list[Versie]:
        rijen = self._ox.query(_VERSIES_QUERY, default_graph=[ox.NamedNode(str(VERSIES))])
        uit = []
        for r in rijen:
            herstel = r["herstel"]
            uit.append(Versie(
                nummer=int(r["nr"].value), graaf=r["v"].value,
                tijd=datetime.fromisoformat(r["tijd"].value), door=r["door"].value,
                notitie=r["notitie"].value if r["notitie"] else "",
                bronbestand=r["bron"].value if r["bron"] else "",
                triples=int(r["n"].value),
                herstel_van=int(herstel.value) if herstel else None))
        return sorted(uit, key=lambda v: v.nummer)

    def nieuwe_versie(self, inhoud: Iterable[tuple[Node, Node, Node]] | bytes, door: str,
                      notitie: str = "", bronbestand: str = "",
                      herstel_van: int | None = None) -> Versie:
        """Write a complete new version and make it current, all or nothing.

        ``inhoud`` is triples or N-Triples bytes (the fast path for big werkboeken).
        The version graph is bulk-loaded (fast, not atomic); the version only
        exists once its metadata is committed in one transaction afterwards, so
        a crash in between leaves an orphan graph that nobody sees and that the
        next write of that number clears first.
        """
        with self._schrijfslot():
            self._versies = None
            vorige = self.huidige()
            nummer = (vorige.nummer if vorige else 0) + 1
            doel = ox.NamedNode(versie_graaf(nummer))
            if self._ox.contains_named_graph(doel):
                self._ox.remove_graph(doel)  # an orphan of an interrupted write
            self._laad(inhoud, doel)
            aantal = int(next(iter(self._ox.query(
                "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", default_graph=doel)))["n"].value)
            self._ox.extend(_metadata(nummer, aantal, door, notitie, bronbestand,
                                      vorige.nummer if vorige else None, herstel_van))
            if self.pad:
                self._ox.flush()
            self._versies = None
        return self.huidige()

    def _laad(self, inhoud: Iterable[tuple[Node, Node, Node]] | bytes,
              doel: ox.NamedNode) -> None:
        if isinstance(inhoud, bytes):
            self._ox.bulk_load(inhoud, format=ox.RdfFormat.N_TRIPLES, to_graph=doel)
        else:
            self._ox.bulk_extend(ox.Quad(naar_ox(s), naar_ox(p), naar_ox(o), doel)
                                 for s, p, o in inhoud)
        if self.pad:
            self._ox.flush()

    def herstel(self, nummer: int, door: str, notitie: str = "") -> Versie:
        """Make an earlier version current again, as a new version (history is kept)."""
        oud = self.dump(nummer, "nt")
        return self.nieuwe_versie(oud, door, notitie or f"Herstel van versie {nummer}",
                                  herstel_van=nummer)

    @contextmanager
    def _schrijfslot(self) -> Iterator[None]:
        """One writer at a time, across threads and processes sharing the folder."""
        if not self.pad:
            yield
            return
        with open(self.pad / "schrijfslot", "w") as slot:
            fcntl.flock(slot, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(slot, fcntl.LOCK_UN)


_VERSIES_QUERY = f"""
PREFIX scan: <{SCAN}> PREFIX prov: <{PROV}>
SELECT ?v ?nr ?tijd ?door ?notitie ?bron ?n ?herstel WHERE {{
  ?v a scan:Versie ; scan:volgnummer ?nr ; prov:generatedAtTime ?tijd ;
     scan:door ?door ; scan:aantalTriples ?n .
  OPTIONAL {{ ?v scan:notitie ?notitie }}
  OPTIONAL {{ ?v scan:bronbestand ?bron }}
  OPTIONAL {{ ?v scan:herstelVan ?herstel }}
}}"""


def _metadata(nummer: int, aantal: int, door: str, notitie: str, bronbestand: str,
              vorige: int | None, herstel_van: int | None) -> list[ox.Quad]:
    v = ox.NamedNode(versie_graaf(nummer))
    g = ox.NamedNode(str(VERSIES))
    nu = datetime.now(timezone.utc).isoformat(timespec="seconds")

    def lit(waarde: object, dt: URIRef | None = None) -> ox.Literal:
        return ox.Literal(str(waarde), datatype=ox.NamedNode(str(dt)) if dt else None)

    quads = [
        ox.Quad(v, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(SCAN.Versie)), g),
        ox.Quad(v, ox.NamedNode(str(SCAN.volgnummer)), lit(nummer, XSD.integer), g),
        ox.Quad(v, ox.NamedNode(str(PROV.generatedAtTime)), lit(nu, XSD.dateTime), g),
        ox.Quad(v, ox.NamedNode(str(SCAN.door)), lit(door), g),
        ox.Quad(v, ox.NamedNode(str(SCAN.aantalTriples)), lit(aantal, XSD.integer), g),
    ]
    if notitie:
        quads.append(ox.Quad(v, ox.NamedNode(str(SCAN.notitie)), lit(notitie), g))
    if bronbestand:
        quads.append(ox.Quad(v, ox.NamedNode(str(SCAN.bronbestand)), lit(bronbestand), g))
    if vorige:
        quads.append(ox.Quad(v, ox.NamedNode(str(PROV.wasRevisionOf)),
                             ox.NamedNode(versie_graaf(vorige)), g))
    if herstel_van:
        quads.append(ox.Quad(v, ox.NamedNode(str(SCAN.herstelVan)), lit(herstel_van, XSD.integer), g))
    return quads
