"""The ontology as Turtle (scan.ttl, schemas.ttl, shapes.ttl).

A package only so that a non-editable install ships the files next to the
code that reads them (``ingest.shacl``, the site's ontology page).
"""
