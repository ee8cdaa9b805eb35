"""A running meeting: its autosaved draft, the next-date proposal, and finishing it.

While a network meeting runs on the laptop, everything typed is kept as a JSON draft
*inside the encrypted caseload* (never a plaintext temp file), so a crash, a power cut
or a closed window loses at most the last few seconds. Finishing the meeting adds the
goals and actions agreed there, holds the meeting, plans the next one and drops the
draft, all in one transaction: either all of it is recorded or none of it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sigdesk.caseload import get_youth_row
from sigdesk.catalogues import MeetingStatus, PlanStatus
from sigdesk.changes import ChangeKind, Changes, changed
from sigdesk.errors import NotFoundError, ValidationError
from sigdesk.meetings import MeetingData, MeetingOutcome, hold_meeting, plan_meeting
from sigdesk.models import Action, Meeting, MeetingDraft
from sigdesk.models.base import utcnow
from sigdesk.plans import ActionData, GoalData, ItemKind, ItemRef, add_action, add_goal
from sigdesk.schedule import DEFAULT_MARGIN_DAYS, Proposal, propose_after_meeting

#: A draft larger than this is refused (a meeting's notes are far smaller).
MAX_DRAFT_CHARS = 2_000_000


@dataclass(frozen=True)
class DraftInfo:
    """An unfinished meeting of a youth: which, when, and when it was last saved."""

    meeting_id: int
    starts_at: datetime
    updated_at: datetime


def _planned(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(f"Möte {meeting_id} finns inte.")
    if meeting.status is not MeetingStatus.PLANNED:
        raise ValidationError("Status", f"Mötet är redan {meeting.status.label.lower()}.")
    return meeting


def save_draft(session: Session, meeting_id: int, payload: dict[str, Any]) -> Changes:
    """Keep what has been typed so far (replaces the meeting's earlier draft).

    Only the first save of a meeting is announced (the Möten tab then shows "unfinished
    meeting"); later saves, every few seconds, change nothing any view shows.
    """
    meeting = _planned(session, meeting_id)
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    if len(text) > MAX_DRAFT_CHARS:
        raise ValidationError("Anteckningar", "Mötesanteckningarna är för långa för att sparas.")
    draft = session.scalar(select(MeetingDraft).where(MeetingDraft.meeting_id == meeting_id))
    if draft is not None:
        draft.payload = text
        draft.updated_at = utcnow()
        return Changes(frozenset())
    session.add(MeetingDraft(meeting_id=meeting_id, payload=text, updated_at=utcnow()))
    return Changes(frozenset({ChangeKind.MEETING}), frozenset({meeting.youth_id}))


def load_draft(session: Session, meeting_id: int) -> dict[str, Any] | None:
    """The meeting's saved draft, or None when there is none (or it cannot be read)."""
    text = session.scalar(select(MeetingDraft.payload).where(MeetingDraft.meeting_id == meeting_id))
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def drafts_for_youth(session: Session, youth_id: int) -> list[DraftInfo]:
    """The youth's meetings that were started and not finished, newest draft first."""
    rows = session.execute(
        select(MeetingDraft.meeting_id, Meeting.starts_at, MeetingDraft.updated_at)
        .join(Meeting, Meeting.id == MeetingDraft.meeting_id)
        .where(Meeting.youth_id == youth_id, Meeting.status == MeetingStatus.PLANNED)
        .order_by(MeetingDraft.updated_at.desc())
    )
    return [DraftInfo(mid, starts, updated) for mid, starts, updated in rows]


def discard_draft(session: Session, meeting_id: int) -> Changes:
    """Drop the meeting's draft (finished, or the user threw the notes away).

    The meeting itself stays as it was (planned). Announced like the first save, so the
    Möten tab stops saying "unfinished meeting".
    """
    draft = session.scalar(select(MeetingDraft).where(MeetingDraft.meeting_id == meeting_id))
    if draft is None:
        return Changes(frozenset())
    youth_id = session.scalar(select(Meeting.youth_id).where(Meeting.id == meeting_id))
    session.delete(draft)
    return changed(ChangeKind.MEETING, youth_id=youth_id)


# --- the next meeting ---------------------------------------------------------------


@dataclass(frozen=True)
class NextMeetingProposal:
    """The date proposed after this meeting, the deadline it sets, a later planned one."""

    proposal: Proposal
    deadline: date
    already_planned: datetime | None


def next_meeting_proposal(
    session: Session, meeting_id: int, *, today: date, margin_days: int = DEFAULT_MARGIN_DAYS
) -> NextMeetingProposal:
    """What `schedule.propose_for_youth` will propose once this meeting is held.

    One rule for both (`schedule.propose_after_meeting`): the running meeting is the anchor,
    its weekday and time are kept, and it is not counted as a busy slot.
    """
    meeting = _planned(session, meeting_id)
    youth = get_youth_row(session, meeting.youth_id)
    proposal = propose_after_meeting(session, meeting_id, today=today, margin_days=margin_days)
    deadline = meeting.starts_at.date() + timedelta(days=youth.meeting_interval_days)
    later = session.scalar(
        select(Meeting.starts_at)
        .where(
            Meeting.youth_id == meeting.youth_id,
            Meeting.status == MeetingStatus.PLANNED,
            Meeting.id != meeting_id,
            Meeting.starts_at > meeting.starts_at,
        )
        .order_by(Meeting.starts_at)
        .limit(1)
    )
    return NextMeetingProposal(proposal, deadline, later)


# --- finishing ----------------------------------------------------------------------


@dataclass(frozen=True)
class NewGoal:
    """A goal agreed at the meeting; `key` lets new actions name it before it has an id."""

    key: str
    data: GoalData


@dataclass(frozen=True)
class NewAction:
    """An action agreed at the meeting, under an existing goal or a new one (by key)."""

    data: ActionData
    goal_id: int | None = None
    new_goal_key: str | None = None


@dataclass(frozen=True)
class MeetingFinish:
    outcome: MeetingOutcome
    new_goals: tuple[NewGoal, ...] = ()
    new_actions: tuple[NewAction, ...] = ()
    next_meeting: MeetingData | None = None
    #: The follow-up status recorded for what was agreed at this very meeting.
    new_item_status: PlanStatus = PlanStatus.ONGOING
    new_item_comment: str = "Ny vid detta möte."


def _add_new_items(
    session: Session, meeting_id: int, youth_id: int, finish: MeetingFinish, today: date
) -> list[ItemRef]:
    goal_ids: dict[str, int] = {}
    made: list[ItemRef] = []
    for goal in finish.new_goals:
        created = add_goal(session, youth_id, goal.data).created_id
        assert created is not None
        goal_ids[goal.key] = created
        made.append(ItemRef(ItemKind.GOAL, created))
    for action in finish.new_actions:
        goal_id = action.goal_id
        if action.new_goal_key is not None:
            goal_id = goal_ids.get(action.new_goal_key)
        if goal_id is None:
            raise ValidationError("Mål", "Välj vilket mål den nya åtgärden hör till.")
        created = add_action(session, goal_id, action.data, today=today).created_id
        assert created is not None
        agreed = session.get(Action, created)
        assert agreed is not None
        agreed.agreed_at_meeting_id = meeting_id
        made.append(ItemRef(ItemKind.ACTION, created))
    return made


def finish_meeting(
    session: Session, meeting_id: int, finish: MeetingFinish, *, today: date
) -> Changes:
    """Add what was agreed, hold the meeting, plan the next one, drop the draft — at once.

    `created_id` of the result is the next meeting's id (None when none was planned).
    Any `ValidationError` (Närvaro, Uppföljning, Datum…) leaves the caseload as it was.
    """
    meeting = _planned(session, meeting_id)
    youth_id = meeting.youth_id
    made = _add_new_items(session, meeting_id, youth_id, finish, today)
    followups = dict(finish.outcome.followups)
    for ref in made:
        followups.setdefault(ref, (finish.new_item_status, finish.new_item_comment))
    outcome = MeetingOutcome(
        finish.outcome.attendance, followups, finish.outcome.notes, finish.outcome.decisions
    )
    hold_meeting(session, meeting_id, outcome, today=today)
    next_id = None
    if finish.next_meeting is not None:
        next_id = plan_meeting(session, youth_id, finish.next_meeting, today=today).created_id
    discard_draft(session, meeting_id)
    result = changed(ChangeKind.MEETING, ChangeKind.PLAN, youth_id=youth_id)
    return Changes(result.kinds, result.youth_ids, created_id=next_id)
