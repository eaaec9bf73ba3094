"""Small werkboeken for tests: a dict of sheet -> rows, turned into a scan graph.

The mapping follows the werkboek contract (``ingest.contract``) the way the
ingest does: subject ``{base}/id/{segment}/{id}``, ``rdf:type`` the sheet's
class, ``dcterms:identifier`` the id, one triple per cell value. It does no
validation: tests plant exactly the rows they need. With the environment
variable ``WERKBOEK_BOUWER=ingest`` the real ingest (``ingest.omzetten``) is
used instead, so the same fixtures also exercise it.
"""
from __future__ import annotations

import os
from typing import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from graaf.store import Store
from graaf.vocab import DEFAULT_BASE, HELE_REGIO, concept
from ingest.contract import BLAD, DATUM, ENUM, GEHEEL, GETAL, JANEE, REF, REGIO, Kolom

Werkboek = dict[str, list[dict[str, object]]]


def uri(blad: str, id_: str, base: str = DEFAULT_BASE) -> URIRef:
    """URI of a row, as the ingest makes it."""
    return URIRef(f"{base}/id/{BLAD[blad].segment}/{id_}")


def bouw_graaf(werkboek: Werkboek, base: str = DEFAULT_BASE) -> Graph:
    """The graph of a werkboek given as ``{"blad": [{"id": ..., kolom: waarde}]}``."""
    if os.environ.get("WERKBOEK_BOUWER") == "ingest":
        return _via_ingest(werkboek, base)
    ids = {blad: {str(r["id"]) for r in rijen} for blad, rijen in werkboek.items()}
    g = Graph()
    for naam, rijen in werkboek.items():
        blad = BLAD[naam]
        for rij in rijen:
            s = uri(naam, str(rij["id"]), base)
            for klasse in (blad.klasse, *blad.extra_types):
                g.add((s, RDF.type, klasse))
            g.add((s, DCTERMS.identifier, Literal(str(rij["id"]))))
            for kolomnaam, waarde in rij.items():
                if kolomnaam == "id" or waarde in (None, ""):
                    continue
                kolom = blad.kolom(kolomnaam)
                for deel in _delen(waarde, kolom):
                    g.add((s, kolom.predicaat, _term(kolom, deel, ids, base)))
    return g


def _delen(waarde: object, kolom: Kolom) -> Iterable[object]:
    if isinstance(waarde, (list, tuple)):
        return waarde
    if isinstance(waarde, str) and kolom.meervoud:
        return [d.strip() for d in waarde.split(";") if d.strip()]
    return [waarde]


def _term(kolom: Kolom, waarde: object, ids: dict[str, set[str]], base: str):
    if kolom.soort == REF:
        if kolom.naam == "werkgebied" and waarde == REGIO:
            return HELE_REGIO
        doel = next((d for d in kolom.doel if waarde in ids.get(d, ())), kolom.doel[0])
        return uri(doel, str(waarde), base)
    if kolom.soort == ENUM:
        return URIRef(concept(kolom.schema, str(waarde)))
    if kolom.soort == JANEE:
        return Literal("true" if waarde in (True, "ja") else "false", datatype=XSD.boolean)
    datatype = {DATUM: XSD.date, GETAL: XSD.decimal, GEHEEL: XSD.integer}.get(kolom.soort)
    return Literal(str(waarde), datatype=datatype)


def _via_ingest(werkboek: Werkboek, base: str) -> Graph:
    """Through the real ingest: written as a csv folder, read with ``ingest.lees``."""
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
