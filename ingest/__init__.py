"""Loading and validating the scan-werkboek (xlsx, csv folder or zip) and Turtle.

``valideer`` reports every finding without writing anything; ``lees`` returns
the graph of a valid input or raises ``ScanFout`` carrying all findings, so a
caller can only write a version after a clean read.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from graaf.fouten import Bevinding, ScanFout
from graaf.vocab import DEFAULT_BASE
from ingest.ntriples import Triples


#: RDF inputs; the unsafe ones among them are refused by ``ingest.turtle``.
RDF_SUFFIXEN = (".ttl", ".nt", ".nq", ".trig", ".rdf", ".owl", ".xml", ".jsonld", ".json")


@dataclass
class Resultaat:
    """A read input: its triples (werkboek: N-Triples lines; RDF: a Graph) and findings."""

    inhoud: "Triples | Graph"
    bevindingen: list[Bevinding]

    @property
    def graaf(self) -> Graph:
        """As an rdflib Graph (built on demand: costly for big werkboeken)."""
        return self.inhoud if isinstance(self.inhoud, Graph) else self.inhoud.graaf()

    def ntriples(self) -> bytes:
        if isinstance(self.inhoud, Graph):
            return self.inhoud.serialize(format="nt", encoding="utf-8")
        return self.inhoud.ntriples()

    def __len__(self) -> int:
        return len(self.inhoud)

    @property
    def fouten(self) -> list[Bevinding]:
        return [b for b in self.bevindingen if b.ernst == "fout"]


def valideer(pad: Path | str, base: str = DEFAULT_BASE) -> Resultaat:
    """All findings of an input; raises ScanFout only when it cannot be read at all."""
    pad = Path(pad)
    if pad.suffix.lower() in RDF_SUFFIXEN:
        from ingest.turtle import lees_rdf

        return lees_rdf(pad, base)
    from ingest import lezen, omzetten, regels, shacl

    werkboek, bevindingen = lezen.lees(pad)
    omzetting = omzetten.zet_om(werkboek, base)
    omzetting.bevindingen[:0] = bevindingen
    regels.controleer(omzetting)
    if not any(b.ernst == "fout" for b in omzetting.bevindingen):
        omzetting.bevindingen += shacl.valideer(omzetting.graaf, omzetting.herkomst)
    return Resultaat(omzetting.graaf, omzetting.bevindingen)


def lees(pad: Path | str, base: str = DEFAULT_BASE) -> Resultaat:
    """The graph of a valid input; any error finding refuses the whole input."""
    resultaat = valideer(pad, base)
    if resultaat.fouten:
        n = len(resultaat.fouten)
        raise ScanFout(f"Het werkboek is geweigerd: {n} fout{'en' if n > 1 else ''} "
                       "gevonden. Er is niets gewijzigd.", Path(pad).name,
                       resultaat.bevindingen)
    return resultaat


def lees_werkboek(pad: Path | str, base: str = DEFAULT_BASE) -> Graph:
    """Shorthand for callers that only need the graph of a valid werkboek."""
    return lees(pad, base).graaf
