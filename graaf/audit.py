"""The audit log: who did what, when, from where and with what result, as JSON lines.

Why a file next to the store and not the graph: the log must survive a
restore of an older version, and it records failed attempts that never
became a version. Why an allowlist of fields: a log that accepts any dict
will one day receive a form with a password in it; here only the named
fields are written, each as a short string. Every entry also goes to
Python logging (``graaf.audit``) for the deployment's own log collection.
"""
from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from graaf.fouten import ScanFout

BESTAND = "audit.jsonl"
VELDEN = ("tijd", "wie", "rol", "actie", "wat", "van", "resultaat")
MAX_TEKST = 300
log = logging.getLogger("graaf.audit")


def audit_pad(store_map: str | Path) -> Path:
    """The audit file inside the store folder (next to ``oxigraph/``)."""
    return Path(store_map) / BESTAND


def _kort(waarde: Any) -> str | None:
    """A value as a single short line (no line breaks to forge entries with)."""
    if waarde is None:
        return None
    return " ".join(str(waarde).split())[:MAX_TEKST]


class Auditlog:
    """Append-only JSON lines; one lock per log, so concurrent writes never interleave."""

    def __init__(self, pad: str | Path) -> None:
        self.pad = Path(pad)
        self.pad.parent.mkdir(parents=True, exist_ok=True)
        self._slot = threading.Lock()

    def schrijf(self, actie: str, *, wie: str | None = None, rol: str | None = None,
                wat: str | None = None, van: str | None = None,
                resultaat: str = "gelukt") -> dict[str, str | None]:
        """Append one entry; only the named fields exist, so nothing else can leak in."""
        regel = {"tijd": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                 "wie": _kort(wie), "rol": _kort(rol), "actie": _kort(actie),
                 "wat": _kort(wat), "van": _kort(van), "resultaat": _kort(resultaat)}
        tekst = json.dumps(regel, ensure_ascii=False)
        with self._slot:
            nieuw = not self.pad.exists()
            with self.pad.open("a", encoding="utf-8") as f:
                f.write(tekst + "\n")
            if nieuw:
                os.chmod(self.pad, 0o600)
        log.info("audit %s", tekst)
        return regel

    def lees(self, pagina: int = 1, per: int = 50) -> tuple[list[dict[str, Any]], int]:
        """Page ``pagina`` (1-based) of the entries, latest first, and the total count.

        Reads the whole file: fine for the thousands of entries a region makes in
        years; rotate the file (logrotate) long before that becomes slow.
        """
        if not self.pad.exists():
            return [], 0
        with self.pad.open(encoding="utf-8") as f:
            regels = [json.loads(r) for r in f if r.strip()]
        regels.reverse()
        begin = (max(pagina, 1) - 1) * per
        return regels[begin:begin + per], len(regels)


@contextmanager
def vastgelegd(log_: Auditlog, actie: str, *, wie: str, wat: str,
               van: str = "cli") -> Iterator[dict[str, str]]:
    """One entry for a write whatever its outcome, as the site writes for its own.

    Why a context manager: the command's refusal (a ``ScanFout``) or crash
    must be logged too, and the caller should not need a try/except for it.
    The body may refine ``wat`` (e.g. add the new version number) in the
    yielded dict; the exception itself propagates unchanged.
    """
    uitkomst = {"wat": wat}
    try:
        yield uitkomst
    except ScanFout as e:
        fouten = sum(1 for b in e.bevindingen if b.ernst == "fout")
        extra = f" ({fouten} fouten)" if fouten else ""
        log_.schrijf(actie, wie=wie, wat=uitkomst["wat"], van=van,
                     resultaat=f"geweigerd: {e.melding}{extra}")
        raise
    except BaseException as e:
        log_.schrijf(actie, wie=wie, wat=uitkomst["wat"], van=van,
                     resultaat=f"mislukt: {type(e).__name__}")
        raise
    log_.schrijf(actie, wie=wie, wat=uitkomst["wat"], van=van)
