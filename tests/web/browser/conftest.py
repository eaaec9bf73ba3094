"""Browser tests: the real site under waitress, driven by Debian's headless Chromium.

Why a real browser: the site is used on government networks that block CDNs
and must meet WCAG 2.1 AA; only a browser shows what a page really loads
(scripts, styles, fonts) and what axe-core finds in the rendered page.

Chromium comes from Debian (``scripts/testomgeving``), never from
``playwright install``, which downloads a browser build of its own. Without
Chromium the tests skip, except on CI (``CI=true``), where they must run.
"""
from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # browserhulp as a helper module

from browserhulp import Pagina, app, paginas  # noqa: E402

CHROMIUM = Path(os.environ.get("GRAAF_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test with a ``pad`` argument runs once for every page of the site."""
    if "pad" in metafunc.fixturenames:
        metafunc.parametrize("pad", paginas())


@pytest.fixture(scope="session")
def site() -> Iterator[str]:
    """The base URL of the app served by waitress on 127.0.0.1, a free port."""
    from waitress import create_server

    server = create_server(app(), host="127.0.0.1", port=0, threads=4)
    draad = threading.Thread(target=server.run, name="waitress-browsertest", daemon=True)
    draad.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
    server.task_dispatcher.shutdown()


def _ontbreekt(reden: str) -> None:
    """Skip, or fail on CI: there the browser tests must really run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reden} (CI=true: de browsertests moeten draaien)")
    pytest.skip(reden)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium under playwright, for the whole session."""
    if not CHROMIUM.exists():
        _ontbreekt(f"Chromium ontbreekt ({CHROMIUM}): draai scripts/testomgeving")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _ontbreekt("playwright ontbreekt: pip install -e '.[test]'")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def pagina(browser, site) -> Iterator[Pagina]:
    """A fresh context whose requests outside 127.0.0.1 are recorded and aborted."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    p = Pagina(page, site)

    def route(r) -> None:
        url = r.request.url
        if url.startswith("http://127.0.0.1:") or url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            p.buiten.append(url)
            r.abort()
    context.route("**/*", route)
    page.on("pageerror", lambda e: p.fouten.append(str(e)))
    yield p
    context.close()
