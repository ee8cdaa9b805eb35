"""What the meeting view shows and keeps, as plain values (no Qt here).

`load_start` runs on the worker and gathers everything the view needs in one read;
the view's typed state is a JSON-able dict (the draft, autosaved into the caseload),
and `finish_from_payload` turns that dict into the service call's `MeetingFinish`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from sigdesk.errors import ValidationError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sigdesk.meeting_drafts import MeetingFinish, NextMeetingProposal
    from sigdesk.meetings import ParticipantRow

#: The draft's format; a draft of another version is not restored.
PAYLOAD_VERSION = 1


@dataclass(frozen=True)
class FollowupLine:
    """One open goal, sub-goal or action to follow up, as the view lists it."""

    key: str  # "goal:12"
    kind_label: str  # Mål / Delmål / Åtgärd
    text: str
    responsible: str
    previous: str  # the latest follow-up, "Pågår (2026-10-20): …", or ""
    due: date | None = None  # an action's "klart senast"


@dataclass(frozen=True)
class GoalChoice:
    key: str  # "g:12"
    label: str


@dataclass(frozen=True)
class MeetingStart:
    meeting_id: int
    youth_id: int
    first_name: str
    full_name: str
    starts_at: datetime
    duration_minutes: int
    place: str
    chair: str
    note_taker: str
    participants: tuple[ParticipantRow, ...]
    followups: tuple[FollowupLine, ...]
    goals: tuple[GoalChoice, ...]
    actors: tuple[tuple[int, str], ...]  # responsible choices (id, label)
    uncovered: tuple[str, ...]  # network actors without valid consent on the day
    next: NextMeetingProposal
    today: date
    draft: dict[str, Any] | None
    #: The livsområden a new goal may have (Ekonomi only for SIG unga vuxna).
    life_areas: tuple[Any, ...] = ()
    #: Participant keys of the network actors SPEC §5's rule withholds on the meeting day.
    uncovered_keys: tuple[str, ...] = ()
    #: The worker's own items for this meeting, taken up under "Övrigt".
    agenda: tuple[str, ...] = ()


def participant_key(row: ParticipantRow) -> str:
    p = row.participant
    return f"{p.kind.value}:{'' if p.id is None else p.id}"


def _previous(latest: Any) -> str:
    if latest is None:
        return ""
    text = f"{latest.status.label} ({latest.meeting_date.isoformat()})"
    return f"{text}: {latest.comment}" if latest.comment else text


def _followup_lines(goals: list[Any]) -> list[FollowupLine]:
    from sigdesk.catalogues import OPEN_PLAN_STATUSES

    lines = []
    for g in goals:
        if g.status in OPEN_PLAN_STATUSES:
            label = f"{g.life_area.label}: {g.description}"
            lines.append(FollowupLine(f"goal:{g.id}", "Mål", label, "", _previous(g.latest)))
        for s in g.subgoals:
            if s.status in OPEN_PLAN_STATUSES:
                lines.append(
                    FollowupLine(
                        f"subgoal:{s.id}", "Delmål", s.description, "", _previous(s.latest)
                    )
                )
        for a in g.actions:
            if a.status in OPEN_PLAN_STATUSES:
                lines.append(
                    FollowupLine(
                        f"action:{a.id}",
                        "Åtgärd",
                        a.what,
                        a.responsible,
                        _previous(a.latest),
                        a.due_date,
                    )
                )
    return lines


def load_start(
    session: Session, meeting_id: int, today: date, *, margin_days: int = 7
) -> MeetingStart:
    """Everything the meeting view needs, read in one go on the worker."""
    from sigdesk.actors import network_of
    from sigdesk.caseload import youth_detail
    from sigdesk.catalogues import ParticipantKind, life_areas_for
    from sigdesk.consent import disclosure_on
    from sigdesk.meeting_drafts import load_draft, next_meeting_proposal
    from sigdesk.meetings import agenda_items, participants_of
    from sigdesk.models import Meeting
    from sigdesk.plans import plan_of

    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        from sigdesk.errors import NotFoundError

        raise NotFoundError(f"Möte {meeting_id} finns inte.")
    youth = youth_detail(session, meeting.youth_id)
    goals = plan_of(session, meeting.youth_id)
    network = network_of(session, meeting.youth_id)
    rule = disclosure_on(session, meeting.youth_id, meeting.starts_at.date())
    participants = tuple(participants_of(session, meeting.youth_id))
    return MeetingStart(
        meeting_id=meeting.id,
        youth_id=meeting.youth_id,
        first_name=youth.data.first_name,
        full_name=youth.full_name,
        starts_at=meeting.starts_at,
        duration_minutes=meeting.duration_minutes,
        place=meeting.place,
        chair=meeting.chair,
        note_taker=meeting.note_taker,
        participants=participants,
        followups=tuple(_followup_lines(goals)),
        goals=tuple(
            GoalChoice(f"g:{g.id}", f"{g.life_area.label}: {g.description}") for g in goals
        ),
        actors=tuple((a.id, a.label) for a in network),
        uncovered=tuple(w.label for w in rule.withheld),
        next=next_meeting_proposal(session, meeting_id, today=today, margin_days=margin_days),
        today=today,
        draft=load_draft(session, meeting_id),
        life_areas=tuple(life_areas_for(youth.data.track)),
        uncovered_keys=tuple(
            participant_key(p)
            for p in participants
            if p.participant.kind is ParticipantKind.ACTOR and not rule.names(p.participant.id)
        ),
        agenda=tuple(agenda_items(meeting)),
    )


# --- from the typed state to the service call ------------------------------------------


def _date(field: str, text: str) -> date | None:
    from sigdesk.validation import iso_date

    return iso_date(field, text or "")


def next_meeting_problem(payload: dict[str, Any], start: MeetingStart) -> str:
    """Why the chosen next date cannot be taken as it is ("" when it can)."""
    nxt = payload.get("next") or {}
    if not nxt.get("plan", True):
        return ""
    try:
        day = _date("Datum", nxt.get("date", ""))
    except ValidationError as exc:  # half typed, or a date that does not exist
        return exc.field_message
    if day is None:
        return "Välj datum för nästa möte."
    if day < start.today:
        return "Nästa möte kan inte ligga bakåt i tiden."
    deadline = start.next.deadline
    explained = nxt.get("confirmed") and (nxt.get("reason") or "").strip()
    if day > deadline and not explained:
        return (
            f"Datumet ligger efter tidsgränsen {deadline.isoformat()}. Bekräfta och skriv "
            "ett skäl (det kommer med i besluten)."
        )
    return ""


def _next_meeting(payload: dict[str, Any], start: MeetingStart) -> tuple[Any, str]:
    from sigdesk.meetings import MeetingData

    nxt = payload.get("next") or {}
    problem = next_meeting_problem(payload, start)
    if problem:
        raise ValidationError("Datum", problem)
    if not nxt.get("plan", True):
        return None, ""
    day = _date("Datum", nxt.get("date", ""))
    assert day is not None
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", (nxt.get("time") or "").strip())
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValidationError("Datum", "Skriv tiden som TT:MM, t.ex. 14:00.")
    at = datetime.combine(day, time(int(match[1]), int(match[2])))
    data = MeetingData(
        starts_at=at,
        duration_minutes=int(nxt.get("duration") or start.duration_minutes),
        place=nxt.get("place", ""),
        chair=start.chair,
        note_taker=start.note_taker,
    )
    late = ""
    if day > start.next.deadline:
        late = (
            f"Nästa möte {day.isoformat()} ligger efter tidsgränsen "
            f"{start.next.deadline.isoformat()}. Skäl: {nxt['reason'].strip()}"
        )
    return data, late


def _outcome_parts(payload: dict[str, Any], start: MeetingStart) -> tuple[Any, Any, Any]:
    from sigdesk.catalogues import AttendanceStatus, PlanStatus
    from sigdesk.plans import ItemKind, ItemRef

    keys = {participant_key(p): p.participant for p in start.participants}
    attendance = {
        keys[k]: AttendanceStatus(v)
        for k, v in (payload.get("attendance") or {}).items()
        if k in keys and v
    }
    followups = {}
    for key, (status, comment) in (payload.get("followups") or {}).items():
        if not status:
            continue
        kind, _, ident = key.partition(":")
        followups[ItemRef(ItemKind(kind), int(ident))] = (PlanStatus(status), comment or "")
    notes = {int(k): v for k, v in (payload.get("notes") or {}).items() if (v or "").strip()}
    return attendance, followups, notes


def _new_items(payload: dict[str, Any]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    from sigdesk.catalogues import LifeArea
    from sigdesk.meeting_drafts import NewAction, NewGoal
    from sigdesk.plans import ActionData, GoalData

    goals = tuple(
        NewGoal(g["key"], GoalData(LifeArea(g["life_area"]), g.get("description", "")))
        for g in payload.get("new_goals") or []
    )
    actions = []
    for a in payload.get("new_actions") or []:
        goal = a.get("goal", "")
        data = ActionData(
            what=a.get("what", ""),
            responsible_actor_id=a.get("actor_id"),
            responsible_person=a.get("person", ""),
            due_date=_date("Klart senast", a.get("due", "")),
        )
        if goal.startswith("n:"):
            actions.append(NewAction(data, new_goal_key=goal[2:]))
        else:
            actions.append(NewAction(data, goal_id=int(goal[2:]) if goal[2:] else None))
    return goals, tuple(actions)


def finish_from_payload(payload: dict[str, Any], start: MeetingStart) -> MeetingFinish:
    """The service call for "Avsluta möte"; raises ValidationError for what it can tell."""
    from sigdesk.meeting_drafts import MeetingFinish
    from sigdesk.meetings import MeetingOutcome

    attendance, followups, notes = _outcome_parts(payload, start)
    goals, actions = _new_items(payload)
    next_meeting, late = _next_meeting(payload, start)
    decisions = (payload.get("decisions") or "").strip()
    if late:
        decisions = f"{decisions}\n{late}".strip()
    return MeetingFinish(
        MeetingOutcome(attendance, followups, notes, decisions),
        new_goals=goals,
        new_actions=actions,
        next_meeting=next_meeting,
    )


def document_file_name(label: str, first_name: str, day: date) -> str:
    """ "Minnesanteckningar Elias 2026-11-22.docx": no characters a file system refuses."""
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "", f"{label} {first_name} {day.isoformat()}")
    return f"{safe.strip()}.docx"
