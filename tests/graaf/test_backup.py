"""``graaf backup`` / ``graaf restore``: a restored store answers exactly like the original,
a damaged backup is refused before anything changes, and backing up works while
another process (the site) has the store open and is reading."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graaf.cli import main

PEILDATUM = "2026-01-01"
WACHTWOORD = "correct-paard-batterij-nietje"


def graaf(store: Path, *args: str, invoer: str | None = None):
    return CliRunner().invoke(main, ["--store", str(store), *args], input=invoer)


def _wat_een_gebruiker_ziet(store: Path) -> tuple[str, str, str]:
    """The checks, the version history and the accounts, as the CLI prints them."""
    uit = tuple(graaf(store, *args) for args in (
        ("check", "--json", "--peildatum", PEILDATUM), ("versies", "--json"),
        ("gebruiker", "lijst")))
    assert all(r.exit_code == 0 for r in uit), [r.output for r in uit]
    return tuple(r.output for r in uit)


@pytest.fixture(scope="module")
def sjabloon(tmp_path_factory) -> Path:
    """A store with the example scan (version 1), a restored copy of it (version 2)
    and an account."""
    store = tmp_path_factory.mktemp("sjabloon") / "store"
    assert graaf(store, "herstel", "1").exit_code == 0
    assert graaf(store, "gebruiker", "toevoegen", "beheer", "--rol", "beheerder",
                 "--wachtwoord-stdin", invoer=WACHTWOORD + "\n").exit_code == 0
    return store


@pytest.fixture
def opslag(sjabloon, tmp_path) -> Path:
    return Path(shutil.copytree(sjabloon, tmp_path / "store"))


def test_restore_in_lege_opslag_geeft_dezelfde_uitkomsten(opslag, tmp_path):
    verwacht = _wat_een_gebruiker_ziet(opslag)
    r = graaf(opslag, "backup", str(tmp_path / "backup"))
    assert r.exit_code == 0, r.output
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert [v["nummer"] for v in manifest["versies"]] == [1, 2]
    assert len(manifest["bestanden"]["gebruikers.sqlite"]) == 64  # a sha256 per file

    r = graaf(tmp_path / "leeg", "restore", str(tmp_path / "backup"))
    assert r.exit_code == 0, r.output
    assert _wat_een_gebruiker_ziet(tmp_path / "leeg") == verwacht
    assert "bewaard" not in r.output  # there was no store to keep


def test_restore_over_bestaande_opslag_bewaart_de_vorige(opslag, tmp_path):
    graaf(opslag, "backup", str(tmp_path / "backup"))
    verwacht = _wat_een_gebruiker_ziet(opslag)
    assert graaf(opslag, "herstel", "1").exit_code == 0  # version 3: changed since the backup
    r = graaf(opslag, "restore", str(tmp_path / "backup"))
    assert r.exit_code == 0, r.output
    assert _wat_een_gebruiker_ziet(opslag) == verwacht
    bewaard = [p for p in tmp_path.iterdir() if p.name.startswith("store.voor-restore-")]
    assert len(bewaard) == 1 and str(bewaard[0]) in r.output
    assert '"nummer": 3' in graaf(bewaard[0], "versies", "--json").output


@pytest.mark.parametrize("schade", ["tabelbestand", "manifest", "extra bestand", "weg"])
def test_beschadigde_backup_wordt_geweigerd_en_niets_gewijzigd(schade, opslag, tmp_path):
    backup = tmp_path / "backup"
    graaf(opslag, "backup", str(backup))
    if schade == "tabelbestand":
        sst = sorted((backup / "oxigraph").glob("*.sst"))[0]
        inhoud = bytearray(sst.read_bytes())
        inhoud[len(inhoud) // 2] ^= 0xFF
        sst.write_bytes(bytes(inhoud))
        verwacht = f"'oxigraph/{sst.name}' is gewijzigd of beschadigd"
    elif schade == "manifest":
        (backup / "manifest.json").write_text("{niet af", encoding="utf-8")
        verwacht = "manifest.json ontbreekt of is beschadigd"
    elif schade == "extra bestand":
        (backup / "oxigraph" / "999999.sst").write_bytes(b"x")
        verwacht = "'oxigraph/999999.sst' staat niet in het manifest"
    else:
        (backup / "gebruikers.sqlite").unlink()
        verwacht = "'gebruikers.sqlite' ontbreekt"
    graaf(opslag, "herstel", "1")
    voor = _wat_een_gebruiker_ziet(opslag)
    r = graaf(opslag, "restore", str(backup))
    assert r.exit_code == 1 and verwacht in r.output and "Er is niets gewijzigd" in r.output
    assert _wat_een_gebruiker_ziet(opslag) == voor
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup", "store"]  # no leftovers


def test_backup_in_bestaande_volle_map_wordt_geweigerd(opslag, tmp_path):
    (tmp_path / "vol").mkdir()
    (tmp_path / "vol" / "iets.txt").write_text("van iemand anders")
    r = graaf(opslag, "backup", str(tmp_path / "vol"))
    assert r.exit_code == 1 and "niet leeg" in r.output
    assert [p.name for p in (tmp_path / "vol").iterdir()] == ["iets.txt"]


LEZER = """
import sys, time
from graaf.store import Store
store = Store(sys.argv[1])
print("open", flush=True)
n = 0
while not sys.stdin.closed and time.sleep(0.001) is None:
    store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    n += 1
    if n % 50 == 0:
        print(n, flush=True)
"""


def test_backup_terwijl_een_lezer_de_opslag_open_heeft(opslag, tmp_path):
    verwacht = _wat_een_gebruiker_ziet(opslag)
    proc = subprocess.Popen([sys.executable, "-c", LEZER, str(opslag)], text=True,
                            stdout=subprocess.PIPE, stdin=subprocess.PIPE)
    try:
        assert proc.stdout.readline().strip() == "open"
        r = graaf(opslag, "backup", str(tmp_path / "backup"))
        assert r.exit_code == 0, r.output
        assert int(proc.stdout.readline()) > 0  # still reading after the backup
        r = graaf(opslag, "restore", str(tmp_path / "backup"))  # not while it is open
        assert r.exit_code == 1 and "in gebruik" in r.output, r.output
    finally:
        proc.kill()
        proc.wait()
    r = graaf(tmp_path / "terug", "restore", str(tmp_path / "backup"))
    assert r.exit_code == 0, r.output
    assert _wat_een_gebruiker_ziet(tmp_path / "terug") == verwacht
