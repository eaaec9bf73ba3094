"""Every statement the sync can send parses as Cypher, checked without a server.

Data statements against the openCypher grammar (``antlr4-cypher``); the one
schema command, which openCypher does not cover, against the syntax in the
Cypher Manual ("Create constraints": ``CREATE CONSTRAINT [name] [IF NOT EXISTS]
FOR (n:Label) REQUIRE n.property IS UNIQUE``).
"""
from __future__ import annotations

import re

from antlr4 import CommonTokenStream, InputStream
from antlr4.error.ErrorListener import ErrorListener
from antlr4_cypher import CypherLexer, CypherParser

from graaf.neo4j import cypher


class _Fouten(ErrorListener):
    def __init__(self) -> None:
        self.lijst: list[str] = []

    def syntaxError(self, recognizer, symbol, regel, kolom, melding, e):  # noqa: N802
        self.lijst.append(f"{regel}:{kolom} {melding}")


def syntaxfouten(tekst: str) -> list[str]:
    fouten = _Fouten()
    lexer = CypherLexer(InputStream(tekst))
    parser = CypherParser(CommonTokenStream(lexer))
    for deel in (lexer, parser):
        deel.removeErrorListeners()
        deel.addErrorListener(fouten)
    parser.script()
    return fouten.lijst


def test_the_checker_rejects_broken_cypher():
    assert syntaxfouten("MATCH (n) RETRUN n")
    assert syntaxfouten(cypher.knoop_tekst(("Concept",)).replace("SET n =", "SET n =="))


def test_every_generated_statement_parses(voorbeeld_projectie):
    teksten = {o.tekst for o in cypher.schrijf_opdrachten(voorbeeld_projectie)}
    aanwezig = {"x": ["Ding"], next(iter(voorbeeld_projectie.knopen)): ["Ding", "Oud", "Ouder"]}
    teksten |= {o.tekst for o in cypher.verwijder_opdrachten(voorbeeld_projectie, aanwezig)}
    teksten |= {cypher.ALLE_URIS, cypher.TEL_LABELS, cypher.TEL_TYPEN}
    teksten.discard(cypher.CONSTRAINT)
    assert len(teksten) > 30
    assert {t: syntaxfouten(t) for t in teksten if syntaxfouten(t)} == {}


def test_constraint_follows_the_documented_syntax():
    vorm = (r"CREATE CONSTRAINT (?:\w+ )?(?:IF NOT EXISTS )?FOR \((\w+):(\w+)\) "
            r"REQUIRE \1\.(\w+) IS UNIQUE")
    assert re.fullmatch(vorm, cypher.CONSTRAINT).groups()[1:] == ("Ding", "uri")
