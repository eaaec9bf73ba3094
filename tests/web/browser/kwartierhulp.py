"""Helpers of the kwartiermaker browser tests: a site of their own, upload.

Why a site of their own: these tests write versions (upload, confirm,
restore); on the shared browser-test app that would change what the page
tests see. This site holds the small test werkboek (KLEIN) as version 1.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from browserhulp import Pagina
from werkboeken import KLEIN, met, schrijf_xlsx

#: The werkboek with errors: a bad status, an unknown reference and a formula.
FOUT = met(met(KLEIN, "initiatieven", 0, status="half af"),
           "initiatieven", 1, eigenaar="onbekend", beschrijving='=HYPERLINK("http://x","klik")')
#: The valid change: one initiative renamed, one organisation added.
NIEUWE_NAAM = "Werkgeversservicepunt Gooi"
GELDIG = met(met(KLEIN, "initiatieven", 0, naam=NIEUWE_NAAM),
             "organisaties", 3, id="sbb", naam="SBB", soort="sbb")


@pytest.fixture(scope="module")
def eigen(eigen_site) -> Iterator[tuple[Flask, str]]:
    """The app on a fresh store with KLEIN as version 1, under waitress on 127.0.0.1.

    A test module imports it together with ``site``: ``from kwartierhulp import eigen, site``."""
    from waitress import create_server

    app = eigen_site("kwartier", TESTING=False)
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, name="waitress-kwartier", daemon=True).start()
    yield app, f"http://127.0.0.1:{server.effective_port}"
    server.close()
    server.task_dispatcher.shutdown()


@pytest.fixture(scope="module")
def site(eigen) -> str:
    """Overrides the shared site: the ``pagina`` fixture opens the importing module's own app."""
    return eigen[1]


def werkboeken(map_: Path) -> dict[str, Path]:
    """The two werkboeken of the path as real xlsx files."""
    return {"fout": schrijf_xlsx(map_ / "scan-met-fouten.xlsx", FOUT),
            "geldig": schrijf_xlsx(map_ / "scan-na-rb.xlsx", GELDIG)}


def upload(pagina: Pagina, pad: Path, notitie: str = "") -> None:
    """Choose the file and the note on the upload form and send it."""
    pagina.open("/beheer/upload")
    pagina.page.get_by_label("Bestand").set_input_files(str(pad))
    pagina.page.get_by_label("Notitie bij deze versie").fill(notitie)
    pagina.page.get_by_role("button", name="Controleren en wijzigingen tonen").click()
    pagina.page.wait_for_load_state("networkidle")
