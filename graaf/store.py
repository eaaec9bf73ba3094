"""The store: the only module that talks to the RDF engine (pyoxigraph).

Every ingest writes a complete new *version*: its own named graph plus a few
PROV triples about it in the ``urn:graaf:versies`` graph, added in ONE
transaction (``Store.extend`` is atomic and RocksDB-journalled). Version
graphs are never written again. The current version is the one with the
highest ``scan:volgnummer`` that has metadata, so switching is the same
atomic write and a crash mid-ingest leaves the previous version current;
graphs without metadata (left by a crash before commit cannot happen with
``extend``, but by an older tool could) are ignored and cleaned on open.

A version is two graphs (``graaf.versies``): its public graph and its
``…:personen`` graph, split on write by ``graaf.privacy``. Every read here
(query, export, herstel) sees both as one version; only the SPARQL endpoint
chooses graphs itself (``grafen``, ``query_begrensd``).
"""
from __future__ import annotations

import fcntl
import shutil
import tempfile
import threading
import time
import weakref
from contextlib import contextmanager
from itertools import chain, islice
from pathlib import Path
from typing import Iterable, Iterator, NoReturn

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from graaf import privacy
from graaf.fouten import ScanFout, ScanGewijzigd
from graaf.rijlimiet import Begrensd, toets_rijen
from graaf.sparqltekst import is_update
from graaf.versies import (VERSIES, VERSIES_QUERY, Versie, metadata, persoon_graaf,
                           uit_rijen, versie_graaf)
from graaf.vocab import GRAAF, PREFIXES

#: Registry of the fixed (non-versioned) named graphs: ``<uri> a sd:NamedGraph``.
VASTE_GRAFEN = GRAAF["vaste-grafen"]
_SD_NAMED_GRAPH = "http://www.w3.org/ns/sparql-service-description#NamedGraph"
#: N-Triples bytes a reader process copies into memory at most (~1.5M triples).
GEHEUGEN_GRENS = 200_000_000
_RESULTATEN = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
               "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
_RDF = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
        "json": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML,
        "csv": ox.RdfFormat.N_TRIPLES, "tsv": ox.RdfFormat.N_TRIPLES}
_XSD_STRING = str(XSD.string)
_READ_ONLY = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD")


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


