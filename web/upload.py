"""An uploaded werkboek between "preview" and "confirm": a private file and a token.

Why server-side: the confirm form only carries a random token; the path,
the uploader, the note and the version the preview was made against live
next to the file in a private folder under the store, so a client can never
point the confirm at another file or at someone else's upload. The validated
``Resultaat`` is kept in memory (a few at most) so confirming does not
validate twice; after a restart the file is simply validated again.

Why a sweep: a werkboek may hold personal data, so it must not lie around.
A confirmed, cancelled or refused upload is removed at once; a preview the
beheerder walked away from is removed by the next upload once it is older
than ``UPLOAD_BEWAARTIJD`` seconds (config, default two hours).
"""
from __future__ import annotations

import json
import re
import logging
import secrets
import tempfile
import threading
import time
from collections import OrderedDict
from dataclasses import asdict, dataclass
from pathlib import Path

from flask import current_app
from werkzeug.datastructures import FileStorage

import ingest
from graaf import config
from graaf.fouten import ScanFout

TOEGESTAAN = (".xlsx", ".zip", ".ttl")
GEWEIGERD_RDF = (".rdf", ".owl", ".xml", ".jsonld", ".json", ".nt", ".nq", ".trig")
TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
MAX_IN_GEHEUGEN = 4
#: Seconds an unconfirmed preview is kept (config ``UPLOAD_BEWAARTIJD``).
STANDAARD_BEWAARTIJD = 2 * 3600
_INRICHTEN = threading.Lock()
log = logging.getLogger("graaf.upload")


@dataclass
class Upload:
    """What the confirm needs to know, stored next to the file (never sent to the client)."""

    token: str
    achtervoegsel: str
    bestandsnaam: str
    door: str
    notitie: str
    op_versie: int


def upload_map() -> Path:
    """The private folder (0700) for uploads under the store folder (or a temp folder)."""
    app = current_app
    with _INRICHTEN:  # two first uploads at once must not each make their own cache
        if "upload_map" not in app.extensions:
            basis = app.extensions["scan"].pad
            map_ = Path(basis) / "uploads" if basis else Path(tempfile.mkdtemp(prefix="graaf-up-"))
            map_.mkdir(mode=0o700, parents=True, exist_ok=True)
            app.extensions["upload_resultaten"] = OrderedDict()
            app.extensions["upload_map"] = map_
    return app.extensions["upload_map"]


def ruim_op(nu: float | None = None) -> int:
    """Remove every upload file older than the configured age; the number removed.

    By modification time, so also files without metadata (a crash between
    saving and writing the metadata) go. A fresh upload is never touched.
    """
    bewaartijd = float(current_app.config.get("UPLOAD_BEWAARTIJD", STANDAARD_BEWAARTIJD))
    grens = (time.time() if nu is None else nu) - bewaartijd
    map_ = upload_map()
    cache: OrderedDict = current_app.extensions["upload_resultaten"]
    weg = 0
    for pad in map_.iterdir():
        try:
            if pad.is_file() and pad.stat().st_mtime < grens:
                pad.unlink()
                cache.pop(pad.stem, None)
                weg += 1
        except FileNotFoundError:  # removed meanwhile by its own confirm or cancel
            continue
    if weg:
        log.info("%d verlaten uploadbestand(en) opgeruimd", weg)
    return weg


def controleer_soort(bestandsnaam: str) -> str:
    """The lower-case suffix of an accepted upload; a Dutch ScanFout for anything else."""
    achtervoegsel = Path(bestandsnaam).suffix.lower()
    if achtervoegsel in GEWEIGERD_RDF:
        raise ScanFout("Alleen Turtle (.ttl) wordt als RDF geaccepteerd; RDF/XML en JSON-LD "
                       "worden om veiligheidsredenen geweigerd.", bestandsnaam)
    if achtervoegsel not in TOEGESTAAN:
        raise ScanFout("Kies een werkboek (.xlsx), een .zip met CSV-bestanden of een "
                       "Turtle-bestand (.ttl).", bestandsnaam or "geen bestand")
    return achtervoegsel


def bewaar(bestand: FileStorage, door: str, notitie: str, op_versie: int) -> Upload:
    """Save the upload under a random name; the client's file name is only shown, never used."""
    naam = Path(bestand.filename or "").name
    upload = Upload(secrets.token_urlsafe(24), controleer_soort(naam), naam, door,
                    notitie.strip()[:500], op_versie)
    bestand.save(_pad(upload))
    _meta(upload.token).write_text(json.dumps(asdict(upload)), encoding="utf-8")
    return upload


def valideer(upload: Upload) -> ingest.Resultaat:
    """Validate the saved file; a clean result is kept for the confirm."""
    resultaat = ingest.valideer(_pad(upload), config.base_uri(None))
    if not resultaat.fouten:
        cache: OrderedDict = current_app.extensions["upload_resultaten"]
        cache[upload.token] = resultaat
        while len(cache) > MAX_IN_GEHEUGEN:
            cache.popitem(last=False)
    return resultaat


def zoek(token: str, door: str) -> Upload | None:
    """The upload of this token made by this user, or None (also for a malformed token)."""
    if not TOKEN.match(token) or not _meta(token).exists():
        return None
    upload = Upload(**json.loads(_meta(token).read_text(encoding="utf-8")))
    return upload if upload.door == door else None


def resultaat(upload: Upload) -> ingest.Resultaat | None:
    """The kept validation result, or a fresh one (after a restart or eviction).

    None, and the leftovers removed, when there is nothing valid to confirm:
    the file went meanwhile (confirmed twice at once, or swept) or it no
    longer validates (the rules changed with a restart).
    """
    upload_map()
    bewaard = current_app.extensions["upload_resultaten"].get(upload.token)
    if bewaard is not None:
        return bewaard
    try:
        opnieuw = valideer(upload) if _pad(upload).exists() else None
    except ScanFout:
        opnieuw = None
    if opnieuw is None or opnieuw.fouten:
        verwijder(upload)
        return None
    return opnieuw


def verwijder(upload: Upload) -> None:
    """Remove the file, its metadata and the kept result: a token works once."""
    current_app.extensions["upload_resultaten"].pop(upload.token, None)
    for pad in (_pad(upload), _meta(upload.token)):
        pad.unlink(missing_ok=True)


def _pad(upload: Upload) -> Path:
    return upload_map() / f"{upload.token}{upload.achtervoegsel}"


def _meta(token: str) -> Path:
    return upload_map() / f"{token}.json"
