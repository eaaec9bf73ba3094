"""Analyses of the scan that are not one SPARQL query: pure functions over plain data.

One module per family: ``netwerk`` (partner-initiative network, networkx) and
``duplicaten`` (near-identical initiatives). The functions take rows and
graphs, not a store, so they are tested with small hand-made inputs; the
``*_uit_store`` helpers fetch those rows with the saved queries.
"""
