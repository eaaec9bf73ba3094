"""Values every template sees: the menu and the current scan version."""
from __future__ import annotations

from flask import Flask

from web.scan import store
from web.toegang import versie_voor_bezoeker

MENU: list[tuple[str, str]] = [
    ("dashboard.index", "Overzicht"),
    ("din.index", "DIN"),
    ("dekking.index", "Dekking"),
    ("invloedssfeer.index", "Invloedssfeer"),
    ("netwerk.index", "Netwerk"),
    ("bevindingen.index", "Bevindingen"), ("overlap.index", "Overlap"), ("rapport.index", "Rapport"),
    ("afwegingskader.index", "Afwegingskader"),
    ("versies.index", "Versies"),
    ("sparql_editor.index", "SPARQL"),
    ("zoeken.index", "Zoeken"),
]


def installeer(app: Flask) -> None:
    @app.context_processor
    def _overal():
        return {"menu": MENU, "scanversie": versie_voor_bezoeker(store().huidige().als_dict())}
