"""Possible duplicates: typos found, distinct names not, and fast enough at 10,000."""
from __future__ import annotations

import random
import time

from graaf.analyse.duplicaten import gelijkenis, kandidaten, mogelijke_duplicaten


def test_tikfout_gevonden_andere_gemeente_niet():
    items = [{"id": "a", "naam": "Jongerenloket Hilversum", "beschrijving": "Loket voor jongeren"},
             {"id": "b", "naam": "Jongerenlokt Hilversum", "beschrijving": "Loket voor jongeren"},
             {"id": "c", "naam": "Jongerenloket Huizen", "beschrijving": "Loket voor jongeren"},
             {"id": "d", "naam": "Taalhuis", "beschrijving": ""}]
    assert mogelijke_duplicaten(items) == [("a", "b", 0.98)]


def test_tweemaal_ingevoerd_met_herschreven_beschrijving():
    a = {"naam": "Banenroute Zorg", "beschrijving": "Zij-instromers vinden werk in de zorg"}
    b = {"naam": "Banenroute Zorg", "beschrijving": "Zij-instromers in de zorg aan het werk"}
    assert gelijkenis(a, b) >= 0.85


def test_tikfout_in_enig_woord_valt_in_een_blok():
    items = [{"id": "a", "naam": "Werkgeversservicepunt"},
             {"id": "b", "naam": "Werkgeversservicpunt"}]
    assert kandidaten(items) == {(0, 1)}


def test_tienduizend_initiatieven_snel():
    r = random.Random(0)
    woorden = ["".join(r.choices("abcdefghijklmnopqrstuvwxyz", k=r.randint(4, 11)))
               for _ in range(3000)]
    items = [{"id": f"i{n}", "naam": " ".join(r.sample(woorden, 3)),
              "beschrijving": " ".join(r.sample(woorden, 10))} for n in range(10_000)]
    items.append({"id": "dubbel", "naam": items[0]["naam"] + "x",
                  "beschrijving": items[0]["beschrijving"]})
    t = time.perf_counter()
    gevonden = mogelijke_duplicaten(items)
    assert time.perf_counter() - t < 10  # about 3 s on the 2-core machine
    assert [(a, b) for a, b, _ in gevonden] == [("dubbel", "i0")]
