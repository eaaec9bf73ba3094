"""An uploaded werkboek between "preview" and "confirm": a private file and a token.

Why server-side: the confirm form only carries a random token; the path,
the uploader, the note and the version the preview was made against live
next to the file in a private folder under the store, so a client can never
point the confirm at another file or at someone else's upload. The validated
``Resultaat`` is kept in memory (a few at most) so confirming does not
validate twice; after a restart the file is simply validated again.
"""
from __future__ import annotations

import json
import re
import secrets
import tempfile
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
    if "upload_map" not in app.extensions:
        basis = app.extensions["scan"].pad
        map_ = Path(basis) / "uploads" if basis else Path(tempfile.mkdtemp(prefix="graaf-up-"))
        map_.mkdir(mode=0o700, parents=True, exist_ok=True)
        app.extensions["upload_map"] = map_
        app.extensions["upload_resultaten"] = OrderedDict()
    return app.extensions["upload_map"]


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


def resultaat(upload: Upload) -> ingest.Resultaat:
    """The kept validation result, or a fresh one (after a restart or eviction)."""
    upload_map()
    bewaard = current_app.extensions["upload_resultaten"].get(upload.token)
    return bewaard if bewaard is not None else valideer(upload)


def verwijder(upload: Upload) -> None:
    """Remove the file, its metadata and the kept result: a token works once."""
    current_app.extensions["upload_resultaten"].pop(upload.token, None)
    for pad in (_pad(upload), _meta(upload.token)):
        pad.unlink(missing_ok=True)


def _pad(upload: Upload) -> Path:
    return upload_map() / f"{upload.token}{upload.achtervoegsel}"


def _meta(token: str) -> Path:
    return upload_map() / f"{token}.json"
