"""Every blueprint of the site, registered in one place."""
from __future__ import annotations

from flask import Flask


def registreer(app: Flask) -> None:
    from web import context, json_twin, sparql
    from web.views import dashboard, sparql_editor

    json_twin.installeer(app)
    context.installeer(app)
    for bp in (dashboard.bp, sparql_editor.bp):
        app.register_blueprint(bp)
    sparql.installeer(app)  # the /sparql endpoint (web/sparql/)
