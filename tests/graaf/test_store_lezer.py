"""A reader process's snapshot answers the same from memory as from disk.

The endpoint's workers copy the graphs their queries name into memory (bench:
disk reads were 3.5-9x slower); a query must not notice, and a snapshot too
big for the memory limit stays on disk.
"""
from __future__ import annotations

import json

from graaf.store import Store
from graaf.versies import persoon_graaf, versie_graaf

QUERY = ("SELECT ?soort (COUNT(*) AS ?n) WHERE { ?s a ?soort } "
         "GROUP BY ?soort ORDER BY ?soort")
GRAAF_QUERY = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


def _rijen(lezer: Store, sparql: str, standaard: list[str], benoemd: list[str]) -> list:
    return json.loads(lezer.query_begrensd(sparql, standaard, benoemd, "json", 10_000))[
        "results"]["bindings"]


def test_geheugenkopie_geeft_dezelfde_antwoorden(voorbeeld_store) -> None:
    nummer = voorbeeld_store.huidige().nummer
    standaard = [versie_graaf(nummer)]
    benoemd = [versie_graaf(nummer), persoon_graaf(nummer)]
    pad = voorbeeld_store.momentopname()
    schijf, geheugen = Store.alleen_lezen(pad), Store.alleen_lezen(pad)
    geheugen.laad_in_geheugen(standaard + benoemd)
    assert set(geheugen._in_geheugen) == set(standaard + benoemd)  # memory is really used
    for sparql in (QUERY, GRAAF_QUERY):
        verwacht = _rijen(schijf, sparql, standaard, benoemd)
        assert verwacht and _rijen(geheugen, sparql, standaard, benoemd) == verwacht
    # only the graphs a query names are visible, from memory too
    assert _rijen(geheugen, GRAAF_QUERY, standaard, benoemd[:1]) == _rijen(
        schijf, GRAAF_QUERY, standaard, benoemd[:1])


def test_te_grote_momentopname_blijft_op_schijf(voorbeeld_store) -> None:
    nummer = voorbeeld_store.huidige().nummer
    grafen = [versie_graaf(nummer)]
    lezer = Store.alleen_lezen(voorbeeld_store.momentopname())
    lezer.laad_in_geheugen(grafen, grens=1000)
    assert lezer._geheugen is None  # over the limit: nothing kept in memory
    assert _rijen(lezer, QUERY, grafen, []) == _rijen(
        Store.alleen_lezen(voorbeeld_store.momentopname()), QUERY, grafen, [])
