"""The network map's data: partners and initiatives, filtered, with centrality and clusters.

The Regionaal Beraad asks "Hoe werken we samen?" and wants to see it for one
opgave, subdoel, doelgroep or gemeente at a time. This module selects the
initiatives that match the filters, builds the partner-initiative network of
``graaf.analyse.netwerk`` from them (so the map and the named network checks
use one graph model), and adds what the map page shows beside it: the most
central partners, the clusters and, for one partner, its ego network.
Everything but the graph itself is plain dicts and lists, so the HTML page
and its JSON twin show the same thing.

Two saved queries (``graaf/queries/site/netwerkkaart-*.rq``) give every
initiative of every status with its organisations, and the initiative
features the filters look at; the filtering happens here, on those rows,
because the same rows serve every combination of filters.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, fields
from typing import Any, Mapping, Sequence

import networkx as nx

from graaf import termen
from graaf.analyse import netwerk
from graaf.din import natuurlijk, status_naam
from graaf.fouten import ScanFout
from graaf.rijen import rijen as rij_query
from graaf.store import Store
from graaf.vocab import concept
from ingest.contract import LOPEND, SCHEMAS

#: Betweenness is exact up to this many nodes, above that estimated from this
#: many sources (seed 0, repeatable). Exact betweenness on the 35-region map
#: (2,347 nodes) took 30-55 s on a 2-core machine; 100 sources take ~1.3 s.
STEEKPROEF = 100
#: How many partners the "most central" list shows.
TOP = 10
#: The features an initiative can be filtered on, as named in the kenmerken query.
KENMERKEN = ("opgave", "subdoel", "doelgroep", "gemeente")
#: The werkgebied value of an initiative for the whole region (it is in every gemeente).
HELE_REGIO = "regio"


@dataclass(frozen=True)
class Filters:
    """What the user chose; ``None`` is "alle". Hashable, so results can be cached."""

    opgave: str | None = None
    subdoel: str | None = None
    doelgroep: str | None = None
    gemeente: str | None = None
    organisatiesoort: str | None = None
    status: tuple[str, ...] = LOPEND
    partner: str | None = None

    @classmethod
    def uit(cls, enkel: Mapping[str, str], statussen: Sequence[str] = ()) -> Filters:
        """From request arguments: empty values mean "alle"; no status means lopend.

        Unchecking every status box sends no status at all; showing an empty map
        then would look like a fault, so it falls back to the default.
        """
        waarden = {f.name: (enkel.get(f.name) or "").strip() or None
                   for f in fields(cls) if f.name != "status"}
        gekozen = tuple(s for s in SCHEMAS["status"] if s in set(statussen))
        return cls(**waarden, status=gekozen or LOPEND)

    def als_dict(self) -> dict[str, Any]:
        return {**asdict(self), "status": list(self.status)}


def kaart(store: Store, filters: Filters, versie: int | None = None) -> dict[str, Any]:
    """Everything the network page shows for these filters (the graph under ``_graaf``)."""
    rijen = rij_query(store, "netwerkkaart-organisaties", versie)
    kenmerken = _kenmerken(rij_query(store, "netwerkkaart-kenmerken", versie))
    gekozen = {r["initiatief"] for r in rijen if _past(r, kenmerken, filters)}
    G = _graaf([r for r in rijen if r["initiatief"] in gekozen and "organisatie" in r],
               filters.organisatiesoort)
    partners = _organisaties(G)
    G, ego, melding = _ego(G, filters.partner)
    scores, steekproef = tussenpositie(G)
    for k, waarde in scores.items():
        G.nodes[k]["centraliteit"] = waarde
    met_organisatie = {r["initiatief"] for r in rijen if "organisatie" in r}
    return {
        "filters": {"gekozen": filters.als_dict(),
                    "keuzes": _keuzes(store, versie, rijen, partners)},
        "knopen": [_knoop(k, a) for k, a in sorted(G.nodes(data=True))],
        "verbindingen": [{"van": u, "naar": v, "rol": r} for u, v, r in _randen(G)],
        "centraliteit": {"partners": _centraal(G, scores), "steekproef": steekproef,
                         "exact": steekproef is None},
        "clusters": _clusters(G),
        "partners": _tekstalternatief(G),
        "zonder_organisatie": _zonder_organisatie(rijen, gekozen - met_organisatie),
        "ego": ego, "melding": melding,
        "totalen": _totalen(G),
        "_graaf": G,
    }


def _kenmerken(rijen: list[dict[str, str]]) -> dict[str, dict[str, set[str]]]:
    """Per initiative id, per feature, the set of its values."""
    uit: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in rijen:
        uit[r["initiatief"]][r["kenmerk"]].add(r["waarde"])
    return uit


def _past(rij: Mapping[str, str], kenmerken: Mapping[str, Mapping[str, set[str]]],
          filters: Filters) -> bool:
    """Whether the initiative of this row passes the status and feature filters.

    A gemeente filter keeps the initiatives for the whole region too: they work
    in every gemeente (ontwerp §5, ``gemeente-niet-bereikt``).
    """
    if rij["status"] not in filters.status:
        return False
    eigen = kenmerken.get(rij["initiatief"], {})
    for naam in KENMERKEN:
        gezocht = getattr(filters, naam)
        if gezocht is None:
            continue
        waarden = eigen.get(naam, set())
        if gezocht not in waarden and not (naam == "gemeente" and HELE_REGIO in waarden):
            return False
    return True


def _graaf(rijen: list[dict[str, str]], organisatiesoort: str | None) -> nx.Graph:
    """The partner network of these rows, with each organisation's kind and each
    initiative's status on its node; with a kind filter, only organisations of
    that kind and the initiatives they take part in."""
    if organisatiesoort:
        rijen = [r for r in rijen if r.get("organisatiesoort") == organisatiesoort]
    G = netwerk.bouw_netwerk(rijen)
    for r in rijen:
        G.nodes[netwerk.knoop("initiatief", r["initiatief"])]["status"] = r["status"]
        soort = r.get("organisatiesoort", "")
        G.nodes[netwerk.knoop("organisatie", r["organisatie"])]["organisatiesoort"] = soort
    return G


def _ego(G: nx.Graph, partner: str | None) -> tuple[nx.Graph, dict | None, str | None]:
    """The ego network of ``partner`` in the filtered graph, or the graph and why not."""
    if not partner:
        return G, None, None
    try:
        E = nx.Graph(netwerk.ego_netwerk(G, partner))
    except ScanFout:
        return G, None, (f"Organisatie '{partner}' komt in geen initiatief van deze selectie "
                         "voor. De kaart toont daarom de hele selectie.")
    k = netwerk.knoop("organisatie", partner)
    return E, {"id": partner, "naam": G.nodes[k]["naam"]}, None


def tussenpositie(G: nx.Graph) -> tuple[dict[str, float], int | None]:
    """Betweenness of every node, and the sample size when it was estimated.

    Not ``netwerk.centrale_partners``: that one is exact up to 3,000 nodes and
    gives organisations only, while the map sizes every node and must answer
    within a page request (see ``STEEKPROEF``).
    """
    steekproef = None if len(G) <= STEEKPROEF else STEEKPROEF
    return nx.betweenness_centrality(G, k=steekproef, seed=0), steekproef


def _knoop(k: str, a: Mapping[str, Any]) -> dict[str, Any]:
    uit = {"id": k, "soort": a["soort"], "werkboek_id": a["id"], "naam": a["naam"],
           "centraliteit": round(a.get("centraliteit", 0.0), 4)}
    if a["soort"] == "organisatie":
        uit["organisatiesoort"] = a.get("organisatiesoort", "")
    else:
        uit["status"] = a.get("status", "")
    return uit


def _randen(G: nx.Graph) -> list[tuple[str, str, str]]:
    """Edges as (organisation, initiative, rol), in a stable order."""
    uit = []
    for u, v, rol in G.edges(data="rol"):
        o, i = (u, v) if G.nodes[u]["soort"] == "organisatie" else (v, u)
        uit.append((o, i, rol))
    return sorted(uit)


def _organisaties(G: nx.Graph) -> list[dict[str, str]]:
    return sorted(({"id": a["id"], "naam": a["naam"]} for _, a in G.nodes(data=True)
                   if a["soort"] == "organisatie"), key=lambda o: (o["naam"].casefold(), o["id"]))


def _centraal(G: nx.Graph, scores: Mapping[str, float]) -> list[dict[str, Any]]:
    """The ``TOP`` organisations with the highest betweenness, with their initiative count."""
    orgs = [(k, s) for k, s in scores.items() if G.nodes[k]["soort"] == "organisatie"]
    orgs.sort(key=lambda t: (-t[1], G.nodes[t[0]]["naam"].casefold()))
    return [{"id": G.nodes[k]["id"], "naam": G.nodes[k]["naam"], "waarde": round(s, 4),
             "initiatieven": G.degree(k)} for k, s in orgs[:TOP]]


def _clusters(G: nx.Graph) -> list[list[dict[str, str]]]:
    """``netwerk.clusters`` with each organisation's name (largest cluster first).

    A map without edges has no clusters; networkx refuses to project a graph
    without initiatives, so that case is answered here.
    """
    if G.number_of_edges() == 0:
        return []
    naam = {a["id"]: a["naam"] for _, a in G.nodes(data=True) if a["soort"] == "organisatie"}
    return [[{"id": o, "naam": naam[o]} for o in sorted(c, key=lambda o: naam[o].casefold())]
            for c in netwerk.clusters(G)]


def _tekstalternatief(G: nx.Graph) -> list[dict[str, Any]]:
    """Per organisation, by name, the initiatives it owns or takes part in: the map
    as text, for screen readers, keyboards and print."""
    uit = []
    for o in _organisaties(G):
        k = netwerk.knoop("organisatie", o["id"])
        soort = G.nodes[k].get("organisatiesoort", "")
        initiatieven = sorted((_initiatief(G, i, G.edges[k, i]["rol"]) for i in G.neighbors(k)),
                              key=lambda i: (i["rol"] != "eigenaar", i["naam"].casefold()))
        uit.append({**o, "organisatiesoort": soort, "soort_naam": soort_naam(soort),
                    "initiatieven": initiatieven})
    return uit


def _initiatief(G: nx.Graph, k: str, rol: str) -> dict[str, str]:
    a = G.nodes[k]
    status = a.get("status", "")
    return {"id": a["id"], "naam": a["naam"], "rol": rol, "status": status,
            "status_naam": status_naam(status) if status else ""}


def _zonder_organisatie(rijen: list[dict[str, str]], ids: set[str]) -> list[dict[str, str]]:
    """Initiatives of the selection with no eigenaar or partner: not on the map, so named."""
    namen = {r["initiatief"]: r["initiatiefNaam"] for r in rijen if r["initiatief"] in ids}
    return [{"id": i, "naam": n} for i, n in sorted(namen.items(), key=lambda t: t[1].casefold())]


def _totalen(G: nx.Graph) -> dict[str, int]:
    soorten = [s for _, s in G.nodes(data="soort")]
    return {"knopen": len(G), "organisaties": soorten.count("organisatie"),
            "initiatieven": soorten.count("initiatief"), "verbindingen": G.number_of_edges()}


def soort_naam(code: str) -> str:
    """The Dutch name of an organisation kind, from the ontology ("onbekend" when none)."""
    return termen.label(concept("organisatiesoort", code)) if code else "onbekend"


def _keuzes(store: Store, versie: int | None, rijen: list[dict[str, str]],
            partners: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    """The options of each filter: every value in the scan, by name (subdoelen by number)."""
    def lijst(code: str, id_: str, naam: str) -> list[dict[str, str]]:
        uniek = {r[id_]: r[naam] for r in rij_query(store, code, versie)}
        return sorted(({"id": i, "naam": n} for i, n in uniek.items()),
                      key=lambda o: (o["naam"].casefold(), o["id"]))
    soorten = sorted({r["organisatiesoort"] for r in rijen if r.get("organisatiesoort")},
                     key=lambda s: soort_naam(s).casefold())
    return {
        "opgave": lijst("din-opgaven", "opgave", "opgaveNaam"),
        "subdoel": sorted(lijst("lijst-subdoelen", "subdoel", "naam"),
                          key=lambda o: natuurlijk(o["id"])),
        "doelgroep": lijst("lijst-doelgroepen", "id", "naam"),
        "gemeente": lijst("lijst-gemeenten", "gemeente", "naam"),
        "status": [{"id": s, "naam": status_naam(s)} for s in SCHEMAS["status"]],
        "organisatiesoort": [{"id": s, "naam": soort_naam(s)} for s in soorten],
        "partner": partners,
    }
