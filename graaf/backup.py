"""Backups of a store folder: ``graaf backup MAP`` and ``graaf restore MAP``.

A backup is a folder with a consistent copy of the engine's database
(``oxigraph/``), the accounts (``gebruikers.sqlite``, via SQLite's own online
backup), the audit log, and ``manifest.json``: the sha256 of every file plus
the version list. It is written next to its final name and renamed into place
only when complete, so a half-written backup never looks like one.

Online: when no process has the store open, the engine makes the snapshot
(``Store.momentopname``, a RocksDB checkpoint). When the site has it open
(the engine allows one opener), the database files are copied while this
process holds the store's write lock — no version can be written meanwhile,
every write ends flushed, and the files that change in place (MANIFEST,
CURRENT, WAL) are copied before the immutable table files — then the copy is
opened as a store to prove it complete; a copy raced by a background
compaction fails that and is taken again.

Restore checks the manifest before touching anything, copies into a hidden
folder beside the store, opens that copy and compares its versions with the
manifest, and only then swaps it in with one atomic rename (exchange). The
previous store is kept beside it, never deleted.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import sqlite3
import time
from contextlib import closing, contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from graaf.fouten import ScanFout
from graaf.store import Store

MANIFEST = "manifest.json"
FORMAAT = "graaf-backup/1"
DB = "oxigraph"
#: Store-folder entries that are not data: the lock, the readers' snapshots.
OVERSLAAN = {"schrijfslot", "momentopnamen", DB}
_DB_OVERSLAAN = ("LOCK", "LOG")  # the engine's lock and its diagnostic logs
POGINGEN = 5


def maak_backup(store_pad: Path, doel: Path) -> dict:
    """Write a backup of the store in ``store_pad`` to the new folder ``doel``."""
    if doel.exists() and any(doel.iterdir()):
        raise ScanFout("De back-upmap bestaat al en is niet leeg; kies een nieuwe map.",
                       str(doel))
    if not (store_pad / DB).is_dir():
        raise ScanFout("Hier staat geen opslag om te back-uppen.", str(store_pad))
    bezig = doel.parent / f".{doel.name}.bezig-{os.getpid()}"
    shutil.rmtree(bezig, ignore_errors=True)
    bezig.mkdir(parents=True)
    try:
        versies = _kopieer_database(store_pad, bezig)
        _kopieer_overige(store_pad, bezig)
        manifest = {"formaat": FORMAAT,
                    "gemaakt": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                    "versies": versies, "bestanden": _checksums(bezig)}
        (bezig / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                      encoding="utf-8")
        if doel.exists():
            doel.rmdir()
        bezig.rename(doel)
    except BaseException:
        shutil.rmtree(bezig, ignore_errors=True)
        raise
    return manifest


def _kopieer_database(store_pad: Path, bezig: Path) -> list[dict]:
    """A consistent copy of the database in ``bezig/oxigraph``; returns its versions."""
    try:
        store = Store(store_pad)
    except ScanFout:  # open in another process (the site): copy under the write lock
        return _kopieer_levend(store_pad, bezig)
    try:
        momentopname = store.momentopname()
        shutil.copytree(momentopname, bezig / DB, ignore=_db_overslaan)
        shutil.rmtree(momentopname, ignore_errors=True)
    finally:
        store.close()
    return _versies(bezig)


def _kopieer_levend(store_pad: Path, bezig: Path) -> list[dict]:
    with _schrijfslot(store_pad):
        for poging in range(1, POGINGEN + 1):
            shutil.rmtree(bezig / DB, ignore_errors=True)
            try:
                _kopieer_bestanden(store_pad / DB, bezig / DB)
                return _versies(bezig)
            except (OSError, ScanFout, RuntimeError):
                if poging == POGINGEN:
                    raise ScanFout("De opslag kon niet consistent gekopieerd worden terwijl "
                                   "hij in gebruik is. Probeer het opnieuw, of stop de site "
                                   "even.", str(store_pad)) from None
                time.sleep(0.2 * poging)  # let a background compaction finish
    raise AssertionError("unreachable")


def _kopieer_bestanden(bron: Path, doel: Path) -> None:
    """Files that change in place first (the state they describe), then the immutable
    table files that state names; a changed CURRENT means a moved state: try again."""
    doel.mkdir()
    current = (bron / "CURRENT").read_bytes()
    namen = sorted(n for n in os.listdir(bron) if not n.startswith(_DB_OVERSLAAN))
    for naam in [n for n in namen if not n.endswith(".sst")] + [
            n for n in namen if n.endswith(".sst")]:
        shutil.copy2(bron / naam, doel / naam)
    if (bron / "CURRENT").read_bytes() != current:
        raise OSError("CURRENT changed during the copy")


def _versies(map_: Path) -> list[dict]:
    """Open a copied store (proves it complete and lets the engine recover its log)."""
    store = Store(map_)
    try:
        return [v.als_dict() for v in store.versies()]
    finally:
        store.close()
        for naam in os.listdir(map_ / DB):  # written by that open, not data
            if naam.startswith(_DB_OVERSLAAN):
                (map_ / DB / naam).unlink()


def _db_overslaan(_map: str, namen: list[str]) -> list[str]:
    return [n for n in namen if n.startswith(_DB_OVERSLAAN)]


def _kopieer_overige(store_pad: Path, bezig: Path) -> None:
    """Accounts through SQLite's online backup; the audit log up to its last full line."""
    for pad in sorted(store_pad.iterdir()):
        if pad.name in OVERSLAAN or not pad.is_file() or pad.name.endswith(
                ("-wal", "-shm", "-journal")):
            continue
        if pad.suffix == ".sqlite":
            with closing(sqlite3.connect(f"{pad.as_uri()}?mode=ro", uri=True)) as van, \
                    closing(sqlite3.connect(bezig / pad.name)) as naar:
                van.backup(naar)
        else:
            inhoud = pad.read_bytes()
            if pad.suffix == ".jsonl":
                inhoud = inhoud[:inhoud.rfind(b"\n") + 1]
            (bezig / pad.name).write_bytes(inhoud)
        shutil.copymode(pad, bezig / pad.name)


