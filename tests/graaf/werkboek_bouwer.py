"""Small werkboeken for tests: a dict of sheet -> rows, loaded as a scan.

Rows go through the real ingest (written as a csv werkboek, read and
validated by ``ingest.lees``), so every check test is also an end-to-end test
of werkboek → store → check, and a fixture that breaks the contract fails.
"""
from __future__ import annotations

from rdflib import Graph, URIRef

from graaf.store import Store
from graaf.vocab import DEFAULT_BASE
from ingest.contract import BLAD

Werkboek = dict[str, list[dict[str, object]]]


def uri(blad: str, id_: str, base: str = DEFAULT_BASE) -> URIRef:
    """URI of a row, as the ingest makes it."""
    return URIRef(f"{base}/id/{BLAD[blad].segment}/{id_}")


def bouw_graaf(werkboek: Werkboek, base: str = DEFAULT_BASE) -> Graph:
    """The graph of a werkboek given as ``{"blad": [{"id": ..., kolom: waarde}]}``,
    through the real ingest: written as a csv folder, read with ``ingest.lees``."""
    import tempfile
    from pathlib import Path

    import ingest
    from werkboeken import schrijf_csv  # tests/werkboeken.py (on the path via conftest)

    def cel(v: object) -> object:
        if isinstance(v, bool):
            return "ja" if v else "nee"
        return ";".join(v) if isinstance(v, (list, tuple)) else v

    rijen = {blad: [{k: cel(v) for k, v in r.items()} for r in data]
             for blad, data in werkboek.items()}
    if not rijen:
        return Graph()  # an empty scan; the ingest refuses an empty folder
    with tempfile.TemporaryDirectory() as tmp:
        return ingest.lees(schrijf_csv(Path(tmp) / "werkboek", rijen), base).graaf


def store_met(werkboek: Werkboek) -> Store:
    """An in-memory store whose current version is this werkboek."""
    store = Store()
    store.nieuwe_versie(bouw_graaf(werkboek), door="test")
    return store


def organisatie(id_: str, soort: str = "overig", **kol: object) -> dict[str, object]:
    return {"id": id_, "naam": kol.pop("naam", id_.replace("-", " ").title()),
            "soort": soort, **kol}


def gemeente(id_: str, **kol: object) -> dict[str, object]:
    """A gemeente; the ingest requires a CBS code, so a stable made-up one is given."""
    kol.setdefault("cbs_code", f"GM{sum(map(ord, id_)) % 10000:04d}")
    return organisatie(id_, "gemeente", **kol)


def initiatief(id_: str, status: str = "lopend", **kol: object) -> dict[str, object]:
    """An initiative row; tests give only the columns that matter to them."""
    return {"id": id_, "naam": kol.pop("naam", id_.replace("-", " ").title()),
            "soort": kol.pop("soort", "project"), "status": status, **kol}
