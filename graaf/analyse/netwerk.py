"""The partner-initiative network and what it shows (ontwerp §5, "Network").

Nodes are strings ``"<soort>:<werkboek-id>"`` (ids are unique per sheet
only), with attributes ``soort`` (``organisatie``, ``initiatief``, ``doel``),
``id`` and ``naam``. Edges organisation-initiative carry ``rol``
(``eigenaar`` or ``partner``); edges doel-initiatief carry ``rol="draagt-bij"``.
Only lopend initiatives are in it (the saved queries select them).

>>> G = bouw_netwerk(
...     [{"initiatief": "wsp", "organisatie": "uwv", "rol": "eigenaar"},
...      {"initiatief": "wsp", "organisatie": "hilversum", "rol": "partner"},
...      {"initiatief": "loket", "organisatie": "hilversum", "rol": "eigenaar"}],
...     [{"doel": "matching", "initiatief": "wsp"}])
>>> sorted(G.neighbors("initiatief:wsp"))
['doel:matching', 'organisatie:hilversum', 'organisatie:uwv']
>>> doel_afhankelijk_van_een_partij(G)
[('matching', 'uwv', ['wsp'])]
"""
from __future__ import annotations

from typing import Iterable, Mapping

import networkx as nx

from graaf.fouten import ScanFout

#: Above this many nodes betweenness is estimated from a fixed sample of sources.
#: Exact betweenness up to this many nodes; above it a sample of ``STEEKPROEF``
#: sources (exact took 30-55 s on the 2,347-node graph of 35 regions).
EXACT_TOT = 300
STEEKPROEF = 100


def knoop(soort: str, id_: str) -> str:
    """The node key of a werkboek row: ``knoop("organisatie", "uwv") == "organisatie:uwv"``."""
    return f"{soort}:{id_}"


def bouw_netwerk(organisaties: Iterable[Mapping[str, str]],
                 doelen: Iterable[Mapping[str, str]] = ()) -> nx.Graph:
    """Build the network from the rows of the saved queries.

    Parameters
    ----------
    organisaties : rows with ``initiatief``, ``organisatie``, ``rol``
        (``eigenaar``/``partner``) and optionally ``initiatiefNaam`` and
        ``organisatieNaam`` (query ``initiatief-organisaties``).
    doelen : rows with ``doel``, ``initiatief`` and optionally ``doelNaam``
        (query ``doel-initiatieven``).

    Returns
    -------
    networkx.Graph
        An organisation that is both eigenaar and partner keeps ``rol="eigenaar"``.

    Examples
    --------
    >>> G = bouw_netwerk([{"initiatief": "a", "organisatie": "o", "rol": "partner"},
    ...                   {"initiatief": "a", "organisatie": "o", "rol": "eigenaar"}])
    >>> G.edges["organisatie:o", "initiatief:a"]["rol"]
    'eigenaar'
    """
    G = nx.Graph()
    for r in organisaties:
        i = _voeg_toe(G, "initiatief", r["initiatief"], r.get("initiatiefNaam"))
        o = _voeg_toe(G, "organisatie", r["organisatie"], r.get("organisatieNaam"))
        if G.get_edge_data(o, i, {}).get("rol") != "eigenaar":
            G.add_edge(o, i, rol=r["rol"])
    for r in doelen:
        d = _voeg_toe(G, "doel", r["doel"], r.get("doelNaam"))
        G.add_edge(d, _voeg_toe(G, "initiatief", r["initiatief"], None), rol="draagt-bij")
    return G


def _voeg_toe(G: nx.Graph, soort: str, id_: str, naam: str | None) -> str:
    k = knoop(soort, id_)
    if k not in G:
        G.add_node(k, soort=soort, id=id_, naam=naam or id_)
    elif naam:
        G.nodes[k]["naam"] = naam
    return k


def _van_soort(G: nx.Graph, soort: str) -> list[str]:
    return sorted(n for n, s in G.nodes(data="soort") if s == soort)


def eigenaren(G: nx.Graph, initiatief: str) -> list[str]:
    """Organisation nodes that own an initiative node (normally exactly one)."""
    return sorted(o for o in G.neighbors(initiatief)
                  if G.edges[o, initiatief]["rol"] == "eigenaar")


def doel_afhankelijk_van_een_partij(G: nx.Graph) -> list[tuple[str, str, list[str]]]:
    """Subdoelen whose lopend initiatives all have one and the same eigenaar.

    Such a doel has a single point of failure: if that organisation stops,
    nothing in the scan works on it any more. An initiative without eigenaar
    makes the owner unknown, so such a doel is not reported.

    Returns
    -------
    list of (doel id, eigenaar id, sorted initiative ids), sorted by doel id.

    Examples
    --------
    >>> G = bouw_netwerk(
    ...     [{"initiatief": "a", "organisatie": "uwv", "rol": "eigenaar"},
    ...      {"initiatief": "b", "organisatie": "uwv", "rol": "eigenaar"},
    ...      {"initiatief": "c", "organisatie": "sbb", "rol": "eigenaar"},
    ...      {"initiatief": "c", "organisatie": "uwv", "rol": "partner"}],
    ...     [{"doel": "een", "initiatief": "a"}, {"doel": "een", "initiatief": "b"},
    ...      {"doel": "twee", "initiatief": "a"}, {"doel": "twee", "initiatief": "c"}])
    >>> doel_afhankelijk_van_een_partij(G)
    [('een', 'uwv', ['a', 'b'])]
    """
    uit = []
    for d in _van_soort(G, "doel"):
        initiatieven = sorted(G.neighbors(d))
        per_initiatief = [eigenaren(G, i) for i in initiatieven]
        if initiatieven and all(len(e) == 1 for e in per_initiatief) \
                and len({e[0] for e in per_initiatief}) == 1:
            uit.append((G.nodes[d]["id"], G.nodes[per_initiatief[0][0]]["id"],
                        [G.nodes[i]["id"] for i in initiatieven]))
    return uit