def _checksums(map_: Path) -> dict[str, str]:
    return {p.relative_to(map_).as_posix(): _sha256(p)
            for p in sorted(map_.rglob("*")) if p.is_file() and p.name != MANIFEST}


def _sha256(pad: Path) -> str:
    h = hashlib.sha256()
    with pad.open("rb") as f:
        while blok := f.read(1 << 20):
            h.update(blok)
    return h.hexdigest()


# -- restore -------------------------------------------------------------------

def herstel_backup(bron: Path, store_pad: Path) -> tuple[dict, Path | None]:
    """Replace (or create) the store in ``store_pad`` with the backup in ``bron``.

    Returns the manifest and where the previous store was kept (None if there was none).
    """
    manifest = controleer(bron)
    if (store_pad / DB / "LOCK").exists() and _in_gebruik(store_pad / DB / "LOCK"):
        raise ScanFout("De opslag is in gebruik (draait de site nog?). Stop de site en "
                       "andere 'graaf'-commando's en probeer opnieuw.", str(store_pad))
    store_pad.parent.mkdir(parents=True, exist_ok=True)
    bezig = store_pad.parent / f".{store_pad.name}.restore-{os.getpid()}"
    shutil.rmtree(bezig, ignore_errors=True)
    try:
        shutil.copytree(bron, bezig, ignore=shutil.ignore_patterns(MANIFEST))
        if _checksums(bezig) != manifest["bestanden"]:
            raise ScanFout("De kopie van de back-up klopt niet met het manifest (schijf "
                           "vol of defect?). Er is niets gewijzigd.", str(bron))
        if _versies(bezig) != manifest["versies"]:
            raise ScanFout("De versies in de back-up kloppen niet met het manifest. Er is "
                           "niets gewijzigd.", str(bron))
    except BaseException:
        shutil.rmtree(bezig, ignore_errors=True)
        raise
    return manifest, _wissel(bezig, store_pad)


def controleer(bron: Path) -> dict:
    """The manifest of a complete, unchanged backup; any difference refuses it."""
    try:
        manifest = json.loads((bron / MANIFEST).read_text(encoding="utf-8"))
        bestanden, _ = manifest["bestanden"], manifest["versies"]
        if manifest["formaat"] != FORMAAT:
            raise ValueError(manifest["formaat"])
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ScanFout("Dit is geen (leesbare) back-up: manifest.json ontbreekt of is "
                       "beschadigd. Er is niets gewijzigd.", str(bron)) from e
    aanwezig = _checksums(bron)
    for naam in sorted(set(bestanden) | set(aanwezig)):
        if naam not in aanwezig:
            reden = "ontbreekt"
        elif naam not in bestanden:
            reden = "staat niet in het manifest"
        elif aanwezig[naam] != bestanden[naam]:
            reden = "is gewijzigd of beschadigd (sha256 klopt niet)"
        else:
            continue
        raise ScanFout(f"De back-up klopt niet met zijn manifest: '{naam}' {reden}. "
                       "Er is niets gewijzigd; gebruik een andere back-up.", str(bron))
    return manifest


def _in_gebruik(lock: Path) -> bool:
    """Whether another process holds the engine's lock (a POSIX lock on ``LOCK``)."""
    with open(lock, "a") as f:
        try:
            fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.lockf(f, fcntl.LOCK_UN)
        return False


def _wissel(nieuw: Path, store_pad: Path) -> Path | None:
    """Put ``nieuw`` in place of ``store_pad`` in one atomic step; keep the old store."""
    if not store_pad.exists():
        nieuw.rename(store_pad)
        return None
    bewaard = store_pad.parent / (
        f"{store_pad.name}.voor-restore-{datetime.now():%Y%m%d-%H%M%S}")
    try:
        _verwissel(nieuw, store_pad)  # now ``nieuw`` holds the previous store
    except OSError:  # no RENAME_EXCHANGE here: two renames, a moment without a store
        store_pad.rename(bewaard)
        nieuw.rename(store_pad)
        return bewaard
    nieuw.rename(bewaard)
    return bewaard


def _verwissel(a: Path, b: Path) -> None:
    """renameat2(RENAME_EXCHANGE): both names swap atomically (Linux 3.15+, glibc 2.28+)."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    at_fdcwd, rename_exchange = -100, 2
    if libc.renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b),
                      rename_exchange) != 0:
        fout = ctypes.get_errno()
        raise OSError(fout, f"renameat2: {os.strerror(fout)}", str(b))


@contextmanager
def _schrijfslot(store_pad: Path) -> Iterator[None]:
    """The store's own write lock (``Store._schrijfslot``): no version is written meanwhile."""
    with open(store_pad / "schrijfslot", "a") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(slot, fcntl.LOCK_UN)
