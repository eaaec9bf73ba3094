"""The labour-market regions of a scan: which there are, and a region id as a query value.

Several regions can share one graph (ontwerp §7: all 35 in one store). Every
regional thing carries ``scan:regio``; the checks and pages take a region id
from the user and bind the region's IRI as a query value (never pasted into
query text). A version never changes, so its region list is remembered.
"""
from __future__ import annotations

import weakref

from rdflib import URIRef

from graaf import queries
from graaf.fouten import ScanFout
from graaf.store import Store

_GEZIEN: "weakref.WeakKeyDictionary[Store, dict]" = weakref.WeakKeyDictionary()


def lijst(store: Store, versie: int | None = None) -> list[dict]:
    """Every region: id, naam, uri and counts (gemeenten, initiatieven, lopend), by name."""
    nummer = versie if versie is not None else getattr(store.huidige(), "nummer", 0)
    eerder = _GEZIEN.setdefault(store, {})
    if nummer not in eerder:
        rijen = store.waarden(queries.get("lijst-regios").sparql, versie=versie)
        eerder[nummer] = [{"id": r["id"], "naam": r["naam"], "uri": r["regio"],
                           "gemeenten": int(r["gemeenten"]),
                           "initiatieven": int(r["initiatieven"]), "lopend": int(r["lopend"])}
                          for r in rijen]
    return [dict(r) for r in eerder[nummer]]


def uri(store: Store, regio: str, versie: int | None = None) -> URIRef:
    """The IRI of region ``regio`` (an id); an unknown id is a user error naming the valid ones."""
    for r in lijst(store, versie):
        if r["id"] == regio:
            return URIRef(r["uri"])
    geldig = ", ".join(r["id"] for r in lijst(store, versie)) or "(geen)"
    raise ScanFout(f"Onbekende regio '{regio}'. Geldige regio's: {geldig}.")


def meerdere(store: Store, versie: int | None = None) -> bool:
    """Whether the graph holds more than one region (only then is there anything to choose)."""
    return len(lijst(store, versie)) > 1
