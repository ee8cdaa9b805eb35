"""When a youth leaves the caseload: closure, the follow-up after it, reopening, deletion.

A youth has SIG periods (SPEC §2): each ended one is a `Closure` row (its start, end,
reason and the follow-up after it); a reopened youth starts a new period and the old
closure stays, marked with the day it was reopened. Deleting a youth (entered by
mistake, gallring, after a handover) removes every row of the youth; the caseload keeps
only a `YouthDeletion` row that says when and why, never whom. Deletion is made secure
by `sigdesk.store.secure.secure_cleanup` (VACUUM, outside any transaction), which the
callers run after the deleting transaction has committed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from sigdesk import validation as check
from sigdesk.caseload import close_youth, get_youth_row
from sigdesk.catalogues import (
    ClosureReason,
    DeletionReason,
    EventKind,
    FollowupOutcome,
    MeetingStatus,
    YouthStatus,
)
from sigdesk.changes import ChangeKind, Changes, changed
from sigdesk.errors import NotFoundError, ValidationError
from sigdesk.eventlog import log_event
from sigdesk.meetings import cancel_meeting
from sigdesk.models import Closure, Meeting, MeetingDraft, Youth, YouthDeletion

__all__ = [
    "ClosedPeriod",
    "PlannedMeeting",
    "YouthSummary",
    "close_sig",
    "delete_youth",
    "delete_youths",
    "deletions_pending_cleanup",
    "meetings_to_cancel",
    "periods_of",
    "record_followup",
    "reopen_youth",
    "youth_summaries",
]

#: The cancel reason written on the meetings a closure cancels.
CANCELLED_AT_CLOSURE = "SIG avslutad"


@dataclass(frozen=True)
class PlannedMeeting:
    """A planned meeting the closure dialog offers to cancel."""

    id: int
    starts_at: datetime
    place: str
    has_draft: bool


@dataclass(frozen=True)
class ClosedPeriod:
    """One SIG period of a youth; `closed_on` None for the open (current) one."""

    started_on: date | None
    closed_on: date | None
    reason: ClosureReason | None = None
    comment: str = ""
    followup_on: date | None = None
    followup_done_on: date | None = None
    followup_result: FollowupOutcome | None = None
    followup_comment: str = ""
    reopened_on: date | None = None
    reopen_note: str = ""


# --- closure and the follow-up after it ------------------------------------------------


def meetings_to_cancel(session: Session, *, youth_id: int) -> list[PlannedMeeting]:
    """The youth's planned meetings, soonest first (what a closure offers to cancel)."""
    get_youth_row(session, youth_id)
    drafts = select(MeetingDraft.meeting_id).where(MeetingDraft.meeting_id == Meeting.id)
    rows = session.execute(
        select(Meeting.id, Meeting.starts_at, Meeting.place, drafts.exists())
        .where(Meeting.youth_id == youth_id, Meeting.status == MeetingStatus.PLANNED)
        .order_by(Meeting.starts_at, Meeting.id)
    )
    return [PlannedMeeting(mid, at, place, bool(draft)) for mid, at, place, draft in rows]


def close_sig(
    session: Session,
    *,
    youth_id: int,
    closed_on: date,
    reason: ClosureReason,
    comment: str = "",
    followup_on: date | None = None,
    cancel_meeting_ids: Iterable[int] = (),
    today: date,
) -> Changes:
    """End the youth's SIG period and cancel the chosen planned meetings (one transaction)."""
    result = close_youth(
        session,
        youth_id,
        closed_on=closed_on,
        reason=reason,
        comment=comment,
        followup_on=followup_on,
        today=today,
    )
    for meeting_id in sorted(set(cancel_meeting_ids)):
        meeting = session.get(Meeting, meeting_id)
        if meeting is None or meeting.youth_id != youth_id:
            raise NotFoundError(f"Möte {meeting_id} hör inte till ungdomen.")
        if meeting.status is MeetingStatus.PLANNED:
            cancel_meeting(session, meeting_id, reason=CANCELLED_AT_CLOSURE)
    return Changes(result.kinds | {ChangeKind.MEETING}, result.youth_ids, warnings=result.warnings)


def _current_closure(youth: Youth) -> Closure:
    closure = youth.closure
    if closure is None or youth.status is not YouthStatus.CLOSED:
        raise ValidationError("Status", "Ungdomen är inte avslutad.")
    return closure


def record_followup(
    session: Session,
    *,
    youth_id: int,
    done_on: date,
    outcome: FollowupOutcome,
    comment: str = "",
    today: date,
) -> Changes:
    """Record the follow-up after the current closure; it clears the "Att göra" item."""
    closure = _current_closure(get_youth_row(session, youth_id))
    check.case_date("Uppföljd", done_on, today=today, years_ahead=0)
    if done_on < closure.closed_on:
        raise ValidationError(
            "Uppföljd", f"Kan inte ligga före avslutet ({closure.closed_on.isoformat()})."
        )
    closure.followup_done_on = done_on
    closure.followup_result = outcome
    closure.followup_comment = check.optional_text("Kommentar", comment, max_length=5000)
    log_event(session, youth_id=youth_id, kind=EventKind.FOLLOWUP_RECORDED, summary=outcome.label)
    return changed(ChangeKind.YOUTH, youth_id=youth_id)


