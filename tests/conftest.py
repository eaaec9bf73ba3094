"""Shared fixtures: a store with the example scan, a CLI runner on a fresh store."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))  # tests/werkboeken.py as a helper module

from graaf.scan import VOORBEELD, laad  # noqa: E402
from graaf.store import Store  # noqa: E402


@pytest.fixture(scope="session")
def voorbeeld_store() -> Store:
    """The bundled example scan in an in-memory store (read-only use, please)."""
    store = Store()
    laad(store, VOORBEELD, door="test")
    return store


@pytest.fixture
def store_map(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def graaf_cli(store_map: Path):
    """Run ``graaf …`` in-process against a fresh on-disk store; returns the Result."""
    from graaf.cli import main

    def run(*args: str):
        return CliRunner().invoke(main, ["--store", str(store_map), *args])
    return run


# -- the SPARQL endpoint on a real server (tests/web/test_sparql_*.py) ----------

import os  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from typing import Iterator  # noqa: E402

#: The W3C conformance files (read, never edited); GRAAF_CONFORMANCE overrides.
CONFORMANCE = Path(os.environ.get(
    "GRAAF_CONFORMANCE", Path(__file__).resolve().parent / "conformance"))
W3C = CONFORMANCE / "w3c-sparql11"
KASEI = "http://kasei.us/2009/09/sparql/data/data{}.rdf"


@dataclass
class SparqlServer:
    """A running site: its base URL, the endpoint URL and the app (for its worker pool)."""

    basis: str
    url: str
    app: object


def _vaste_testgrafen(store: Store) -> None:
    """The W3C data in fixed graphs: protocol data1–3 by their kasei.us names, the
    json-res/csv-tsv-res data under their file URIs (as rdflib resolves the manifests)."""
    from rdflib import Graph

    if not W3C.is_dir():
        return
    for n in (1, 2, 3):
        store.zet_vaste_graaf(KASEI.format(n), Graph().parse(W3C / "protocol" / f"data{n}.nt"))
    for pad in [*W3C.glob("json-res/*.ttl"), *W3C.glob("csv-tsv-res/*.ttl")]:
        store.zet_vaste_graaf(pad.resolve().as_uri(), Graph().parse(pad))


@pytest.fixture(scope="session")
def sparql_server(tmp_path_factory) -> Iterator[SparqlServer]:
    """The site under waitress on 127.0.0.1 (free port), on an on-disk store holding the
    KLEIN scan as version 1 plus the W3C test graphs; time limit 4 s, at most 1000 rows."""
    import threading

    from waitress import create_server

    from web import create_app
    from werkboeken import KLEIN, schrijf_csv

    werk = tmp_path_factory.mktemp("sparql")
    store = Store(werk / "store")
    laad(store, schrijf_csv(werk / "werkboek", KLEIN), door="test")
    _vaste_testgrafen(store)
    store.close()
    app = create_app({"STORE": str(werk / "store"), "SECRET_KEY": "test",
                      "SPARQL_TIJDSLIMIET": 4.0, "SPARQL_MAX_RIJEN": 1000, "SPARQL_WERKERS": 2})
    server = create_server(app, host="127.0.0.1", port=0, threads=8)
    draad = threading.Thread(target=server.run, daemon=True)
    draad.start()
    basis = f"http://127.0.0.1:{server.effective_port}"
    yield SparqlServer(basis, basis + "/sparql", app)
    server.close()
    if "sparql_werkers" in app.extensions:
        app.extensions["sparql_werkers"].sluit()
    app.extensions["scan"].close()


# -- the site on the example scan, for page tests through Flask's test client ----

@pytest.fixture(scope="session")
def site_app(tmp_path_factory):
    """The app on an on-disk store holding the bundled example scan (version 1)."""
    from web import create_app

    app = create_app({"STORE": str(tmp_path_factory.mktemp("site") / "store"),
                      "SECRET_KEY": "test", "TESTING": True})
    yield app
    if "sparql_werkers" in app.extensions:
        app.extensions["sparql_werkers"].sluit()
    app.extensions["scan"].close()


@pytest.fixture
def client(site_app):
    return site_app.test_client()


@pytest.fixture(scope="module")
def eigen_site(tmp_path_factory):
    """Make apps on a store of their own with ``werkboek`` (default: KLEIN) as version 1, so
    the versions a test module writes stay in that module: ``eigen_site("upload")``.
    ``config`` adds to or overrides the app config; the apps are closed after the module."""
    from web import create_app
    from werkboeken import KLEIN, schrijf_csv

    apps = []

    def maak(naam: str, werkboek: dict | None = None, **config):
        werk = tmp_path_factory.mktemp(naam)
        store = Store(werk / "store")
        laad(store, schrijf_csv(werk / "werkboek", KLEIN if werkboek is None else werkboek),
             door="test")
        store.close()
        del store  # releases the engine's lock before the app opens the folder
        apps.append(create_app({"STORE": str(werk / "store"), "SECRET_KEY": "test",
                                "TESTING": True, **config}))
        return apps[-1]
    yield maak
    for app in apps:
        if "sparql_werkers" in app.extensions:
            app.extensions["sparql_werkers"].sluit()
        app.extensions["scan"].close()


# -- accounts on the site (tests/web/test_login.py, test_csrf.py, test_audit.py …) ------

import uuid  # noqa: E402

from accounthulp import WACHTWOORD, csrf_token  # noqa: E402


@pytest.fixture
def maak_gebruiker(site_app):
    """Create accounts with a unique name (``maak_gebruiker("beheerder")``); removed after."""
    namen: list[str] = []

    def maak(rol: str = "lezer") -> str:
        naam = f"test-{rol}-{uuid.uuid4().hex[:8]}"
        site_app.extensions["gebruikers"].toevoegen(naam, WACHTWOORD, rol)
        namen.append(naam)
        return naam
    yield maak
    for naam in namen:
        if site_app.extensions["gebruikers"].zoek(naam):
            site_app.extensions["gebruikers"].verwijderen(naam)


@pytest.fixture
def log_in(client, maak_gebruiker):
    """Log ``client`` in as a new account with ``rol``; returns the name."""
    def doe(rol: str = "lezer") -> str:
        naam = maak_gebruiker(rol)
        antwoord = client.post("/inloggen", data={
            "gebruikersnaam": naam, "wachtwoord": WACHTWOORD, "csrf_token": csrf_token(client)})
        assert antwoord.status_code == 303, antwoord.get_data(as_text=True)[:500]
        return naam
    return doe


# -- the remote store on a real Virtuoso (tests/virtuoso.py, graaf/sparqlstore.py) ------

@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """Debian's Virtuoso on 127.0.0.1 (free ports) for the session; skipped when not
    installed (``scripts/testomgeving`` installs it), except on CI, where it must run."""
    import virtuoso as v

    yield from v.server_voor_tests(tmp_path_factory.mktemp("virtuoso"))


@pytest.fixture(params=["ingebed", "virtuoso"])
def opslag_motor(request, tmp_path):
    """A factory of stores on one engine; tests using it run on both engines: the
    embedded store and the remote store on Virtuoso. ``maak()`` gives a fresh, empty
    store (embedded: in memory), ``maak(blijvend=True)`` a fresh one that can be opened
    again (embedded: on disk), ``maak(heropen=True)`` that same store opened again."""
    if request.param == "ingebed":
        def maak_ingebed(blijvend: bool = False, heropen: bool = False) -> Store:
            return Store(tmp_path / "opslag") if blijvend or heropen else Store()
        return maak_ingebed
    import virtuoso as v
    from graaf.opslag import open_store

    server = request.getfixturevalue("virtuoso")

    def maak(blijvend: bool = False, heropen: bool = False):
        if not heropen:
            v.leeg(server)
        return open_store(server.spec, v.GEBRUIKER, server.wachtwoord)
    return maak
