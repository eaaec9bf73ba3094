"""HTTP for the remote store: SPARQL 1.1 Protocol (query, update) and Graph Store Protocol.

Standard library only (urllib): one request per call, Digest or Basic
authentication answered when the server asks (Virtuoso's ``/sparql-auth``
and ``/sparql-graph-crud-auth`` want Digest). Credentials live only in the
password manager of the opener: they are never part of a URL, a log line
or an error message. Every failure becomes a Dutch ``ScanFout`` naming the
server (scheme, host, port, path), never the credentials.
"""
from __future__ import annotations

import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message

from graaf.fouten import ScanFout

_KOP_TIJDSLIMIET = "X-SQL-State"  # Virtuoso: a partial ("anytime") answer past its timeout


class ServerTijdslimiet(ScanFout):
    """The server stopped the query at its time limit (a partial answer is refused)."""


@dataclass(frozen=True)
class Adressen:
    """The three URLs of one server: reading, updating and whole graphs (GSP)."""

    query: str
    update: str
    gsp: str | None

    @property
    def naam(self) -> str:
        """The server as users may see it (no credentials ever in these URLs)."""
        return self.query


@dataclass(frozen=True)
class Antwoord:
    inhoud: bytes
    koppen: Message

    @property
    def afgekapt(self) -> int | None:
        """The row limit the server cut this result at (Virtuoso: ``X-SPARQL-MaxRows``)."""
        grens = self.koppen.get("X-SPARQL-MaxRows")
        return int(grens) if grens and grens.strip().isdigit() else None


class Afgekapt(ScanFout):
    """The server cut a result short at its own row limit: never used as if complete."""


class SparqlHttp:
    """A client for one SPARQL server; safe to share between threads (no state per call)."""

    def __init__(self, adressen: Adressen, gebruiker: str | None = None,
                 wachtwoord: str | None = None, tijdslimiet: float = 120.0) -> None:
        self.adressen, self.tijdslimiet = adressen, tijdslimiet
        handlers: list[urllib.request.BaseHandler] = []
        if gebruiker:
            wachtwoorden = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in (adressen.query, adressen.update, adressen.gsp):
                if url:
                    wachtwoorden.add_password(None, url, gebruiker, wachtwoord or "")
            handlers += [urllib.request.HTTPDigestAuthHandler(wachtwoorden),
                         urllib.request.HTTPBasicAuthHandler(wachtwoorden)]
        self._opener = urllib.request.build_opener(*handlers)

    def query(self, tekst: str, accept: str, standaard: list[str] | None = None,
              benoemd: list[str] | None = None, tijdslimiet: float | None = None) -> Antwoord:
        """POST a query (form-encoded) on an explicit dataset; ``None`` leaves it to the query."""
        velden: list[tuple[str, str]] = [("query", tekst)]
        velden += [("default-graph-uri", g) for g in standaard or []]
        velden += [("named-graph-uri", g) for g in benoemd or []]
        tijd = tijdslimiet or self.tijdslimiet
        velden.append(("timeout", str(int(tijd * 1000))))  # Virtuoso stops the query too
        # the socket waits a little longer, so the server's own refusal can arrive
        antwoord = self._stuur(self.adressen.query, "POST", _formulier(velden), tijd + 5,
                               {"Accept": accept,
                                "Content-Type": "application/x-www-form-urlencoded"})
        if antwoord.koppen.get(_KOP_TIJDSLIMIET):
            raise ServerTijdslimiet("De SPARQL-server stopte de query bij zijn tijdslimiet "
                                    f"({tijd:g} s); een onvolledig antwoord wordt niet gebruikt.")
        return antwoord

    def update(self, tekst: str) -> None:
        self._stuur(self.adressen.update, "POST", _formulier([("update", tekst)]),
                    self.tijdslimiet, {"Content-Type": "application/x-www-form-urlencoded"})

    def graaf_erbij(self, graaf: str, ntriples: bytes) -> None:
        """Add N-Triples to a graph with the Graph Store Protocol (POST merges)."""
        if not self.adressen.gsp:
            raise ScanFout("Geen Graph Store-adres ingesteld voor de SPARQL-opslag (gsp=…).")
        url = f"{self.adressen.gsp}?{urllib.parse.urlencode({'graph': graaf})}"
        self._stuur(url, "POST", ntriples, self.tijdslimiet,
                    {"Content-Type": "application/n-triples"})

    def _stuur(self, url: str, methode: str, data: bytes | None, tijd: float,
               koppen: dict[str, str]) -> Antwoord:
        verzoek = urllib.request.Request(url, data=data, method=methode, headers=koppen)
        try:
            with self._opener.open(verzoek, timeout=tijd) as r:
                return Antwoord(r.read(), r.headers)
        except urllib.error.HTTPError as e:
            raise _http_fout(e, self.adressen.naam) from None
        except (TimeoutError, socket.timeout):
            raise ServerTijdslimiet(f"De SPARQL-server ({self.adressen.naam}) antwoordde niet "
                                    f"binnen de tijdslimiet van {tijd:g} s.") from None
        except (urllib.error.URLError, ConnectionError, OSError) as e:
            reden = getattr(e, "reason", e)
            raise ScanFout(f"De SPARQL-server ({self.adressen.naam}) is niet bereikbaar: "
                           f"{reden}.") from None


def _formulier(velden: list[tuple[str, str]]) -> bytes:
    return urllib.parse.urlencode(velden).encode("utf-8")


def _http_fout(e: urllib.error.HTTPError, naam: str) -> ScanFout:
    """A server refusal as a Dutch message with the server's own first lines (no secrets)."""
    if e.code in (401, 403):
        return ScanFout(f"De SPARQL-server ({naam}) weigert de toegang ({e.code}). Controleer "
                        "GRAAF_STORE_GEBRUIKER en GRAAF_STORE_WACHTWOORD en de rechten "
                        "(SPARQL Update) van dat account.")
    try:
        tekst = e.read().decode("utf-8", "replace").strip()
    except OSError:
        tekst = ""
    regels = " ".join(tekst.splitlines()[:4])[:400]
    return ScanFout(f"De SPARQL-server ({naam}) gaf fout {e.code}: {regels or e.reason}")
