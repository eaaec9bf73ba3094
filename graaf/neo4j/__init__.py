"""The scan as a property graph for Neo4j: a derived mapping, a Bolt sync, CSV files.

``mapping`` names labels, relationship types and properties from the ontology;
``projectie`` turns one version of the scan into nodes and relationships;
``cypher`` writes the idempotent, batched statements; ``sync`` runs them with
the official driver; ``csvexport`` writes files for ``neo4j-admin database
import full``. docs/neo4j.md describes the mapping.
"""
