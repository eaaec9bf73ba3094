"""Search the current scan by name and description, ignoring case and accents.

Board members type "werkgevers" or "creatieve", not "Werkgevers" or
"Creatiëve"; SPARQL's LCASE does not fold accents, so the texts are folded
here, in Python, once per version: one query reads every name and
description (``zoekindex.rq``), and each search is then a substring scan over
the folded texts in memory (measured: a few ms on 35 regions, see
``bench/zoeken.py``). A new version builds a new index on its first search.
"""
from __future__ import annotations

import json
import threading
import unicodedata
import weakref
from dataclasses import dataclass

from graaf import queries, termen
from graaf.store import Store
from graaf.vocab import SCAN
from ingest.contract import BLAD_PER_SEGMENT, BLADEN

#: At most this many results are listed (the count says how many there are).
MAX_RESULTATEN = 200
#: Characters of description shown around the first match.
FRAGMENT = 90
_PERSOON = str(SCAN.Persoon)
#: Groups in werkboek order, initiatives (the unit of the scan) first.
_VOLGORDE = {str(b.klasse): i for i, b in enumerate(BLADEN)} | {str(SCAN.Initiatief): -1}


@dataclass(frozen=True)
class _Item:
    uri: str
    klasse: str
    naam: str
    beschrijving: str
    sleutel_naam: str
    sleutel: str  # folded name and description: what a search looks in


@dataclass
class Treffer:
    """One result: name, page, and a piece of text with the matches marked."""

    naam: str
    pad: str | None
    uri: str
    fragment: list[tuple[str, bool]]


@dataclass
class Groep:
    """The results of one kind (initiatief, organisatie …)."""

    soort: str
    treffers: list[Treffer]


_indexen: weakref.WeakKeyDictionary[Store, tuple[int, list[_Item]]] = weakref.WeakKeyDictionary()
_slot = threading.Lock()


def vouw(tekst: str) -> str:
    """Case- and accent-folded text: 'Creatiëve ÉÉN' → 'creatieve een'."""
    return "".join(c for c in unicodedata.normalize("NFKD", tekst.casefold())
                   if not unicodedata.combining(c))


def _vouw_met_posities(tekst: str) -> tuple[str, list[int]]:
    """Folded text plus, per folded character, its position in the original."""
    if tekst.isascii():  # the common case: folding is lowercasing, positions unchanged
        return tekst.lower(), list(range(len(tekst)))
    uit: list[str] = []
    posities: list[int] = []
    for i, c in enumerate(tekst):
        for d in vouw(c):
            uit.append(d)
            posities.append(i)
    return "".join(uit), posities


def index(store: Store) -> list[_Item]:
    """Every named or described thing of the current version, folded (cached per version)."""
    versie = store.huidige().nummer if store.huidige() else 0
    with _slot:
        bewaard = _indexen.get(store)
    if bewaard and bewaard[0] == versie:
        return bewaard[1]
    items = []
    for uri, (klasse, namen, teksten) in _teksten(store).items():
        naam, tekst = (sorted(namen) or [""])[0], " ".join(sorted(teksten))
        items.append(_Item(uri, klasse, naam, tekst, vouw(naam),
                           vouw(" ".join(namen)) + "\n" + vouw(tekst)))
    with _slot:
        _indexen[store] = (versie, items)
    return items


def _teksten(store: Store) -> dict[str, tuple[str, list[str], list[str]]]:
    """URI → (class, names, descriptions), the class from the URI's segment.

    Read as SPARQL JSON rather than rdflib terms: three times faster on a
    big scan (measured 110 ms against 330 ms for 35 regions).
    """
    rijen = json.loads(store.query_formaat(queries.get("zoekindex").sparql, "json"))
    uit: dict[str, tuple[str, list[str], list[str]]] = {}
    for rij in rijen["results"]["bindings"]:
        uri = rij["ding"]["value"]
        if uri not in uit:
            blad = BLAD_PER_SEGMENT.get(uri.rsplit("/", 2)[-2]) if uri.count("/") > 2 else None
            if blad is None:
                continue
            uit[uri] = (str(blad.klasse), [], [])
        if "naam" in rij:
            uit[uri][1].append(rij["naam"]["value"])
        if "beschrijving" in rij:
            uit[uri][2].append(rij["beschrijving"]["value"])
    return uit


def zoek(store: Store, vraag: str, base: str, persoonsgegevens: bool) -> dict:
    """Results for ``vraag`` grouped by kind: every word must occur in name or description."""
    woorden = vouw(vraag).split()
    if not woorden:
        return {"totaal": 0, "groepen": [], "getoond": 0}
    gevonden = index(store)
    for w in woorden:  # one plain comprehension per word: the fastest scan in CPython
        gevonden = [item for item in gevonden if w in item.sleutel]
    if not persoonsgegevens:
        gevonden = [item for item in gevonden if item.klasse != _PERSOON]
    gevonden.sort(key=lambda i: (_VOLGORDE.get(i.klasse, 99), -_score(i, woorden),
                                 i.sleutel_naam))
    getoond = gevonden[:MAX_RESULTATEN]
    return {"totaal": len(gevonden), "getoond": len(getoond),
            "groepen": _groepeer(getoond, woorden, base)}


def _score(item: _Item, woorden: list[str]) -> int:
    """Name matches rank above description-only matches; a whole-name match first."""
    if item.sleutel_naam == " ".join(woorden):
        return 3
    return 2 if all(w in item.sleutel_naam for w in woorden) else 1


def _groepeer(items: list[_Item], woorden: list[str], base: str) -> list[Groep]:
    groepen: dict[str, Groep] = {}
    for item in items:
        soort = termen.label(item.klasse)
        groep = groepen.setdefault(item.klasse, Groep(soort, []))
        groep.treffers.append(Treffer(item.naam or item.uri.rsplit("/", 1)[-1],
                                      termen.pad(item.uri, base), item.uri,
                                      fragment(item.beschrijving, woorden)))
    return list(groepen.values())


def fragment(tekst: str, woorden: list[str]) -> list[tuple[str, bool]]:
    """A piece of ``tekst`` around the first match, as (text, is_match) parts."""
    gevouwen, posities = _vouw_met_posities(tekst)
    treffers = sorted((posities[i], posities[i + len(w) - 1] + 1)
                      for w in woorden for i in _alle(gevouwen, w))
    begin = _woordgrens(tekst, max(0, treffers[0][0] - FRAGMENT // 3) if treffers else 0, 1)
    eind = _woordgrens(tekst, min(len(tekst), begin + FRAGMENT * 2), -1)
    delen: list[tuple[str, bool]] = [("…", False)] if begin else []
    cursor = begin
    for van, tot in treffers:
        if van < cursor or tot > eind:
            continue
        delen += [(tekst[cursor:van], False), (tekst[van:tot], True)]
        cursor = tot
    delen.append((tekst[cursor:eind] + ("…" if eind < len(tekst) else ""), False))
    return [(t, m) for t, m in delen if t]


def _woordgrens(tekst: str, i: int, richting: int) -> int:
    """Move a cut at ``i`` to a space nearby (forward or back), so no word is halved."""
    if i <= 0 or i >= len(tekst):
        return i
    spatie = tekst.find(" ", i) if richting > 0 else tekst.rfind(" ", 0, i)
    return spatie + richting if spatie >= 0 and abs(spatie - i) < 20 else i


def _alle(tekst: str, woord: str) -> list[int]:
    """Start positions of every occurrence of ``woord`` in ``tekst``."""
    uit, i = [], tekst.find(woord)
    while i >= 0:
        uit.append(i)
        i = tekst.find(woord, i + len(woord))
    return uit
