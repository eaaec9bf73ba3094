"""A small pool of reader processes that run SPARQL queries with a hard time limit.

Why processes: a running pyoxigraph query can't be interrupted (Rust code, no
cancel), so a query past its deadline is stopped by killing the process that
runs it (SIGKILL to that PID, only ever one of our own children) and starting
a fresh one. Each worker opens the store's latest read-only snapshot
(``Store.momentopname``) and reopens when a job names a newer one, so a new
version is visible from the next query on. Talks to the engine only through
``graaf.store``.

Protocol: ``python -m graaf.werkers IN OUT [MODULE …]`` with two inherited
pipe fds (the modules are imported at start, so the first job is fast); the
parent sends ``("module:functie", args)`` and receives ``("ok", value)`` or
``("fout", exception)`` (pickles over ``multiprocessing.connection``). Any
work that must be stoppable can run here, e.g. parsing an untrusted query.
"""
from __future__ import annotations

import importlib
import logging
import os
import queue
import subprocess
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from graaf.fouten import ScanFout
from graaf.opslag import alleen_lezen

_log = logging.getLogger(__name__)
#: How long a query may wait past its deadline for workers that are still starting.
START_MARGE = 30.0
_PROJECT = str(Path(__file__).resolve().parent.parent)


class Tijdslimiet(ScanFout):
    """The query ran past its time limit (or no worker came free in time)."""


class Werkerfout(ScanFout):
    """A worker died or could not read the store; the query may be retried."""


@dataclass(frozen=True)
class Taak:
    """One query for a worker: text, explicit dataset, output format and row cap."""

    momentopname: str
    sparql: str
    standaard: tuple[str, ...]
    benoemd: tuple[str, ...]
    formaat: str
    max_rijen: int
    basis: str | None = None


class _Werker:
    """One child process and the two pipe ends the parent keeps."""

    def __init__(self, opwarmen: tuple[str, ...] = ()) -> None:
        naar_kind, van_ouder = os.pipe()
        naar_ouder, van_kind = os.pipe()
        omgeving = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (_PROJECT, os.environ.get("PYTHONPATH")) if p)}
        self.proces = subprocess.Popen(
            [sys.executable, "-m", "graaf.werkers", str(naar_kind), str(van_kind), *opwarmen],
            pass_fds=(naar_kind, van_kind), stdin=subprocess.DEVNULL, env=omgeving)
        os.close(naar_kind)
        os.close(van_kind)
        self.klaar_om = 0.0  # monotonic time of its ready message
        self.stuur = Connection(van_ouder, readable=False)
        self.ontvang = Connection(naar_ouder, writable=False)

    @property
    def pid(self) -> int:
        return self.proces.pid

    def vraag(self, opdracht: tuple[str, tuple], tijd: float) -> tuple:
        """Send a job and wait at most ``tijd`` seconds for its answer."""
        self.stuur.send(opdracht)
        if not self.ontvang.poll(max(tijd, 0.0)):
            raise Tijdslimiet("De query liep over de tijdslimiet en is gestopt.")
        return self.ontvang.recv()

    def stop(self) -> None:
        """Kill this worker (its own PID only) and reap it, so no zombie stays."""
        for verbinding in (self.stuur, self.ontvang):
            verbinding.close()
        if self.proces.poll() is None:
            self.proces.kill()
        self.proces.wait(timeout=5)


