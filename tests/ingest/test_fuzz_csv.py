"""Fuzzing the CSV reader (``ingest.lezen``) through the whole validation: a werkboek
folder or .zip whose files, headers and cells are generated; 0 uncaught exceptions,
only ``ScanFout`` out, every refusal and finding Dutch and located."""
from __future__ import annotations

import csv
import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzzhulp import VOLLEDIG, atheris, cases, toets_valideer
from ingest.contract import BLAD
from werkboeken import KLEIN

pytestmark = pytest.mark.volledig  # the full loop: GRAAF_VOLLEDIG=1 -m volledig

#: Values that mean something to some column (ids, enums, dates, numbers, formulas).
BETEKENISVOL = ["", " ", "ja", "nee", "Ja", "2026-02-30", "2026-13-01", "0000-01-01",
                "125.000", "12,5", "€ 5", "-0", "1e999", "NaN", "inf", "=SUM(A1)", "'=1",
                "+31", "@x", "-", "'", "''", "regio", "hilversum", "huizen", "uwv", "wsp",
                "rmt", "hoofddoel", "subdoel-1", "matching", "jongeren", "p-jansen",
                "a;b;;c", ";", "GM0402", "GM99999", "https://x.nl", "http://", "https:// x",
                "lopend", "opgegaan-in", "gestopt", "subdoel", "gemeente", "x" * 300,
                "\x00", "\ufeff", "\u200b", "\r\n", '"', 'a"b', "\t", "é", "İ", "ß", "\U0001f600"]
CEL = st.one_of(st.sampled_from(BETEKENISVOL), st.text(max_size=20),
                st.from_regex(r"[a-z0-9-]{1,12}", fullmatch=True),
                st.integers().map(str), st.floats().map(str))
KOLOMMEN = sorted({k for b in BLAD.values() for k in b.kolomnamen})
BLADNAMEN = st.one_of(st.sampled_from(sorted(BLAD)), st.text(
    st.characters(codec="ascii", categories=["L", "N"]), min_size=1, max_size=12))


@st.composite
def werkboek(draw) -> dict[str, bytes]:
    """The example's tiny werkboek, changed here and there; as the bytes of each file."""
    rijen = {blad: [dict(r) for r in data] for blad, data in KLEIN.items()
             if draw(st.booleans()) or blad in ("organisaties", "initiatieven")}
    for _ in range(draw(st.integers(0, 6))):
        blad = draw(BLADNAMEN)
        data = rijen.setdefault(blad, [])
        index = draw(st.integers(0, len(data)))
        if index == len(data):
            data.append({"id": draw(CEL)})
        kolom = draw(st.one_of(st.sampled_from(KOLOMMEN), st.text(max_size=8)))
        data[index][kolom] = draw(CEL)
    scheiding = draw(st.sampled_from([",", ";", "\t"]))
    codering = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-8", "latin-1", "utf-16"]))
    return {naam: _csv(data, scheiding).encode(codering, errors="replace")
            for naam, data in rijen.items()}


def _csv(data: list[dict[str, str]], scheiding: str) -> str:
    kop = list(dict.fromkeys(k for r in data for k in r)) or ["id"]
    uit = io.StringIO()
    w = csv.DictWriter(uit, fieldnames=kop, delimiter=scheiding)
    w.writeheader()
    w.writerows(data)
    return uit.getvalue()


RUW = st.dictionaries(BLADNAMEN, st.binary(max_size=300), min_size=1, max_size=3)


def _schrijf(bestanden: dict[str, bytes], als_zip: bool, map_: Path) -> Path:
    if als_zip:
        doel = map_ / "werkboek.zip"
        with zipfile.ZipFile(doel, "w") as z:
            for naam, inhoud in bestanden.items():
                z.writestr(f"{naam}.csv", inhoud)
        return doel
    (map_ / "werkboek").mkdir()
    for naam, inhoud in bestanden.items():
        (map_ / "werkboek" / f"{naam}.csv").write_bytes(inhoud)
    return map_ / "werkboek"


@cases(standaard=100, volledig=3000)
@given(bestanden=st.one_of(werkboek(), RUW), als_zip=st.booleans())
def test_csv_werkboek_geeft_alleen_nederlandse_meldingen(bestanden, als_zip):
    with tempfile.TemporaryDirectory() as tmp:
        toets_valideer(_schrijf(bestanden, als_zip, Path(tmp)))


@pytest.mark.skipif(not VOLLEDIG, reason="coverage-guided fuzzing runs in the full run "
                                         "(GRAAF_VOLLEDIG=1)")
def test_csv_werkboek_onder_atheris():
    atheris(Path(__file__), "test_csv_werkboek_geeft_alleen_nederlandse_meldingen", runs=2000)
