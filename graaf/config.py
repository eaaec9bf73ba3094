"""Where the store lives and which base URI data gets, from flag, environment or default."""
from __future__ import annotations

import os
from pathlib import Path

from graaf.vocab import DEFAULT_BASE


def store_pad(opgegeven: str | Path | None = None) -> Path:
    """``--store`` wins, then ``GRAAF_STORE``, then the per-user data directory."""
    if opgegeven:
        return Path(opgegeven).expanduser()
    if os.environ.get("GRAAF_STORE"):
        return Path(os.environ["GRAAF_STORE"]).expanduser()
    data = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data) / "graaf" / "store"


def base_uri(opgegeven: str | None = None) -> str:
    return (opgegeven or os.environ.get("GRAAF_BASE") or DEFAULT_BASE).rstrip("/")
