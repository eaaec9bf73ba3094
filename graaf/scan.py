"""The scan as a user works with it: a store whose versions come from werkboeken.

Joins the store (versions) and ingest (validation) so the CLI and the site
write versions the same way, and loads the bundled example on first use.
"""
from __future__ import annotations

from pathlib import Path

import ingest
from graaf import config
from graaf.store import Store, Versie

VOORBEELD = Path(__file__).resolve().parent / "voorbeeld" / "gooi-en-vechtstreek"
VOORBEELD_DOOR = "graaf (voorbeeldscan)"


def open_scan(pad: str | Path | None = None, voorbeeld: bool = True) -> Store:
    """Open (or create) the store; an empty store gets the example scan as version 1."""
    store = Store(config.store_pad(pad))
    if voorbeeld and store.huidige() is None:
        laad(store, VOORBEELD, door=VOORBEELD_DOOR,
             notitie="Voorbeeldscan Gooi en Vechtstreek uit de bronnen")
    return store


def laad(store: Store, pad: str | Path, door: str, notitie: str = "",
         base: str | None = None) -> Versie:
    """Validate an input completely, then write it as one new version (or nothing)."""
    resultaat = ingest.lees(pad, config.base_uri(base))
    return store.nieuwe_versie(resultaat.ntriples(), door=door, notitie=notitie,
                               bronbestand=Path(pad).name)
