"""Recognising SPARQL Update text without running it (parse only)."""
from __future__ import annotations


def is_update(sparql: str) -> bool:
    """True when the text parses as SPARQL Update (parse only: never executed)."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(sparql)
        return True
    except Exception:  # noqa: BLE001 - any parse failure means "not an update"
        return False
