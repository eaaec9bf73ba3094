"""A planted werkboek with known overlap, for the findings, overlap, dashboard and report tests.

On ``werkboeken.KLEIN`` (wsp: UWV, regio-wide, jongeren, subdoel-1 through
matching, approaches employers):

- ``jongerenloket`` (Gemeente Hilversum, Hilversum, werkzoekenden, matching,
  approaches employers in Zorg like wsp): a dubbel-aanbod pair with wsp that
  shares subdoel, two doelgroepen and Hilversum; and a second organisation
  approaching employers in Zorg;
- ``taalhuis`` (Gemeente Huizen, Huizen, jongeren, matching): a pair with wsp
  that shares less (one doelgroep), so it comes second;
- ``oud`` (lopend, eind 2026-06-30): verouderd only after that date.
"""
from __future__ import annotations

from werkboeken import KLEIN, met


def overlap_rijen() -> dict:
    r = met(KLEIN, "sectoren", 0, id="zorg", naam="Zorg", focus="ja")
    r = met(r, "initiatieven", 0, sectoren="zorg")
    r = met(r, "initiatieven", 2, id="jongerenloket", naam="Jongerenloket Hilversum",
            soort="voorziening", status="lopend", start="2024-01-01", eigenaar="hilversum",
            inspanningen="matching", doelgroepen="werkzoekenden", werkgebied="hilversum",
            werkgeversbenadering="ja", sectoren="zorg", trekker="p-jansen",
            laatst_bijgewerkt="2026-05-01")
    r = met(r, "initiatieven", 3, id="taalhuis", naam="Taalhuis Huizen", soort="voorziening",
            status="lopend", start="2024-01-01", eigenaar="huizen", inspanningen="matching",
            doelgroepen="jongeren", werkgebied="huizen", trekker="p-jansen",
            laatst_bijgewerkt="2026-05-01")
    r = met(r, "initiatieven", 4, id="oud", naam="Oud project", soort="project",
            status="lopend", start="2024-01-01", eind="2026-06-30", eigenaar="uwv",
            werkgebied="regio", trekker="p-jansen", laatst_bijgewerkt="2026-05-01")
    return r
