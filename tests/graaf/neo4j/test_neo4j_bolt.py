"""The sync through the official ``neo4j`` driver: errors a user can act on, and a live
run when a server is given. No Neo4j server is installable on this machine (not from
PyPI, Debian or npm), so the live test runs only where NEO4J_URI points at one."""
from __future__ import annotations

import os
import socket

import pytest

from graaf.neo4j.sync import Neo4jUitvoerder, synchroniseer


def _gesloten_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the block ends: nothing listens


def test_unreachable_server_gives_a_dutch_message_and_exit_code_1(graaf_cli, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "geheim-wachtwoord")
    uit = graaf_cli("export", "--neo4j", f"bolt://127.0.0.1:{_gesloten_poort()}")
    assert uit.exit_code == 1
    assert "niet bereikbaar" in uit.output and "Traceback" not in uit.output
    assert "geheim-wachtwoord" not in uit.output


def test_addresses_that_are_not_bolt_or_carry_a_password_are_refused(graaf_cli):
    uit = graaf_cli("export", "--neo4j", "http://127.0.0.1:7474")
    assert uit.exit_code == 1 and "geen Neo4j-adres" in uit.output
    uit = graaf_cli("export", "--neo4j", "bolt://neo4j:geheim@127.0.0.1:7687")
    assert uit.exit_code == 1 and "NEO4J_PASSWORD" in uit.output
    assert "geheim" not in uit.output.replace("NEO4J_PASSWORD", "")


def test_batch_size_must_be_positive(graaf_cli):
    uit = graaf_cli("export", "--neo4j", f"bolt://127.0.0.1:{_gesloten_poort()}", "--batch", "0")
    assert uit.exit_code == 1 and "--batch" in uit.output


def test_exactly_one_export_target(graaf_cli, tmp_path):
    uit = graaf_cli("export", "--format", "ttl", "--neo4j-csv", str(tmp_path))
    assert uit.exit_code == 1 and "precies één" in uit.output
    assert graaf_cli("export").exit_code == 1


@pytest.mark.skipif(not os.environ.get("NEO4J_URI"),
                    reason="NEO4J_URI is not set: no Neo4j server can be installed on this "
                           "machine, so the live sync runs only against a server you provide")
def test_live_sync_twice_gives_the_rdf_counts(voorbeeld_projectie):
    """Writes into the database NEO4J_URI points at (use a throwaway one)."""
    doel = Neo4jUitvoerder(os.environ["NEO4J_URI"], os.environ.get("NEO4J_DATABASE"))
    try:
        eerste = synchroniseer(voorbeeld_projectie, doel, batch=100, verwijder=True)
        tweede = synchroniseer(voorbeeld_projectie, doel, batch=100, verwijder=True)
    finally:
        doel.close()
    assert (eerste.labels, eerste.typen) == (tweede.labels, tweede.typen)
    assert tweede.labels["Ding"] == len(voorbeeld_projectie.knopen)
    assert sum(tweede.typen.values()) == len(voorbeeld_projectie.relaties)
    assert tweede.verwijderd == 0
