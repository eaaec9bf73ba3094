"""Writing a projection into a running Neo4j with the official driver.

The statements come from ``cypher``; this module only connects, runs them one
batch per transaction and turns the driver's errors into Dutch messages a
user can act on. User name and password come from ``NEO4J_USER`` and
``NEO4J_PASSWORD`` and are never printed or logged (not even inside a URI).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urlsplit

from graaf.fouten import ScanFout
from graaf.neo4j import cypher
from graaf.neo4j.projectie import Projectie

SCHEMAS = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


class Uitvoerder(Protocol):
    """Where statements run: the driver (``Neo4jUitvoerder``) or a model of it in tests."""

    def schrijf(self, opdracht: cypher.Opdracht) -> None: ...

    def lees(self, opdracht: cypher.Opdracht) -> list[dict]: ...


@dataclass
class Verslag:
    """What a sync did, for the message to the user and for tests."""

    opdrachten: int = 0
    knopen: int = 0
    relaties: int = 0
    verwijderd: int = 0
    labels: dict[str, int] = field(default_factory=dict)
    typen: dict[str, int] = field(default_factory=dict)


def synchroniseer(p: Projectie, doel: Uitvoerder, batch: int = cypher.BATCH,
                  verwijder: bool = False) -> Verslag:
    """Constraint, nodes, relationships; then (if asked) removal of what vanished;
    finally the counts as the server sees them."""
    verslag = Verslag(knopen=len(p.knopen), relaties=len(p.relaties))
    for opdracht in cypher.schrijf_opdrachten(p, batch):
        doel.schrijf(opdracht)
        verslag.opdrachten += 1
    if verwijder:
        aanwezig = {r["uri"]: r["labels"]
                    for r in doel.lees(cypher.Opdracht(cypher.ALLE_URIS, {}))}
        verslag.verwijderd = len(set(aanwezig) - set(p.knopen))
        for opdracht in cypher.verwijder_opdrachten(p, aanwezig, batch):
            doel.schrijf(opdracht)
            verslag.opdrachten += 1
    verslag.labels = tel(doel, cypher.TEL_LABELS, "label")
    verslag.typen = tel(doel, cypher.TEL_TYPEN, "type")
    return verslag


def tel(doel: Uitvoerder, tekst: str, sleutel: str) -> dict[str, int]:
    return {r[sleutel]: r["aantal"] for r in doel.lees(cypher.Opdracht(tekst, {}))}


def controleer_uri(uri: str) -> str:
    """A Bolt/Neo4j URI without credentials in it; ScanFout otherwise."""
    delen = urlsplit(uri)
    if delen.scheme not in SCHEMAS or not delen.hostname:
        raise ScanFout(f"'{_zonder_geheim(uri)}' is geen Neo4j-adres. Gebruik bijvoorbeeld "
                       f"bolt://localhost:7687 of neo4j+s://host:7687.")
    if delen.username or delen.password:
        raise ScanFout("Zet geen gebruikersnaam of wachtwoord in het Neo4j-adres; gebruik "
                       "de omgevingsvariabelen NEO4J_USER en NEO4J_PASSWORD.")
    return uri


def _zonder_geheim(uri: str) -> str:
    delen = urlsplit(uri)
    return uri.replace(f"{delen.password}@", "***@") if delen.password else uri


def inloggegevens() -> tuple[str, str] | None:
    """From the environment; None means: connect without authentication."""
    wachtwoord = os.environ.get("NEO4J_PASSWORD")
    if wachtwoord is None:
        return None
    return os.environ.get("NEO4J_USER", "neo4j"), wachtwoord


class Neo4jUitvoerder:
    """The official driver; one managed write transaction per statement (batch)."""

    def __init__(self, uri: str, database: str | None = None, timeout: float = 10.0) -> None:
        import neo4j

        self._adres = urlsplit(uri).netloc
        self._database = database
        controleer_uri(uri)
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri, auth=inloggegevens(), connection_timeout=timeout)
        except Exception as e:  # noqa: BLE001 - every driver failure gets a Dutch message
            raise self.fout(e) from None
        try:
            self._driver.verify_connectivity()
        except Exception as e:  # noqa: BLE001
            self._driver.close()
            raise self.fout(e) from None

    def fout(self, e: Exception) -> ScanFout:
        from neo4j import exceptions as ex

        if isinstance(e, ex.AuthError):
            return ScanFout(f"Neo4j op {self._adres} weigert de inloggegevens. Controleer "
                            f"NEO4J_USER en NEO4J_PASSWORD.")
        if isinstance(e, (ex.ServiceUnavailable, ex.SessionExpired, OSError)):
            return ScanFout(f"Neo4j op {self._adres} is niet bereikbaar. Controleer of de "
                            f"server draait en of het adres en de poort kloppen.")
        code = getattr(e, "code", None) or type(e).__name__
        return ScanFout(f"Neo4j op {self._adres} gaf een fout ({code}). Er is mogelijk een "
                        f"deel geschreven; de synchronisatie opnieuw draaien is veilig.")

    def _run(self, opdracht: cypher.Opdracht, schrijven: bool) -> list[dict]:
        def werk(tx):
            return [r.data() for r in tx.run(opdracht.tekst, opdracht.parameters)]
        try:
            with self._driver.session(database=self._database) as sessie:
                if opdracht.tekst.startswith("CREATE CONSTRAINT"):  # schema: auto-commit
                    sessie.run(opdracht.tekst).consume()
                    return []
                return (sessie.execute_write if schrijven else sessie.execute_read)(werk)
        except Exception as e:  # noqa: BLE001
            raise self.fout(e) from None

    def schrijf(self, opdracht: cypher.Opdracht) -> None:
        self._run(opdracht, True)

    def lees(self, opdracht: cypher.Opdracht) -> list[dict]:
        return self._run(opdracht, False)

    def close(self) -> None:
        self._driver.close()
