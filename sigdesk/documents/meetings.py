"""The meeting documents' contexts (kallelse, dagordning, minnesanteckningar) and the
pieces every document shares: the letterhead, "Nästa möte", who is responsible.

Every list of people goes through `consent.Disclosure` (SPEC §5): a document names the
youth, the guardians, the worker, socialtjänsten and only the network actors that a
consent valid on the document's date covers — the meeting's date here.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sigdesk.actors import network_of, organisation_label
from sigdesk.caseload import get_profile, youth_detail
from sigdesk.catalogues import MeetingStatus, ParticipantKind
from sigdesk.consent import NOT_COVERED, Disclosure, disclosure_on
from sigdesk.documents import context as dc
from sigdesk.errors import NotFoundError, ValidationError
from sigdesk.meetings import (
    AGENDA,
    agenda_items,
    get_meeting,
    next_of,
    participants_of,
    planned_meetings,
)
from sigdesk.models import Action, Attendance, FollowUp, Meeting, MeetingNote
from sigdesk.plans import ActionView, ItemKind, ItemRef, plan_of, ref_of

WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
PURPOSE = (
    "Följa upp åtgärdsplanen tillsammans: vad har gått bra, vad behöver ändras, "
    "och vem gör vad till nästa möte."
)
OTHER_ITEM = AGENDA.index("Övrigt")


def weekday(day: date) -> str:
    """The Swedish name of the day of the week, lower case ("torsdag")."""
    return WEEKDAYS[day.weekday()]


def letterhead(session: Session, today: date) -> dc.Letterhead:
    profile = get_profile(session)
    if profile is None:
        return dc.Letterhead("", "", "", "", "", today)
    return dc.Letterhead(
        profile.forvaltning, profile.name, profile.role.label, profile.phone, profile.email, today
    )


def next_meeting_of(
    session: Session, youth_id: int, *, today: date, after: datetime | None = None
) -> dc.NextMeeting | None:
    """ "Nästa möte": SPEC §4's next meeting (never an unrecorded past one), after `after`."""
    planned = planned_meetings(session, youth_id=youth_id)
    if after is not None:
        planned = [p for p in planned if p.starts_at > after]
    m = next_of(planned, today=today)
    if m is None:
        return None
    day = m.starts_at.date()
    return dc.NextMeeting(day, m.starts_at.time(), m.place, weekday(day))


def responsible(action: ActionView, rule: Disclosure) -> str:
    """Who is responsible, or "Aktör utan samtycke" when the rule withholds the actor."""
    if action.responsible_actor_id is not None and not rule.names(action.responsible_actor_id):
        return NOT_COVERED
    return action.responsible


def _participants(session: Session, youth_id: int, rule: Disclosure) -> list[dc.Person]:
    """Everyone invited whom the rule allows; the youth and guardians by first name only."""
    people = []
    for p in participants_of(session, youth_id):
        if p.participant.kind is ParticipantKind.ACTOR:
            if rule.names(p.participant.id):
                people.append(dc.Person(p.name, p.role))
        else:
            people.append(dc.Person(p.name.split(" ")[0], p.role))
    return people


def _outline(other: list[str]) -> list[str]:
    outline = list(AGENDA)
    if other:
        outline[OTHER_ITEM] = f"{AGENDA[OTHER_ITEM]}: {'; '.join(other)}"
    return outline


def _meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(f"Möte {meeting_id} finns inte.")
    return meeting


def invitation_doc(session: Session, meeting_id: int, *, today: date) -> dc.InvitationDoc:
    """Kallelse: the youth by first name only (it goes to every actor)."""
    m = get_meeting(session, meeting_id)
    youth = youth_detail(session, m.youth_id)
    day = m.starts_at.date()
    rule = disclosure_on(session, m.youth_id, day)
    return dc.InvitationDoc(
        letterhead=letterhead(session, today),
        youth_first_name=youth.data.first_name,
        meeting_date=day,
        start_time=m.starts_at.time(),
        end_time=m.ends_at.time(),
        place=m.place,
        participants=_participants(session, m.youth_id, rule),
        purpose=PURPOSE,
        agenda_outline=_outline(agenda_items(_meeting(session, meeting_id))),
        meeting_weekday=weekday(day),
    )


