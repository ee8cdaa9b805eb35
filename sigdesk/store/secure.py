"""Secure clean-up after deleting youths: no trace left in the file, free pages included.

Every connection runs with `secure_delete = ON` (sigdesk/store/dbfile.py), so SQLite
zeroes a deleted row's cells and the pages it frees when the deleting transaction
commits. What that leaves are copies elsewhere: earlier frames of the same pages in the
`-wal` file, and the layout of the rewritten pages. So after the deleting transaction:

1. `VACUUM` rebuilds the database into fresh pages (temp store in memory: no
   plaintext temporary file) and drops every free page;
2. `wal_checkpoint(TRUNCATE)` writes it into the main file and empties the `-wal`;
3. the deletion log's rows get `cleaned_at`, and the WAL is truncated again.

Each step is crash-safe on its own (VACUUM is one transaction); a kill anywhere leaves
rows without `cleaned_at`, and the next clean-up (a rerun of gallring) does it again.
VACUUM cannot run inside a transaction, so this works on a raw DB-API connection in
autocommit mode, never in a session.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlcipher3
from sqlalchemy.exc import DBAPIError

from sigdesk.store.db import Caseload, work_error

log = logging.getLogger(__name__)

#: progress(step, steps, text): step `step` of `steps` is starting (text in Swedish).
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class CleanupReport:
    pages_before: int
    pages_after: int
    #: Deletion-log rows the clean-up marked as done.
    deletions_cleaned: int


def _pages(conn: Any) -> int:
    return int(conn.execute("PRAGMA page_count").fetchone()[0])


def _truncate_wal(conn: Any) -> None:
    busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        log.warning("wal checkpoint blocked by a reader; the -wal file is emptied later")


def secure_cleanup(caseload: Caseload, *, progress: Progress | None = None) -> CleanupReport:
    """Rewrite the caseload so that deleted youths leave no byte in it (SPEC §7)."""
    step = progress or (lambda _n, _of, _text: None)
    raw = caseload.engine.raw_connection()
    try:
        conn: Any = raw.driver_connection
        before = _pages(conn)
        conn.execute("PRAGMA secure_delete = ON")
        step(1, 3, "Skriver om ärendefilen (VACUUM)")
        conn.execute("VACUUM")
        step(2, 3, "Tömmer loggfilen (-wal)")
        _truncate_wal(conn)
        step(3, 3, "Markerar raderingarna som rensade")
        stamp = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
        cleaned = conn.execute(
            "UPDATE youth_deletion SET cleaned_at = ? WHERE cleaned_at IS NULL", (stamp,)
        ).rowcount
        _truncate_wal(conn)
        after = _pages(conn)
    except sqlcipher3.Error as exc:  # a raw connection: the driver's errors, unwrapped
        honest = work_error(DBAPIError(None, None, exc), caseload.path)
        if honest is not None:
            raise honest from exc
        raise
    finally:
        raw.close()
    return CleanupReport(before, after, max(int(cleaned), 0))
