"""Who may see what: the one place the site decides about personal data.

Persons in the scan (name, function, e-mail) are personal data (AVG/GDPR);
ontwerp §3 says they are never shown to anonymous visitors unless the
deployment says so (config ``PERSOONSGEGEVENS_OPENBAAR``). There is no login
yet, so every visitor is anonymous; when login arrives, only this function
changes and every page, JSON twin, RDF variant, search and the SPARQL
endpoint (which then also gets each version's personal-data graph) follows.
"""
from __future__ import annotations

from flask import current_app


def mag_persoonsgegevens_zien() -> bool:
    """Whether the current visitor may see names, functions and e-mail of persons."""
    return bool(current_app.config.get("PERSOONSGEGEVENS_OPENBAAR"))
