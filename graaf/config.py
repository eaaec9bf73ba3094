"""Where the store lives and which base URI data gets, from flag, environment or default."""
from __future__ import annotations

import os
import re
from pathlib import Path

from graaf.vocab import DEFAULT_BASE


def store_spec(opgegeven: str | Path | None = None) -> str | Path:
    """The store as given: a SPARQL server address (kept as text) or a folder."""
    spec = opgegeven or os.environ.get("GRAAF_STORE")
    if isinstance(spec, str) and spec.startswith(("sparql+http://", "sparql+https://")):
        return spec
    return store_pad(spec)


def store_pad(opgegeven: str | Path | None = None) -> Path:
    """``--store`` wins, then ``GRAAF_STORE``, then the per-user data directory.

    For a SPARQL server address: the local folder beside it (accounts, audit
    log, uploads), one per server under the user data directory.
    """
    opgegeven = opgegeven or os.environ.get("GRAAF_STORE")
    data = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    if isinstance(opgegeven, str) and opgegeven.startswith(("sparql+http://", "sparql+https://")):
        adres = opgegeven.split("//", 1)[1].split("?")[0].split("@")[-1]
        naam = re.sub(r"[^A-Za-z0-9.-]+", "_", adres)
        return data / "graaf" / "servers" / naam.strip("_")
    if opgegeven:
        return Path(opgegeven).expanduser()
    return data / "graaf" / "store"


def base_uri(opgegeven: str | None = None) -> str:
    return (opgegeven or os.environ.get("GRAAF_BASE") or DEFAULT_BASE).rstrip("/")
