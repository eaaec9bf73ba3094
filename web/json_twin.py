"""Every page has a JSON twin: ``/pagina.json`` or ``Accept: application/json``.

A view returns ``pagina(template, **data)``; this module decides between the
HTML rendering and the JSON of the same data, so the two never drift apart.
"""
from __future__ import annotations

from typing import Any

from flask import Flask, jsonify, render_template, request


def wil_json() -> bool:
    if request.path.endswith(".json"):
        return True
    beste = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return beste == "application/json" and request.accept_mimetypes[beste] > \
        request.accept_mimetypes["text/html"]


def pagina(template: str, **data: Any):
    """Render ``template`` with ``data``, or return ``data`` as JSON."""
    if wil_json():
        antwoord = jsonify({k: v for k, v in data.items() if not k.startswith("_")})
    else:
        antwoord = render_template(template, **data)
    return antwoord


def installeer(app: Flask) -> None:
    @app.after_request
    def _vary(antwoord):
        antwoord.headers.add("Vary", "Accept")
        return antwoord
