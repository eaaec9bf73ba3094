"""Per-client limits on ``/sparql``: a request budget and a cap on queries at once.

Why: the worker pool is small (``SPARQL_WERKERS``, 2 by default) and a
query may run up to the time limit; one client sending expensive queries in
parallel would hold every worker, and everyone else's queries would wait
until their own deadline (503). With a cap per client its extra queries are
refused at once with 429 and ``Retry-After``, and a flood of cheap queries
runs out of budget. Pages never use the workers, so they keep answering
either way (``bench/last.py`` measures it).

The budget is a token bucket per client: ``SPARQL_BUDGET`` queries, refilled
evenly over ``SPARQL_BUDGET_VENSTER`` seconds, so a burst up to the budget is
fine and the long-run rate is budget/window. ``SPARQL_GELIJKTIJDIG`` queries
may run at once per client; by default one less than the workers, so no
single client can hold every worker and a query from someone else always
finds one that this client does not hold. A client is its address as the WSGI server saw
it (behind a proxy: ``PROXY_AANTAL``). In process memory, bounded
(``MAX_SLEUTELS``), like the login limit (``web.inlogslot``).
"""
from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from flask import current_app, request

from web import logboek
from web.sparql.protocol import Protocolfout

MAX_SLEUTELS = 10_000


class TeVeel(Protocolfout):
    """429 with the seconds to wait, for ``Retry-After``."""

    def __init__(self, wacht: int, melding: str, reden: str) -> None:
        super().__init__(429, melding)
        self.wacht, self.reden = wacht, reden


@dataclass
class _Client:
    tegoed: float
    bijgewerkt: float
    lopend: int = 0


class Grens:
    """Budget and concurrency per client key; thread-safe."""

    def __init__(self, budget: int, venster: float, gelijktijdig: int) -> None:
        self.budget, self.gelijktijdig = max(1, budget), max(1, gelijktijdig)
        self.per_seconde = self.budget / max(venster, 0.001)
        self._clients: dict[str, _Client] = {}
        self._slot = threading.Lock()

    def _client(self, sleutel: str, nu: float) -> _Client:
        client = self._clients.get(sleutel)
        if client is None:
            if len(self._clients) >= MAX_SLEUTELS:
                self._opruimen(nu)
            client = self._clients[sleutel] = _Client(float(self.budget), nu)
        client.tegoed = min(self.budget, client.tegoed + (nu - client.bijgewerkt) *
                            self.per_seconde)
        client.bijgewerkt = nu
        return client

    def begin(self, sleutel: str) -> None:
        """Take one request from the budget and a running slot, or raise ``TeVeel``.

        A request refused for the cap on queries at once still costs budget: a
        client that ignores ``Retry-After`` runs out of budget, and then waits."""
        with self._slot:
            client = self._client(sleutel, time.monotonic())
            if client.tegoed < 1:
                wacht = math.ceil((1 - client.tegoed) / self.per_seconde)
                raise TeVeel(wacht, f"Te veel queries van uw adres: probeer het over {wacht} "
                                    f"s opnieuw (grens: {self.budget} per "
                                    f"{self.budget / self.per_seconde:g} s).", "budget-op")
            client.tegoed -= 1
            if client.lopend >= self.gelijktijdig:
                raise TeVeel(1, f"Er lopen al {client.lopend} queries van uw adres tegelijk "
                                f"(grens: {self.gelijktijdig}). Wacht tot er een klaar is.",
                             "te-veel-tegelijk")
            client.lopend += 1

    def einde(self, sleutel: str) -> None:
        with self._slot:
            client = self._clients.get(sleutel)
            if client is not None:
                client.lopend = max(0, client.lopend - 1)

    def _opruimen(self, nu: float) -> None:
        """Drop idle clients with a full budget; if still full, the idle half (a flood)."""
        for sleutel, c in list(self._clients.items()):
            if not c.lopend and c.tegoed + (nu - c.bijgewerkt) * self.per_seconde >= self.budget:
                del self._clients[sleutel]
        if len(self._clients) >= MAX_SLEUTELS:
            rustig = sorted((c.bijgewerkt, s) for s, c in self._clients.items() if not c.lopend)
            for _, sleutel in rustig[:MAX_SLEUTELS // 2]:
                del self._clients[sleutel]


def grens() -> Grens:
    """The app's limits, made on first use from its config."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    if "sparql_grens" not in app.extensions:
        app.extensions.setdefault("sparql_grens", Grens(
            int(app.config.get("SPARQL_BUDGET", 600)),
            float(app.config.get("SPARQL_BUDGET_VENSTER", 60)),
            int(app.config.get("SPARQL_GELIJKTIJDIG") or
                max(1, int(app.config.get("SPARQL_WERKERS", 2)) - 1))))
    return app.extensions["sparql_grens"]


@contextmanager
def plek() -> Iterator[None]:
    """Hold a place for this request's query while it runs (429 when over a limit)."""
    sleutel = request.remote_addr or "onbekend"
    try:
        grens().begin(sleutel)
    except TeVeel as e:
        logboek.reden(e.reden)
        raise
    try:
        yield
    finally:
        grens().einde(sleutel)
