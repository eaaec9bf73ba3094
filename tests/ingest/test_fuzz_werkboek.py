"""Fuzzing the werkboek reader (.xlsx): damaged files (bytes, and the XML parts inside
the zip) and cells of every type Excel can hold, through the whole validation.
Only ``ScanFout`` may come out, Dutch and located; findings are Dutch and located."""
from __future__ import annotations

import io
import tempfile
import zipfile
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzzhulp import VOLLEDIG, atheris, cases, toets_valideer
from ingest.contract import BLAD
from werkboeken import KLEIN, schrijf_xlsx

pytestmark = pytest.mark.volledig  # the full loop: GRAAF_VOLLEDIG=1 -m volledig

#: Snippets that are valid XML in some spot of a sheet and wrong in most.
STUKJES = ['<c r="A1" t="s"><v>999</v></c>', '<c r="ZZZZ1"><v>1</v></c>', '<row r="0">',
           '<row r="1048577"><c r="A1048577"><v>1</v></c></row>', ' t="n"><v>abc</v',
           '<v>1e999</v>', '<c r="B2" t="d"><v>2026-13-45</v></c>', '<c r="B2" t="e"><v>#DIV/0!</v></c>',
           '<c r="B2" t="b"><v>2</v></c>', '<c r="B2" s="999"><v>45000</v></c>', '<f>1/0</f>',
           '&amp;', '&bogus;', '<!--', ']]>', '<is><t>x</t></is>', '<si><t>x</t></si>',
           '<sheet name="x" sheetId="9" r:id="rId99"/>', '<dimension ref="A1:XFD1048576"/>',
           '\x00', '\ufeff', '<?xml version="1.1"?>', '<', '>', '"', ' ']


@cache
def _basis() -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return schrijf_xlsx(Path(tmp) / "w.xlsx", KLEIN).read_bytes()


@st.composite
def beschadigd(draw) -> bytes:
    """The tiny werkboek as .xlsx with damage: to the file, or to one XML part in it."""
    basis = _basis()
    if draw(st.integers(0, 3)) == 0:
        return _beschadig(draw, basis)
    with zipfile.ZipFile(io.BytesIO(basis)) as z:
        delen = {n: z.read(n) for n in z.namelist()}
    naam = draw(st.sampled_from(sorted(delen)))
    delen[naam] = _beschadig(draw, delen[naam])
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as z:
        for n, inhoud in delen.items():
            z.writestr(n, inhoud)
    return uit.getvalue()


def _beschadig(draw, inhoud: bytes) -> bytes:
    data = bytearray(inhoud)
    for _ in range(draw(st.integers(1, 4))):
        plek = draw(st.integers(0, len(data)))
        soort = draw(st.sampled_from(["flip", "weg", "erbij", "stukje", "kort"]))
        if soort == "flip" and plek < len(data):
            data[plek] ^= draw(st.integers(1, 255))
        elif soort == "weg":
            del data[plek:plek + draw(st.integers(1, 64))]
        elif soort == "erbij":
            data[plek:plek] = draw(st.binary(min_size=1, max_size=16))
        elif soort == "stukje":
            data[plek:plek] = draw(st.sampled_from(STUKJES)).encode()
        elif soort == "kort":
            del data[plek:]
    return bytes(data)


WAARDE = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(),
    st.decimals(allow_nan=False, allow_infinity=False, places=4),
    st.datetimes(min_value=datetime(1900, 1, 1)), st.dates(min_value=date(1900, 1, 1)),
    st.times(), st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=9999)),
    st.text(st.characters(exclude_categories=["Cc", "Cs"]), max_size=20),
    st.sampled_from(["=1/0", "=A1", "=NOW()", "ja", "nee", "2026-02-30", "hilversum", "wsp",
                     "regio", "lopend", "a;b", "125.000", "GM0402", "'=1", "https://x.nl"]))
KOLOMMEN = sorted({k for b in BLAD.values() for k in b.kolomnamen})


@st.composite
def met_cellen(draw) -> dict:
    """The tiny werkboek with some cells replaced by values of any Excel type."""
    rijen = {blad: [dict(r) for r in data] for blad, data in KLEIN.items()}
    for _ in range(draw(st.integers(1, 6))):
        blad = draw(st.sampled_from(sorted(rijen)))
        index = draw(st.integers(0, len(rijen[blad])))
        if index == len(rijen[blad]):
            rijen[blad].append({})
        rijen[blad][index][draw(st.sampled_from(KOLOMMEN))] = draw(WAARDE)
    return rijen


@cases(standaard=60, volledig=2500)
@given(inhoud=beschadigd())
def test_beschadigd_xlsx_geeft_alleen_nederlandse_meldingen(inhoud):
    with tempfile.TemporaryDirectory() as tmp:
        pad = Path(tmp) / "werkboek.xlsx"
        pad.write_bytes(inhoud)
        toets_valideer(pad)


@cases(standaard=30, volledig=1500)
@given(rijen=met_cellen())
def test_xlsx_cellen_van_elk_type_geven_alleen_nederlandse_meldingen(rijen):
    with tempfile.TemporaryDirectory() as tmp:
        toets_valideer(schrijf_xlsx(Path(tmp) / "werkboek.xlsx", rijen))


@pytest.mark.skipif(not VOLLEDIG, reason="coverage-guided fuzzing runs in the full run "
                                         "(GRAAF_VOLLEDIG=1)")
def test_beschadigd_xlsx_onder_atheris():
    atheris(Path(__file__), "test_beschadigd_xlsx_geeft_alleen_nederlandse_meldingen", runs=1000)
