"""The endpoint's row cap: a result over it is refused whole, never cut off silently.

Kept apart from the store because it is plain Python around the engine's
TSV writer: it counts lines as they are written and stops the writer.
"""
from __future__ import annotations

from graaf.fouten import ScanFout


class TeVeelRijen(ScanFout):
    """A result over the row cap: refused whole, never cut off without notice."""


def toets_rijen(rijen: int, max_rijen: int) -> None:
    if rijen > max_rijen:
        raise TeVeelRijen(f"Het resultaat heeft meer dan {max_rijen} rijen, de grens van "
                          "dit endpoint. Voeg LIMIT toe of maak de query specifieker.")


class Begrensd(bytearray):
    """Write target that counts TSV lines (one a row) and stops the engine's writer past the cap."""

    def __init__(self, max_rijen: int) -> None:
        super().__init__()
        self.max_rijen, self.regels = max_rijen, -1  # the first line is the header

    def write(self, b: bytes) -> int:
        self.regels += bytes(b).count(b"\n")
        toets_rijen(self.regels, self.max_rijen)
        self.extend(b)
        return len(b)

    def flush(self) -> None:
        pass
