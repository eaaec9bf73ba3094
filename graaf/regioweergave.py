"""One region of a national graph, seen as a scan of its own.

When several regions share one graph (ontwerp §7), a Regionaal Beraad looks
at its own region. Rather than give every overview query a region filter, a
page gets a *region view*: the region's part of the current version
(``regio-deelgraaf.rq``, the region bound as a query value) in a small
in-memory store. Every page, analysis and JSON twin then works on it exactly
as on a single-region scan, at the speed of one region, and cannot mix in
another region's data by mistake. Findings are the exception: ``checks.draai``
on a view runs on the whole graph for that region (``draai(…, regio=id)``), so
the site shows the same findings as ``graaf check --regio``.

Versions never change, so a view is built once per (version, region) and kept.
"""
from __future__ import annotations

import threading
import weakref
from typing import Any

from graaf import queries, regios
from graaf.store import Store
from graaf.versies import Versie

_WEERGAVEN: "weakref.WeakKeyDictionary[Store, dict]" = weakref.WeakKeyDictionary()
_SLOT = threading.Lock()


class Regioweergave:
    """Reads like a ``Store`` of one version; versions are the whole scan's."""

    def __init__(self, hoofd: Store, regio: dict, nummer: int, inhoud: Store) -> None:
        self.hoofd, self.regio, self.nummer, self._inhoud = hoofd, regio, nummer, inhoud

    @property
    def regionaam(self) -> str:
        return self.regio["naam"]

    def query(self, sparql: str, bindings: dict | None = None, versie: int | None = None):
        return self._inhoud.query(sparql, bindings=bindings)

    def waarden(self, sparql: str, bindings: dict | None = None, versie: int | None = None):
        return self._inhoud.waarden(sparql, bindings=bindings)

    def query_formaat(self, sparql: str, formaat: str = "json", versie: int | None = None,
                      bindings: dict | None = None) -> bytes:
        return self._inhoud.query_formaat(sparql, formaat, bindings=bindings)

    def graaf(self, versie: int | None = None):
        return self._inhoud.graaf()

    def dump(self, versie: int | None = None, formaat: str = "nq") -> bytes:
        return self._inhoud.dump(formaat=formaat)

    def versies(self) -> list[Versie]:
        return self.hoofd.versies()

    def huidige(self) -> Versie | None:
        return next((v for v in self.hoofd.versies() if v.nummer == self.nummer), None)

    def __getattr__(self, naam: str) -> Any:
        raise AttributeError(f"een regioweergave is alleen-lezen: geen '{naam}'")


def weergave(store: Store, regio: str) -> Regioweergave:
    """The view of region ``regio`` (an id) on the current version; unknown ids are user errors."""
    if isinstance(store, Regioweergave):
        store = store.hoofd
    nummer = getattr(store.huidige(), "nummer", 0)
    iri = regios.uri(store, regio)
    sleutel = (nummer, regio)
    with _SLOT:
        klaar = _WEERGAVEN.setdefault(store, {}).get(sleutel)
    if klaar is None:  # built outside the lock: one region never waits for another
        klaar = _bouw(store, regio, iri, nummer)
        with _SLOT:
            eerder = _WEERGAVEN.setdefault(store, {})
            if len(eerder) >= 48:  # all 35 regions of one version, and then some
                eerder.pop(next(iter(eerder)))
            klaar = eerder.setdefault(sleutel, klaar)
    return klaar


_OPGEWARMD: "weakref.WeakKeyDictionary[Store, int]" = weakref.WeakKeyDictionary()


def warm_op(store: Store) -> None:
    """Prepare every region's view and today's findings once per version, in the background.

    A region's first visit would otherwise pay for its view and its checks
    (about half a second at 35 regions); the server does that work right after
    it first sees a version: the checks once for all regions, then the view of
    each region, one at a time.
    """
    nummer = getattr(store.huidige(), "nummer", 0)
    with _SLOT:
        if _OPGEWARMD.get(store) == nummer:
            return
        _OPGEWARMD[store] = nummer
    # A moment later, so the request that started it is not slowed down by it.
    opwarmen = threading.Timer(1.0, _warm, args=(weakref.ref(store), nummer))
    opwarmen.daemon, opwarmen.name = True, "regio-opwarmen"
    opwarmen.start()


def _warm(ref: "weakref.ref[Store]", nummer: int) -> None:
    from graaf import checks

    store = ref()
    try:
        if store is not None:
            checks.draai(store)  # all regions once: each region's findings are then a cut
        for r in regios.lijst(store) if store is not None else []:
            if getattr(store.huidige(), "nummer", 0) != nummer:
                return  # a newer version came in; its own warm-up takes over
            checks.draai(weergave(store, r["id"]))
    except Exception:  # noqa: BLE001 - only a head start; a closed store ends it
        return


def _bouw(store: Store, regio: str, iri, nummer: int) -> Regioweergave:
    inhoud = Store()
    nt = store.query_formaat(queries.get("regio-deelgraaf").sparql, "nt",
                             bindings={"regio": iri})
    if nt.strip():
        inhoud.nieuwe_versie(nt, door="regioweergave")
    info = next(r for r in regios.lijst(store) if r["id"] == regio)
    return Regioweergave(store, info, nummer, inhoud)


def herkomst(store: object) -> tuple[Store, str, int] | None:
    """For a view: the whole scan, the region id and the version it shows; else None."""
    if isinstance(store, Regioweergave):
        return store.hoofd, store.regio["id"], store.nummer
    return None
