"""The ``graaf`` command: ingest, validate, check, export, history and diff, SPARQL, serve.

Every command opens the store the same way (``--store``/``GRAAF_STORE``/user
data dir); a ``ScanFout`` becomes a Dutch message on stderr and exit code 1,
anything else is a bug: logged with its traceback, exit code 70.
"""
from __future__ import annotations

import getpass
import json
import logging
import sys
from datetime import date
from functools import wraps
from pathlib import Path

import click

from graaf.fouten import ScanFout

log = logging.getLogger("graaf")


def _meldt_fouten(f):
    @wraps(f)
    def omhulsel(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except ScanFout as e:
            click.echo(f"Fout: {e}", err=True)
            for b in e.bevindingen:
                click.echo(f"  - [{b.ernst}] {b.tekst()}", err=True)
            sys.exit(1)
        except Exception:  # noqa: BLE001 - anything else is a bug: log it whole
            log.exception("Programmafout in 'graaf %s'; meld dit aan de beheerder.",
                          f.__name__)
            sys.exit(70)
    return omhulsel


@click.group()
@click.option("--store", "store_pad", envvar="GRAAF_STORE", metavar="MAP|URL",
              help="Map van de opslag, of een SPARQL-server: sparql+http://host:poort/pad "
                   "(inlog via GRAAF_STORE_GEBRUIKER/GRAAF_STORE_WACHTWOORD; zie "
                   "docs/opslag.md). Standaard: GRAAF_STORE of de gebruikersmap.")
@click.pass_context
def main(ctx: click.Context, store_pad: str | None) -> None:
    """360-graden scan: de kennisgraaf van het Regionaal Werkcentrum."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    ctx.obj = {"store": store_pad}


def _open(ctx: click.Context, voorbeeld: bool = True):
    from graaf.scan import open_scan

    store = open_scan(ctx.obj["store"], voorbeeld=voorbeeld)
    ctx.call_on_close(store.close)
    return store


def _door(door: str | None) -> str:
    return door or getpass.getuser()


@main.command()
@click.argument("pad", type=click.Path(exists=True, path_type=Path))
@click.option("--door", help="Wie de wijziging doet (standaard: je gebruikersnaam).")
@click.option("--notitie", default="", help="Korte notitie bij deze versie.")
@click.option("--base", help="Basis-URI voor de ids (standaard: GRAAF_BASE).")
@click.pass_context
@_meldt_fouten
def ingest(ctx, pad: Path, door: str | None, notitie: str, base: str | None) -> None:
    """Laad een werkboek (.xlsx, map of .zip met .csv) of Turtle als nieuwe versie."""
    from graaf.audit import vastgelegd
    from graaf.scan import laad

    with vastgelegd(_auditlog(ctx), "ingest", wie=_door(door), wat=pad.name) as log_:
        store = _open(ctx, voorbeeld=False)
        versie = laad(store, pad, _door(door), notitie, base)
        log_["wat"] = f"{pad.name} → versie {versie.nummer}"
    click.echo(f"Versie {versie.nummer} geladen uit {pad.name}: {versie.triples} triples, "
               f"door {versie.door}.")


@main.command()
@click.argument("pad", type=click.Path(exists=True, path_type=Path))
@click.option("--json", "als_json", is_flag=True, help="Bevindingen als JSON.")
@click.option("--base", help="Basis-URI voor de ids.")
@_meldt_fouten
def valideer(pad: Path, als_json: bool, base: str | None) -> None:
    """Controleer een werkboek zonder het te laden."""
    import ingest as ingest_
    from graaf import config

    resultaat = ingest_.valideer(pad, config.base_uri(base))
    if als_json:
        click.echo(json.dumps([b.als_dict() for b in resultaat.bevindingen],
                              ensure_ascii=False, indent=2))
    else:
        for b in resultaat.bevindingen:
            click.echo(f"[{b.ernst}] {b.tekst()}")
        n = len(resultaat.fouten)
        click.echo(f"{pad.name}: {'geen fouten' if not n else f'{n} fout(en)'}; "
                   f"{len(resultaat)} triples.")
    sys.exit(1 if resultaat.fouten else 0)


@main.command()
@click.option("--peildatum", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Datum waarop de scan bekeken wordt (JJJJ-MM-DD, standaard vandaag).")
@click.option("--code", "codes", multiple=True, help="Alleen deze controle(s).")
@click.option("--json", "als_json", is_flag=True, help="Uitvoer als JSON.")
@click.option("--versie", type=int, help="Een eerdere versie controleren.")
@click.option("--regio", metavar="ID", help="Alleen de bevindingen van deze regio (standaard: alle).")
@click.pass_context
@_meldt_fouten
def check(ctx, peildatum, codes: tuple[str, ...], als_json: bool, versie: int | None,
          regio: str | None) -> None:
    """Voer de benoemde controles uit: hiaten, overlap en netwerk."""
    from graaf import checks

    store = _open(ctx)
    resultaat = checks.draai(store, peildatum.date() if peildatum else date.today(),
                             list(codes) or None, versie=versie, regio=regio)
    if als_json:
        click.echo(json.dumps(resultaat, ensure_ascii=False, indent=2))
    else:
        click.echo(checks.als_tekst(resultaat))


@main.command()
@click.option("--format", "formaat",
              type=click.Choice(["xlsx", "csv", "ttl", "jsonld", "nq"]))
@click.option("-o", "--uitvoer", type=click.Path(path_type=Path),
              help="Bestand (of map voor csv). Standaard: scan-vN.<formaat>; RDF naar stdout.")
@click.option("--versie", type=int, help="Een eerdere versie exporteren.")
@click.option("--neo4j", "neo4j_uri", metavar="URI",
              help="Synchroniseer met Neo4j (bolt://… of neo4j://…); inloggen via "
                   "NEO4J_USER en NEO4J_PASSWORD.")
@click.option("--neo4j-csv", type=click.Path(file_okay=False, path_type=Path), metavar="MAP",
              help="Schrijf CSV-bestanden voor 'neo4j-admin database import full'.")
@click.option("--met-personen", is_flag=True,
              help="Neem persoonsgegevens mee naar Neo4j (standaard: niet).")
@click.option("--batch", type=int, default=1000, show_default=True,
              help="Rijen per Neo4j-transactie.")
@click.option("--verwijder-verdwenen", is_flag=True,
              help="Verwijder in Neo4j knopen en relaties die niet meer in de scan staan.")
@click.option("--neo4j-database",
              help="Database op de Neo4j-server (standaard die van de server).")
@click.pass_context
@_meldt_fouten
def export(ctx, formaat: str | None, uitvoer: Path | None, versie: int | None, **neo4j) -> None:
    """Exporteer de huidige scan als werkboek of RDF, of naar Neo4j."""
    from graaf import export as ex

    if len([d for d in (formaat, neo4j["neo4j_uri"], neo4j["neo4j_csv"]) if d]) != 1:
        raise ScanFout("Kies precies één van --format, --neo4j en --neo4j-csv.")
    if formaat and neo4j["met_personen"]:
        raise ScanFout("--met-personen hoort bij --neo4j en --neo4j-csv.")
    store = _open(ctx)
    nummer = versie or store.huidige().nummer
    if not formaat:
        click.echo(_neo4j(store, nummer, **neo4j))
        return
    if formaat in ("ttl", "jsonld", "nq"):
        data = store.dump(nummer, formaat)
        if uitvoer:
            uitvoer.write_bytes(data)
        else:
            sys.stdout.buffer.write(data)
        return
    rijen = ex.naar_rijen(store.graaf(nummer))
    doel = uitvoer or Path(f"scan-v{nummer}" + (".xlsx" if formaat == "xlsx" else ""))
    (ex.schrijf_xlsx if formaat == "xlsx" else ex.schrijf_csv)(rijen, doel)
    click.echo(f"Versie {nummer} geschreven naar {doel}.", err=True)


def _neo4j(store, nummer: int, neo4j_uri: str | None, neo4j_csv: Path | None,
           met_personen: bool, batch: int, verwijder_verdwenen: bool,
           neo4j_database: str | None) -> str:
    from graaf.neo4j import opdracht

    if neo4j_csv:
        return opdracht.naar_csv(store, nummer, neo4j_csv, met_personen)
    return opdracht.naar_neo4j(store, nummer, neo4j_uri, met_personen, batch,
                               verwijder_verdwenen, neo4j_database)


@main.command()
@click.option("--json", "als_json", is_flag=True)
@click.pass_context
@_meldt_fouten
def versies(ctx, als_json: bool) -> None:
    """Toon alle versies: wie, wanneer, welk bestand, welke notitie."""
    store = _open(ctx)
    lijst = store.versies()
    if als_json:
        click.echo(json.dumps([v.als_dict() for v in lijst], ensure_ascii=False, indent=2))
        return
    huidig = store.huidige().nummer
    for v in lijst:
        teken = "*" if v.nummer == huidig else " "
        herstel = f" (herstel van versie {v.herstel_van})" if v.herstel_van else ""
        click.echo(f"{teken} {v.nummer:>3}  {v.tijd:%Y-%m-%d %H:%M}  {v.door:<20} "
                   f"{v.bronbestand or '-':<24} {v.triples:>7} triples  {v.notitie}{herstel}")


@main.command()
@click.argument("versie", type=int)
@click.option("--door", help="Wie herstelt (standaard: je gebruikersnaam).")
@click.option("--notitie", default="")
@click.pass_context
@_meldt_fouten
def herstel(ctx, versie: int, door: str | None, notitie: str) -> None:
    """Maak een eerdere versie weer de huidige (als nieuwe versie)."""
    from graaf.audit import vastgelegd

    with vastgelegd(_auditlog(ctx), "herstel", wie=_door(door), wat=f"versie {versie}") as log_:
        store = _open(ctx)
        nieuw = store.herstel(versie, _door(door), notitie)
        log_["wat"] = f"versie {versie} → versie {nieuw.nummer}"
    click.echo(f"Versie {versie} is hersteld als versie {nieuw.nummer}.")


def _lokale_opslag(ctx: click.Context) -> Path:
    from graaf import config
    from graaf.opslag import is_server

    if is_server(config.store_spec(ctx.obj["store"])):
        raise ScanFout("Back-up en restore werken op een opslagmap; maak een back-up van "
                       "een SPARQL-server met de middelen van die server.")
    return config.store_pad(ctx.obj["store"])


@main.command()
@click.argument("map_", metavar="MAP", type=click.Path(file_okay=False, path_type=Path))
@click.pass_context
@_meldt_fouten
def backup(ctx, map_: Path) -> None:
    """Maak een back-up van de opslag in MAP (mag terwijl de site draait)."""
    from graaf.backup import maak_backup

    manifest = maak_backup(_lokale_opslag(ctx), map_)
    _audit(ctx, "backup", f"naar {map_}")
    click.echo(f"Back-up gemaakt in {map_}: {len(manifest['versies'])} versies, "
               f"{len(manifest['bestanden'])} bestanden met sha256 in manifest.json.")


@main.command()
@click.argument("map_", metavar="MAP", type=click.Path(exists=True, file_okay=False,
                                                       path_type=Path))
@click.pass_context
@_meldt_fouten
def restore(ctx, map_: Path) -> None:
    """Zet de opslag terug uit de back-up in MAP (eerst gecontroleerd; stop eerst de site)."""
    from graaf.backup import herstel_backup

    manifest, bewaard = herstel_backup(map_, _lokale_opslag(ctx))
    _audit(ctx, "restore", f"uit {map_}")
    click.echo(f"Opslag teruggezet uit {map_}: {len(manifest['versies'])} versies.")
    if bewaard:
        click.echo(f"De vorige opslag is bewaard in {bewaard}; verwijder die map als "
                   "alles klopt.")


@main.command()
@click.argument("van", type=int)
@click.argument("naar", type=int, required=False)
@click.option("--json", "als_json", is_flag=True, help="Wijzigingen als JSON.")
@click.option("--csv", "als_csv", is_flag=True,
              help="Eén regel per wijziging: blad, id, naam, soort wijziging, kolom, oud, nieuw.")
@click.pass_context
@_meldt_fouten
def verschil(ctx, van: int, naar: int | None, als_json: bool, als_csv: bool) -> None:
    """Toon wat er veranderd is van versie VAN naar NAAR (standaard: de huidige)."""
    from graaf import verschil as vs

    if als_json and als_csv:
        raise ScanFout("Kies --json óf --csv, niet allebei.")
    v = vs.verschil(_open(ctx), van, naar)
    if als_json:
        click.echo(json.dumps(vs.als_dict(v), ensure_ascii=False, indent=2))
    elif als_csv:
        click.echo(vs.als_csv(v), nl=False)
    else:
        click.echo(vs.als_tekst(v))


@main.command()
@click.argument("query", required=False)
@click.option("--file", "bestand", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "formaat", default="tabel",
              type=click.Choice(["tabel", "csv", "json", "tsv", "xml"]))
@click.option("--versie", type=int)
@click.pass_context
@_meldt_fouten
def sparql(ctx, query: str | None, bestand: Path | None, formaat: str,
           versie: int | None) -> None:
    """Voer een SPARQL-query (alleen lezen) uit op de huidige scan."""
    from graaf import sparql_cli

    if bool(query) == bool(bestand):
        raise ScanFout("Geef een query als tekst óf met --file, niet allebei of geen van beide.")
    tekst = query or bestand.read_text(encoding="utf-8")
    sys.stdout.buffer.write(sparql_cli.voer_uit(_open(ctx), tekst, formaat, versie))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8360, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int)
@click.pass_context
@_meldt_fouten
def serve(ctx, host: str, port: int, threads: int) -> None:
    """Start de site (waitress, productie-server) op de huidige scan."""
    from waitress import serve as waitress_serve

    from web import create_app

    app = create_app({"STORE": ctx.obj["store"]})
    click.echo(f"De 360-graden scan draait op http://{host}:{port}/ (stoppen: Ctrl+C)")
    waitress_serve(app, host=host, port=port, threads=threads, ident="graaf")


# -- accounts of the site (graaf/gebruikers.py); work while the site runs -------

def _gebruikers(ctx: click.Context):
    from graaf import config
    from graaf.gebruikers import Gebruikers, gebruikers_pad

    return Gebruikers(gebruikers_pad(config.store_pad(ctx.obj["store"])))


def _auditlog(ctx: click.Context):
    """The site's audit log beside the store: writes from the CLI land there too."""
    from graaf import config
    from graaf.audit import Auditlog, audit_pad

    return Auditlog(audit_pad(config.store_pad(ctx.obj["store"])))


def _audit(ctx: click.Context, actie: str, wat: str) -> None:
    """Account changes from the CLI land in the site's audit log too (van: cli)."""
    _auditlog(ctx).schrijf(actie, wie=getpass.getuser(), wat=wat, van="cli")


@main.group()
def gebruiker() -> None:
    """Beheer de accounts van de site (lezer, adviseur, beheerder)."""


@gebruiker.command("toevoegen")
@click.argument("naam")
@click.option("--rol", default="lezer", show_default=True,
              type=click.Choice(["lezer", "adviseur", "beheerder"]))
@click.option("--wachtwoord-stdin", is_flag=True,
              help="Lees het wachtwoord van stdin (eerste regel), voor scripts.")
@click.pass_context
@_meldt_fouten
def gebruiker_toevoegen(ctx, naam: str, rol: str, wachtwoord_stdin: bool) -> None:
    """Maak een account; het wachtwoord wordt verborgen gevraagd (twee keer)."""
    if wachtwoord_stdin:
        wachtwoord = click.get_text_stream("stdin").readline().rstrip("\r\n")
    else:
        wachtwoord = click.prompt("Wachtwoord", hide_input=True, confirmation_prompt=
                                  "Nog een keer ter controle")
    nieuw = _gebruikers(ctx).toevoegen(naam, wachtwoord, rol)
    _audit(ctx, "gebruiker toevoegen", f"gebruiker {nieuw.naam} als {nieuw.rol}")
    click.echo(f"Gebruiker {nieuw.naam} toegevoegd als {nieuw.rol}.")


@gebruiker.command("lijst")
@click.pass_context
@_meldt_fouten
def gebruiker_lijst(ctx) -> None:
    """Toon alle accounts met hun rol."""
    lijst = _gebruikers(ctx).lijst()
    for g in lijst:
        click.echo(f"{g.naam:<32} {g.rol}")
    if not lijst:
        click.echo("Nog geen gebruikers; voeg er een toe met 'graaf gebruiker toevoegen'.")


@gebruiker.command("verwijderen")
@click.argument("naam")
@click.pass_context
@_meldt_fouten
def gebruiker_verwijderen(ctx, naam: str) -> None:
    """Verwijder een account; een open sessie ervan vervalt meteen."""
    _gebruikers(ctx).verwijderen(naam)
    _audit(ctx, "gebruiker verwijderen", f"gebruiker {naam}")
    click.echo(f"Gebruiker {naam} verwijderd.")


@gebruiker.command("rol")
@click.argument("naam")
@click.argument("rol", type=click.Choice(["lezer", "adviseur", "beheerder"]))
@click.pass_context
@_meldt_fouten
def gebruiker_rol(ctx, naam: str, rol: str) -> None:
    """Geef een account een andere rol (geldt vanaf het volgende verzoek)."""
    g = _gebruikers(ctx).zet_rol(naam, rol)
    _audit(ctx, "gebruiker rol", f"gebruiker {g.naam} wordt {g.rol}")
    click.echo(f"Gebruiker {g.naam} is nu {g.rol}.")
