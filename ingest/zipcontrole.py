"""Checks on a zip (a .xlsx is a zip too) BEFORE anything is unpacked or parsed.

Why: a werkboek comes from outside (the site's upload form, a mailed file).
A zip bomb (a tiny file that unpacks to gigabytes) or an XML part with a
DOCTYPE/ENTITY (entity expansion, external entities) must be refused from
the zip's directory and the first bytes of each part, before openpyxl or
the csv reader touches it. The CLI and the site both read through
``ingest.lezen``, so both get these checks.
"""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from graaf.fouten import ScanFout

MAX_DELEN = 200                        # entries in the zip
MAX_UITGEPAKT = 100 * 1024 * 1024      # bytes, all entries together
MAX_VERHOUDING = 100                   # uncompressed : compressed, per entry
#: What the zip module raises on a damaged archive besides BadZipFile (fuzzing found
#: OSError from a seek to a negative offset when the archive's start is cut off).
ZIPFOUTEN = (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError,
             NotImplementedError, zlib.error)
#: A DOCTYPE must come before the root element, so the start of a part is enough.
PROLOOG = 4096


def controleer_zip(pad: Path, xml: bool = False) -> None:
    """Refuse a zip that is too big unpacked, has too many parts, or compresses suspiciously.

    With ``xml`` (a .xlsx) every XML part is also refused when it declares a DOCTYPE.
    """
    try:
        with zipfile.ZipFile(pad) as z:
            delen = z.infolist()
            _controleer_omvang(delen, pad.name)
            if xml:
                _controleer_xml(z, delen, pad.name)
    except ZIPFOUTEN as e:
        raise ScanFout("Het bestand kan niet gelezen worden: het is beschadigd of geen "
                       "geldig werkboek (geen zip).",
                       pad.name) from e


def _controleer_omvang(delen: list[zipfile.ZipInfo], naam: str) -> None:
    if len(delen) > MAX_DELEN:
        raise ScanFout(f"Het bestand bevat {len(delen)} onderdelen; meer dan {MAX_DELEN} "
                       "wordt om veiligheidsredenen geweigerd.", naam)
    totaal = sum(d.file_size for d in delen)
    if totaal > MAX_UITGEPAKT:
        raise ScanFout(f"Het bestand is uitgepakt {totaal // (1024 * 1024)} MB; meer dan "
                       f"{MAX_UITGEPAKT // (1024 * 1024)} MB wordt geweigerd (mogelijk een "
                       "zipbom).", naam)
    for d in delen:
        if d.file_size > 1024 * 1024 and d.file_size > MAX_VERHOUDING * max(d.compress_size, 1):
            raise ScanFout(f"Het onderdeel '{d.filename}' is verdacht sterk gecomprimeerd "
                           "(mogelijk een zipbom) en wordt geweigerd.", naam)


def _controleer_xml(z: zipfile.ZipFile, delen: list[zipfile.ZipInfo], naam: str) -> None:
    for d in delen:
        if not d.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        with z.open(d) as f:
            begin = f.read(PROLOOG).upper()
        if b"<!DOCTYPE" in begin or b"<!ENTITY" in begin:
            raise ScanFout(f"Het onderdeel '{d.filename}' bevat een DOCTYPE of ENTITY-"
                           "declaratie; zulke werkboeken worden om veiligheidsredenen "
                           "geweigerd. Sla het bestand opnieuw op vanuit Excel.", naam)
