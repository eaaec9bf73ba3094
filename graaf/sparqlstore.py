"""The store interface on a remote SPARQL 1.1 server (Query, Update, Graph Store Protocol).

Same versions as the embedded store (``graaf.store``): a version is the named
graphs ``urn:graaf:versie:N`` and ``…:personen``, its metadata in
``urn:graaf:versies``, the current one the highest ``scan:volgnummer``
there. A new version is first uploaded into its own graphs (GSP POSTs of
N-Triples in chunks, then the privacy split as one update); only then ONE
SPARQL Update writes its metadata, which is the switch. A crash or a dead
server before that leaves graphs without metadata: nobody reads them and
the next write of that number drops them first. The metadata insert is
conditional on the number being free, so two writers can't both make
version N; the loser gets ``ScanGewijzigd``.

Reads send the version's graphs as the protocol's dataset
(``default-graph-uri``/``named-graph-uri``) and bound values as a VALUES
block (``graaf.sparqlstore_tekst``). Whole versions (dump, export) are
re-serialised by an in-memory embedded store, cached per version number:
versions never change once written.
"""
from __future__ import annotations

import os
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Iterable, Iterator

from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from graaf import privacy
from graaf import sparqlstore_resultaten as res
from graaf.fouten import ScanFout, ScanGewijzigd
from graaf.sparqlstore_http import Adressen, Afgekapt, SparqlHttp
from graaf.sparqlstore_tekst import met_waarden, vorm
from graaf.sparqltekst import is_update
from graaf.store import VASTE_GRAFEN, Store
from graaf.versies import (VERSIES, VERSIES_QUERY, Versie, metadata, persoon_graaf,
                           uit_rijen, versie_graaf)
from graaf.vocab import GRAAF, PREFIXES, SCAN

#: Stand-in for "no graph": the protocol's empty dataset would mean "all graphs".
LEEG = f"{GRAAF}leeg"
_JSON = "application/sparql-results+json"
_NT = "application/n-triples"
_SD_NAMED_GRAPH = URIRef("http://www.w3.org/ns/sparql-service-description#NamedGraph")
_BROK = 4 * 1024 * 1024  # bytes of N-Triples per GSP request
_VERSIES_GELDIG = 2.0  # seconds the version list is trusted (other processes may write)
_RDF = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "json": "json-ld", "xml": "xml",
        "csv": "nt", "tsv": "nt"}


def adressen(spec: str) -> Adressen:
    """The server's URLs from ``sparql+http(s)://host:port/path[?update=…&gsp=…]``."""
    deel = urllib.parse.urlsplit(spec)
    if deel.username or deel.password:
        raise ScanFout("Zet geen gebruikersnaam of wachtwoord in het opslagadres; gebruik "
                       "GRAAF_STORE_GEBRUIKER en GRAAF_STORE_WACHTWOORD.")
    schema = deel.scheme.removeprefix("sparql+")
    if schema not in ("http", "https") or not deel.hostname:
        raise ScanFout("Een SPARQL-opslag heet sparql+http://host:poort/pad of "
                       "sparql+https://host:poort/pad.")
    query = urllib.parse.urlunsplit((schema, deel.netloc, deel.path or "/", "", ""))
    opties = dict(urllib.parse.parse_qsl(deel.query))
    gsp = opties.get("gsp")
    return Adressen(query, urllib.parse.urljoin(query, opties.get("update", query)),
                    urllib.parse.urljoin(query, gsp) if gsp else None)


