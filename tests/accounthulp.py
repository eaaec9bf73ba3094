"""Helpers of the account tests, importable (``conftest`` is ambiguous across folders)."""
from __future__ import annotations

import re

#: The password of every test account; tests check it never reaches a log.
WACHTWOORD = "correct-paard-batterij-nietje"


def csrf_token(client, pad: str = "/inloggen") -> str:
    """The CSRF token of ``client``'s session, as a form on ``pad`` carries it."""
    html = client.get(pad).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