class Werkerpool:
    """A fixed number of workers; a job takes a free one or waits until its deadline."""

    def __init__(self, aantal: int = 2, opwarmen: tuple[str, ...] = ()) -> None:
        self._opwarmen = opwarmen
        self._vrij: queue.Queue[_Werker] = queue.Queue()
        self._alle: set[_Werker] = set()
        self._slot = threading.Lock()
        self._startend = 0  # workers started but not yet ready
        self.gestopt: list[int] = []  # PIDs killed at a deadline (tests, logging)
        for _ in range(aantal):
            self._nieuw()

    def _nieuw(self) -> None:
        """Start a worker; it joins the free queue only once it reports ready.

        Why: start-up (imports, 1-3 s on a loaded machine) must not count
        against the deadline of the query that happens to get a fresh worker.
        """
        werker = _Werker(self._opwarmen)
        with self._slot:
            self._alle.add(werker)
        with self._slot:
            self._startend += 1
        threading.Thread(target=self._wacht_op, args=(werker,), daemon=True).start()

    def _neem(self, einde: float) -> _Werker:
        """A free worker; past ``einde`` only while workers are still starting up."""
        grens = einde + START_MARGE
        while True:
            try:
                return self._vrij.get(timeout=max(einde - time.monotonic(), 0.0))
            except queue.Empty:
                if not self._startend or time.monotonic() >= grens:
                    raise Tijdslimiet(
                        "Alle queryverwerkers waren bezig tot de tijdslimiet.") from None
                einde = min(time.monotonic() + 0.05, grens)

    def _wacht_op(self, werker: _Werker) -> None:
        try:
            werker.ontvang.recv()  # the worker's ("klaar",) after its imports
            werker.klaar_om = time.monotonic()
        except (EOFError, OSError):
            with self._slot:
                self._startend -= 1
                if werker not in self._alle:  # stopped on purpose (pool closed)
                    return
                self._alle.discard(werker)
            _log.error("Queryverwerker %s startte niet", werker.pid)
            return
        self._vrij.put(werker)
        with self._slot:
            self._startend -= 1

    def pids(self) -> list[int]:
        with self._slot:
            return [w.pid for w in self._alle]

    def voer_uit(self, taak: Taak, tijdslimiet: float) -> bytes:
        """A query's serialised result, or ``Tijdslimiet``/``Werkerfout``/``ScanFout``."""
        return self.roep("graaf.werkers:query", (taak,), tijdslimiet)

    def roep(self, functie: str, args: tuple, tijdslimiet: float) -> Any:
        """Call ``"module:functie"(*args)`` in a worker; kill it at the deadline.

        The deadline covers waiting for a busy worker too: a caller never waits
        longer than ``tijdslimiet`` (plus the few ms of killing), except for the
        start-up of a fresh worker (at most ``START_MARGE``), which is the
        service's cost, not the query's. A ``ScanFout`` raised in the worker is
        raised here as it was.
        """
        begin = time.monotonic()
        werker = self._neem(begin + tijdslimiet)
        # a worker's start-up is the service's cost, not the query's: not on the clock
        einde = max(begin, werker.klaar_om) + tijdslimiet
        if einde - time.monotonic() <= 0:  # no time left: don't start what must be killed
            self._vrij.put(werker)
            raise Tijdslimiet("De query liep over de tijdslimiet en is gestopt.")
        try:
            antwoord = werker.vraag((functie, args), einde - time.monotonic())
        except (Tijdslimiet, EOFError, OSError) as e:
            self._vervang(werker, gestopt=isinstance(e, Tijdslimiet))
            if isinstance(e, Tijdslimiet):
                raise
            raise Werkerfout("De queryverwerker stopte onverwacht.") from e
        except BaseException:  # e.g. an unpicklable job: the pipe state is unknown
            self._vervang(werker, gestopt=False)
            raise
        self._vrij.put(werker)
        if antwoord[0] == "ok":
            return antwoord[1]
        raise antwoord[1]

    def _vervang(self, werker: _Werker, gestopt: bool) -> None:
        with self._slot:
            self._alle.discard(werker)
        werker.stop()
        if gestopt:
            self.gestopt.append(werker.pid)
        self._nieuw()

    def sluit(self) -> None:
        """Stop every worker (at shutdown): closing the pipes ends them, kill is the backstop."""
        with self._slot:
            alle, self._alle = list(self._alle), set()
        for werker in alle:
            werker.stop()


_LEZER: dict = {}  # in a worker: the open snapshot ("pad", "store")


def query(taak: Taak) -> bytes:
    """Worker side of ``voer_uit``: (re)open the snapshot the job names, run, serialise."""
    if _LEZER.get("pad") != taak.momentopname:
        _LEZER.clear()  # drop the old handle before opening the new snapshot
        _LEZER.update(pad=taak.momentopname, store=alleen_lezen(taak.momentopname))
    if hasattr(_LEZER["store"], "laad_in_geheugen"):  # the embedded store's snapshot
        _LEZER["store"].laad_in_geheugen(taak.standaard + taak.benoemd)
    return _LEZER["store"].query_begrensd(taak.sparql, list(taak.standaard),
                                          list(taak.benoemd), taak.formaat, taak.max_rijen,
                                          taak.basis)


def _behandel(functie: str, args: tuple) -> tuple:
    """Run one job in the worker; every failure becomes a ("fout", exception) answer."""
    module, naam = functie.split(":")
    try:
        return ("ok", getattr(importlib.import_module(module), naam)(*args))
    except ScanFout as e:
        return ("fout", e)
    except Exception as e:  # noqa: BLE001 - the worker must answer, and stay usable
        _LEZER.clear()
        traceback.print_exc()
        return ("fout", Werkerfout(f"De opslag kon niet gelezen worden: {e}"))


def main(argv: list[str]) -> int:
    """The worker's loop: one job at a time until the parent closes the pipe."""
    # rdflib's parser recurses per pattern; far deeper overflows the C stack (measured)
    sys.setrecursionlimit(20_000)
    ontvang = Connection(int(argv[0]), writable=False)
    stuur = Connection(int(argv[1]), readable=False)
    for module in argv[2:]:
        importlib.import_module(module)
    stuur.send(("klaar",))
    while True:
        try:
            functie, args = ontvang.recv()
        except (EOFError, OSError):
            return 0
        stuur.send(_behandel(functie, args))


if __name__ == "__main__":  # run as graaf.werkers, so pickled classes resolve in the parent
    from graaf.werkers import main as _main

    sys.exit(_main(sys.argv[1:]))
