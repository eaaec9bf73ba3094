"""The invloedssfeer view: the lopend initiatives in rings around the RWC.

Opgave 2 asks for a 360° scan of the *invloedssfeer*: what the Regionaal
Werkcentrum does itself (eigen), what partners run and the Regionaal Beraad
can steer (partner), and what happens around it that the Beraad can only
follow (omgeving). This module groups the lopend initiatives by ring and lays
them out as dots in concentric rings, so the page can draw an SVG on the
server (no script needed, prints as it is) next to a text list of the same
content. Initiatives without an invloedssfeer are listed as "onbekend": a gap
in the scan itself, not a fourth ring.
"""
from __future__ import annotations

import math
from typing import Any

from rdflib import URIRef
from rdflib.namespace import SKOS

from graaf import termen
from graaf.rijen import rijen
from graaf.store import Store
from graaf.vocab import concept

#: Inner to outer ring.
RINGEN = ("eigen", "partner", "omgeving")
#: The drawing: a square of ``MAAT`` units, the RWC disc and three bands around it.
MAAT = 640
KERN = 70
BANDEN = {"eigen": (KERN, 160), "partner": (160, 240), "omgeving": (240, 316)}
#: Dots get smaller as a ring fills up; numbers are only drawn in dots this big.
STIPMATEN = (11.0, 9.0, 7.0, 5.0, 4.0, 3.0, 2.0, 1.5)
MET_NUMMER = 9.0
#: The bottom of each band is kept free for the ring's name.
OPEN_HOEK = 50.0


def invloedssfeer(store: Store, versie: int | None = None) -> dict[str, Any]:
    """The rings with their lopend initiatives (numbered across rings), and the unknown ones."""
    per: dict[str, list[dict]] = {r: [] for r in (*RINGEN, "onbekend")}
    for r in rijen(store, "invloedssfeer", versie):
        per.get(r.get("sfeer", "onbekend"), per["onbekend"]).append(
            {"id": r["initiatief"], "naam": r["naam"], "status": r["status"]})
    nummer = 0
    ringen = []
    for code in RINGEN:
        lijst = sorted(per[code], key=lambda i: (i["naam"].casefold(), i["id"]))
        for i in lijst:
            nummer += 1
            i["nummer"] = nummer
        ringen.append({"code": code, "naam": termen.label(concept("invloedssfeer", code)),
                       "uitleg": _uitleg(code), "aantal": len(lijst), "initiatieven": lijst})
    onbekend = sorted(per["onbekend"], key=lambda i: (i["naam"].casefold(), i["id"]))
    return {"ringen": ringen, "onbekend": onbekend,
            "totaal": nummer + len(onbekend)}


def _uitleg(code: str) -> str:
    """The ring's meaning in plain Dutch, from the ontology's definition of the concept."""
    uitleg = termen.ontologie().value(URIRef(concept("invloedssfeer", code)), SKOS.definition)
    return str(uitleg) if uitleg else ""


def tekening(ringen: list[dict]) -> dict[str, Any]:
    """Geometry of the SVG: bands (with label position) and one dot per initiative.

    Pure layout, so the template only draws what it gets; the JSON twin leaves
    it out (it is presentation, not data).
    """
    midden = MAAT / 2
    banden, stippen = [], []
    for ring in ringen:
        binnen, buiten = BANDEN[ring["code"]]
        banden.append({"code": ring["code"], "naam": ring["naam"], "aantal": ring["aantal"],
                       "r": buiten, "label_y": midden + (binnen + buiten) / 2})
        straal, plekken = _plaats(len(ring["initiatieven"]), binnen, buiten)
        for i, (x, y) in zip(ring["initiatieven"], plekken):
            stippen.append({"x": round(midden + x, 1), "y": round(midden + y, 1), "r": straal,
                            "nummer": i["nummer"], "toon_nummer": straal >= MET_NUMMER,
                            "id": i["id"], "naam": i["naam"], "ring": ring["code"]})
    return {"maat": MAAT, "midden": midden, "kern": KERN, "banden": banden,
            "stippen": stippen}


def _plaats(n: int, binnen: float, buiten: float) -> tuple[float, list[tuple[float, float]]]:
    """The largest dot size at which ``n`` dots fit in the band, and their positions.

    Dots sit on concentric tracks, each track holding as many as its length
    allows, spread evenly over the band minus the open angle at the bottom.
    """
    if n == 0:
        return STIPMATEN[0], []
    for straal in STIPMATEN:
        sporen = _sporen(straal, binnen, buiten)
        if sum(c for _, c in sporen) >= n:
            break
    plekken: list[tuple[float, float]] = []
    over = n
    capaciteit = sum(c for _, c in sporen) or 1
    for index, (r, c) in enumerate(sporen):
        aantal = min(over, c if index == len(sporen) - 1 else max(1, round(n * c / capaciteit)))
        aantal = min(aantal, over)
        plekken.extend(_op_spoor(r, aantal, index))
        over -= aantal
        if not over:
            break
    if over:  # rounding left a few: put them on the outer track too
        plekken.extend(_op_spoor(sporen[-1][0], over, len(sporen)))
    return straal, plekken


def _sporen(straal: float, binnen: float, buiten: float) -> list[tuple[float, int]]:
    """Track radii in the band for dots of ``straal``, with how many dots each holds."""
    stap = 2 * straal + max(2.0, straal / 2)
    boog = math.radians(360 - OPEN_HOEK)
    sporen = []
    r = binnen + straal + 3
    while r <= buiten - straal - 3:
        sporen.append((r, max(1, int(boog * r / stap))))
        r += stap
    return sporen or [((binnen + buiten) / 2, max(1, int(boog * (binnen + buiten) / 2 / stap)))]


def _op_spoor(r: float, aantal: int, index: int) -> list[tuple[float, float]]:
    """``aantal`` points on a circle of radius ``r``, clockwise round from the open bottom."""
    if aantal <= 0:
        return []
    boog = 360 - OPEN_HOEK
    stap = boog / aantal
    begin = 90 + OPEN_HOEK / 2 + stap / 2 + (index % 2) * stap / 3  # degrees; 90 = bottom
    uit = []
    for k in range(aantal):
        hoek = math.radians(begin + k * stap)
        uit.append((r * math.cos(hoek), r * math.sin(hoek)))
    return uit
