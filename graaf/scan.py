"""The scan as a user works with it: a store whose versions come from werkboeken.

Joins the store (versions) and ingest (validation) so the CLI and the site
write versions the same way, and loads the bundled example on first use.
"""
from __future__ import annotations

from pathlib import Path

import ingest
from graaf import config
from graaf.opslag import Opslag, open_store
from graaf.store import Versie

VOORBEELD = Path(__file__).resolve().parent / "voorbeeld" / "gooi-en-vechtstreek"
VOORBEELD_DOOR = "graaf (voorbeeldscan)"


def open_scan(pad: str | Path | None = None, voorbeeld: bool = True,
              gebruiker: str | None = None, wachtwoord: str | None = None) -> Opslag:
    """Open (or create) the store; an empty store gets the example scan as version 1.

    ``pad``: a folder or a SPARQL server address (``graaf.opslag``)."""
    store = open_store(pad, gebruiker, wachtwoord)
    if voorbeeld and store.huidige() is None:
        laad(store, VOORBEELD, door=VOORBEELD_DOOR,
             notitie="Voorbeeldscan Gooi en Vechtstreek uit de bronnen")
    vul_regio_aan(store)
    return store


def vul_regio_aan(store: Opslag) -> Versie | None:
    """A store from before regions existed gets one new version with the default region.

    Why: checks and pages work per region; without ``scan:regio`` they would
    quietly find nothing. Old versions stay as they were (history is never
    rewritten); the new version is what a one-region werkboek would give.
    """
    from graaf import regios
    from ingest import standaardregio

    if store.huidige() is None or regios.lijst(store):
        return None
    g = store.graaf()
    if standaardregio.vul_aan(g, config.base_uri(None)) is None:
        return None
    return store.nieuwe_versie(iter(g), door="graaf (regio-aanvulling)",
                               notitie="Standaardregio toegevoegd: de scan was van voor de regio's",
                               op_versie=store.huidige().nummer)


def laad(store: Opslag, pad: str | Path, door: str, notitie: str = "",
         base: str | None = None) -> Versie:
    """Validate an input completely, then write it as one new version (or nothing)."""
    resultaat = ingest.lees(pad, config.base_uri(base))
    return store.nieuwe_versie(resultaat.ntriples(), door=door, notitie=notitie,
                               bronbestand=Path(pad).name)
