"""Rate limit on logging in: at most N failed attempts per name and address per window.

Why per name *and* address: per name only would let anyone lock a known
user out from anywhere; per address only punishes a whole office behind
one NAT. In process memory is enough for one waitress process; a restart
forgets the attempts, which the hashes' cost (scrypt) makes acceptable.
"""
from __future__ import annotations

import threading
import time
from collections import deque

MAX_SLEUTELS = 10_000  # bounds the memory an attacker can make us use


class Inlogslot:
    """Counts failures per key within ``venster`` seconds; thread-safe."""

    def __init__(self, maximum: int = 5, venster: float = 15 * 60) -> None:
        self.maximum, self.venster = maximum, venster
        self._mislukt: dict[tuple[str, str], deque[float]] = {}
        self._slot = threading.Lock()

    def _actueel(self, sleutel: tuple[str, str], nu: float) -> deque[float]:
        rij = self._mislukt.get(sleutel, deque())
        while rij and rij[0] <= nu - self.venster:
            rij.popleft()
        return rij

    def wacht(self, naam: str, ip: str) -> int:
        """Seconds until ``naam`` may try again from ``ip``; 0 when allowed now."""
        nu = time.monotonic()
        with self._slot:
            rij = self._actueel((naam.lower(), ip), nu)
            if len(rij) < self.maximum:
                return 0
            return max(1, int(rij[0] + self.venster - nu + 0.999))

    def mislukt(self, naam: str, ip: str) -> None:
        nu = time.monotonic()
        with self._slot:
            if len(self._mislukt) >= MAX_SLEUTELS:
                self._opruimen(nu)
            sleutel = (naam.lower(), ip)
            rij = self._actueel(sleutel, nu)
            rij.append(nu)
            self._mislukt[sleutel] = rij

    def gelukt(self, naam: str, ip: str) -> None:
        with self._slot:
            self._mislukt.pop((naam.lower(), ip), None)

    def _opruimen(self, nu: float) -> None:
        """Drop expired keys; if still full, the oldest half (a flood, not real users)."""
        for sleutel in list(self._mislukt):
            if not self._actueel(sleutel, nu):
                del self._mislukt[sleutel]
        if len(self._mislukt) >= MAX_SLEUTELS:
            for sleutel in sorted(self._mislukt, key=lambda s: self._mislukt[s][-1])[
                    :MAX_SLEUTELS // 2]:
                del self._mislukt[sleutel]

    def leeg(self) -> None:
        with self._slot:
            self._mislukt.clear()
