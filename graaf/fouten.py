"""The one exception type for problems a user can fix.

Everything else that goes wrong is a bug and is logged as such; a
``ScanFout`` is shown to the user as it is: a Dutch message, where it is,
and (for a refused werkboek) every finding.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Bevinding:
    """One problem in an input, located as the user sees it (Excel row numbers)."""

    melding: str
    blad: str | None = None
    rij: int | None = None
    kolom: str | None = None
    waarde: str | None = None
    ernst: str = "fout"  # "fout" refuses the input; "let-op" is reported only

    @property
    def plaats(self) -> str:
        delen = []
        if self.blad:
            delen.append(f"blad '{self.blad}'")
        if self.rij:
            delen.append(f"rij {self.rij}")
        if self.kolom:
            delen.append(f"kolom '{self.kolom}'")
        return ", ".join(delen)

    def tekst(self) -> str:
        waarde = f" (waarde: '{self.waarde}')" if self.waarde not in (None, "") else ""
        plaats = f"{self.plaats}: " if self.plaats else ""
        return f"{plaats}{self.melding}{waarde}"

    def als_dict(self) -> dict:
        return {"ernst": self.ernst, "blad": self.blad, "rij": self.rij,
                "kolom": self.kolom, "waarde": self.waarde, "melding": self.melding}


@dataclass
class ScanFout(Exception):
    """A problem the user caused and can fix; carries Dutch text and where."""

    melding: str
    plaats: str = ""
    bevindingen: list[Bevinding] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.melding)

    def __str__(self) -> str:
        return f"{self.plaats}: {self.melding}" if self.plaats else self.melding


class ScanGewijzigd(ScanFout):
    """A write based on a version that is no longer current (a stale upload preview)."""
