"""The /sparql view: protocol in, parse and run in workers, format out (see ``web.sparql``)."""
from __future__ import annotations

import atexit
import threading
import time

from flask import Blueprint, Response, current_app, jsonify, request, url_for

from graaf.fouten import ScanFout
from graaf.rijlimiet import TeVeelRijen
from graaf.werkers import Taak, Tijdslimiet, Werkerfout, Werkerpool
from web.scan import store
from web.sparql import beschrijving, formaten, grens, ontleden, protocol
from web.sparql.ontleden import Geweigerd, Ontleding, Syntaxfout
from web.sparql.protocol import Protocolfout, Verzoek
from web.toegang import mag_persoonsgegevens_zien

bp = Blueprint("sparql_endpoint", __name__)
_POOL_SLOT = threading.Lock()
_METHODEN = ["GET", "POST", "OPTIONS", "PUT", "DELETE", "PATCH"]


@bp.route("/sparql", methods=_METHODEN)
def endpoint() -> Response:
    """Query (GET, form POST, direct POST), service description (GET without query), CORS preflight."""
    if request.method == "OPTIONS":
        return Response(status=204, headers={
            "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
            "Access-Control-Allow-Headers": "Content-Type, Accept",
            "Access-Control-Max-Age": "86400"})
    if request.method not in ("GET", "HEAD", "POST"):
        raise Protocolfout(405, f"Methode {request.method} wordt niet ondersteund: "
                                "gebruik GET of POST.")
    verzoek = protocol.lees(request, float(current_app.config["SPARQL_TIJDSLIMIET"]),
                            int(current_app.config["SPARQL_MAX_RIJEN"]))
    if verzoek.query is None:
        return _beschrijving()
    with grens.plek():  # per-client budget and queries at once (429), web/sparql/grens.py
        return _beantwoord(verzoek)


def _beschrijving() -> Response:
    """The service description in Turtle (default), RDF/XML, N-Triples or JSON-LD."""
    scan, open_ = store(), mag_persoonsgegevens_zien()
    huidige = scan.huidige()
    graaf = beschrijving.beschrijf(url_for("sparql_endpoint.endpoint", _external=True),
                                   scan.grafen(open_), huidige.graaf if huidige else "", open_)
    mime, naam = formaten.kies_uit(beschrijving.FORMATEN, [], request.accept_mimetypes) \
        or beschrijving.FORMATEN[0]
    return Response(graaf.serialize(format=naam, encoding="utf-8"), content_type=_type(mime))


def _beantwoord(verzoek: Verzoek) -> Response:
    """Parse (refusing SERVICE/updates), pick the format and dataset, run in a worker."""
    einde = time.monotonic() + verzoek.tijdslimiet
    ontleding = _ontleed(verzoek.query or "", verzoek.tijdslimiet)
    keuze = formaten.kies(ontleding.vorm, list(verzoek.formaten), request.accept_mimetypes)
    if keuze is None:
        mogelijk = formaten.RDF if ontleding.geeft_rdf else formaten.TABEL
        raise Protocolfout(406, "Geen van de gevraagde formaten (Accept) is mogelijk; "
                                f"kies uit: {formaten.lijst(mogelijk)}.")
    standaard, benoemd = _dataset(verzoek, ontleding)
    taak = Taak(str(store().momentopname()), verzoek.query or "", standaard, benoemd,
                keuze[1], verzoek.max_rijen, url_for("sparql_endpoint.endpoint", _external=True))
    try:
        inhoud = _pool().voer_uit(taak, einde - time.monotonic())
    except Tijdslimiet as e:
        raise _te_laat(e, verzoek.tijdslimiet) from None
    return Response(inhoud, content_type=_type(keuze[0]))


