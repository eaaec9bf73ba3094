"""Which engine holds the scan: the embedded store (a folder) or a SPARQL 1.1 server (a URL).

``open_store(spec)`` is the one place that chooses: a path opens the
embedded store (``graaf.store``), ``sparql+http://…`` or ``sparql+https://…``
the remote one (``graaf.sparqlstore``). ``Opslag`` is the interface both
offer; type hints may name it instead of either class.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Protocol

from rdflib import Graph
from rdflib.term import Node

from graaf.versies import Versie

SCHEMAS = ("sparql+http://", "sparql+https://")


class Opslag(Protocol):
    """The store interface of the core (``graaf.store.Store`` is the reference)."""

    pad: Path | None

    def query(self, sparql: str, bindings: dict[str, Node] | None = None,
              versie: int | None = None) -> list[dict[str, Node]] | bool | Graph: ...

    def waarden(self, sparql: str, bindings: dict[str, Node] | None = None,
                versie: int | None = None) -> list[dict[str, str]]: ...

    def query_formaat(self, sparql: str, formaat: str = "json", versie: int | None = None,
                      bindings: dict[str, Node] | None = None) -> bytes: ...

    def graaf(self, versie: int | None = None) -> Graph: ...

    def dump(self, versie: int | None = None, formaat: str = "nq") -> bytes: ...

    def versies(self) -> list[Versie]: ...

    def huidige(self) -> Versie | None: ...

    def nieuwe_versie(self, inhoud: Iterable[tuple[Node, Node, Node]] | bytes, door: str,
                      notitie: str = "", bronbestand: str = "",
                      herstel_van: int | None = None,
                      op_versie: int | None = None) -> Versie: ...

    def herstel(self, nummer: int, door: str, notitie: str = "") -> Versie: ...

    def query_begrensd(self, sparql: str, standaard: list[str], benoemd: list[str],
                       formaat: str, max_rijen: int, basis: str | None = None) -> bytes: ...

    def zet_vaste_graaf(self, uri: str, triples: Iterable[tuple[Node, Node, Node]]) -> None: ...

    def grafen(self, persoonsgegevens: bool = False) -> list[str]: ...

    def momentopname(self) -> Path | str: ...

    def close(self) -> None: ...


def is_server(spec: str | Path | None) -> bool:
    return isinstance(spec, str) and spec.startswith(SCHEMAS)


def open_store(spec: str | Path | None = None, gebruiker: str | None = None,
               wachtwoord: str | None = None) -> Opslag:
    """Open the store ``spec`` names (``--store``, ``GRAAF_STORE``, else the user data dir).

    Credentials for a server come from the arguments, else ``GRAAF_STORE_GEBRUIKER`` and
    ``GRAAF_STORE_WACHTWOORD``; never from the address (refused there: URLs get logged).
    """
    from graaf import config

    spec = config.store_spec(spec)
    if is_server(spec):
        from graaf.sparqlstore import SparqlStore

        return SparqlStore(str(spec), gebruiker or os.environ.get("GRAAF_STORE_GEBRUIKER"),
                           wachtwoord or os.environ.get("GRAAF_STORE_WACHTWOORD"),
                           pad=config.store_pad(spec))
    from graaf.store import Store

    return Store(config.store_pad(spec))


def alleen_lezen(momentopname: str | Path) -> Opslag:
    """In a reader process (``graaf.werkers``): a snapshot folder or the server itself."""
    if is_server(str(momentopname)):
        from graaf.sparqlstore import SparqlStore

        return SparqlStore.alleen_lezen(str(momentopname))
    from graaf.store import Store

    return Store.alleen_lezen(momentopname)
