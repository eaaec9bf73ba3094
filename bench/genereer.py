"""Synthetic werkboeken for benchmarks: N labour-market regions of realistic shape.

Each region looks like the Gooi en Vechtstreek example (a Regio row with the
name of a real arbeidsmarktregio, 5–13 gemeenten around the example's 7, a
few dozen organisations, one DIN with 5 subdoelen, ~15 inspanningen, a SKOS
tree of doelgroepen and sectoren, ~40 initiatives with partners, trekkers and
links); every regional row names its region in column ``regio``. National
organisations (UWV, SBB, ministerie) belong to no region and are shared by
all, and some partners work in the neighbouring region too, so partner
networks overlap across regions. Deterministic per seed.
"""
from __future__ import annotations

import random
from pathlib import Path

SOORTEN = ("project", "programma", "netwerk", "voorziening", "beleidsterrein", "pilot")
STATUSSEN = ("lopend",) * 6 + ("gepland", "afgerond", "gestopt")
ORG_SOORTEN = ("onderwijsinstelling", "werkgeversorganisatie", "werknemersorganisatie",
               "uitvoeringsorganisatie", "maatschappelijke-organisatie", "bedrijf")
THEMAS = ("Jongeren", "Statushouders", "Taal", "Zorg", "Techniek", "ICT", "Media", "Onderwijs",
          "Kinderopvang", "Welzijn", "Nazorg", "Schulden", "Scholing", "Loopbaan", "Inclusie",
          "Banenafspraak", "Beschut werk", "Leerwerk", "Praktijkleren", "Werkgevers")
ACTIVITEITEN = ("loket", "netwerk", "pilot", "programma", "traject", "werkplaats", "academie",
                "coalitie", "aanpak", "route", "hub", "regeling", "servicepunt", "campagne",
                "matching", "coaching", "leerlijn", "tafel", "fonds", "monitor")
LANDELIJK = [("uwv", "UWV", "uwv"), ("sbb", "SBB", "sbb"),
             ("min-szw", "Ministerie van SZW", "overig")]

#: The 35 arbeidsmarktregio's, for names that read like the real thing.
REGIONAMEN = (
    "Gooi en Vechtstreek", "Groningen", "Friesland", "Drenthe", "Regio Zwolle", "Twente",
    "Stedendriehoek en Noordwest Veluwe", "Achterhoek", "Midden-Gelderland",
    "Rijk van Nijmegen", "FoodValley", "Midden-Utrecht", "Amersfoort",
    "Zaanstreek/Waterland", "Noord-Holland Noord", "Groot Amsterdam",
    "Zuid-Kennemerland en IJmond", "Holland Rijnland", "Zuid-Holland Centraal",
    "Haaglanden", "Midden-Holland", "Rijnmond", "Drechtsteden", "Gorinchem", "Zeeland",
    "West-Brabant", "Midden-Brabant", "Noordoost-Brabant", "Zuidoost-Brabant",
    "Helmond-De Peel", "Noord-Limburg", "Midden-Limburg", "Zuid-Limburg", "Flevoland",
    "Rivierenland")
#: Sheets whose rows get the region's id in column ``regio``.
REGIONAAL = ("organisaties", "opgaven", "doelen", "inspanningen", "doelgroepen",
             "sectoren", "initiatieven", "indicatoren")

Rijen = dict[str, list[dict[str, object]]]


def regio_id(r: int) -> str:
    return f"r{r:02d}"


def regio(r: int, rng: random.Random, initiatieven: int = 40) -> Rijen:
    """One region's rows; ids are prefixed with the region number to stay unique."""
    p = f"{regio_id(r)}-"
    gemeenten = [f"{p}gemeente-{i}" for i in range(rng.randint(5, 13))]
    orgs = [f"{p}org-{i}" for i in range(30)]
    buren = [f"r{r - 1:02d}-org-{i}" for i in range(3)] if r > 1 else []
    personen = [f"{p}persoon-{i}" for i in range(20)]
    subdoelen = [f"{p}subdoel-{i}" for i in range(1, 6)]
    inspanningen = [f"{p}inspanning-{i}" for i in range(15)]
    doelgroepen = [f"{p}doelgroep-{i}" for i in range(20)]
    sectoren = [f"{p}sector-{i}" for i in range(25)]
    rows: Rijen = {b: [] for b in ("regios", "organisaties", "personen", "opgaven", "doelen",
                                   "inspanningen", "doelgroepen", "sectoren",
                                   "initiatieven", "indicatoren")}
    rows["regios"].append({"id": regio_id(r), "naam": REGIONAMEN[(r - 1) % len(REGIONAMEN)],
                           "bron": "synthetisch"})
    rows["organisaties"] += [{"id": g, "naam": f"Gemeente {r}-{i}", "soort": "gemeente",
                              "rol": "kernpartner", "cbs_code": f"GM{r * 20 + i:04d}",
                              "bron": "synthetisch"} for i, g in enumerate(gemeenten)]
    rows["organisaties"] += [{"id": o, "naam": f"Organisatie {r}-{i}",
                              "soort": rng.choice(ORG_SOORTEN), "rol": "samenwerkingspartner",
                              "bron": "synthetisch"} for i, o in enumerate(orgs)]
    alle_orgs = orgs + gemeenten + [l[0] for l in LANDELIJK]
    rows["personen"] += [{"id": x, "naam": f"Persoon {r}-{i}", "functie": "trekker",
                          "organisatie": rng.choice(alle_orgs)} for i, x in enumerate(personen)]
    rows["opgaven"] += [{"id": f"{p}opgave-{i}", "naam": f"Opgave {i}"} for i in range(4)]
    rows["doelen"].append({"id": f"{p}hoofddoel", "naam": "Hoofddoel", "soort": "hoofddoel"})
    rows["doelen"] += [{"id": d, "naam": f"Subdoel {r}-{i}", "soort": "subdoel",
                        "bovenliggend": f"{p}hoofddoel", "opgaven": f"{p}opgave-{i % 4}"}
                       for i, d in enumerate(subdoelen)]
    rows["inspanningen"] += [{"id": x, "naam": f"Inspanning {r}-{i}",
                              "doelen": ";".join(rng.sample(subdoelen, rng.randint(1, 2)))}
                             for i, x in enumerate(inspanningen[:13])]
    rows["inspanningen"] += [{"id": x, "naam": f"Inspanning {r}-{i}"}
                             for i, x in enumerate(inspanningen[13:], 13)]
    rows["doelgroepen"] += _boom(doelgroepen, rng, "Doelgroep", r)
    rows["sectoren"] += _boom(sectoren, rng, "Sector", r)
    rows["indicatoren"] += [{"id": f"{p}vacatures-{i}", "naam": f"Vacatures sector {i}",
                             "waarde": rng.randint(50, 3000), "eenheid": "vacatures",
                             "peildatum": "2025-06-30", "sector": s, "bron": "synthetisch"}
                            for i, s in enumerate(sectoren[:10])]
    rows["initiatieven"] += [_initiatief(p, i, rng, alle_orgs, personen, inspanningen,
                                         doelgroepen, sectoren, gemeenten, buren)
                             for i in range(initiatieven)]
    for blad in REGIONAAL:
        for rij in rows[blad]:
            rij["regio"] = regio_id(r)
    return rows


