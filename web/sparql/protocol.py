"""The SPARQL 1.1 Protocol's request side: where the query, dataset and limits come from.

Three ways in (GET ``?query=``, form POST, direct POST of
``application/sparql-query``); anything that would change data is refused
here, before any parsing, because this endpoint is read-only by design (the
scan changes only through validated werkboeken). Limits from the request can
only lower the configured ones: a public endpoint must not let a caller buy
more time or rows than the operator allows.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import Request
from werkzeug.datastructures import MultiDict

from web.sparql.ontleden import ALLEEN_LEZEN

_FORM = "application/x-www-form-urlencoded"
_QUERY = "application/sparql-query"
_UPDATE = "application/sparql-update"


class Protocolfout(Exception):
    """A request the protocol rejects: HTTP status plus a short Dutch message."""

    def __init__(self, status: int, melding: str) -> None:
        super().__init__(melding)
        self.status, self.melding = status, melding


@dataclass(frozen=True)
class Verzoek:
    """A query request as the endpoint needs it; ``query`` None asks for the service description."""

    query: str | None
    standaard: tuple[str, ...]
    benoemd: tuple[str, ...]
    formaten: tuple[str, ...]
    tijdslimiet: float
    max_rijen: int

    @property
    def eigen_dataset(self) -> bool:
        """True when the protocol names a dataset (which then overrides FROM/FROM NAMED)."""
        return bool(self.standaard or self.benoemd)


def lees(request: Request, tijdslimiet: float, max_rijen: int) -> Verzoek:
    """Turn a request into a ``Verzoek`` or raise ``Protocolfout`` (4xx)."""
    waarden = _waarden(request)
    if "update" in waarden or "using-graph-uri" in waarden or "using-named-graph-uri" in waarden:
        raise Protocolfout(403, ALLEEN_LEZEN)
    queries = waarden.getlist("query")
    if len(queries) > 1:
        raise Protocolfout(400, "Geef precies één query mee (de parameter 'query' komt meer "
                                "dan eens voor).")
    if not queries and request.method == "POST":
        raise Protocolfout(400, "Geen query ontvangen: geef de parameter 'query' mee.")
    formaten = [w for sleutel in ("format", "output", "results") for w in waarden.getlist(sleutel)]
    return Verzoek(
        query=queries[0] if queries else None,
        standaard=tuple(waarden.getlist("default-graph-uri")),
        benoemd=tuple(waarden.getlist("named-graph-uri")),
        formaten=tuple(formaten),
        tijdslimiet=_grens(waarden, ("timeout",), tijdslimiet, float),
        max_rijen=int(_grens(waarden, ("max-rows", "limit"), max_rijen, int)))


def _waarden(request: Request) -> MultiDict:
    """All protocol parameters: the URL's, plus the form's or the direct POST's query."""
    if request.method in ("GET", "HEAD"):
        return request.args
    soort = request.mimetype
    tekenset = (request.mimetype_params.get("charset") or "utf-8").lower()
    if soort == _UPDATE:
        raise Protocolfout(403, ALLEEN_LEZEN)
    if soort not in (_FORM, _QUERY):
        raise Protocolfout(415, f"Stuur een query als '{_FORM}' (formulier) of als "
                                f"'{_QUERY}' (de query zelf), niet als '{soort or 'onbekend'}'.")
    if tekenset not in ("utf-8", "utf8"):
        raise Protocolfout(415, f"De query moet in UTF-8 zijn, niet in '{tekenset}'.")
    waarden = MultiDict(request.args)
    if soort == _FORM:
        for sleutel, waarde in request.form.items(multi=True):
            waarden.add(sleutel, waarde)
        return waarden
    try:
        waarden.add("query", request.get_data(cache=False).decode("utf-8"))
    except UnicodeDecodeError:
        raise Protocolfout(400, "De query is geen geldige UTF-8-tekst.") from None
    return waarden


def _grens(waarden: MultiDict, namen: tuple[str, ...], maximum: float, soort: type) -> float:
    """A request may lower a limit (time, rows), never raise it above the configured maximum."""
    for naam in namen:
        if naam in waarden:
            try:
                gevraagd = soort(waarden[naam])
            except ValueError:
                raise Protocolfout(400, f"'{naam}' moet een getal zijn.") from None
            if gevraagd != gevraagd:  # NaN (fuzzing: a 500 that also lost a worker)
                raise Protocolfout(400, f"'{naam}' moet een getal zijn.")
            if gevraagd <= 0:
                raise Protocolfout(400, f"'{naam}' moet groter dan 0 zijn.")
            return min(gevraagd, maximum)
    return maximum
