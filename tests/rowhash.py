"""Per-table row hashes of a caseload file, read through a keyed connection."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sigdesk.store import dbfile


def table_hashes(path: Path, key: bytes) -> dict[str, str]:
    """{table: sha256 of its rows in rowid order} for every table in the file."""
    conn = dbfile.connect(path, key)
    try:
        names = [
            str(row[0])
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        hashes = {}
        for name in names:
            digest = hashlib.sha256()
            for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid'):
                digest.update(repr(tuple(row)).encode("utf-8"))
            hashes[name] = digest.hexdigest()
        return hashes
    finally:
        conn.close()
