"""Namespaces and fixed URIs of the 360-graden scan.

Kept in one place so the ontology, the werkboek contract, the checks and the
site agree on every term; a renamed term is a change here and in
``ontologie/`` only.
"""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD

#: The ontology (classes and properties), served at its namespace URI.
SCAN = Namespace("https://w3id.org/360-scan/def#")
#: Concepts of the fixed concept schemes: ``{DEF}{schema}/{code}``.
DEF = "https://w3id.org/360-scan/def/"
#: Columns a werkboek has beyond the contract, kept as annotations.
KOLOM = Namespace("https://w3id.org/360-scan/def/kolom#")
#: Default base of data URIs: ``{base}/id/{segment}/{id}``.
DEFAULT_BASE = "https://w3id.org/360-scan"
#: Named graphs the store keeps beside the version graphs.
GRAAF = Namespace("urn:graaf:")
#: Deprecated werkgebied value "every gemeente of the region", one URI for all regions;
#: ingest now links werkgebied ``regio`` to the initiative's own ``scan:Regio``. Kept so
#: versions written before regions existed still read (export maps both to ``regio``).
HELE_REGIO = SCAN.heleRegio

SH = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES = {
    "scan": str(SCAN),
    "kolom": str(KOLOM),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "org": str(ORG),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
}


def concept(schema: str, code: str) -> str:
    """URI of a concept in one of the fixed schemes (``status``, ``rol`` …)."""
    return f"{DEF}{schema}/{code}"


def sparql_prefixes() -> str:
    """PREFIX lines for queries written by hand (CLI, editor)."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
