"""A planted werkboek for the afwegingskader: two criteria, two assessors, two besluiten.

On ``werkboeken.KLEIN``: criterion ``bijdrage`` weighs 2, ``draagvlak`` 1.
wsp: Piet 3 and Anna 1 on bijdrage (mean 2), Anna 3 on draagvlak →
(2×2 + 1×3) / (3×3) = 7/9 = 77.8% → verbinden; besluit pilot (jan) then
verbinden (mrt). UWV (organisatie): 0 on bijdrage → 0% → niet verbinden.
"""
from __future__ import annotations

from pathlib import Path

from werkboeken import KLEIN, met, schrijf_csv

from graaf.scan import laad
from graaf.store import Store


def afweging_rijen() -> dict:
    r = met(KLEIN, "criteria", 0, id="bijdrage", naam="Bijdrage aan de subdoelen", gewicht="2",
            beschrijving="Draagt het bij aan een subdoel?")
    r = met(r, "criteria", 1, id="draagvlak", naam="Draagvlak bij de kernpartners", gewicht="1")
    rijen = [("a1", "wsp", "bijdrage", "3", "Piet Adviseur", "Sterk in matching"),
             ("a2", "wsp", "bijdrage", "1", "Anna Beoordeelster", "Bereik nog klein"),
             ("a3", "wsp", "draagvlak", "3", "Anna Beoordeelster", ""),
             ("a4", "uwv", "bijdrage", "0", "Piet Adviseur", "Geen eigen bijdrage")]
    for n, (id_, onderwerp, criterium, score, wie, tekst) in enumerate(rijen):
        r = met(r, "afwegingen", n, id=id_, onderwerp=onderwerp, criterium=criterium,
                score=score, beoordelaar=wie, toelichting=tekst, datum="2026-02-01")
    r = met(r, "gremia", 0, id="rb", naam="Regionaal Beraad")
    r = met(r, "besluiten", 0, id="b-mrt", onderwerp="wsp", besluit="verbinden",
            datum="2026-03-12", gremium="rb", toelichting="Na de pilot structureel verbinden")
    r = met(r, "besluiten", 1, id="b-jan", onderwerp="wsp", besluit="pilot",
            datum="2026-01-15", gremium="rb", toelichting="Eerst een half jaar proberen")
    return r


def afweging_store(map_: Path) -> Store:
    store = Store()
    laad(store, schrijf_csv(map_, afweging_rijen()), door="test")
    return store
