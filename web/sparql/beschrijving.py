"""The service description (SPARQL 1.1 Service Description) a GET without query returns.

Why: clients and people discover what the endpoint is, what it speaks and
which graphs it can query without reading our docs: the default graph is the
current scan version, and every graph a query may name (each version, each
fixed reference graph) is listed with its ``sd:name``.
"""
from __future__ import annotations

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
_FORMATS = Namespace("http://www.w3.org/ns/formats/")
_RESULTAATFORMATEN = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                      "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML")
#: Service description serialisations: (MIME type, rdflib format name).
FORMATEN = [("text/turtle", "turtle"), ("application/rdf+xml", "xml"),
            ("application/n-triples", "nt"), ("application/ld+json", "json-ld")]


def beschrijf(endpoint: str, grafen: list[str], huidige: str,
              persoonsgegevens: bool = False) -> Graph:
    """The description as a graph; ``huidige`` is the graph that is the default graph,
    ``grafen`` the graphs this visitor may name."""
    g = Graph()
    g.bind("sd", SD)
    dienst, dataset, standaard = URIRef(endpoint + "#dienst"), BNode(), BNode()
    g.add((dienst, RDF.type, SD.Service))
    g.add((dienst, SD.endpoint, URIRef(endpoint)))
    g.add((dienst, SD.supportedLanguage, SD.SPARQL11Query))
    for naam in _RESULTAATFORMATEN:
        g.add((dienst, SD.resultFormat, _FORMATS[naam]))
    g.add((dienst, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, SD.defaultGraph, standaard))
    g.add((standaard, RDF.type, SD.Graph))
    g.add((standaard, DCTERMS.source, URIRef(huidige)))
    g.add((standaard, DCTERMS.description,
           Literal("De huidige versie van de scan; een eerdere versie is te bevragen als "
                   "benoemde graaf of via default-graph-uri." + (
                       " Met persoonsgegevens (graaf …:personen van elke versie)."
                       if persoonsgegevens else
                       " Zonder persoonsgegevens: personen en verwijzingen naar personen "
                       "zijn afgeschermd."), lang="nl")))
    for uri in grafen:
        benoemd = BNode()
        g.add((dataset, SD.namedGraph, benoemd))
        g.add((benoemd, RDF.type, SD.NamedGraph))
        g.add((benoemd, SD.name, URIRef(uri)))
    return g