def _ontleed(tekst: str, tijdslimiet: float) -> Ontleding:
    """The query's form and dataset, parsed in a worker (killable) unless seen before."""
    ontleding = ontleden.bekend(tekst)
    if ontleding is None:
        try:
            ontleding = _pool().roep("web.sparql.ontleden:ontleed", (tekst,), tijdslimiet)
        except Tijdslimiet as e:
            raise _te_laat(e, tijdslimiet) from None
        ontleden.onthoud(tekst, ontleding)
    return ontleding


def _te_laat(fout: Tijdslimiet, tijdslimiet: float) -> Protocolfout:
    return Protocolfout(503, f"{fout.melding} Tijdslimiet: {tijdslimiet:g} s. Maak de query "
                             "specifieker of voeg LIMIT toe.")


def _dataset(verzoek: Verzoek, ontleding: Ontleding) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(default graphs, named graphs) for a query: protocol, else FROM/FROM NAMED, else the scan.

    Only the graphs this visitor may see can be chosen: the versions' public
    graphs and the fixed graphs, plus the versions' personal-data graphs
    (``urn:graaf:versie:N:personen``) for visitors who may see personal data.
    Any other URI (the store's bookkeeping graphs, a hidden graph) is an
    empty graph. A version named as default graph is the whole version this
    visitor may see, like the default default graph.
    """
    scan = store()
    open_ = mag_persoonsgegevens_zien()
    grafen = scan.grafen(open_)
    if verzoek.eigen_dataset:
        standaard, benoemd = verzoek.standaard, verzoek.benoemd
    elif ontleding.van or ontleding.van_benoemd:
        standaard, benoemd = ontleding.van, ontleding.van_benoemd
    else:
        huidige = scan.huidige()
        standaard, benoemd = ((huidige.graaf,) if huidige else ()), tuple(grafen)
    bekend = set(grafen)
    personen = {v.graaf: v.personen for v in scan.versies()} if open_ else {}
    return (tuple(dict.fromkeys(h for g in standaard if g in bekend
                                for h in (g, personen.get(g)) if h)),
            tuple(dict.fromkeys(g for g in benoemd if g in bekend)))


def _pool() -> Werkerpool:
    """The app's worker pool, started on the first query (not at import: tests, CLI)."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    with _POOL_SLOT:
        if "sparql_werkers" not in app.extensions:
            pool = Werkerpool(int(app.config.get("SPARQL_WERKERS", 2)),
                              opwarmen=("web.sparql.ontleden", "rdflib.plugins.sparql.parser"))
            atexit.register(pool.sluit)
            app.extensions["sparql_werkers"] = pool
        return app.extensions["sparql_werkers"]


def _type(mime: str) -> str:
    return f"{mime}; charset=utf-8" if mime.startswith("text/") else mime


_STATUS = {Syntaxfout: 400, Geweigerd: 403, TeVeelRijen: 422, Werkerfout: 503}


@bp.errorhandler(Protocolfout)
@bp.errorhandler(ScanFout)
def _fout(fout: Exception) -> Response:
    """Every refusal as a short Dutch text, or ``{"fout": …}`` when Accept prefers JSON."""
    status = getattr(fout, "status", None) or _STATUS.get(type(fout), 400)
    melding = getattr(fout, "melding", str(fout))
    beste = request.accept_mimetypes.best_match(["text/plain", "application/json",
                                                 "application/sparql-results+json"])
    if beste and beste != "text/plain":
        antwoord = jsonify({"fout": melding, "status": status})
    else:
        antwoord = Response(melding + "\n", content_type="text/plain; charset=utf-8")
    antwoord.status_code = status
    if status == 405:
        antwoord.headers["Allow"] = "GET, POST, OPTIONS"
    if isinstance(fout, grens.TeVeel):
        antwoord.headers["Retry-After"] = str(fout.wacht)
    return antwoord


@bp.after_request
def _cors(antwoord: Response) -> Response:
    """Simple CORS for every answer, errors included: browser editors on other sites may query."""
    antwoord.headers["Access-Control-Allow-Origin"] = "*"
    antwoord.headers["Access-Control-Expose-Headers"] = "Retry-After"  # readable on a 429
    return antwoord