def partnernetwerk(G: nx.Graph) -> nx.Graph:
    """The bipartite organisation-initiative part of the network (without doelen).

    A copy, not a view: betweenness on a subgraph view was 3x slower (every
    neighbour lookup goes through the view's node filter).
    """
    return G.subgraph(n for n, s in G.nodes(data="soort") if s != "doel").copy()


def centrale_partners(G: nx.Graph, k: int = 10) -> list[tuple[str, float]]:
    """The ``k`` organisations with the highest betweenness in the partner network.

    Betweenness counts how often an organisation lies on the shortest path
    between two others: the partners that connect otherwise separate parts of
    the cooperation. Exact up to ``EXACT_TOT`` nodes, above that estimated from
    a fixed sample (seed 0) so the result is repeatable.

    Examples
    --------
    >>> G = bouw_netwerk([{"initiatief": "a", "organisatie": "x", "rol": "eigenaar"},
    ...                   {"initiatief": "a", "organisatie": "brug", "rol": "partner"},
    ...                   {"initiatief": "b", "organisatie": "brug", "rol": "eigenaar"},
    ...                   {"initiatief": "b", "organisatie": "y", "rol": "partner"}])
    >>> [p for p, _ in centrale_partners(G, k=1)]
    ['brug']
    """
    P = partnernetwerk(G)
    steekproef = None if len(P) <= EXACT_TOT else min(len(P), STEEKPROEF)
    scores = nx.betweenness_centrality(P, k=steekproef, seed=0)
    orgs = [(P.nodes[n]["id"], scores[n]) for n in _van_soort(P, "organisatie")]
    return sorted(orgs, key=lambda t: (-t[1], t[0]))[:k]


def clusters(G: nx.Graph, seed: int = 0) -> list[list[str]]:
    """Groups of organisations that work together more with each other than with others.

    The organisations are linked by the number of initiatives they share;
    Louvain community detection (fixed seed, so repeatable) splits them.
    Organisations without any shared initiative are left out.

    Returns
    -------
    list of sorted organisation id lists, largest cluster first.

    Examples
    --------
    >>> rijen = [{"initiatief": i, "organisatie": o, "rol": "partner"}
    ...          for i, os in [("a", "pq"), ("b", "pq"), ("c", "xy"), ("d", "xy")]
    ...          for o in os]
    >>> clusters(bouw_netwerk(rijen))
    [['p', 'q'], ['x', 'y']]
    """
    P = partnernetwerk(G)
    orgs = _van_soort(P, "organisatie")
    if not orgs:
        return []
    W = nx.bipartite.weighted_projected_graph(P, orgs)
    W.remove_nodes_from([n for n in orgs if W.degree(n) == 0])
    if not W:
        return []
    gemeenschappen = nx.community.louvain_communities(W, weight="weight", seed=seed)
    uit = [sorted(P.nodes[n]["id"] for n in c) for c in gemeenschappen]
    return sorted(uit, key=lambda c: (-len(c), c))


def ego_netwerk(G: nx.Graph, partner: str, radius: int = 2) -> nx.Graph:
    """The part of the partner network within ``radius`` steps of one organisation.

    Radius 2 gives the organisation, its initiatives and their other
    organisations. ``partner`` is the werkboek id of the organisation.

    Examples
    --------
    >>> G = bouw_netwerk([{"initiatief": "a", "organisatie": "x", "rol": "eigenaar"},
    ...                   {"initiatief": "a", "organisatie": "y", "rol": "partner"},
    ...                   {"initiatief": "b", "organisatie": "y", "rol": "eigenaar"},
    ...                   {"initiatief": "b", "organisatie": "z", "rol": "partner"}])
    >>> sorted(ego_netwerk(G, "x"))
    ['initiatief:a', 'organisatie:x', 'organisatie:y']
    """
    P = partnernetwerk(G)
    k = knoop("organisatie", partner)
    if k not in P:
        raise ScanFout(f"Organisatie '{partner}' komt in geen lopend initiatief voor.")
    return nx.ego_graph(P, k, radius=radius)


def netwerk_uit_store(store, versie: int | None = None) -> nx.Graph:
    """The network of a version of the scan (default: the current one)."""
    from graaf import queries

    def rijen(code: str) -> list[dict[str, str]]:
        return store.waarden(queries.get(code).sparql, versie=versie)
    return bouw_netwerk(rijen("initiatief-organisaties"), rijen("doel-initiatieven"))