def agenda_doc(session: Session, meeting_id: int, *, today: date) -> dc.AgendaDoc:
    """Dagordning: item 4 lists each open goal, sub-goal and action and who reports."""
    m = get_meeting(session, meeting_id)
    youth = youth_detail(session, m.youth_id)
    meeting = _meeting(session, meeting_id)
    day = m.starts_at.date()
    rule = disclosure_on(session, m.youth_id, day)
    followups = []
    for goal in plan_of(session, m.youth_id):
        open_refs = set(goal.open_items())
        if not open_refs:
            continue
        followups.append(dc.AgendaFollowup("Mål", goal.description, "Samordnaren"))
        followups += [
            dc.AgendaFollowup("Delmål", s.description, "")
            for s in goal.subgoals
            if ItemRef(ItemKind.SUBGOAL, s.id) in open_refs
        ]
        followups += [
            dc.AgendaFollowup("Åtgärd", a.what, responsible(a, rule))
            for a in goal.actions
            if ItemRef(ItemKind.ACTION, a.id) in open_refs
        ]
    return dc.AgendaDoc(
        letterhead=letterhead(session, today),
        youth_first_name=youth.data.first_name,
        meeting_date=day,
        start_time=m.starts_at.time(),
        end_time=m.ends_at.time(),
        place=m.place,
        chair=meeting.chair,
        note_taker=meeting.note_taker,
        purpose=PURPOSE,
        followups=followups,
        meeting_weekday=weekday(day),
        other_items=agenda_items(meeting),
    )


def _attendance(session: Session, meeting: Meeting, rule: Disclosure) -> list[dc.AttendanceRow]:
    names = {
        (p.participant.kind, p.participant.id): (p.name, p.role)
        for p in participants_of(session, meeting.youth_id)
    }
    rows = []
    for a in session.scalars(select(Attendance).where(Attendance.meeting_id == meeting.id)):
        if a.participant is ParticipantKind.ACTOR and not rule.names(a.actor_id):
            continue
        ref = a.actor_id if a.participant is ParticipantKind.ACTOR else a.guardian_id
        name, role = names.get((a.participant, ref), ("(borttagen ur nätverket)", ""))
        rows.append(dc.AttendanceRow(name, role, a.status.label))
    return rows


def _followup_rows(session: Session, meeting: Meeting) -> list[dc.FollowupRow]:
    """The meeting's follow-ups in plan order: each goal, then its delmål, then its åtgärder."""
    texts: dict[ItemRef, str] = {}
    for goal in plan_of(session, meeting.youth_id):
        texts[ItemRef(ItemKind.GOAL, goal.id)] = f"Mål: {goal.description}"
        for s in goal.subgoals:
            texts[ItemRef(ItemKind.SUBGOAL, s.id)] = f"Delmål: {s.description}"
        for a in goal.actions:
            texts[ItemRef(ItemKind.ACTION, a.id)] = f"Åtgärd: {a.what}"
    order = {ref: n for n, ref in enumerate(texts)}
    query = select(FollowUp).where(FollowUp.meeting_id == meeting.id)
    followups = sorted(session.scalars(query), key=lambda fu: order.get(ref_of(fu), len(order)))
    return [
        dc.FollowupRow(texts.get(ref_of(fu), ""), fu.status.label, fu.comment) for fu in followups
    ]


def _new_actions(session: Session, meeting: Meeting, rule: Disclosure) -> list[dc.NewActionRow]:
    """The actions agreed at this meeting (and only those), in plan order."""
    agreed = set(
        session.scalars(select(Action.id).where(Action.agreed_at_meeting_id == meeting.id))
    )
    return [
        dc.NewActionRow(a.what, responsible(a, rule), a.due_date)
        for goal in plan_of(session, meeting.youth_id)
        for a in goal.actions
        if a.id in agreed
    ]


def minutes_doc(session: Session, meeting_id: int, *, today: date) -> dc.MinutesDoc:
    """Minnesanteckningar; the distribution list holds only actors with valid consent."""
    meeting = _meeting(session, meeting_id)
    if meeting.status is not MeetingStatus.HELD:
        raise ValidationError("Möte", "Minnesanteckningar skrivs för ett genomfört möte.")
    youth = youth_detail(session, meeting.youth_id)
    day = meeting.starts_at.date()
    rule = disclosure_on(session, meeting.youth_id, day)
    distribution = [
        dc.Person(
            a.contact_person or a.organisation, organisation_label(a.actor_type, a.organisation)
        )
        for a in network_of(session, meeting.youth_id)
        if rule.names(a.id)
    ]
    notes = session.scalars(
        select(MeetingNote).where(MeetingNote.meeting_id == meeting_id).order_by(MeetingNote.item)
    )
    return dc.MinutesDoc(
        letterhead=letterhead(session, today),
        youth_name=youth.full_name,
        meeting_date=day,
        start_time=meeting.starts_at.time(),
        end_time=(meeting.starts_at + timedelta(minutes=meeting.duration_minutes)).time(),
        place=meeting.place,
        chair=meeting.chair,
        note_taker=meeting.note_taker,
        attendance=_attendance(session, meeting, rule),
        notes=[dc.AgendaNote(n.item, n.heading, n.text) for n in notes],
        followups=_followup_rows(session, meeting),
        new_actions=_new_actions(session, meeting, rule),
        decisions=[line for line in meeting.decisions.splitlines() if line.strip()],
        next_meeting=next_meeting_of(
            session, meeting.youth_id, today=today, after=meeting.starts_at
        ),
        distribution=distribution,
        meeting_weekday=weekday(day),
    )