def _onbekende_functie(fout: RuntimeError) -> NoReturn:
    """An unknown function (``<urn:f>(1)``) is the query's fault: a ScanFout (400), found
    by fuzzing the endpoint; any other engine error stays what it is, a bug."""
    if not str(fout).startswith("The custom function <"):
        raise fout
    raise ScanFout(f"De SPARQL-query gebruikt een functie die hier niet bestaat: {fout}") from fout


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
        self._stand = 0  # bumped on every write: snapshots older than this are stale
        self._momentopname: tuple[int, Path] | None = None
        self._momentopname_slot = threading.Lock()
        self._leeskopie: tuple[int, ox.Store] | None = None
        self._leeskopie_slot = threading.Lock()
        self._scheid_oude_versies()

    def _scheid_oude_versies(self) -> None:
        """Split versions written before ``graaf.privacy`` existed (once; a no-op after)."""
        gemengd = {r["g"].value for r in self._ox.query(privacy.GEMENGD)}
        oud = [v for v in self.versies() if v.graaf in gemengd]
        if oud:
            with self._schrijfslot():
                for v in oud:
                    self._ox.update(privacy.splitsing(v.graaf, v.personen))
                if self.pad:
                    self._ox.flush()

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
            return resultaat.serialize(format=_RDF[formaat])
        return resultaat.serialize(format=_RESULTATEN[formaat])

    def waarden(self, sparql: str, bindings: dict[str, Node] | None = None,
                versie: int | None = None) -> list[dict[str, str]]:
        """SELECT rows as plain strings: the fast path when only lexical values matter.

        Building rdflib terms cost as much as the query itself on result sets
        of thousands of rows (checks, overview pages).
        """
        resultaat = self._ox_query(sparql, bindings, versie)
        namen = [v.value for v in resultaat.variables]
        uit = []
        for rij in resultaat:
            waarden = {}
            for i, naam in enumerate(namen):
                term = rij[i]
                if term is not None:
                    waarden[naam] = term.value
            uit.append(waarden)
        return uit

    def _ox_query(self, sparql: str, bindings: dict[str, Node] | None, versie: int | None):
        grafen = self._grafen_van(versie)
        subst = {ox.Variable(k): naar_ox(v) for k, v in (bindings or {}).items()}
        if versie is None and self.pad:
            motor, grafen = self._leeskopie_van(grafen), grafen[:1]
        else:
            motor = self._ox
        try:
            return motor.query(sparql, default_graph=grafen, named_graphs=grafen,
                               substitutions=subst or None)
        except SyntaxError as e:
            if is_update(sparql):
                raise ScanFout("Alleen lezen: wijzigingen (SPARQL Update) zijn hier niet "
                               "toegestaan. Wijzig de scan via een werkboek.") from e
            raise ScanFout(f"De SPARQL-query is ongeldig: {e}") from e
        except RuntimeError as e:
            _onbekende_functie(e)

    def _leeskopie_van(self, grafen: list[ox.NamedNode]) -> ox.Store:
        """The current version in memory, both its graphs merged into the first (one
        graph queries fastest): on-disk reads were 5–8× slower on the checks and
        overview pages. Rebuilt on first read after a write."""
        with self._leeskopie_slot:
            if self._leeskopie is None or self._leeskopie[0] != self._stand:
                kopie = ox.Store()
                for graaf in grafen:
                    kopie.bulk_load(self._ox.dump(format=ox.RdfFormat.N_TRIPLES,
                                                  from_graph=graaf),
                                    format=ox.RdfFormat.N_TRIPLES, to_graph=grafen[0])
                self._leeskopie = (self._stand, kopie)
            return self._leeskopie[1]

    def _grafen_van(self, versie: int | None) -> list[ox.NamedNode]:
        """A version's graphs: its public graph, then its personal-data graph."""
        if versie is None:
            huidige = self.huidige()
            versie = huidige.nummer if huidige else 0  # empty scan: empty graphs
        elif versie not in {v.nummer for v in self.versies()}:
            raise ScanFout(f"Versie {versie} bestaat niet. Zie 'graaf versies'.")
        return [ox.NamedNode(versie_graaf(versie)), ox.NamedNode(persoon_graaf(versie))]

    def _quads(self, versie: int | None) -> Iterator[ox.Quad]:
        """A version's content as quads in its public graph (as one graph, as exported)."""
        grafen = self._grafen_van(versie)
        return (ox.Quad(q.subject, q.predicate, q.object, grafen[0]) for q in chain.from_iterable(
            self._ox.quads_for_pattern(None, None, None, g) for g in grafen))

    def graaf(self, versie: int | None = None) -> Graph:
        """The whole content of a version as an rdflib Graph (export, diff)."""
        g = Graph()
        for q in self._quads(versie):
            g.add((naar_rdflib(q.subject), naar_rdflib(q.predicate), naar_rdflib(q.object)))
        return g

    def dump(self, versie: int | None = None, formaat: str = "nq") -> bytes:
        """Serialise a version with the engine's writers (fast, also for big scans)."""
        if formaat == "nq":
            return ox.serialize(self._quads(versie), format=ox.RdfFormat.N_QUADS)
        fmt = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE,
               "jsonld": ox.RdfFormat.JSON_LD}[formaat]
        if formaat == "nt":
            return ox.serialize((q.triple for q in self._quads(versie)), format=fmt)
        samen = ox.Store()  # one graph again, so each subject is written as one block
        samen.bulk_extend(self._quads(versie))
        return samen.dump(format=fmt, from_graph=self._grafen_van(versie)[0], prefixes=PREFIXES)

    # -- versions ---------------------------------------------------------

    def versies(self) -> list[Versie]:
        if self._versies is None:
            self._versies = self._lees_versies()
        return self._versies

    def huidige(self) -> Versie | None:
        versies = self.versies()
        return versies[-1] if versies else None

    def _lees_versies(self) -> list[Versie]:
        rijen = self._ox.query(VERSIES_QUERY, default_graph=[ox.NamedNode(str(VERSIES))])
        namen = [v.value for v in rijen.variables]
        return uit_rijen([{n: rij[n].value for n in namen if rij[n] is not None}
                          for rij in rijen])

    def nieuwe_versie(self, inhoud: Iterable[tuple[Node, Node, Node]] | bytes, door: str,
                      notitie: str = "", bronbestand: str = "",
                      herstel_van: int | None = None, op_versie: int | None = None) -> Versie:
        """Write a complete new version and make it current, all or nothing.

        ``op_versie``: the current version the caller based its content on (a
        previewed upload); checked under the write lock, so a scan changed in
        the meantime raises ``ScanGewijzigd`` instead of being overwritten.

        ``inhoud`` is triples or N-Triples bytes (the fast path for big werkboeken).
        The version graph is bulk-loaded (fast, not atomic) and its personal
        triples moved to its personal-data graph (``graaf.privacy``); the version
        only exists once its metadata is committed in one transaction afterwards,
        so a crash in between leaves orphan graphs that nobody sees and that the
        next write of that number clears first.
        """
        with self._schrijfslot():
            self._versies = None
            vorige = self.huidige()
            if op_versie is not None and op_versie != (vorige.nummer if vorige else 0):
                raise ScanGewijzigd("De scan is intussen gewijzigd; laad het werkboek opnieuw.")
            nummer = (vorige.nummer if vorige else 0) + 1
            grafen = [ox.NamedNode(versie_graaf(nummer)), ox.NamedNode(persoon_graaf(nummer))]
            for graaf in grafen:
                if self._ox.contains_named_graph(graaf):
                    self._ox.remove_graph(graaf)  # an orphan of an interrupted write
            self._laad(inhoud, grafen[0])
            self._ox.update(privacy.splitsing(*(g.value for g in grafen)))
            aantal = int(next(iter(self._ox.query(
                "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", default_graph=grafen)))["n"].value)
            g = ox.NamedNode(str(VERSIES))
            self._ox.extend([ox.Quad(naar_ox(s), naar_ox(p), naar_ox(o), g) for s, p, o in metadata(
                nummer, aantal, door, notitie, bronbestand, vorige.nummer if vorige else None,
                herstel_van)])
            if self.pad:
                self._ox.flush()
            self._versies = None
            self._stand += 1
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

    @classmethod
    def alleen_lezen(cls, pad: Path | str) -> Store:
        """Open a snapshot (see ``momentopname``) read-only, in a reader process."""
        store = cls.__new__(cls)
        store.pad, store._ox, store._versies = None, ox.Store.read_only(str(pad)), None
        store._geheugen, store._in_geheugen = ox.Store(), {}
        return store

    def laad_in_geheugen(self, grafen: Iterable[str], grens: int = GEHEUGEN_GRENS) -> None:
        """Copy these graphs of a read-only snapshot into memory, up to ``grens`` bytes.

        Why: on the endpoint's check-query mix pyoxigraph read 3.5-9x slower from
        disk than from memory (bench); a reader process keeps the graphs its
        queries name (names kept, so explicit datasets work unchanged).
        """
        for g in grafen:
            if g in self._in_geheugen or self._geheugen is None:
                continue
            data = self._ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g))
            if sum(self._in_geheugen.values()) + len(data) > grens:
                self._geheugen = None  # too big: this reader stays on disk
                return
            self._geheugen.bulk_load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(g))
            self._in_geheugen[g] = len(data)

    def query_begrensd(self, sparql: str, standaard: list[str], benoemd: list[str],
                       formaat: str, max_rijen: int, basis: str | None = None) -> bytes:
        """Run a query on an explicit dataset, serialised, refused past ``max_rijen``.

        Rows are counted while the engine writes TSV (one line a row: exact, and
        a huge result stops early); other formats are converted from that TSV by
        the engine, so terms and blank-node labels stay as they are.
        """
        geheugen = getattr(self, "_geheugen", None)
        bron = geheugen if geheugen is not None and set(standaard + benoemd) <= set(
            self._in_geheugen) else self._ox
        try:
            r = bron.query(sparql, base_iri=basis, prefixes=PREFIXES,
                           default_graph=[ox.NamedNode(g) for g in standaard],
                           named_graphs=[ox.NamedNode(g) for g in benoemd])
        except SyntaxError as e:
            raise ScanFout(f"De SPARQL-query is ongeldig: {e}") from e
        except RuntimeError as e:
            _onbekende_functie(e)
        if isinstance(r, ox.QueryBoolean):
            return r.serialize(format=_RESULTATEN[formaat])
        if isinstance(r, ox.QueryTriples):
            triples = list(islice(r, max_rijen + 1))
            toets_rijen(len(triples), max_rijen)
            return ox.serialize(triples, format=_RDF[formaat],
                                prefixes=PREFIXES if formaat == "ttl" else None)
        uit = Begrensd(max_rijen)
        r.serialize(uit, format=ox.QueryResultsFormat.TSV)
        if formaat == "tsv":
            return bytes(uit)
        tsv = ox.parse_query_results(bytes(uit), format=ox.QueryResultsFormat.TSV)
        return tsv.serialize(format=_RESULTATEN[formaat])

    # -- fixed graphs and snapshots for reader processes (the SPARQL endpoint) --

    def zet_vaste_graaf(self, uri: str, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        """Replace a fixed, non-versioned named graph: reference data beside the scan.

        For data that is not part of a werkboek (the ontology, test suites'
        graphs); the endpoint can query it by name. Not atomic (drop, then load).
        """
        if uri.startswith(str(GRAAF)):
            raise ScanFout(f"'{uri}' is een interne graafnaam; kies een andere URI.")
        doel = ox.NamedNode(uri)
        with self._schrijfslot():
            self._ox.remove_graph(doel)
            self._ox.extend([ox.Quad(naar_ox(s), naar_ox(p), naar_ox(o), doel)
                             for s, p, o in triples] + [ox.Quad(doel, ox.NamedNode(str(RDF.type)),
                             ox.NamedNode(_SD_NAMED_GRAPH), ox.NamedNode(str(VASTE_GRAFEN)))])
            if self.pad:
                self._ox.flush()
            self._stand += 1

    def grafen(self, persoonsgegevens: bool = False) -> list[str]:
        """Every graph a visitor may name: the versions' public graphs (with their
        personal-data graphs only if ``persoonsgegevens``), then the fixed graphs."""
        vast = self._ox.quads_for_pattern(None, None, None, ox.NamedNode(str(VASTE_GRAFEN)))
        versies = [g for v in self.versies()
                   for g in ((v.graaf, v.personen) if persoonsgegevens else (v.graaf,))]
        return versies + sorted({q.subject.value for q in vast})

    def momentopname(self) -> Path:
        """A read-only copy of the store as it is now, for reader processes.

        Why a copy: opening the live database read-only while this process
        writes is undefined behaviour (measured: 'Corruption' errors right after
        writes), and an in-memory store can't be opened by another process. A
        backup is hard links (tens of ms, once per write) and never changes.
        """
        with self._momentopname_slot:
            stand, vorige = self._stand, self._momentopname
            if vorige and vorige[0] == stand:
                return vorige[1]
            map_ = self.pad / "momentopnamen" if self.pad else vorige and vorige[1].parent
            if not map_:
                map_ = Path(tempfile.mkdtemp(prefix="graaf-momentopnamen-"))
                weakref.finalize(self, shutil.rmtree, map_, True)
            map_.mkdir(exist_ok=True)
            doel = map_ / str(time.time_ns())
            if self.pad:
                self._ox.backup(str(doel))
            else:  # copy, then close the copy's writer before any reader opens it
                kopie = ox.Store(str(doel))
                kopie.extend(self._ox)
                kopie.flush()
                del kopie
            for oud in map_.iterdir():  # keep the previous one: queries may still run on it
                if oud != doel and (not vorige or oud != vorige[1]):
                    shutil.rmtree(oud, ignore_errors=True)
            self._momentopname = (stand, doel)
            return doel

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
