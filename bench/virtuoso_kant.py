"""Virtuoso's side of ``python -m bench``: its server, its own bulk load, its memory.

The server is the tests' own (``tests/virtuoso.py``: Debian's
``virtuoso-opensource`` on free 127.0.0.1 ports, a fresh database in a temp
folder, stopped by its PID). The bulk load is Virtuoso's documented fast
path, ``ld_dir`` + ``rdf_loader_run()`` + ``checkpoint`` over ``isql-vt`` (SQL
port on loopback), of the very N-Triples file raw pyoxigraph loads; the time
includes starting ``isql-vt`` (a few ms). Memory is the server process's
``VmHWM`` from ``/proc/PID/status``; ``nul_piek`` resets that mark
(``/proc/PID/clear_refs``, Linux ≥ 4.0, our own child only) so each phase
gets its own peak.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent / "tests"))
import virtuoso as v  # noqa: E402  (tests/virtuoso.py: the server the tests start)

beschikbaar = v.beschikbaar
GEBRUIKER = v.GEBRUIKER


def start(map_: Path) -> v.Virtuoso:
    """A fresh Virtuoso in ``map_``, answering on 127.0.0.1."""
    server = v.Virtuoso(map_)
    server.start()
    return server


def query_url(server: v.Virtuoso) -> str:
    return f"{server.basis}/sparql"


def bulk_laden(server: v.Virtuoso, nt: Path, graaf: str) -> float:
    """Seconds of ``ld_dir`` + ``rdf_loader_run()`` + ``checkpoint`` of ``nt`` into ``graaf``.

    The file is placed in the server's own folder (its ``DirsAllowed``)."""
    doel = server.map / f"laden-{time.time_ns()}"
    doel.mkdir()
    (doel / nt.name).write_bytes(nt.read_bytes())
    sql = (f"ld_dir('{doel}', '{nt.name}', '{graaf}');\n"
           "rdf_loader_run();\ncheckpoint;\n"
           f"SELECT COUNT(*) FROM DB.DBA.LOAD_LIST WHERE ll_file LIKE '{doel}%' "
           "AND ll_error IS NOT NULL;\n")
    t = time.perf_counter()
    r = subprocess.run([v.ISQL, f"127.0.0.1:{server.sql}", "dba", server.dba],
                       input=sql.encode(), capture_output=True, timeout=600)
    tijd = time.perf_counter() - t
    uitvoer = (r.stdout + r.stderr).decode(errors="replace")
    if r.returncode != 0 or "*** Error" in uitvoer:
        raise RuntimeError(f"Virtuoso bulk load faalde: {uitvoer[-800:]}")
    return tijd


def aantal_triples(server: v.Virtuoso, graaf: str) -> int:
    """Triples in ``graaf``, asked over HTTP (checks that the bulk load took them all)."""
    import json
    import urllib.parse
    import urllib.request

    vraag = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                                    "default-graph-uri": graaf})
    verzoek = urllib.request.Request(query_url(server), data=vraag.encode(),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(verzoek, timeout=60) as antwoord:
        rij = json.loads(antwoord.read())["results"]["bindings"][0]
    return int(rij["n"]["value"])


def _status(pid: int, veld: str) -> float:
    """A ``/proc/PID/status`` memory field in MB (0 when the process is gone)."""
    try:
        for regel in Path(f"/proc/{pid}/status").read_text().splitlines():
            if regel.startswith(veld + ":"):
                return int(regel.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def piek_mb(pid: int) -> float:
    """VmHWM: the process's RSS high-water mark (since start or the last ``nul_piek``)."""
    return _status(pid, "VmHWM")


def nul_piek(pid: int) -> bool:
    """Reset the high-water mark to the current RSS; False when the kernel refuses."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def stop(server: v.Virtuoso) -> None:
    server.stop()
