"""Access to the app's store from views (one place, so views never import the engine)."""
from __future__ import annotations

from flask import current_app

from graaf.store import Store


def store() -> Store:
    return current_app.extensions["scan"]
