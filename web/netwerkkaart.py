"""The network map as vis-network data, built with pyvis, plus its legend and a cache.

pyvis turns the networkx graph into vis-network's node, edge and option
objects. Its own HTML is not used: it links vis-network and Bootstrap from
CDNs (government networks block them) and lacks ``<title>`` and
``<html lang>``. ``Network.get_network_data()`` is pyvis's hook for a template
of one's own; ``netwerk.html`` loads the vendored vis-network from /static and
``static/js/netwerk.js`` draws the data.

Colours are chosen here, once, and used by both the map and the legend; every
colour has at least 3:1 contrast on white (WCAG 1.4.11) and the legend says
in words what each colour and shape means (1.4.1: not colour alone).
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Callable

import networkx as nx
from flask import current_app
from pyvis.edge import Edge
from pyvis.network import Network

from graaf import netwerkkaart, regioweergave
from graaf.netwerkkaart import Filters, soort_naam
from graaf.store import Store
from ingest.contract import LOPEND
from web.netwerkindeling import indeling

#: Fill colour per organisation kind (dots); unknown kinds get ``ONBEKEND``.
KLEUREN: dict[str, str] = {
    "gemeente": "#00587a", "uwv": "#b3261e", "sbb": "#6a3d9a",
    "onderwijsinstelling": "#1b7837", "werkgeversorganisatie": "#c2185b",
    "werknemersorganisatie": "#6b6b00", "regio-organisatie": "#283593",
    "uitvoeringsorganisatie": "#c75000", "maatschappelijke-organisatie": "#00897b",
    "bedrijf": "#8e4b10", "overig": "#707070",
}
ONBEKEND = "#707070"
#: Initiatives are squares: filled when lopend/gepland, white with a dashed edge otherwise.
INITIATIEF = {"vulling": "#ffd966", "rand": "#1a1a1a", "anders": "#ffffff"}
RAND_KLEUR = {"eigenaar": "#1a1a1a", "partner": "#7b8c96"}
#: Above this many nodes the map uses the cheaper settings and stops physics once settled.
GROOT = 300
#: Results kept per app: (scan version, filters) → page data.
CACHE_GROOTTE = 16
_slot = threading.Lock()


def opties(aantal: int) -> dict[str, Any]:
    """vis-network options: straight edges and 200 stabilisation iterations (pyvis's
    defaults took ~30 s to settle 500 nodes). A big map comes with fixed positions
    (``netwerkindeling``) and no physics at all, and hides edges while moving."""
    groot = aantal > GROOT
    return {
        "autoResize": True,
        "nodes": {"borderWidth": 2, "font": {"size": 14, "face": "system-ui, sans-serif"}},
        "edges": {"smooth": False, "color": {"inherit": False}},
        "layout": {"improvedLayout": not groot, "randomSeed": 1},
        "physics": {"enabled": not groot, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -3000, "springLength": 120,
                                  "damping": 0.3},
                    "stabilization": {"enabled": True, "iterations": 200,
                                      "updateInterval": 25, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": groot,
                        "hideEdgesOnZoom": groot},
    }


def vis_data(G: nx.Graph, url: Callable[[str, str], str],
             clusters: list[list[dict[str, str]]]) -> dict[str, Any]:
    """Nodes, edges and options for vis-network, via a pyvis Network of ``G``.

    Nodes are added with ``add_node``; edges straight as pyvis ``Edge`` objects,
    because ``add_edge`` scans every edge so far for a duplicate (quadratic: ~1 s
    at 35 regions) and a networkx Graph has no duplicate edges anyway.
    """
    net = Network(height="640px", width="100%")
    grootste = max((c for _, c in G.nodes(data="centraliteit", default=0.0)), default=0.0)
    groot = len(G) > GROOT
    posities = indeling(G, ([o["id"] for o in c] for c in clusters)) if groot else {}
    for k, a in sorted(G.nodes(data=True)):
        plek = dict(zip("xy", posities[k])) if k in posities else {}
        net.add_node(k, **_node_opties(a, grootste, url), **plek)
    for u, v, rol in sorted(G.edges(data="rol")):
        net.edges.append(Edge(u, v, width=2.5 if rol == "eigenaar" else 1,
                              color=RAND_KLEUR.get(rol, RAND_KLEUR["partner"]),
                              title=rol).options)
    net.options = opties(len(G))
    nodes, edges, _kop, _hoogte, _breedte, _opties = net.get_network_data()
    return {"nodes": nodes, "edges": edges, "options": net.options, "groot": groot}


def _node_opties(a: dict[str, Any], grootste: float, url: Callable[[str, str], str]) -> dict:
    """One node: shape and colour by kind, size by betweenness, its page as ``url``."""
    relatief = (a.get("centraliteit", 0.0) / grootste) if grootste else 0.0
    if a["soort"] == "organisatie":
        soort = a.get("organisatiesoort", "")
        kleur = KLEUREN.get(soort, ONBEKEND)
        return {"label": _kort(a["naam"]), "shape": "dot", "size": round(10 + 30 * relatief, 1),
                "color": {"background": kleur, "border": "#ffffff",
                          "highlight": {"background": kleur, "border": "#1a1a1a"}},
                "title": f"{a['naam']} ({soort_naam(soort)})",
                "url": url("organisaties", a["id"])}
    lopend = a.get("status") in LOPEND
    vulling = INITIATIEF["vulling"] if lopend else INITIATIEF["anders"]
    opties_ = {"label": _kort(a["naam"]), "shape": "square", "size": round(7 + 18 * relatief, 1),
               "color": {"background": vulling, "border": INITIATIEF["rand"],
                         "highlight": {"background": vulling, "border": "#00587a"}},
               "title": f"{a['naam']} (initiatief, {a.get('status', '')})",
               "url": url("initiatieven", a["id"])}
    if not lopend:
        opties_["shapeProperties"] = {"borderDashes": [4, 3]}
    return opties_


def _kort(naam: str, lengte: int = 32) -> str:
    """A label short enough not to cover its neighbours; the tooltip has the full name."""
    return naam if len(naam) <= lengte else naam[:lengte - 1].rstrip() + "…"


def legenda(G: nx.Graph) -> dict[str, list[dict[str, Any]]]:
    """What each shape, colour and line on the map means, for the kinds on this map."""
    soorten = sorted({a.get("organisatiesoort", "") for _, a in G.nodes(data=True)
                      if a["soort"] == "organisatie"}, key=lambda s: soort_naam(s).casefold())
    return {
        "vormen": [
            {"vorm": "rondje", "kleur": ONBEKEND, "rand": "#ffffff", "stippel": False,
             "tekst": "Rondje: organisatie (partner). Hoe groter, hoe centraler in het netwerk."},
            {"vorm": "vierkant", "kleur": INITIATIEF["vulling"], "rand": INITIATIEF["rand"],
             "stippel": False, "tekst": "Geel vierkant: lopend of gepland initiatief."},
            {"vorm": "vierkant", "kleur": INITIATIEF["anders"], "rand": INITIATIEF["rand"],
             "stippel": True, "tekst": "Wit vierkant met stippelrand: afgerond, gestopt "
                                       "of opgegaan in een ander initiatief."}],
        "lijnen": [{"rol": "eigenaar", "kleur": RAND_KLEUR["eigenaar"], "dikte": 3,
                    "tekst": "Dikke donkere lijn: de organisatie is eigenaar."},
                   {"rol": "partner", "kleur": RAND_KLEUR["partner"], "dikte": 1,
                    "tekst": "Dunne grijze lijn: de organisatie is partner."}],
        "organisatiesoorten": [{"id": s, "kleur": KLEUREN.get(s, ONBEKEND),
                                "tekst": _hoofdletter(soort_naam(s))} for s in soorten],
    }


def _hoofdletter(tekst: str) -> str:
    """First letter upper case, the rest as it is ("SBB" stays "SBB")."""
    return tekst[:1].upper() + tekst[1:]


def pagina_data(store: Store, filters: Filters, url: Callable[[str, str], str]) -> dict:
    """The page's data for the current scan version, cached per app.

    Betweenness and the layout data take seconds at 35 regions; the same
    filters are asked again and again (back button, JSON twin, print).
    """
    cache: OrderedDict = current_app.extensions.setdefault("netwerkkaart", OrderedDict())
    herkomst = regioweergave.herkomst(store)  # a region's view: a map of its own
    sleutel = (store.huidige().nummer, herkomst[1] if herkomst else None, filters)
    with _slot:
        if sleutel in cache:
            cache.move_to_end(sleutel)
            return cache[sleutel]
    data = netwerkkaart.kaart(store, filters)
    G = data["_graaf"]
    data.update(legenda=legenda(G), _vis=vis_data(G, url, data["clusters"]))
    with _slot:
        cache[sleutel] = data
        while len(cache) > CACHE_GROOTTE:
            cache.popitem(last=False)
    return data


def ego_basis(filters: Filters) -> str:
    """The page URL with the current filters and an open ``partner=`` at the end, so the
    template can link every partner to its ego network without losing the selection."""
    from flask import url_for

    waarden = {k: v for k, v in filters.als_dict().items() if v and k != "partner"}
    if list(filters.status) == list(LOPEND):
        del waarden["status"]
    basis = url_for("netwerk.index", **waarden)
    return basis + ("&" if "?" in basis else "?") + "partner="
