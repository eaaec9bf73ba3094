"""``graaf export --neo4j URI`` and ``--neo4j-csv DIR``: from a version to Neo4j.

Kept apart from ``graaf.cli`` so the command stays a thin switch; the text it
returns is what the user reads (Dutch), and always says whether persons were
included.
"""
from __future__ import annotations

from pathlib import Path

from graaf.fouten import ScanFout
from graaf.neo4j import csvexport
from graaf.neo4j.bron import exportdrietallen
from graaf.neo4j.projectie import Projectie, projecteer
from graaf.termen import ontologie


def projectie(store, versie: int | None, met_personen: bool) -> Projectie:
    drietallen, overgeslagen = exportdrietallen(store, versie, met_personen)
    return projecteer(drietallen, ontologie(), met_personen, overgeslagen)


def personen_tekst(met_personen: bool) -> str:
    return ("met persoonsgegevens" if met_personen
            else "zonder persoonsgegevens (--met-personen neemt ze mee)")


def naar_csv(store, versie: int, map_: Path, met_personen: bool) -> str:
    p = projectie(store, versie, met_personen)
    uit = csvexport.schrijf(p, map_, versie)
    return (f"Versie {versie} geschreven naar {map_} ({personen_tekst(met_personen)}): "
            f"{len(p.knopen)} knopen in {len(uit['knopen'])} bestanden, {len(p.relaties)} "
            f"relaties in {len(uit['relaties'])} bestanden. Importcommando: {map_}/README.md.")


def naar_neo4j(store, versie: int, uri: str, met_personen: bool, batch: int,
               verwijder: bool, database: str | None) -> str:
    from graaf.neo4j.sync import Neo4jUitvoerder, synchroniseer

    if batch < 1:
        raise ScanFout("--batch moet minstens 1 zijn.")
    p = projectie(store, versie, met_personen)
    doel = Neo4jUitvoerder(uri, database)
    try:
        verslag = synchroniseer(p, doel, batch, verwijder)
    finally:
        doel.close()
    weg = f", {verslag.verwijderd} verdwenen knopen verwijderd" if verwijder else ""
    return (f"Versie {versie} gesynchroniseerd met Neo4j ({personen_tekst(met_personen)}): "
            f"{verslag.knopen} knopen en {verslag.relaties} relaties in "
            f"{verslag.opdrachten} opdrachten{weg}.")
