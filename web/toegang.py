"""Who may see what: the one place the site decides about personal data.

Persons in the scan (name, function, e-mail) are personal data (AVG/GDPR);
ontwerp §3 says they are never shown to anonymous visitors unless the
deployment says so (config ``PERSOONSGEGEVENS_OPENBAAR``). Logged-in users
(any role, lezer too) have an account the beheerder handed out, so they may;
every page, JSON twin, RDF variant, search and the SPARQL endpoint (which
then also gets each version's personal-data graph) follows this function.
"""
from __future__ import annotations

from flask import current_app

from web.accounts import huidige_gebruiker


def mag_persoonsgegevens_zien() -> bool:
    """Whether the current visitor may see names, functions and e-mail of persons."""
    if current_app.config.get("PERSOONSGEGEVENS_OPENBAAR"):
        return True
    return huidige_gebruiker() is not None
