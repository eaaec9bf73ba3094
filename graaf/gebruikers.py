"""Local accounts: name, role and a scrypt hash of the password, in one SQLite file.

Why SQLite next to the store and not in the graph: accounts are no part of
the scan (they must not be versioned, exported or queryable over SPARQL),
and the CLI must be able to manage them while the site holds the store's
lock. Pure storage: no Flask, no printing; passwords are never logged.
"""
from __future__ import annotations

import os
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

from graaf.fouten import ScanFout

#: From least to most rights; a role may do everything of the roles before it.
ROLLEN: tuple[str, ...] = ("lezer", "adviseur", "beheerder")
BESTAND = "gebruikers.sqlite"
MIN_LENGTE = 12  # NCSC: length beats complexity rules
_NAAM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$")
#: Checked against when a name is unknown, so a wrong name costs as long as a wrong password.
_LEGE_HASH = generate_password_hash("geen-gebruiker", method="scrypt")


@dataclass(frozen=True)
class Gebruiker:
    """An account as the site sees it: never carries the hash."""

    naam: str
    rol: str

    def mag(self, rol: str) -> bool:
        """Whether this account has ``rol`` or a role with more rights."""
        return ROLLEN.index(self.rol) >= ROLLEN.index(rol)


def gebruikers_pad(store_map: str | Path) -> Path:
    """The accounts file inside the store folder (next to ``oxigraph/``)."""
    return Path(store_map) / BESTAND


def controleer_rol(rol: str) -> str:
    if rol not in ROLLEN:
        raise ScanFout(f"Onbekende rol '{rol}': kies uit {', '.join(ROLLEN)}.")
    return rol


class Gebruikers:
    """The accounts file; one short connection per call, so threads and the CLI can share it."""

    def __init__(self, pad: str | Path) -> None:
        self.pad = Path(pad)
        self.pad.parent.mkdir(parents=True, exist_ok=True)
        nieuw = not self.pad.exists()
        with self._verbinding() as db:
            db.execute("CREATE TABLE IF NOT EXISTS gebruikers (naam TEXT PRIMARY KEY "
                       "COLLATE NOCASE, hash TEXT NOT NULL, rol TEXT NOT NULL, "
                       "aangemaakt TEXT NOT NULL)")
        if nieuw:
            os.chmod(self.pad, 0o600)  # hashes are still worth protecting

    def _verbinding(self) -> closing[sqlite3.Connection]:
        db = sqlite3.connect(self.pad, timeout=10)
        db.isolation_level = None  # autocommit: each statement is its own transaction
        return closing(db)

    def toevoegen(self, naam: str, wachtwoord: str, rol: str = "lezer") -> Gebruiker:
        """Create an account; refuses a bad name, a short password or an existing name."""
        if not _NAAM.match(naam):
            raise ScanFout("Een gebruikersnaam heeft 2–64 tekens: letters, cijfers, . _ @ -.")
        if len(wachtwoord) < MIN_LENGTE:
            raise ScanFout(f"Een wachtwoord heeft minstens {MIN_LENGTE} tekens.")
        controleer_rol(rol)
        tijd = datetime.now(timezone.utc).isoformat(timespec="seconds")
        try:
            with self._verbinding() as db:
                db.execute("INSERT INTO gebruikers VALUES (?, ?, ?, ?)",
                           (naam, generate_password_hash(wachtwoord, method="scrypt"), rol, tijd))
        except sqlite3.IntegrityError:
            raise ScanFout(f"Gebruiker '{naam}' bestaat al.") from None
        return Gebruiker(naam, rol)

    def zoek(self, naam: str) -> Gebruiker | None:
        with self._verbinding() as db:
            rij = db.execute("SELECT naam, rol FROM gebruikers WHERE naam = ?",
                             (naam,)).fetchone()
        return Gebruiker(*rij) if rij else None

    def lijst(self) -> list[Gebruiker]:
        with self._verbinding() as db:
            rijen = db.execute("SELECT naam, rol FROM gebruikers ORDER BY naam").fetchall()
        return [Gebruiker(*r) for r in rijen]

    def verwijderen(self, naam: str) -> None:
        with self._verbinding() as db:
            if db.execute("DELETE FROM gebruikers WHERE naam = ?", (naam,)).rowcount == 0:
                raise ScanFout(f"Gebruiker '{naam}' bestaat niet.")

    def zet_rol(self, naam: str, rol: str) -> Gebruiker:
        controleer_rol(rol)
        with self._verbinding() as db:
            if db.execute("UPDATE gebruikers SET rol = ? WHERE naam = ?",
                          (rol, naam)).rowcount == 0:
                raise ScanFout(f"Gebruiker '{naam}' bestaat niet.")
        return Gebruiker(self.zoek(naam).naam, rol)  # type: ignore[union-attr]

    def controleer(self, naam: str, wachtwoord: str) -> Gebruiker | None:
        """The account if name and password match, else None (same cost either way)."""
        with self._verbinding() as db:
            rij = db.execute("SELECT naam, rol, hash FROM gebruikers WHERE naam = ?",
                             (naam,)).fetchone()
        goed = check_password_hash(rij[2] if rij else _LEGE_HASH, wachtwoord)
        return Gebruiker(rij[0], rij[1]) if rij and goed else None
