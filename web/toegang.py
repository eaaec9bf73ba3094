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


#: What a visitor without the right sees instead of a person's name.
AFGESCHERMD = "(afgeschermd)"


def versie_voor_bezoeker(versie: dict) -> dict:
    """A version's fields as this visitor may see them.

    Why: a version's author is an account name, usually a person's name, so it
    is personal data like a person's name in the scan (the endpoint hides
    ``scan:door`` for the same reason).
    """
    if versie and not mag_persoonsgegevens_zien():
        return {**versie, "door": AFGESCHERMD}
    return versie
