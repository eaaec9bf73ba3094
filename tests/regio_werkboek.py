"""A synthetic werkboek of three regions in which every named check finds something
in at least two regions, plus one initiative that crosses a region border.

Built on ``bench.genereer`` (the benchmark's national generator) with rows
planted per region: a subdoel without inspanning, a focus doelgroep and a
focus sector nobody serves, a forgotten gemeente, an initiative entered twice,
a subdoel carried by one owner; two regions lose their region-wide
initiatives so their gemeenten can go unreached.
"""
from __future__ import annotations

from bench.genereer import regio_id, werkboek

REGIOS = 3


def _plant(rijen: dict, r: int) -> None:
    p, rid = f"{regio_id(r)}-", regio_id(r)
    rijen["doelen"] += [
        {"id": f"{p}subdoel-leeg", "naam": f"Vergeten doel {r}", "soort": "subdoel",
         "bovenliggend": f"{p}hoofddoel", "regio": rid},
        {"id": f"{p}subdoel-een", "naam": f"Doel van één partij {r}", "soort": "subdoel",
         "bovenliggend": f"{p}hoofddoel", "regio": rid}]
    rijen["inspanningen"].append({"id": f"{p}inspanning-een", "naam": f"Eén partij {r}",
                                  "doelen": f"{p}subdoel-een", "regio": rid})
    rijen["doelgroepen"].append({"id": f"{p}doelgroep-vergeten", "naam": f"Vergeten groep {r}",
                                 "focus": "ja", "regio": rid})
    rijen["sectoren"].append({"id": f"{p}sector-vergeten", "naam": f"Vergeten sector {r}",
                              "focus": "ja", "regio": rid})
    rijen["organisaties"].append({"id": f"{p}gemeente-vergeten", "naam": f"Vergeten gemeente {r}",
                                  "soort": "gemeente", "cbs_code": f"GM9{r:03d}", "regio": rid})
    eerste = next(i for i in rijen["initiatieven"] if i["id"] == f"{p}initiatief-0")
    rijen["initiatieven"] += [
        dict(eerste, id=f"{p}initiatief-kopie", status="lopend"),
        {"id": f"{p}initiatief-een", "naam": f"Enige aanpak {r}", "soort": "project",
         "status": "lopend", "eigenaar": f"{p}org-1", "inspanningen": f"{p}inspanning-een",
         "doelgroepen": f"{p}doelgroep-1", "werkgebied": f"{p}gemeente-0", "regio": rid}]


def regio_rijen() -> dict:
    rijen = werkboek(REGIOS, initiatieven_per_regio=30, seed=7)
    for r in range(1, REGIOS + 1):
        _plant(rijen, r)
    for i in rijen["initiatieven"]:  # regions 1 and 2: no region-wide initiative
        if i["regio"] in (regio_id(1), regio_id(2)) and i["werkgebied"] == "regio":
            i["werkgebied"] = f"{i['regio']}-gemeente-1"
    # Across the border: region 2's initiative does what one of region 1's does, in region 1.
    voorbeeld = next(i for i in rijen["initiatieven"] if i["regio"] == regio_id(1)
                     and i["status"] == "lopend" and i["inspanningen"] and i["eigenaar"] != "uwv")
    rijen["initiatieven"].append(
        {"id": "r02-grensproject", "naam": "Grensproject", "soort": "project", "status": "lopend",
         "eigenaar": "uwv", "inspanningen": voorbeeld["inspanningen"],
         "doelgroepen": voorbeeld["doelgroepen"], "werkgebied": "r01-gemeente-0;"
         + voorbeeld["werkgebied"], "regio": regio_id(2)})
    return rijen