def reopen_youth(
    session: Session, *, youth_id: int, start_on: date, note: str = "", today: date
) -> Changes:
    """Start a new SIG period: the closure stays in the history, the start date moves.

    The new start is the deadline anchor of the new period; meetings held before it
    belong to the earlier period and never anchor the new one.
    """
    youth = get_youth_row(session, youth_id)
    closure = _current_closure(youth)
    check.case_date("Ny start", start_on, today=today, years_ahead=1)
    if start_on < closure.closed_on:
        raise ValidationError(
            "Ny start", f"Kan inte ligga före avslutet ({closure.closed_on.isoformat()})."
        )
    closure.reopened_on = start_on
    closure.reopen_note = check.optional_text("Anteckning", note, max_length=5000)
    youth.start_date = start_on
    youth.status = YouthStatus.ACTIVE
    log_event(
        session,
        youth_id=youth_id,
        kind=EventKind.REOPENED,
        summary=f"Ny SIG-period från {start_on.isoformat()}",
    )
    return changed(ChangeKind.YOUTH, youth_id=youth_id)


def periods_of(session: Session, *, youth_id: int) -> list[ClosedPeriod]:
    """The youth's SIG periods, oldest first; an active youth's current one last, open."""
    youth = get_youth_row(session, youth_id)
    periods = [
        ClosedPeriod(
            c.started_on,
            c.closed_on,
            c.reason,
            c.comment,
            c.followup_on,
            c.followup_done_on,
            c.followup_result,
            c.followup_comment,
            c.reopened_on,
            c.reopen_note,
        )
        for c in youth.closures
    ]
    if youth.status is YouthStatus.ACTIVE:
        periods.append(ClosedPeriod(youth.start_date, None))
    return periods


# --- deletion --------------------------------------------------------------------------


def _same_name(typed: str, name: str) -> bool:
    return " ".join(typed.split()).casefold() == " ".join(name.split()).casefold()


def delete_youth(
    session: Session, *, youth_id: int, typed_name: str, reason: DeletionReason
) -> Changes:
    """Delete one youth entered by mistake; the worker types the full name to confirm.

    Run `sigdesk.store.secure.secure_cleanup` after the commit so that no trace stays
    in the file.
    """
    youth = get_youth_row(session, youth_id)
    if not _same_name(typed_name, youth.full_name):
        raise ValidationError(
            "Namn", "Namnet stämmer inte med ungdomens namn; ingenting har raderats."
        )
    return delete_youths(session, youth_ids=[youth_id], reason=reason)


def delete_youths(session: Session, *, youth_ids: Iterable[int], reason: DeletionReason) -> Changes:
    """Delete these youths and everything of theirs, leaving one nameless log row each.

    The rows go by the schema's cascades (guardians, network, consent, plan, meetings
    with notes, attendance and a meeting-mode draft, closures, the youth's event log);
    the address book's actors stay. Unknown ids are refused before anything is deleted.
    With `secure_delete` on (every connection) the freed cells are zeroed at commit;
    `sigdesk.store.secure.secure_cleanup` then rewrites the file (VACUUM) so that no
    free page or old WAL frame holds them either. Returns the deleted ids in `youth_ids`.
    """
    ids = sorted(set(youth_ids))
    if not ids:
        return Changes(frozenset())
    found = set(session.scalars(select(Youth.id).where(Youth.id.in_(ids))))
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError(f"Ungdom {missing[0]} finns inte; ingenting har raderats.")
    session.flush()  # the caller's pending writes first; then the schema's cascades
    for chunk in _chunks(ids, 400):
        session.execute(
            delete(Youth).where(Youth.id.in_(chunk)),
            execution_options={"synchronize_session": False},
        )
    session.expire_all()  # loaded rows of theirs are gone from the file
    session.add_all(YouthDeletion(reason=reason) for _ in ids)
    session.flush()
    kinds = {ChangeKind.YOUTH, ChangeKind.MEETING, ChangeKind.EVENTS, ChangeKind.DELETED}
    return Changes(frozenset(kinds), frozenset(ids))


def _chunks(ids: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def deletions_pending_cleanup(session: Session) -> int:
    """Deleted youths whose secure clean-up (VACUUM) has not run yet (interrupted)."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(YouthDeletion)
            .where(YouthDeletion.cleaned_at.is_(None))
        )
        or 0
    )


# --- the list of youths for `sigdesk youths` -------------------------------------------


@dataclass(frozen=True)
class YouthSummary:
    youth_id: int
    name: str
    status: YouthStatus
    start: date | None
    closed: date | None
    closure_reason: ClosureReason | None

    def as_json(self) -> dict[str, object]:
        """The keys SPEC §8 lists for `sigdesk youths --json` (catalogue codes, ISO dates)."""
        return {
            "youth_id": self.youth_id,
            "name": self.name,
            "status": self.status.value,
            "start": self.start.isoformat() if self.start else None,
            "closed": self.closed.isoformat() if self.closed else None,
            "closure_reason": self.closure_reason.value if self.closure_reason else None,
        }


def youth_summaries(session: Session, *, include_all: bool = False) -> list[YouthSummary]:
    """Active youths (every youth with `include_all`), by name; `closed` is the current
    closure of a closed youth (an active, reopened one has none)."""
    current = select(Closure).where(Closure.reopened_on.is_(None)).subquery()
    query = (
        select(
            Youth.id,
            Youth.first_name,
            Youth.last_name,
            Youth.status,
            Youth.start_date,
            current.c.closed_on,
            current.c.reason,
        )
        .outerjoin(current, (current.c.youth_id == Youth.id) & (Youth.status == YouthStatus.CLOSED))
        .order_by(Youth.last_name, Youth.first_name, Youth.id)
    )
    if not include_all:
        query = query.where(Youth.status == YouthStatus.ACTIVE)
    return [
        YouthSummary(yid, f"{first} {last}", status, start, closed, reason)
        for yid, first, last, status, start, closed, reason in session.execute(query)
    ]
