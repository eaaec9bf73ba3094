"""Possible duplicate initiatives: a row entered twice, or a typo in a name.

The measure, in plain words: two initiatives look alike when their names are
nearly the same letter for letter; when both have a description, a
description with other words makes them look less alike (it never makes two
different names look alike).

* Texts are normalised first: lower case, accents removed, punctuation as
  spaces, runs of spaces collapsed.
* ``naam``: ``difflib.SequenceMatcher`` ratio of the two names (0..1). A typo
  of one letter in a 20-letter name still scores about 0.97.
* ``beschrijving``: Jaccard overlap of the word sets of the two descriptions
  (0..1), insensitive to word order and small rewrites.
* ``gelijkenis = naam * (0.75 + 0.25 * beschrijving)`` when both have a
  description, otherwise ``naam`` alone.

The default threshold 0.85 is set by example: a typo in a name (0.97+) or a
row entered twice (1.0) is found, also when its description was partly
rewritten (two thirds of the words shared: x 0.92); two initiatives with the
same template name for two gemeenten ("Jongerenloket Hilversum" /
"Jongerenloket Huizen", name ratio 0.79) are not, even with identical
descriptions; the same name with a wholly different description (x 0.75)
is not either.

Comparing all pairs is quadratic (10,000 initiatives = 50 million pairs), so
candidates are *blocked*: only initiatives whose names share a word, or a word
with one letter left out (so "servicepunt" and "servicpunt" or "servicopunt"
meet), are compared. Keys shared by more than ``MAX_BLOK`` initiatives (very
common words) are skipped; such pairs still meet through their other words.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher
from itertools import combinations
from typing import Iterable, Mapping

DREMPEL = 0.85
#: Share of the score a description can take away when it differs completely.
GEWICHT_BESCHRIJVING = 0.25
MAX_BLOK = 200
_NIET_WOORD = re.compile(r"[^a-z0-9]+")


def normaliseer(tekst: str | None) -> str:
    """Lower case, no accents, no punctuation, single spaces.

    >>> normaliseer("  Jongeren-Loket  Hilversum (één)")
    'jongeren loket hilversum een'
    """
    t = unicodedata.normalize("NFKD", tekst or "")
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    return _NIET_WOORD.sub(" ", t).strip()


def gelijkenis(a: Mapping[str, str], b: Mapping[str, str]) -> float:
    """The similarity of two initiatives (``naam``, optional ``beschrijving``), 0..1.

    >>> x = {"naam": "Jongerenloket Hilversum", "beschrijving": "Loket voor jongeren"}
    >>> round(gelijkenis(x, {"naam": "Jongerenlokt Hilversum",
    ...                      "beschrijving": "Loket voor jongeren"}), 2)
    0.98
    >>> round(gelijkenis(x, {"naam": "Jongerenloket Huizen",
    ...                      "beschrijving": "Loket voor jongeren"}), 2)
    0.79
    """
    naam = SequenceMatcher(None, normaliseer(a["naam"]), normaliseer(b["naam"])).ratio()
    wa = set(normaliseer(a.get("beschrijving")).split())
    wb = set(normaliseer(b.get("beschrijving")).split())
    if not wa or not wb:
        return naam
    beschrijving = len(wa & wb) / len(wa | wb)
    return naam * (1 - GEWICHT_BESCHRIJVING + GEWICHT_BESCHRIJVING * beschrijving)


def _sleutels(naam: str) -> set[str]:
    """Blocking keys: each name word of 3+ letters and, from 5 letters, each one-letter deletion.

    >>> sorted(_sleutels("De Baan"))
    ['baan']
    >>> sorted(_sleutels("Punten"))
    ['pnten', 'punen', 'punte', 'punten', 'puntn', 'puten', 'unten']
    """
    sleutels: set[str] = set()
    for w in normaliseer(naam).split():
        if len(w) >= 3:
            sleutels.add(w)
        if len(w) >= 5:
            sleutels.update(w[:i] + w[i + 1:] for i in range(len(w)))
    return sleutels


def kandidaten(items: list[Mapping[str, str]]) -> set[tuple[int, int]]:
    """Index pairs worth comparing: they share a blocking key of a manageable block."""
    blokken: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for s in _sleutels(item["naam"]):
            blokken[s].append(i)
    paren: set[tuple[int, int]] = set()
    for leden in blokken.values():
        if 1 < len(leden) <= MAX_BLOK:
            paren.update(combinations(leden, 2))
    return paren


def mogelijke_duplicaten(items: Iterable[Mapping[str, str]], drempel: float = DREMPEL
                         ) -> list[tuple[str, str, float]]:
    """Pairs of initiatives that are probably the same one.

    Parameters
    ----------
    items : mappings with ``id``, ``naam`` and optionally ``beschrijving``.
    drempel : the minimum ``gelijkenis`` (see the module text for why 0.85).

    Returns
    -------
    list of (id, id, gelijkenis) with the two ids sorted, sorted by ids.

    Examples
    --------
    >>> mogelijke_duplicaten([
    ...     {"id": "a", "naam": "Werkgeversservicepunt Gooi"},
    ...     {"id": "b", "naam": "Werkgeversservicpunt Gooi"},
    ...     {"id": "c", "naam": "Taalhuis Huizen"}])
    [('a', 'b', 0.98)]
    """
    lijst = list(items)
    namen = [normaliseer(x["naam"]) for x in lijst]
    uit = []
    for i, j in kandidaten(lijst):
        if SequenceMatcher(None, namen[i], namen[j]).quick_ratio() < drempel:
            continue  # an upper bound of the name ratio, and so of the score
        score = gelijkenis(lijst[i], lijst[j])
        if score >= drempel:
            a, b = sorted((str(lijst[i]["id"]), str(lijst[j]["id"])))
            uit.append((a, b, round(score, 2)))
    return sorted(uit)
