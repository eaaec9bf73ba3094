"""kill -9 of the Virtuoso server during an ingest: the previous version stays current.

A version becomes current only through the ONE metadata update at the end of
``SparqlStore.nieuwe_versie``. The server is killed (SIGKILL, its own PID)
at two points of an ingest: while the new version's graph is being uploaded
in chunks, and right before the metadata update. After a restart (Virtuoso
replays its transaction log) the current version and its dump are exactly
as before, and the next ingest writes the new version over the orphan.

This module's own server also keeps Virtuoso's habit of cutting results at
``ResultSetMaxRows`` (set to 1000 here, 10,000 by default): whole versions
are then read in pages, and any other cut result is refused, never used.
"""
from __future__ import annotations

import pytest

import virtuoso as v
from graaf.opslag import open_store
from graaf.scan import VOORBEELD, laad
from graaf.sparqlstore_http import Afgekapt, SparqlHttp
from graaf.store import Store


def _groot(n: int) -> bytes:
    """N-Triples big enough for several upload chunks (graaf.sparqlstore._BROK)."""
    return b"".join(b'<urn:x:%d> <urn:p> "waarde %d met wat tekst erbij, om de regel '
                    b'langer te maken" .\n' % (i, i) for i in range(n))


@pytest.fixture(scope="module")
def eigen_virtuoso(tmp_path_factory):
    """A Virtuoso of this module only: the session's one is not killed under others."""
    if not v.beschikbaar():
        pytest.skip("Virtuoso ontbreekt (scripts/testomgeving)")
    server = v.Virtuoso(tmp_path_factory.mktemp("virtuoso-kill"), max_rijen=1000)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.mark.parametrize("moment", ["tijdens-upload", "voor-de-omschakeling"])
def test_kill_tijdens_ingest_laat_vorige_versie_huidig(eigen_virtuoso, monkeypatch, moment):
    server = eigen_virtuoso
    v.leeg(server)
    store = open_store(server.spec, v.GEBRUIKER, server.wachtwoord)
    laad(store, VOORBEELD, door="test")
    vorige, voor = store.huidige(), store.dump(formaat="nq")
    gedood = []

    def dood() -> None:
        server.kill()
        gedood.append(moment)

    erbij, update = SparqlHttp.graaf_erbij, SparqlHttp.update

    def erbij_dan_dood(self, graaf, nt):
        erbij(self, graaf, nt)
        if moment == "tijdens-upload" and not gedood:
            dood()  # the first chunk is in; the rest of the upload never arrives

    def dood_voor_omschakeling(self, tekst):
        if moment == "voor-de-omschakeling" and "<urn:graaf:versies>" in tekst:
            dood()
        update(self, tekst)

    monkeypatch.setattr(SparqlHttp, "graaf_erbij", erbij_dan_dood)
    monkeypatch.setattr(SparqlHttp, "update", dood_voor_omschakeling)
    with pytest.raises(Exception):
        store.nieuwe_versie(_groot(120_000), door="test")
    assert gedood == [moment]
    monkeypatch.undo()

    server.start(eerste_keer=False)
    opnieuw = open_store(server.spec, v.GEBRUIKER, server.wachtwoord)
    assert opnieuw.huidige() == vorige
    assert opnieuw.dump(formaat="nq") == voor
    # the next ingest takes the orphan's number and leaves nothing of it behind
    nieuw = opnieuw.nieuwe_versie(b"<urn:a> <urn:b> <urn:c> .\n", door="test")
    assert (nieuw.nummer, nieuw.triples, len(opnieuw.graaf())) == (vorige.nummer + 1, 1, 1)


def test_afgekapte_resultaten_worden_gepagineerd_of_geweigerd(eigen_virtuoso):
    v.leeg(eigen_virtuoso)
    store = open_store(eigen_virtuoso.spec, v.GEBRUIKER, eigen_virtuoso.wachtwoord)
    laad(store, VOORBEELD, door="test")
    ingebed = Store()
    laad(ingebed, VOORBEELD, door="test")
    assert store.huidige().triples > 2000  # over the server's limit of 1000 rows
    assert sorted(store.dump(formaat="nt").splitlines()) == \
        sorted(ingebed.dump(formaat="nt").splitlines())
    assert store.graaf().isomorphic(ingebed.graaf())
    with pytest.raises(Afgekapt, match="ResultSetMaxRows"):
        store.waarden("SELECT * WHERE { ?s ?p ?o }")
    klein = "SELECT ?s WHERE { ?s a <https://w3id.org/360-scan/def#Regio> }"
    assert store.waarden(klein) == ingebed.waarden(klein)
