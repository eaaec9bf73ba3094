"""Every blueprint of the site, registered in one place."""
from __future__ import annotations

from flask import Flask


def registreer(app: Flask) -> None:
    from web import context, json_twin
    from web.views import dashboard
    from web.views import sparql_editor
    from web.views import entiteiten, ontologie, zoeken  # pages per thing, /def, /zoeken
    from web import sparql

    from web import accounts
    from web.views import account, beheer  # /inloggen, /uitloggen, /beheer/audit

    from web import beveiliging, logboek
    from web.views import securitytxt

    beveiliging.installeer(app)  # CSP, nosniff, Referrer-Policy, framing, HSTS: every answer
    logboek.installeer(app)  # JSON-lines log of every write and every refused request
    app.register_blueprint(securitytxt.bp)  # /.well-known/security.txt
    json_twin.installeer(app)
    accounts.installeer(app)  # sessions, CSRF, Cache-Control, audit of every write
    context.installeer(app)
    for bp in (dashboard.bp, sparql_editor.bp):
        app.register_blueprint(bp)
    sparql.installeer(app)  # the /sparql endpoint (web/sparql/)
    accounts.csrf.exempt(app.blueprints["sparql_endpoint"])  # read-only protocol
    for bp in (entiteiten.bp, ontologie.bp, zoeken.bp):
        app.register_blueprint(bp)
    from web.views import dekking, din, invloedssfeer  # DIN, dekking, invloedssfeer (RB)
    for bp in (din.bp, dekking.bp, invloedssfeer.bp):
        app.register_blueprint(bp)
    from web.views import bevindingen, overlap, rapport  # findings, overlap, RB report
    for bp in (bevindingen.bp, overlap.bp, rapport.bp):
        app.register_blueprint(bp)
    from web.views import netwerk  # /netwerk: the network map
    app.register_blueprint(netwerk.bp)
    for bp in (account.bp, beheer.bp):
        app.register_blueprint(bp)
    from web.views import versies  # /versies: history and the diff between two versions
    app.register_blueprint(versies.bp)
    from web.views import afwegingskader  # criteria, advice rule, ranking, RB decisions
    app.register_blueprint(afwegingskader.bp)
    from web.views import afweging_score, besluit, criteria, initiatief_bewerken  # edit forms
    for bp in (afweging_score.bp, besluit.bp, criteria.bp, initiatief_bewerken.bp):
        app.register_blueprint(bp)
    from web.views import upload  # /beheer/upload, restore, download as werkboek
    app.register_blueprint(upload.bp)
