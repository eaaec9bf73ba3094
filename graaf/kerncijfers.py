"""Key figures of a scan (dashboard, RB report): counts per kind of thing."""
from __future__ import annotations

from graaf import queries
from graaf.store import Store


def tel(store: Store, versie: int | None = None) -> dict[str, int]:
    rij = store.query(queries.get("kerncijfers").sparql, versie=versie)[0]
    return {k: int(v) for k, v in rij.items()}
