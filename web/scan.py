"""Access to the app's store from views (one place, so views never import the engine)."""
from __future__ import annotations

from flask import current_app

from graaf.opslag import Opslag


def store() -> Opslag:
    return current_app.extensions["scan"]