def _boom(ids: list[str], rng: random.Random, soort: str, r: int) -> list[dict]:
    uit = []
    for i, x in enumerate(ids):
        rij = {"id": x, "naam": f"{soort} {r}-{i}", "focus": "ja" if i % 6 == 1 else "nee"}
        if i >= 4:
            rij["bovenliggend"] = ids[rng.randrange(0, min(i, 4))]
        uit.append(rij)
    return uit


def _initiatief(p, i, rng, orgs, personen, inspanningen, doelgroepen, sectoren, gemeenten,
                buren=()):
    naam = f"{rng.choice(THEMAS)}{rng.choice(ACTIVITEITEN)} {_plaats(rng)}"
    status = rng.choice(STATUSSEN)
    partners = rng.sample(orgs, 3) + ([rng.choice(buren)] if buren and rng.random() < .15 else [])
    rij = {"id": f"{p}initiatief-{i}", "naam": naam, "soort": rng.choice(SOORTEN),
           "status": status, "start": f"20{rng.randint(18, 25)}-0{rng.randint(1, 9)}-01",
           "eigenaar": rng.choice(orgs), "partners": ";".join(partners),
           "inspanningen": ";".join(rng.sample(inspanningen, rng.randint(0, 2))),
           "doelgroepen": ";".join(rng.sample(doelgroepen, rng.randint(1, 3))),
           "sectoren": ";".join(rng.sample(sectoren, rng.randint(0, 2))),
           "werkgebied": "regio" if rng.random() < .4 else ";".join(rng.sample(gemeenten, 2)),
           "invloedssfeer": rng.choice(("eigen", "partner", "omgeving")),
           "werkgeversbenadering": rng.choice(("ja", "nee")),
           "budget_eur": rng.randint(10, 500) * 1000, "bron": "synthetisch",
           "laatst_bijgewerkt": f"202{rng.randint(4, 6)}-0{rng.randint(1, 9)}-15",
           "beschrijving": f"{naam}: synthetisch initiatief voor de benchmark, "
                           f"gericht op {rng.choice(THEMAS).lower()} en "
                           f"{rng.choice(ACTIVITEITEN)}."}
    if rng.random() < .7:
        rij["trekker"] = rng.choice(personen)
    if status in ("afgerond", "gestopt"):
        rij["eind"] = "2025-12-31"
    return rij


_LETTERGREPEN = ("bla", "dor", "hui", "zen", "lar", "wij", "de", "me", "ren", "gooi", "eem",
                 "nes", "ber", "ka", "hil", "ver", "sum", "bus", "sem", "maar", "veen", "loo")


def _plaats(rng: random.Random) -> str:
    """A made-up place name, so names differ the way real ones do."""
    return "".join(rng.choice(_LETTERGREPEN) for _ in range(rng.randint(2, 3))).capitalize()


def werkboek(regios: int, initiatieven_per_regio: int = 40, seed: int = 360) -> Rijen:
    """All regions in one werkboek, national organisations listed once."""
    rng = random.Random(seed)
    alles: Rijen = {"organisaties": [{"id": i, "naam": n, "soort": s, "rol": "kernpartner",
                                      "bron": "synthetisch"} for i, n, s in LANDELIJK]}
    for r in range(1, regios + 1):
        for blad, rijen in regio(r, rng, initiatieven_per_regio).items():
            alles.setdefault(blad, []).extend(rijen)
    return alles


def schrijf(rijen: Rijen, map_: Path) -> Path:
    """As a csv werkboek folder (the contract's columns, in order)."""
    import csv

    from ingest.contract import BLAD

    map_.mkdir(parents=True, exist_ok=True)
    for naam, data in rijen.items():
        with open(map_ / f"{naam}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(BLAD[naam].kolomnamen))
            w.writeheader()
            w.writerows(data)
    return map_