class SparqlStore:
    """A versioned scan on a SPARQL 1.1 server; the interface of ``graaf.store.Store``."""

    def __init__(self, spec: str, gebruiker: str | None = None, wachtwoord: str | None = None,
                 pad: Path | None = None, tijdslimiet: float = 120.0) -> None:
        self.spec, self.pad = spec, pad  # pad: local folder for accounts, uploads
        # str(): Flask's from_prefixed_env reads GRAAF_STORE_WACHTWOORD=123 as a number
        self._http = SparqlHttp(adressen(spec), str(gebruiker) if gebruiker else None,
                                str(wachtwoord) if wachtwoord is not None else None,
                                tijdslimiet)
        self._versies: tuple[float, list[Versie]] | None = None
        self._kopie: tuple[int, Store] | None = None
        self._slot = threading.Lock()
        self._schrijfslot = threading.Lock()
        self._stand = 0

    def __repr__(self) -> str:  # never the credentials
        return f"SparqlStore({self._http.adressen.naam!r})"

    def close(self) -> None:
        self._kopie = None

    # -- reading ----------------------------------------------------------

    def query(self, sparql: str, bindings: dict[str, Node] | None = None,
              versie: int | None = None) -> list[dict[str, Node]] | bool | Graph:
        """Like ``Store.query``: rows of rdflib terms, a bool, or a Graph."""
        soort, tekst = self._leesbaar(sparql, bindings)
        grafen = self._grafen_van(versie)
        if soort in ("CONSTRUCT", "DESCRIBE"):
            return res.graaf_uit(self._volledig(tekst, _NT, grafen, grafen))
        uitkomst = res.lees_json(self._volledig(tekst, _JSON, grafen, grafen))
        if "boolean" in uitkomst:
            return bool(uitkomst["boolean"])
        return res.rijen(uitkomst)

    def waarden(self, sparql: str, bindings: dict[str, Node] | None = None,
                versie: int | None = None) -> list[dict[str, str]]:
        _, tekst = self._leesbaar(sparql, bindings)
        grafen = self._grafen_van(versie)
        return res.teksten(res.lees_json(self._volledig(tekst, _JSON, grafen, grafen)))

    def query_formaat(self, sparql: str, formaat: str = "json", versie: int | None = None,
                      bindings: dict[str, Node] | None = None) -> bytes:
        soort, tekst = self._leesbaar(sparql, bindings)
        grafen = self._grafen_van(versie)
        if soort in ("CONSTRUCT", "DESCRIBE"):
            g = res.graaf_uit(self._volledig(tekst, _NT, grafen, grafen))
            return g.serialize(format=_RDF[formaat], encoding="utf-8")
        ruw = res.lees_json(self._volledig(tekst, _JSON, grafen, grafen))
        return res.schrijf_tabel(ruw, formaat)

    def _volledig(self, tekst: str, accept: str, standaard: list[str],
                  benoemd: list[str]) -> bytes:
        """A query's whole answer; one the server cut at its row limit is refused."""
        antwoord = self._http.query(tekst, accept, standaard, benoemd)
        if antwoord.afgekapt is not None:
            raise Afgekapt(f"De SPARQL-server kapte het resultaat af op {antwoord.afgekapt} "
                           "rijen. Verhoog zijn grens (Virtuoso: ResultSetMaxRows in "
                           "[SPARQL] van virtuoso.ini) of maak de query specifieker.")
        return antwoord.inhoud

    def _leesbaar(self, sparql: str, bindings: dict[str, Node] | None) -> tuple[str, str]:
        """(form, text with values): only queries are sent, never updates."""
        soort = vorm(sparql)
        if soort is None:
            if is_update(sparql):
                raise ScanFout("Alleen lezen: wijzigingen (SPARQL Update) zijn hier niet "
                               "toegestaan. Wijzig de scan via een werkboek.")
            raise ScanFout("De SPARQL-query is ongeldig: geen SELECT, ASK, CONSTRUCT of "
                           "DESCRIBE.")
        return soort, met_waarden(sparql, bindings)

    def _grafen_van(self, versie: int | None) -> list[str]:
        if versie is None:
            huidige = self.huidige()
            versie = huidige.nummer if huidige else 0
        elif versie not in {v.nummer for v in self.versies()}:
            raise ScanFout(f"Versie {versie} bestaat niet. Zie 'graaf versies'.")
        return [versie_graaf(versie), persoon_graaf(versie)]

    def graaf(self, versie: int | None = None) -> Graph:
        return res.graaf_uit(self.dump(versie, "nt"))

    def dump(self, versie: int | None = None, formaat: str = "nq") -> bytes:
        """A version serialised like the embedded store does (its writers, one graph)."""
        kopie = self._kopie_van(versie)
        if formaat != "nq":
            return kopie.dump(None, formaat)
        naam = f"<{self._grafen_van(versie)[0]}> .".encode()
        return b"".join(regel[:-1] + naam + b"\n" for regel in
                        kopie.dump(None, "nt").splitlines() if regel.endswith(b"."))

    def _kopie_van(self, versie: int | None) -> Store:
        """The version in an in-memory embedded store; checked complete against its metadata."""
        nummer = versie if versie is not None else (self.huidige().nummer if self.huidige()
                                                    else 0)
        with self._slot:
            if self._kopie and self._kopie[0] == nummer:
                return self._kopie[1]
        verwacht = next((v.triples for v in self.versies() if v.nummer == nummer), 0)
        nt = self._alle_triples(self._grafen_van(versie), verwacht)
        kopie = Store()
        if nt.strip():
            kopie.nieuwe_versie(nt, door="graaf (kopie)")
        gekregen = kopie.huidige().triples if kopie.huidige() else 0
        if gekregen != verwacht:
            raise ScanFout(f"De SPARQL-server gaf {gekregen} van de {verwacht} triples van "
                           f"versie {nummer}: verhoog zijn grens op resultaatrijen "
                           "(Virtuoso: ResultSetMaxRows).")
        with self._slot:
            self._kopie = (nummer, kopie)
        return kopie

    def _alle_triples(self, grafen: list[str], verwacht: int) -> bytes:
        """A version's ``verwacht`` triples as N-Triples; paged (ORDER BY, LIMIT, OFFSET)
        when the server cut the whole at its row limit (Virtuoso's default: 10,000;
        it cuts CONSTRUCT results without saying so, hence the count)."""
        alles = self._http.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", _NT, grafen,
                                 grafen)
        gekregen = sum(1 for r in alles.inhoud.splitlines() if r.strip())
        if gekregen >= verwacht and alles.afgekapt is None:
            return alles.inhoud
        stap, delen, begin = max(min(gekregen, alles.afgekapt or gekregen) - 1, 1), [], 0
        while True:
            deel = self._http.query(
                f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {{ SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }} "
                f"ORDER BY ?s ?p ?o LIMIT {stap} OFFSET {begin} }} }}", _NT, grafen, grafen)
            regels = [r for r in deel.inhoud.splitlines() if r.strip()]
            delen.append(b"\n".join(regels) + b"\n")
            if len(regels) < stap:
                return b"".join(delen)
            begin += stap

    # -- versions ---------------------------------------------------------

    def versies(self) -> list[Versie]:
        onthouden = self._versies
        if onthouden is None or time.monotonic() - onthouden[0] > _VERSIES_GELDIG:
            rijen = res.teksten(res.lees_json(
                self._volledig(VERSIES_QUERY, _JSON, [str(VERSIES)], [LEEG])))
            onthouden = (time.monotonic(), uit_rijen(rijen))
            self._versies = onthouden
        return onthouden[1]

    def huidige(self) -> Versie | None:
        versies = self.versies()
        return versies[-1] if versies else None

    def nieuwe_versie(self, inhoud: Iterable[tuple[Node, Node, Node]] | bytes, door: str,
                      notitie: str = "", bronbestand: str = "",
                      herstel_van: int | None = None, op_versie: int | None = None) -> Versie:
        """Upload into the next version's graphs, then make it current in ONE update.

        One writer at a time in this process (site threads); across processes the
        conditional switch (``_schakel``) lets only one writer make version N.
        """
        with self._schrijfslot:
            return self._nieuwe_versie(inhoud, door, notitie, bronbestand, herstel_van,
                                       op_versie)

    def _nieuwe_versie(self, inhoud: Iterable[tuple[Node, Node, Node]] | bytes, door: str,
                       notitie: str, bronbestand: str, herstel_van: int | None,
                       op_versie: int | None) -> Versie:
        self._versies = None
        vorige = self.huidige()
        if op_versie is not None and op_versie != (vorige.nummer if vorige else 0):
            raise ScanGewijzigd("De scan is intussen gewijzigd; laad het werkboek opnieuw.")
        nummer = (vorige.nummer if vorige else 0) + 1
        graaf, personen = versie_graaf(nummer), persoon_graaf(nummer)
        self._http.update(f"DROP SILENT GRAPH <{graaf}> ; DROP SILENT GRAPH <{personen}>")
        for brok in _brokken(inhoud if isinstance(inhoud, bytes) else _ntriples(inhoud)):
            self._http.graaf_erbij(graaf, brok)
        self._http.update(privacy.splitsing(graaf, personen))
        aantal = int(res.teksten(res.lees_json(self._volledig(
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", _JSON, [graaf, personen],
            [LEEG])))[0]["n"])
        self._http.update(_schakel(nummer, metadata(
            nummer, aantal, door, notitie, bronbestand, vorige.nummer if vorige else None,
            herstel_van)))
        self._versies, self._stand = None, self._stand + 1
        nu = self.huidige()
        if nu is None or nu.nummer != nummer or nu.door != door:
            raise ScanGewijzigd("De scan is intussen door een ander gewijzigd; laad opnieuw.")
        return nu

    def herstel(self, nummer: int, door: str, notitie: str = "") -> Versie:
        oud = self.dump(nummer, "nt")
        return self.nieuwe_versie(oud, door, notitie or f"Herstel van versie {nummer}",
                                  herstel_van=nummer)

    # -- the endpoint, fixed graphs, reader processes ------------------------

    def query_begrensd(self, sparql: str, standaard: list[str], benoemd: list[str],
                       formaat: str, max_rijen: int, basis: str | None = None) -> bytes:
        """Forwarded to the server on an explicit dataset; refused whole past ``max_rijen``."""
        soort, _ = self._leesbaar(sparql, None)
        proloog = (f"BASE <{basis}>\n" if basis else "") + "".join(
            f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
        tekst, grafen = proloog + sparql, (standaard or [LEEG], benoemd or [LEEG])
        if soort in ("CONSTRUCT", "DESCRIBE"):
            g = res.graaf_uit(self._volledig(tekst, _NT, *grafen))
            res.toets_rijen(len(g), max_rijen)
            return g.serialize(format=_RDF[formaat], encoding="utf-8")
        uitkomst = res.lees_json(self._volledig(tekst, _JSON, *grafen))
        return res.schrijf_tabel(uitkomst, formaat, max_rijen)

    def zet_vaste_graaf(self, uri: str, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        """Replace a fixed, non-versioned graph (drop, load, register; not atomic)."""
        if uri.startswith(str(GRAAF)):
            raise ScanFout(f"'{uri}' is een interne graafnaam; kies een andere URI.")
        self._http.update(f"DROP SILENT GRAPH <{uri}>")
        for brok in _brokken(_ntriples(triples)):
            self._http.graaf_erbij(uri, brok)
        self._http.update(f"INSERT DATA {{ GRAPH <{VASTE_GRAFEN}> {{ "
                          f"{URIRef(uri).n3()} {RDF.type.n3()} {_SD_NAMED_GRAPH.n3()} }} }}")
        self._stand += 1

    def grafen(self, persoonsgegevens: bool = False) -> list[str]:
        vast = res.teksten(res.lees_json(self._volledig(
            f"SELECT DISTINCT ?g WHERE {{ ?g a {_SD_NAMED_GRAPH.n3()} }}", _JSON,
            [str(VASTE_GRAFEN)], [LEEG])))
        versies = [g for v in self.versies()
                   for g in ((v.graaf, v.personen) if persoonsgegevens else (v.graaf,))]
        return versies + sorted({r["g"] for r in vast})

    def momentopname(self) -> str:
        """For reader processes: the address itself (they read the server, not a copy)."""
        return self.spec

    @classmethod
    def alleen_lezen(cls, spec: str) -> SparqlStore:
        """In a reader process: the same server, credentials from the environment."""
        return cls(spec, os.environ.get("GRAAF_STORE_GEBRUIKER"),
                   os.environ.get("GRAAF_STORE_WACHTWOORD"),
                   tijdslimiet=float(os.environ.get("GRAAF_STORE_TIJDSLIMIET", "60")))


def _ntriples(triples: Iterable[tuple[Node, Node, Node]]) -> bytes:
    return "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in triples).encode("utf-8")


def _brokken(nt: bytes) -> Iterator[bytes]:
    """N-Triples in pieces of whole lines; one piece if blank nodes occur (their labels
    are scoped to one document, so a node split over two requests would become two)."""
    if b"_:" in nt or len(nt) <= _BROK:
        if nt.strip():
            yield nt
        return
    begin = 0
    while begin < len(nt):
        eind = nt.find(b"\n", min(begin + _BROK, len(nt) - 1))
        eind = len(nt) if eind < 0 else eind + 1
        yield nt[begin:eind]
        begin = eind


def _schakel(nummer: int, triples: list[tuple[Node, Node, Node]]) -> str:
    """The ONE update that makes a version exist: only if its number is still free."""
    v = URIRef(versie_graaf(nummer)).n3()
    regels = " ".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)
    # A count, not FILTER NOT EXISTS or OPTIONAL/!BOUND: Virtuoso 7.2 inserted despite
    # the first, and never inserted with the second while the IRIs were new to it.
    return (f"INSERT {{ GRAPH <{VERSIES}> {{ {regels} }} }} WHERE {{ {{ SELECT (COUNT(?n) "
            f"AS ?al) WHERE {{ GRAPH <{VERSIES}> {{ {v} {SCAN.volgnummer.n3()} ?n }} }} }} "
            f"FILTER(?al = 0) }}")
