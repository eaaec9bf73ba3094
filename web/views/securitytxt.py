"""``/.well-known/security.txt`` (RFC 9116): where to report a security problem.

Contact and Expires come from config (``BEVEILIGING_CONTACT``,
``BEVEILIGING_VERLOOPT``), because only the deployment knows who answers;
without a contact the file does not exist (404) rather than pointing
researchers at a made-up address. Expires defaults to 180 days after the
site started, so a deployment that never sets it still says the file is
current only while someone restarts the site now and then.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from flask import Blueprint, Response, current_app

bp = Blueprint("securitytxt", __name__)
STANDAARD_GELDIGHEID = timedelta(days=180)
_START = datetime.now(timezone.utc).replace(microsecond=0)


def verloopt(waarde: str | None) -> str:
    """Expires as RFC 3339 UTC (``2027-05-01T00:00:00Z``); a bare date means midnight UTC."""
    if waarde:
        tijd = datetime.fromisoformat(str(waarde).replace("Z", "+00:00"))
        if tijd.tzinfo is None:
            tijd = tijd.replace(tzinfo=timezone.utc)
    else:
        tijd = _START + STANDAARD_GELDIGHEID
    return tijd.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def tekst(contacten: list[str], expires: str, talen: str = "nl, en") -> str:
    regels = [f"Contact: {c}" for c in contacten]
    regels += [f"Expires: {expires}", f"Preferred-Languages: {talen}"]
    return "\n".join(regels) + "\n"


@bp.get("/.well-known/security.txt")
def security_txt() -> Response:
    contact = current_app.config.get("BEVEILIGING_CONTACT")
    if not contact:
        return Response("Geen beveiligingscontact ingesteld (BEVEILIGING_CONTACT).\n",
                        status=404, content_type="text/plain; charset=utf-8")
    contacten = [contact] if isinstance(contact, str) else list(contact)
    inhoud = tekst(contacten, verloopt(current_app.config.get("BEVEILIGING_VERLOOPT")))
    return Response(inhoud, content_type="text/plain; charset=utf-8")
