"""Two beheerders uploading at the same time, over real HTTP on 127.0.0.1.

What a user would notice if this broke: a version that holds half of one
werkboek and half of the other, or a version credited to the wrong person.
The rule is: the uploads land one after the other, or the later confirm is
refused with a Dutch message and changes nothing. Each resulting version's
N-Quads dump is compared with what its werkboek alone gives.
"""
from __future__ import annotations

import http.cookiejar
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter
from pathlib import Path

import pytest

import ingest
from graaf import config
from graaf.store import Store
from werkboeken import KLEIN, met, schrijf_xlsx

WACHTWOORD = "gelijktijdig-wachtwoord-lang"
GEWIJZIGD = "De scan is intussen gewijzigd; laad het werkboek opnieuw."
GRAAFNAAM = re.compile(r" <[^>]*> \.$")


class _NietDoorsturen(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # a 303 is an answer we want to see
        return None


class Sessie:
    """One browser-like user: its own cookies (session, CSRF) on the real server."""

    def __init__(self, basis: str) -> None:
        self.basis = basis
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NietDoorsturen())

    def vraag(self, pad: str, data: bytes | None = None,
              soort: str = "application/x-www-form-urlencoded") -> tuple[int, str]:
        verzoek = urllib.request.Request(self.basis + pad, data=data,
                                         headers={"Content-Type": soort} if data else {})
        try:
            with self.opener.open(verzoek, timeout=60) as antwoord:
                return antwoord.status, antwoord.read().decode("utf-8")
        except urllib.error.HTTPError as fout:
            return fout.code, fout.read().decode("utf-8", "replace")

    def token(self, pad: str = "/inloggen") -> str:
        return re.search(r'name="csrf_token" value="([^"]+)"', self.vraag(pad)[1]).group(1)

    def post(self, pad: str, velden: dict[str, str]) -> tuple[int, str]:
        velden = {"csrf_token": self.token(), **velden}
        return self.vraag(pad, urllib.parse.urlencode(velden).encode())

    def upload(self, pad: Path) -> tuple[int, str]:
        grens = uuid.uuid4().hex
        delen = [f'--{grens}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n'
                 f"{self.token('/beheer/upload')}\r\n".encode(),
                 f'--{grens}\r\nContent-Disposition: form-data; name="bestand"; '
                 f'filename="{pad.name}"\r\nContent-Type: application/octet-stream\r\n\r\n'
                 .encode() + pad.read_bytes() + b"\r\n", f"--{grens}--\r\n".encode()]
        return self.vraag("/beheer/upload", b"".join(delen), f"multipart/form-data; boundary={grens}")

    def bevestig(self, voorbeeld_html: str) -> tuple[int, str]:
        token = re.search(r"/beheer/upload/([A-Za-z0-9_-]+)/bevestig", voorbeeld_html).group(1)
        return self.post(f"/beheer/upload/{token}/bevestig", {})


@pytest.fixture(scope="module")
def server(eigen_site):
    """The site under waitress (8 threads) on its own store, KLEIN as version 1."""
    from waitress import create_server

    app = eigen_site("gelijktijdig", TESTING=False)
    srv = create_server(app, host="127.0.0.1", port=0, threads=8)
    draad = threading.Thread(target=srv.run, daemon=True)
    draad.start()
    yield app, f"http://127.0.0.1:{srv.effective_port}"
    srv.close()
    srv.task_dispatcher.shutdown()


def _beheerder(app, basis: str) -> tuple[str, Sessie]:
    naam = f"beheerder-{uuid.uuid4().hex[:6]}"
    app.extensions["gebruikers"].toevoegen(naam, WACHTWOORD, "beheerder")
    sessie = Sessie(basis)
    status, _ = sessie.post("/inloggen", {"gebruikersnaam": naam, "wachtwoord": WACHTWOORD})
    assert status == 303
    return naam, sessie


def _werkboeken(map_: Path) -> dict[str, Path]:
    """Two werkboeken that differ in several sheets, so a mixture would show."""
    a = met(met(KLEIN, "initiatieven", 0, naam="WSP volgens A", budget_eur="1"),
            "organisaties", 3, id="org-a", naam="Alleen in A", soort="uwv")
    b = met(met(KLEIN, "initiatieven", 1, naam="RMT volgens B", status="lopend", eind=""),
            "doelgroepen", 2, id="alleen-b", naam="Alleen in B", bovenliggend="werkzoekenden")
    return {"a": schrijf_xlsx(map_ / "a.xlsx", a), "b": schrijf_xlsx(map_ / "b.xlsx", b)}


def _regels(nquads: bytes) -> Counter:
    """A dump's statements without the version's graph name (that differs per version)."""
    return Counter(GRAAFNAAM.sub(" .", r) for r in nquads.decode("utf-8").splitlines() if r)


