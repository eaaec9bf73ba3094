"""Fixed positions for a big network map, so the browser draws it without physics.

vis-network's force simulation costs ~100-220 ms per iteration for the
35-region map (2,347 nodes) in headless Chromium on a 2-core machine: 200
iterations froze the tab for 28 s in blocks of 3-4 s. networkx's layouts need
numpy, which the project does not depend on. So big maps get a cheap layout
here, in O(n), from what the page computes anyway: each cluster of
organisations (``graaf.analyse.netwerk.clusters``) gets its own disc, the
largest in the middle; inside a disc the most central organisations sit in
the centre, and every initiative sits between the organisations it links.

Positions follow a sunflower (phyllotaxis) spiral: evenly spread, no overlap,
no iteration, and the same every time.
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import Iterable

import networkx as nx

from graaf.analyse.netwerk import knoop

GULDEN_HOEK = math.pi * (3 - math.sqrt(5))
AFSTAND = 55.0  # between neighbouring organisations in a disc (vis units, ~ node sizes)


def zonnebloem(i: int, afstand: float) -> tuple[float, float]:
    """The ``i``-th point of a sunflower spiral with about ``afstand`` between points."""
    r = afstand * math.sqrt(i + 0.5)
    return r * math.cos(i * GULDEN_HOEK), r * math.sin(i * GULDEN_HOEK)


def indeling(G: nx.Graph, clusters: Iterable[list[str]]) -> dict[str, tuple[float, float]]:
    """x, y per node of ``G``: one disc per cluster of organisation ids (plus one for the rest)."""
    groepen = _groepen(G, clusters)
    straal = max((AFSTAND * math.sqrt(len(g) + 1) for g in groepen), default=AFSTAND)
    posities: dict[str, tuple[float, float]] = {}
    for n, groep in enumerate(groepen):
        cx, cy = zonnebloem(n, 2.4 * straal)
        for i, org in enumerate(groep):
            dx, dy = zonnebloem(i, AFSTAND)
            posities[org] = (cx + dx, cy + dy)
    _initiatieven(G, posities)
    return {k: (round(x, 1), round(y, 1)) for k, (x, y) in posities.items()}


def _groepen(G: nx.Graph, clusters: Iterable[list[str]]) -> list[list[str]]:
    """Organisation nodes per disc, most central first; organisations in no cluster last."""
    def centraal(k: str) -> tuple:
        return (-G.nodes[k].get("centraliteit", 0.0), G.nodes[k]["naam"].casefold())
    groepen = [sorted((knoop("organisatie", o) for o in c), key=centraal) for c in clusters]
    gezien = {k for g in groepen for k in g}
    rest = sorted((k for k, s in G.nodes(data="soort") if s == "organisatie" and k not in gezien),
                  key=centraal)
    return [g for g in groepen if g] + ([rest] if rest else [])


def _initiatieven(G: nx.Graph, posities: dict[str, tuple[float, float]]) -> None:
    """Each initiative between its organisations (their eigenaar weighs double), spread
    around that point when several initiatives share it."""
    bezet: dict[tuple[int, int], int] = defaultdict(int)
    for k in sorted(k for k, s in G.nodes(data="soort") if s == "initiatief"):
        punten = [(posities[o], 2 if G.edges[o, k]["rol"] == "eigenaar" else 1)
                  for o in G.neighbors(k) if o in posities]
        gewicht = sum(w for _, w in punten) or 1
        x = sum(p[0] * w for p, w in punten) / gewicht
        y = sum(p[1] * w for p, w in punten) / gewicht
        plek = (round(x / AFSTAND), round(y / AFSTAND))
        dx, dy = zonnebloem(bezet[plek] + 1, AFSTAND / 2)
        bezet[plek] += 1
        posities[k] = (x + dx, y + dy)
