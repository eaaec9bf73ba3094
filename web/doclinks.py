"""Links from overview pages to the page of one thing: ``/doc/{segment}/{id}``.

The segment comes from the werkboek contract (``Blad.segment``), so a link
is right for every sheet without knowing the entity pages' code; the
overview blueprints install ``doc_pad`` as a template global.
"""
from __future__ import annotations

from urllib.parse import quote

from flask import Blueprint, request

from ingest.contract import BLAD


def doc_pad(blad: str, id_: str) -> str:
    """The site path of the page about row ``id_`` of sheet ``blad`` (e.g. "initiatieven")."""
    return f"{request.script_root}/doc/{BLAD[blad].segment}/{quote(id_, safe='')}"


def installeer(bp: Blueprint) -> None:
    bp.add_app_template_global(doc_pad)
