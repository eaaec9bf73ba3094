"""Every blueprint of the site, registered in one place."""
from __future__ import annotations

from flask import Flask


def registreer(app: Flask) -> None:
    from web import context, json_twin
    from web.views import dashboard

    json_twin.installeer(app)
    context.installeer(app)
    for bp in (dashboard.bp,):
        app.register_blueprint(bp)
