"""Gallring (SPEC §7): closed youths whose closure is older than a setting, deleted securely.

`due_for_gallring` lists them (for "Att göra", the dialog and `sigdesk gallring`);
`run_gallring` deletes the chosen ones in one transaction and then rewrites the file
(`sigdesk.store.secure.secure_cleanup`) so that a decrypted copy holds no trace of them.
A run killed midway leaves either nothing deleted or deletions whose clean-up is still
due; the next run finishes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from sigdesk.caseload import add_months
from sigdesk.catalogues import ClosureReason, DeletionReason, YouthStatus
from sigdesk.errors import ValidationError
from sigdesk.lifecycle import delete_youths, deletions_pending_cleanup
from sigdesk.models import Closure, Youth
from sigdesk.store.db import Caseload
from sigdesk.store.secure import CleanupReport, Progress, secure_cleanup

DEFAULT_GALLRING_MONTHS = 24
#: Youths deleted per progress step (all in one transaction).
_CHUNK = 25


@dataclass(frozen=True)
class GallringCandidate:
    youth_id: int
    name: str
    closed_on: date
    reason: ClosureReason

    def as_json(self) -> dict[str, object]:
        return {
            "youth_id": self.youth_id,
            "name": self.name,
            "closed": self.closed_on.isoformat(),
            "closure_reason": self.reason.value,
        }


@dataclass(frozen=True)
class GallringResult:
    deleted: int
    #: Deletions of an earlier, interrupted run whose clean-up this run finished.
    finished_earlier: int
    cleanup: CleanupReport | None


def gallring_cutoff(*, today: date, older_than_months: int) -> date:
    """Closures on or before this day are older than `older_than_months`."""
    if not 1 <= older_than_months <= 1200:
        raise ValidationError("Månader", "Ange 1–1200 månader.")
    return add_months(today, -older_than_months)


@cache
def _due_query() -> Any:
    """Closed youths' current closures on or before :cutoff, oldest first: built once (for
    "Att göra", which asks on every refresh, building it cost more than running it)."""
    return (
        select(Youth.id, Youth.first_name, Youth.last_name, Closure.closed_on, Closure.reason)
        .join(Closure, Closure.youth_id == Youth.id)
        .where(
            Youth.status == YouthStatus.CLOSED,
            Closure.reopened_on.is_(None),
            Closure.closed_on <= bindparam("cutoff"),
        )
        .order_by(Closure.closed_on, Youth.last_name, Youth.first_name, Youth.id)
    )


def due_for_gallring(
    session: Session, *, today: date, older_than_months: int = DEFAULT_GALLRING_MONTHS
) -> list[GallringCandidate]:
    """Closed youths whose current closure is older than `older_than_months`, oldest first."""
    cutoff = gallring_cutoff(today=today, older_than_months=older_than_months)
    rows = session.execute(_due_query(), {"cutoff": cutoff})
    return [
        GallringCandidate(yid, f"{first} {last}", closed, reason)
        for yid, first, last, closed, reason in rows
    ]


def run_gallring(
    caseload: Caseload,
    *,
    youth_ids: Sequence[int],
    reason: DeletionReason = DeletionReason.GALLRING,
    progress: Progress | None = None,
) -> GallringResult:
    """Delete `youth_ids` (one transaction), then the secure clean-up of the file.

    With no ids, only an interrupted earlier run's clean-up is finished, if one is due;
    with nothing to do at all, a ValidationError says so and nothing is touched.
    """
    step = progress or (lambda _n, _of, _text: None)
    ids = list(dict.fromkeys(youth_ids))
    with caseload.session_scope() as session:
        earlier = deletions_pending_cleanup(session)
        if not ids and not earlier:
            raise ValidationError("Gallring", "Det finns inget att gallra.")
        steps = (len(ids) + _CHUNK - 1) // _CHUNK + 3
        for n, start in enumerate(range(0, len(ids), _CHUNK), start=1):
            step(n, steps, f"Raderar ungdomar ({min(start + _CHUNK, len(ids))} av {len(ids)})")
            delete_youths(session, youth_ids=ids[start : start + _CHUNK], reason=reason)
    done = steps - 3

    def cleanup_step(n: int, _of: int, text: str) -> None:
        step(done + n, steps, text)

    report = secure_cleanup(caseload, progress=cleanup_step)
    return GallringResult(len(ids), earlier, report)
