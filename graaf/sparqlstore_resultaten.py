"""Results of the remote store: SPARQL JSON in, rdflib terms or plain strings out.

The server's JSON is read into the same shapes the embedded store gives
(``xsd:string`` literals without datatype, blank nodes by label), and tables
are written again by rdflib (JSON, XML, CSV) or here (TSV), so the endpoint
answers in one style whichever engine runs: Virtuoso's own serialisations
carry extras (``"link": []``, ``typed-literal``, ``nodeID://`` labels).
"""
from __future__ import annotations

import json

from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import XSD
from rdflib.query import Result
from rdflib.term import Node

from graaf.fouten import ScanFout
from graaf.rijlimiet import toets_rijen

_XSD_STRING = str(XSD.string)
_BNODE_VOORVOEGSEL = "nodeID://"


def lees_json(inhoud: bytes) -> dict:
    try:
        return json.loads(inhoud)
    except ValueError as e:
        raise ScanFout(f"De SPARQL-server gaf geen geldige JSON-resultaten: {e}") from None


def naar_term(waarde: dict) -> Node:
    """One SPARQL JSON term (also Virtuoso's older ``typed-literal``) as an rdflib term."""
    soort, tekst = waarde["type"], waarde["value"]
    if soort == "uri":
        return URIRef(tekst)
    if soort == "bnode":
        return BNode(tekst.removeprefix(_BNODE_VOORVOEGSEL))
    taal, dt = waarde.get("xml:lang"), waarde.get("datatype")
    if taal:
        return Literal(tekst, lang=taal)
    return Literal(tekst, datatype=URIRef(dt) if dt and dt != _XSD_STRING else None)


def variabelen(resultaat: dict) -> list[str]:
    return list(resultaat.get("head", {}).get("vars", []))


def rijen(resultaat: dict) -> list[dict[str, Node]]:
    return [{n: naar_term(w) for n, w in b.items()}
            for b in resultaat.get("results", {}).get("bindings", [])]


def teksten(resultaat: dict) -> list[dict[str, str]]:
    """Rows as lexical values, like the embedded store's ``waarden`` (blank nodes by label)."""
    uit = []
    for b in resultaat.get("results", {}).get("bindings", []):
        uit.append({n: (w["value"].removeprefix(_BNODE_VOORVOEGSEL) if w["type"] == "bnode"
                        else w["value"]) for n, w in b.items()})
    return uit


def graaf_uit(ntriples: bytes) -> Graph:
    g = Graph()
    g.parse(data=ntriples, format="nt")
    return g


def schrijf_tabel(resultaat: dict, formaat: str, max_rijen: int | None = None) -> bytes:
    """A SELECT/ASK result in json, xml, csv or tsv; refused whole past ``max_rijen``."""
    if "boolean" in resultaat:
        r = Result("ASK")
        r.askAnswer = bool(resultaat["boolean"])
        if formaat in ("csv", "tsv"):
            return b"true\n" if r.askAnswer else b"false\n"
        return r.serialize(format=formaat) or b""
    namen = variabelen(resultaat)
    alle = rijen(resultaat)
    if max_rijen is not None:
        toets_rijen(len(alle), max_rijen)
    if formaat == "tsv":
        return _tsv(namen, alle)
    r = Result("SELECT")
    r.vars = [Variable(n) for n in namen]
    r.bindings = [{Variable(n): t for n, t in rij.items()} for rij in alle]
    return r.serialize(format=formaat, encoding="utf-8") or b""


def _tsv(namen: list[str], alle: list[dict[str, Node]]) -> bytes:
    """SPARQL 1.1 TSV: terms in Turtle syntax, tabs and newlines escaped."""
    regels = ["\t".join(f"?{n}" for n in namen)]
    for rij in alle:
        regels.append("\t".join(
            rij[n].n3().replace("\t", "\\t") if n in rij else "" for n in namen))
    return ("\n".join(regels) + "\n").encode("utf-8")
