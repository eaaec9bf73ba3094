"""A real Virtuoso (Debian ``virtuoso-opensource``) on 127.0.0.1 for the remote-store tests.

Own database and ``virtuoso.ini`` in a temp folder, free loopback ports for
both the SQL (ISQL) and HTTP listeners, ``ResultSetMaxRows`` raised (the
default 10,000 silently truncates), a fresh DBA password and an account
with SPARQL_UPDATE used over HTTP Digest at ``/sparql-auth`` and
``/sparql-graph-crud-auth``. Started as ``virtuoso-t +foreground``; stopped
(or killed, for the crash test) by its own PID only. Installed by
``scripts/testomgeving``; without it the tests skip, except on CI.
"""
from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

VIRTUOSO = shutil.which("virtuoso-t") or "/usr/bin/virtuoso-t"
ISQL = shutil.which("isql-vt") or "/usr/bin/isql-vt"
GEBRUIKER = "graaf"

_INI = """\
[Database]
DatabaseFile       = {map}/virtuoso.db
ErrorLogFile       = {map}/virtuoso.log
LockFile           = {map}/virtuoso.lck
TransactionFile    = {map}/virtuoso.trx
xa_persistent_file = {map}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase
[TempDatabase]
DatabaseFile       = {map}/virtuoso-temp.db
TransactionFile    = {map}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0
[Parameters]
ServerPort           = 127.0.0.1:{sql}
DisableUnixSocket    = 1
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = ., {map}
ThreadsPerQuery      = 2
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000
[HTTPServer]
ServerPort           = 127.0.0.1:{http}
ServerRoot           = {map}
MaxClientConnections = 10
ServerThreads        = 10
Charset              = UTF-8
EnabledGzipContent   = 0
[SPARQL]
ResultSetMaxRows           = {max_rijen}
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime      = 60
"""


def beschikbaar() -> bool:
    return Path(VIRTUOSO).exists() and Path(ISQL).exists()


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Virtuoso:
    """One Virtuoso server in ``map``; ``spec`` is the store address for ``open_store``."""

    map: Path
    sql: int = field(default_factory=_vrije_poort)
    http: int = field(default_factory=_vrije_poort)
    dba: str = field(default_factory=lambda: "d" + secrets.token_hex(8))  # a letter first:
    wachtwoord: str = field(default_factory=lambda: "w" + secrets.token_hex(8))  # ISQL
    max_rijen: int = 1_000_000  # ResultSetMaxRows; Virtuoso's default 10,000 truncates
    proces: subprocess.Popen | None = None

    @property
    def basis(self) -> str:
        return f"http://127.0.0.1:{self.http}"

    @property
    def spec(self) -> str:
        return (f"sparql+http://127.0.0.1:{self.http}/sparql"
                "?update=/sparql-auth&gsp=/sparql-graph-crud-auth")

    def start(self, eerste_keer: bool = True) -> None:
        """Start (the first time: create the database, set passwords, grant updates)."""
        self.map.mkdir(parents=True, exist_ok=True)
        (self.map / "virtuoso.ini").write_text(_INI.format(map=self.map, sql=self.sql,
                                                           http=self.http,
                                                           max_rijen=self.max_rijen))
        with open(self.map / "uitvoer.log", "ab") as log:
            self.proces = subprocess.Popen(
                [VIRTUOSO, "+foreground", "+configfile", str(self.map / "virtuoso.ini")],
                cwd=self.map, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self._wacht()
        if eerste_keer:
            self._isql("dba", f"GRANT SPARQL_UPDATE TO \"{GEBRUIKER}\";\n"
                       f"set password dba {self.dba};\n",
                       voor=f"DB.DBA.USER_CREATE('{GEBRUIKER}', '{self.wachtwoord}');\n")
            geheim = self.map / "dba-wachtwoord"  # for `isql-vt … dba $(cat …)` when debugging
            geheim.touch(mode=0o600)
            geheim.write_text(self.dba)

    def _wacht(self, tijd: float = 90.0) -> None:
        """Until the HTTP endpoint answers a query (3–10 s measured; slower on a busy box)."""
        einde = time.monotonic() + tijd
        while time.monotonic() < einde:
            if self.proces and self.proces.poll() is not None:
                raise RuntimeError(f"virtuoso-t stopte: {self._log()}")
            try:
                with urllib.request.urlopen(f"{self.basis}/sparql?query=ASK%7B%7D", timeout=2):
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"Virtuoso antwoordde niet binnen {tijd:g} s: {self._log()}")

    def _isql(self, wachtwoord: str, sql: str, voor: str = "") -> None:
        """Run SQL as DBA over the loopback SQL port (statements on stdin)."""
        r = subprocess.run([ISQL, f"127.0.0.1:{self.sql}", "dba", wachtwoord],
                           input=(voor + sql).encode(), capture_output=True, timeout=60)
        if r.returncode != 0 or b"*** Error" in r.stdout + r.stderr:
            raise RuntimeError(f"isql faalde: {(r.stdout + r.stderr).decode()[-800:]}")

    def _log(self) -> str:
        pad = self.map / "uitvoer.log"
        return pad.read_text(errors="replace")[-1500:] if pad.exists() else ""

    def kill(self) -> None:
        """kill -9 of our own server process (the crash test), and reap it."""
        if self.proces and self.proces.poll() is None:
            os.kill(self.proces.pid, signal.SIGKILL)
            self.proces.wait(timeout=30)

    def stop(self) -> None:
        """Shut down cleanly (checkpoint), SIGTERM then SIGKILL as backstop, own PID only."""
        if not self.proces or self.proces.poll() is not None:
            return
        try:
            self._isql(self.dba, "shutdown;\n")
            self.proces.wait(timeout=30)
        except (RuntimeError, subprocess.TimeoutExpired, OSError):
            self.proces.terminate()
            try:
                self.proces.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


def leeg(server: Virtuoso) -> None:
    """Drop every graph the tool made (versions, metadata, fixed graphs), keep Virtuoso's own."""
    from graaf.sparqlstore import adressen
    from graaf.sparqlstore_http import SparqlHttp

    http = SparqlHttp(adressen(server.spec), GEBRUIKER, server.wachtwoord)
    vraag = ("SELECT DISTINCT ?g WHERE { { GRAPH <urn:graaf:vaste-grafen> { ?g a ?t } } UNION "
             "{ GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"urn:graaf:\")) } }")
    import json

    antwoord = json.loads(http.query(vraag, "application/sparql-results+json").inhoud)
    grafen = [b["g"]["value"] for b in antwoord["results"]["bindings"]]
    if grafen:
        http.update(" ; ".join(f"DROP SILENT GRAPH <{g}>" for g in grafen))


def server_voor_tests(map_: Path):
    """A started server for a fixture to yield (stopped after); skips without Virtuoso,
    except on CI (``CI=true``), where the remote-store tests must run."""
    import pytest

    if not beschikbaar():
        reden = "Virtuoso ontbreekt: installeer 'virtuoso-opensource' (scripts/testomgeving)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reden} (CI=true: de Virtuoso-tests moeten draaien)")
        pytest.skip(reden)
    server = Virtuoso(map_)
    try:
        server.start()
        yield server
    finally:
        server.stop()
