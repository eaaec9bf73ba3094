"""The accounts file (graaf/gebruikers.py): hashes, roles, refusals; no Flask needed."""
from __future__ import annotations

import pytest

from graaf.fouten import ScanFout
from graaf.gebruikers import Gebruiker, Gebruikers

WACHTWOORD = "een-lang-genoeg-wachtwoord"


@pytest.fixture
def gebruikers(tmp_path) -> Gebruikers:
    return Gebruikers(tmp_path / "gebruikers.sqlite")


def test_wachtwoord_alleen_als_scrypt_hash_opgeslagen(gebruikers, tmp_path) -> None:
    gebruikers.toevoegen("anna", WACHTWOORD, "beheerder")
    inhoud = (tmp_path / "gebruikers.sqlite").read_bytes()
    assert WACHTWOORD.encode() not in inhoud and b"scrypt:" in inhoud
    assert (tmp_path / "gebruikers.sqlite").stat().st_mode & 0o077 == 0


def test_controleer_goed_fout_en_onbekend(gebruikers) -> None:
    gebruikers.toevoegen("anna", WACHTWOORD, "adviseur")
    assert gebruikers.controleer("anna", WACHTWOORD) == Gebruiker("anna", "adviseur")
    assert gebruikers.controleer("ANNA", WACHTWOORD) == Gebruiker("anna", "adviseur")
    assert gebruikers.controleer("anna", WACHTWOORD + "x") is None
    assert gebruikers.controleer("bob", WACHTWOORD) is None


def test_rollen_zijn_geordend() -> None:
    assert Gebruiker("a", "beheerder").mag("adviseur")
    assert Gebruiker("a", "adviseur").mag("lezer")
    assert not Gebruiker("a", "adviseur").mag("beheerder")
    assert not Gebruiker("a", "lezer").mag("adviseur")


@pytest.mark.parametrize("naam, wachtwoord, rol, tekst", [
    ("a", WACHTWOORD, "lezer", "gebruikersnaam"),
    ("anna bob", WACHTWOORD, "lezer", "gebruikersnaam"),
    ("anna", "kort", "lezer", "minstens 12"),
    ("anna", WACHTWOORD, "koning", "Onbekende rol"),
])
def test_weigert_slechte_invoer(gebruikers, naam, wachtwoord, rol, tekst) -> None:
    with pytest.raises(ScanFout, match=tekst):
        gebruikers.toevoegen(naam, wachtwoord, rol)
    assert gebruikers.lijst() == []


def test_dubbel_rol_en_verwijderen(gebruikers) -> None:
    gebruikers.toevoegen("anna", WACHTWOORD)
    with pytest.raises(ScanFout, match="bestaat al"):
        gebruikers.toevoegen("Anna", WACHTWOORD)
    assert gebruikers.zet_rol("anna", "beheerder") == Gebruiker("anna", "beheerder")
    gebruikers.verwijderen("anna")
    assert gebruikers.zoek("anna") is None
    with pytest.raises(ScanFout, match="bestaat niet"):
        gebruikers.verwijderen("anna")
    with pytest.raises(ScanFout, match="bestaat niet"):
        gebruikers.zet_rol("anna", "lezer")
