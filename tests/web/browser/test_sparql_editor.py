"""The SPARQL editor: saved queries without JavaScript, and Yasgui running one with it."""
from __future__ import annotations

import pytest

from browserhulp import Pagina, app, axe, beschrijf, heeft_endpoint
from graaf import queries


def test_opgeslagen_queries_zonder_javascript() -> None:
    """Server-rendered: every saved query with its explanation and SPARQL, and a JSON twin."""
    client = app().test_client()
    html = client.get("/sparql/editor").get_data(as_text=True)
    for q in queries.alle():
        assert q.titel in html and f'data-code="{q.code}"' in html
    assert html.count("<details>") == len(queries.alle())
    assert 'href="/sparql/editor"' in html and ">SPARQL</a>" in html
    twin = client.get("/sparql/editor.json").get_json()
    assert [q["code"] for q in twin["queries"]] == [q.code for q in queries.alle()]
    assert twin["queries"][0]["sparql"] == queries.alle()[0].sparql


def test_editor_zonder_javascript_toont_formulier(browser, site) -> None:
    """Without scripts the page still offers a query form and the list, no dead buttons."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/sparql/editor")
    assert page.locator("#sparql-formulier textarea[name=query]").is_visible()
    assert page.locator(".sparql-laad").first.is_hidden()
    context.close()


@pytest.mark.xfail(not heeft_endpoint(), reason="endpoint nog niet aanwezig", strict=True)
def test_editor_laadt_en_draait_opgeslagen_query(pagina: Pagina) -> None:
    """Load a named check into Yasgui, run it against /sparql, see rows, still AA."""
    pagina.open("/sparql/editor")
    q = queries.get("kerncijfers")
    pagina.page.click(f"button.sparql-laad[data-code='{q.code}']")
    assert q.titel in pagina.page.inner_text("#sparql-geladen")
    tekst = pagina.page.evaluate("() => window.sparqlEditor.getTab().getQuery()")
    assert tekst == q.sparql
    pagina.page.click("#yasgui .yasqe_queryButton")
    pagina.page.wait_for_selector("#yasgui .yasr table.dataTable tbody tr, #yasgui .yasr .errorResult",
                                  timeout=15000)
    assert pagina.page.locator("#yasgui .yasr .errorResult").count() == 0, \
        pagina.page.inner_text("#yasgui .yasr")
    assert pagina.page.locator("#yasgui .yasr table.dataTable tbody tr").count() > 0
    assert "initiatieven" in pagina.page.inner_text("#yasgui .yasr thead")
    assert pagina.buiten == [] and pagina.fouten == []
    overtredingen = axe(pagina.page)
    assert not overtredingen, f"axe na uitvoeren:\n{beschrijf(overtredingen)}"


def test_link_met_code_opent_die_query(pagina: Pagina) -> None:
    """The findings page links to /sparql/editor#CODE: that query must be loaded."""
    q = queries.get("dubbel-aanbod")
    pagina.open("/sparql/editor#dubbel-aanbod")
    assert q.titel in pagina.page.inner_text("#sparql-geladen")
    tekst = pagina.page.evaluate("() => window.sparqlEditor.getTab().getQuery()")
    assert "dubbel-aanbod" in tekst