def _verwacht(pad: Path) -> Counter:
    """What this werkboek alone gives as a version, in a store of its own."""
    eigen = Store()
    eigen.nieuwe_versie(ingest.lees(pad, config.base_uri(None)).ntriples(), door="verwacht")
    return _regels(eigen.dump(1, "nq"))


def _tegelijk(*taken):
    """Run the callables in threads released together; their results in order."""
    start = threading.Barrier(len(taken))
    uitkomsten: list = [None] * len(taken)

    def doe(i, taak):
        start.wait()
        uitkomsten[i] = taak()
    draden = [threading.Thread(target=doe, args=(i, t)) for i, t in enumerate(taken)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(120)
    return uitkomsten


def test_twee_bevestigingen_tegelijk_een_wint_de_ander_geweigerd(server, tmp_path):
    app, basis = server
    scan = app.extensions["scan"]
    boeken = _werkboeken(tmp_path)
    mensen = {k: _beheerder(app, basis) for k in boeken}
    voor = scan.huidige().nummer
    voorbeelden = _tegelijk(*(lambda k=k: mensen[k][1].upload(boeken[k]) for k in boeken))
    assert [s for s, _ in voorbeelden] == [200, 200]
    bevestigd = dict(zip(boeken, _tegelijk(*(
        lambda k=k, v=v: mensen[k][1].bevestig(v[1]) for k, v in zip(boeken, voorbeelden)))))
    assert sorted(s for s, _ in bevestigd.values()) == [303, 409]
    winnaar = next(k for k, (s, _) in bevestigd.items() if s == 303)
    verliezer = next(k for k in boeken if k != winnaar)
    assert GEWIJZIGD in bevestigd[verliezer][1]
    assert scan.huidige().nummer == voor + 1
    assert (scan.huidige().door, scan.huidige().bronbestand) == (mensen[winnaar][0],
                                                                 boeken[winnaar].name)
    assert _regels(scan.dump(voor + 1, "nq")) == _verwacht(boeken[winnaar])
    # the refused one loads again, now on top of the winner's version
    status, html = mensen[verliezer][1].upload(boeken[verliezer])
    assert status == 200 and mensen[verliezer][1].bevestig(html)[0] == 303
    assert scan.huidige().door == mensen[verliezer][0]
    assert _regels(scan.dump(voor + 2, "nq")) == _verwacht(boeken[verliezer])


def test_hele_uploads_tegelijk_herhaald_geven_alleen_hele_versies(server, tmp_path):
    """Upload + confirm by both at once, five rounds, retrying after a refusal."""
    app, basis = server
    scan = app.extensions["scan"]
    boeken = _werkboeken(tmp_path)
    verwacht = {k: _verwacht(p) for k, p in boeken.items()}
    mensen = {k: _beheerder(app, basis) for k in boeken}
    voor = scan.huidige().nummer

    def laad_tot_gelukt(k: str) -> list[int]:
        statussen = []
        for _ in range(4):
            status, html = mensen[k][1].upload(boeken[k])
            assert status == 200, html[:500]
            status, html = mensen[k][1].bevestig(html)
            statussen.append(status)
            if status == 303:
                return statussen
            assert status == 409 and GEWIJZIGD in html
        return statussen

    rondes = [_tegelijk(*(lambda k=k: laad_tot_gelukt(k) for k in boeken)) for _ in range(5)]
    gelukt = sum(s.count(303) for ronde in rondes for s in ronde)
    assert gelukt == 10  # every round both land, one after the other
    nieuwe = [v for v in scan.versies() if v.nummer > voor]
    assert len(nieuwe) == gelukt
    door = {mensen[k][0]: k for k in boeken}
    for versie in nieuwe:
        k = door[versie.door]
        assert versie.bronbestand == boeken[k].name
        assert _regels(scan.dump(versie.nummer, "nq")) == verwacht[k], \
            f"versie {versie.nummer} is niet precies werkboek {k}"


def test_dubbelklik_op_bevestigen_geeft_een_versie(server, tmp_path):
    """The same preview confirmed twice at once (a double click): one version, no error page."""
    app, basis = server
    scan = app.extensions["scan"]
    boeken = _werkboeken(tmp_path)
    naam, sessie = _beheerder(app, basis)
    voor = scan.huidige().nummer
    status, html = sessie.upload(boeken["a"])
    assert status == 200
    uitkomsten = _tegelijk(lambda: sessie.bevestig(html), lambda: sessie.bevestig(html))
    statussen = sorted(s for s, _ in uitkomsten)
    assert statussen[0] == 303 and statussen[1] in (404, 409), statussen
    tweede = next(t for s, t in uitkomsten if s != 303)
    assert GEWIJZIGD in tweede or "Laad het werkboek opnieuw" in tweede
    assert scan.huidige().nummer == voor + 1 and scan.huidige().door == naam
    assert _regels(scan.dump(voor + 1, "nq")) == _verwacht(boeken["a"])
