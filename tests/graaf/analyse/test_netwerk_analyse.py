"""The network analyses on small hand-made networks and on a stored scan."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from graaf.analyse import netwerk
from graaf.fouten import ScanFout

sys.path.insert(0, str(Path(__file__).parents[1]))
from werkboek_bouwer import initiatief, organisatie, store_met  # noqa: E402


def _rij(i, o, rol="partner"):
    return {"initiatief": i, "organisatie": o, "rol": rol}


def test_een_eigenaar_wel_twee_eigenaren_niet():
    G = netwerk.bouw_netwerk(
        [_rij("a", "uwv", "eigenaar"), _rij("b", "uwv", "eigenaar"), _rij("b", "sbb"),
         _rij("c", "sbb", "eigenaar")],
        [{"doel": "alleen-uwv", "initiatief": "a"}, {"doel": "alleen-uwv", "initiatief": "b"},
         {"doel": "gedeeld", "initiatief": "a"}, {"doel": "gedeeld", "initiatief": "c"}])
    assert netwerk.doel_afhankelijk_van_een_partij(G) == [("alleen-uwv", "uwv", ["a", "b"])]


def test_initiatief_zonder_eigenaar_maakt_afhankelijkheid_onbekend():
    G = netwerk.bouw_netwerk([_rij("a", "uwv", "eigenaar"), _rij("b", "sbb")],
                             [{"doel": "d", "initiatief": "a"}, {"doel": "d", "initiatief": "b"}])
    assert netwerk.doel_afhankelijk_van_een_partij(G) == []


def test_centraal_clusters_ego():
    rijen = [_rij(i, o) for i, os in [("a", ["p", "q"]), ("b", ["p", "q"]), ("c", ["q", "x"]),
                                      ("d", ["x", "y"]), ("e", ["x", "y"])] for o in os]
    G = netwerk.bouw_netwerk(rijen)
    top = netwerk.centrale_partners(G, k=2)
    assert [p for p, _ in top] == ["q", "x"]
    assert netwerk.clusters(G) == [["p", "q"], ["x", "y"]]
    assert sorted(netwerk.ego_netwerk(G, "p", radius=2)) == [
        "initiatief:a", "initiatief:b", "organisatie:p", "organisatie:q"]
    with pytest.raises(ScanFout):
        netwerk.ego_netwerk(G, "onbekend")


def test_netwerk_uit_store_alleen_lopend():
    store = store_met({
        "organisaties": [organisatie("uwv", naam="UWV"), organisatie("sbb")],
        "doelen": [{"id": "hd", "naam": "H", "soort": "hoofddoel"},
                   {"id": "sd", "naam": "Subdoel", "soort": "subdoel", "bovenliggend": "hd"}],
        "inspanningen": [{"id": "in", "naam": "I", "doelen": "sd"}],
        "initiatieven": [initiatief("a", eigenaar="uwv", partners="sbb", inspanningen="in"),
                         initiatief("b", "afgerond", eigenaar="sbb", inspanningen="in")]})
    G = netwerk.netwerk_uit_store(store)
    assert sorted(G) == ["doel:sd", "initiatief:a", "organisatie:sbb", "organisatie:uwv"]
    assert G.nodes["organisatie:uwv"]["naam"] == "UWV"
    assert G.edges["organisatie:uwv", "initiatief:a"]["rol"] == "eigenaar"


def test_clusters_en_centraliteit_van_een_leeg_netwerk():
    """A filter can leave no organisations at all: the map and report must not crash."""
    from graaf.analyse.netwerk import bouw_netwerk, centrale_partners, clusters

    leeg = bouw_netwerk([])
    assert clusters(leeg) == [] and centrale_partners(leeg) == []
