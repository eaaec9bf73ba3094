"""Names and page links of the things findings are about, looked up in one query.

A finding names werkboek ids (``onderwerpen``, ``betrokken``); a board member
needs names and a link to each thing's page. Ids are unique per sheet only
(``hilversum`` is a gemeente, ``zorg`` may be a sector and a doelgroep), so a
lookup returns every thing with the id and the caller says which kinds it
expects first. One query for all names, never one per id: a page with a
hundred findings stays one round trip.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from graaf.rijen import rijen
from graaf.store import Store
from ingest.contract import BLAD_PER_SEGMENT

Ding = dict[str, str]  # {"id", "naam", "blad", "segment"}

#: When an id names things of several kinds, the first kind in this order wins
#: (after the kinds a check asks for).
VOORKEUR = ("initiatief", "doel", "inspanning", "doelgroep", "sector", "organisatie",
            "indicator", "opgave", "persoon", "gremium")


class Namen:
    """Every thing of a scan version by werkboek id (several when the id recurs)."""

    def __init__(self, store: Store, versie: int | None = None) -> None:
        self._per_id: dict[str, list[Ding]] = defaultdict(list)
        for r in rijen(store, "namen", versie):
            segment = r["ding"].rstrip("/").rsplit("/", 2)[-2]
            blad = BLAD_PER_SEGMENT.get(segment)
            if blad and all(d["segment"] != segment for d in self._per_id[r["id"]]):
                self._per_id[r["id"]].append(
                    {"id": r["id"], "naam": r["naam"], "blad": blad.naam, "segment": segment})

    def ding(self, id_: str, soorten: Iterable[str] = ()) -> Ding:
        """The thing with this id, preferring the segments in ``soorten``.

        An id the scan does not know (``regio`` for the whole region) comes
        back without ``blad``, so the page shows it without a link.
        """
        kandidaten = self._per_id.get(id_)
        if not kandidaten:
            return {"id": id_, "naam": "hele regio" if id_ == "regio" else id_,
                    "blad": "", "segment": ""}
        volgorde = [*soorten, *VOORKEUR]
        return min(kandidaten, key=lambda d: volgorde.index(d["segment"])
                   if d["segment"] in volgorde else len(volgorde))

    def naam(self, id_: str, soorten: Iterable[str] = ()) -> str:
        return self.ding(id_, soorten)["naam"]
