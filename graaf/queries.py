"""The saved SPARQL queries of the scan: the named checks and the analyses' inputs.

Every ``.rq`` file under ``graaf/queries/`` is one query. Its metadata sits in
a grlc-style header of ``#+`` comment lines (YAML), so the file stays valid
SPARQL that an adviser can paste into the endpoint as it is::

    #+ code: doel-zonder-inspanning
    #+ titel: Subdoel zonder inspanning
    #+ uitleg: Een subdoel waar geen enkele inspanning aan bijdraagt.
    #+ toelichting: "Subdoel '{naam}' heeft geen inspanning die eraan bijdraagt."
    #+ soort: hiaat
    #+ onderwerpen: [doel]
    #+ betrokken: [hoofddoel]
    #+ parameters:
    #+   peildatum: "xsd:date, de datum waarop de scan wordt bekeken"

``toelichting`` is a ``str.format`` template over the result variables;
``onderwerpen`` and ``betrokken`` name the variables that hold werkboek ids
(a space-separated list where the query aggregates). Parameters are passed to
the engine as bindings, never pasted into the text, and must be in the
SELECT clause (pyoxigraph only substitutes projected variables).

The files are read once, on first use, and cached for the process.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from graaf.fouten import ScanFout

MAP = Path(__file__).with_name("queries")
SOORTEN = ("hiaat", "overlap", "netwerk", "gegevens")
_KOP = re.compile(r"^#\+ ?(.*)$")

_cache: dict[str, "Query"] | None = None


@dataclass(frozen=True)
class Query:
    """One saved query with what the site, the CLI and the checks show of it."""

    code: str
    titel: str
    uitleg: str
    toelichting: str
    soort: str
    sparql: str
    pad: Path
    parameters: dict[str, str] = field(default_factory=dict)
    onderwerpen: tuple[str, ...] = ()
    betrokken: tuple[str, ...] = ()
    volgorde: str = "onderwerpen"  # or "query": keep the query's ORDER BY

    @property
    def groep(self) -> str:
        """The folder under ``graaf/queries`` (``checks``, ``netwerk``)."""
        return self.pad.parent.name


def lees_kop(tekst: str) -> dict:
    """The YAML of the leading ``#+`` lines of a query text (empty when none)."""
    regels = []
    for regel in tekst.splitlines():
        m = _KOP.match(regel)
        if not m:
            break
        regels.append(m.group(1))
    kop = yaml.safe_load("\n".join(regels)) if regels else None
    return kop if isinstance(kop, dict) else {}


def lees_query(pad: Path) -> Query:
    """One ``.rq`` file as a Query; a header error names the file (a bug, not user input)."""
    tekst = pad.read_text(encoding="utf-8")
    try:
        kop = lees_kop(tekst)
    except yaml.YAMLError as e:
        raise ValueError(f"{pad}: kop is geen geldige YAML: {e}") from e
    soort = kop.get("soort", "gegevens")
    if soort not in SOORTEN:
        raise ValueError(f"{pad}: onbekende soort {soort!r}; kies uit {SOORTEN}")
    return Query(
        code=str(kop.get("code", pad.stem)), titel=str(kop.get("titel", pad.stem)),
        uitleg=" ".join(str(kop.get("uitleg", "")).split()),
        toelichting=str(kop.get("toelichting", "")), soort=soort, sparql=tekst, pad=pad,
        parameters={str(k): str(v) for k, v in (kop.get("parameters") or {}).items()},
        onderwerpen=tuple(kop.get("onderwerpen") or ()),
        betrokken=tuple(kop.get("betrokken") or ()),
        volgorde=str(kop.get("volgorde", "onderwerpen")))


def _laad() -> dict[str, Query]:
    global _cache
    if _cache is None:
        queries: dict[str, Query] = {}
        for pad in sorted(MAP.rglob("*.rq")):
            q = lees_query(pad)
            if q.code in queries:
                raise ValueError(f"dubbele querycode {q.code!r}: {queries[q.code].pad} en {pad}")
            queries[q.code] = q
        _cache = queries
    return _cache


def alle(groep: str | None = None) -> list[Query]:
    """Every saved query (of one folder when ``groep`` is given), ordered by path."""
    return [q for q in _laad().values() if groep is None or q.groep == groep]


def get(code: str) -> Query:
    """The query with this code; an unknown code is a user error with the valid ones."""
    queries = _laad()
    if code not in queries:
        raise ScanFout(f"Onbekende query '{code}'. Geldige codes: {', '.join(sorted(queries))}.")
    return queries[code]
