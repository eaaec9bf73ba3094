"""``graaf gebruiker …``: accounts from the command line, next to the store."""
from __future__ import annotations

from graaf.gebruikers import Gebruiker, Gebruikers

WACHTWOORD = "een-lang-genoeg-wachtwoord"


def _gebruikers(store_map) -> Gebruikers:
    return Gebruikers(store_map / "gebruikers.sqlite")


def test_toevoegen_met_verborgen_prompt_en_bevestiging(store_map) -> None:
    from click.testing import CliRunner

    from graaf.cli import main

    uit = CliRunner().invoke(main, ["--store", str(store_map), "gebruiker", "toevoegen",
                                    "anna", "--rol", "beheerder"],
                             input=f"{WACHTWOORD}\n{WACHTWOORD}\n")
    assert uit.exit_code == 0, uit.output
    assert WACHTWOORD not in uit.output  # hidden input is not echoed
    assert "Nog een keer" in uit.output
    assert _gebruikers(store_map).controleer("anna", WACHTWOORD) == Gebruiker("anna", "beheerder")


def test_prompt_wijkt_af_vraagt_opnieuw(store_map) -> None:
    from click.testing import CliRunner

    from graaf.cli import main

    uit = CliRunner().invoke(main, ["--store", str(store_map), "gebruiker", "toevoegen", "bob"],
                             input=f"{WACHTWOORD}\nanders-anders-anders\n")
    assert uit.exit_code != 0
    assert _gebruikers(store_map).zoek("bob") is None


def test_stdin_lijst_rol_verwijderen(graaf_cli, store_map) -> None:
    from click.testing import CliRunner

    from graaf.cli import main

    uit = CliRunner().invoke(main, ["--store", str(store_map), "gebruiker", "toevoegen", "anna",
                                    "--wachtwoord-stdin"], input=WACHTWOORD + "\n")
    assert uit.exit_code == 0, uit.output
    assert "anna" in graaf_cli("gebruiker", "lijst").output
    assert "lezer" in graaf_cli("gebruiker", "lijst").output
    assert graaf_cli("gebruiker", "rol", "anna", "adviseur").exit_code == 0
    assert _gebruikers(store_map).zoek("anna") == Gebruiker("anna", "adviseur")
    assert graaf_cli("gebruiker", "verwijderen", "anna").exit_code == 0
    fout = graaf_cli("gebruiker", "verwijderen", "anna")
    assert fout.exit_code == 1 and "bestaat niet" in fout.output
    log = (store_map / "audit.jsonl").read_text(encoding="utf-8")
    assert "gebruiker toevoegen" in log and "gebruiker verwijderen" in log
    assert WACHTWOORD not in log


def test_kort_wachtwoord_geweigerd(store_map) -> None:
    from click.testing import CliRunner

    from graaf.cli import main

    uit = CliRunner().invoke(main, ["--store", str(store_map), "gebruiker", "toevoegen", "anna",
                                    "--wachtwoord-stdin"], input="kort\n")
    assert uit.exit_code == 1 and "minstens 12" in uit.output
