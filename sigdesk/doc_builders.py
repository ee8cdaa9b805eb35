"""The Word documents' contexts built from the caseload, and the export in one call.

Each builder reads through the services and returns a plain `doc_context` dataclass;
`export` renders it, writes it safely and notes the export in the youth's event log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sigdesk import doc_context as dc
from sigdesk.actors import network_of
from sigdesk.caseload import get_profile, youth_detail
from sigdesk.catalogues import EventKind, MeetingStatus, ParticipantKind
from sigdesk.consent import consents_of, coverage_on
from sigdesk.documents import DocumentKind, render, write_document
from sigdesk.errors import NotFoundError, ValidationError
from sigdesk.eventlog import log_event
from sigdesk.meetings import AGENDA, MeetingRow, get_meeting, participants_of, planned_meetings
from sigdesk.models import Attendance, FollowUp, Meeting, MeetingNote
from sigdesk.plans import ActionView, GoalView, ItemKind, ItemRef, plan_of, ref_of

#: The documents' names in Swedish, for the event log and file names.
DOC_LABELS = {
    DocumentKind.PLAN: "Åtgärdsplan",
    DocumentKind.PLAN_SHORT: "Åtgärdsplan (kort)",
    DocumentKind.INVITATION: "Kallelse",
    DocumentKind.AGENDA: "Dagordning",
    DocumentKind.MINUTES: "Minnesanteckningar",
}
PURPOSE = (
    "Följa upp åtgärdsplanen tillsammans: vad har gått bra, vad behöver ändras, "
    "och vem gör vad till nästa möte."
)


def _letterhead(session: Session, today: date) -> dc.Letterhead:
    profile = get_profile(session)
    if profile is None:
        return dc.Letterhead("", "", "", "", "", today)
    return dc.Letterhead(
        profile.forvaltning, profile.name, profile.role.label, profile.phone, profile.email, today
    )


def _next_meeting(
    session: Session, youth_id: int, after: datetime | None = None
) -> dc.NextMeeting | None:
    for m in planned_meetings(session, youth_id=youth_id):
        if after is None or m.starts_at > after:
            return dc.NextMeeting(m.starts_at.date(), m.starts_at.time(), m.place)
    return None


def _end(m: MeetingRow) -> datetime:
    return m.starts_at + timedelta(minutes=m.duration_minutes)


def _action_row(a: ActionView) -> dc.ActionRow:
    latest = a.latest
    return dc.ActionRow(
        what=a.what,
        responsible=a.responsible,
        due=a.due_date,
        followup_status=latest.status.label if latest else "",
        followup_date=latest.meeting_date if latest else None,
        followup_comment=latest.comment if latest else "",
    )


def _goal_row(goal: GoalView) -> dc.GoalRow:
    subs = "\n".join(
        f"{s.description}" + (f" (senast {s.target_date})" if s.target_date else "")
        for s in goal.subgoals
    )
    return dc.GoalRow(
        nulage=goal.current_situation,
        goal=goal.description,
        own_words=goal.own_words,
        sub_goals=subs,
        actions=[_action_row(a) for a in goal.actions],
    )


def _consent_line(session: Session, youth_id: int, today: date) -> str:
    valid = [c for c in consents_of(session, youth_id) if c.is_valid_on(today)]
    if not valid:
        return "Inget giltigt samtycke"
    givers = sorted({c.guardian_name or c.given_by.label for c in valid})
    cover = coverage_on(session, youth_id, today)
    total = len(cover.covered_actor_ids) + len(cover.uncovered_actor_ids)
    signed = min(c.signed_on for c in valid)
    return (
        f"Samtycke från {', '.join(givers)}, undertecknat {signed}; "
        f"gäller {len(cover.covered_actor_ids)} av {total} aktörer i nätverket"
    )


def plan_doc(
    session: Session, youth_id: int, *, today: date, include_personnummer: bool = False
) -> dc.PlanDoc:
    """Åtgärdsplan (full): personnummer only when the setting allows it."""
    youth = youth_detail(session, youth_id)
    cover = coverage_on(session, youth_id, today)
    network = [
        dc.NetworkRow(
            a.actor_type.label,
            a.contact_person,
            a.organisation,
            a.phone,
            a.email,
            a.id in cover.covered_actor_ids,
        )
        for a in network_of(session, youth_id)
    ]
    sections: dict[str, list[dc.GoalRow]] = {}
    for goal in plan_of(session, youth_id):
        sections.setdefault(goal.life_area.label, []).append(_goal_row(goal))
    signatures = [dc.SignatureLine("Ungdomen", youth.full_name)]
    signatures += [dc.SignatureLine("Vårdnadshavare", g.name) for g in youth.guardians]
    profile = get_profile(session)
    signatures.append(dc.SignatureLine("Socialtjänsten", profile.name if profile else ""))
    return dc.PlanDoc(
        letterhead=_letterhead(session, today),
        youth_name=youth.full_name,
        personnummer=youth.data.personnummer
        if include_personnummer and youth.personnummer
        else None,
        track=youth.data.track.label,
        start_date=youth.data.start_date,
        decision_date=youth.data.decision_date,
        consent_status=_consent_line(session, youth_id, today),
        network=network,
        overall_goal=youth.data.overall_goal,
        life_areas=[dc.LifeAreaSection(label, goals) for label, goals in sections.items()],
        next_meeting=_next_meeting(session, youth_id),
        signatures=signatures,
    )


def plan_short_doc(session: Session, youth_id: int, *, today: date) -> dc.PlanShortDoc:
    youth = youth_detail(session, youth_id)
    goals = [
        dc.ShortGoal(g.life_area.label, g.description, [_action_row(a) for a in g.actions])
        for g in plan_of(session, youth_id)
    ]
    return dc.PlanShortDoc(
        letterhead=_letterhead(session, today),
        youth_name=youth.full_name,
        track=youth.data.track.label,
        goals=goals,
        next_meeting=_next_meeting(session, youth_id),
    )


def _participants(session: Session, youth_id: int) -> list[dc.Person]:
    """Everyone invited; the youth and the guardians by first name only (kallelse, agenda)."""
    return [
        dc.Person(
            p.name if p.participant.kind is ParticipantKind.ACTOR else p.name.split(" ")[0],
            p.role,
        )
        for p in participants_of(session, youth_id)
    ]


def invitation_doc(session: Session, meeting_id: int, *, today: date) -> dc.InvitationDoc:
    """Kallelse: the youth by first name only (it goes to every actor)."""
    m = get_meeting(session, meeting_id)
    youth = youth_detail(session, m.youth_id)
    return dc.InvitationDoc(
        letterhead=_letterhead(session, today),
        youth_first_name=youth.data.first_name,
        meeting_date=m.starts_at.date(),
        start_time=m.starts_at.time(),
        end_time=_end(m).time(),
        place=m.place,
        participants=_participants(session, m.youth_id),
        purpose=PURPOSE,
        agenda_outline=list(AGENDA),
    )


def agenda_doc(session: Session, meeting_id: int, *, today: date) -> dc.AgendaDoc:
    """Dagordning: item 4 lists each open goal, sub-goal and action and who reports."""
    m = get_meeting(session, meeting_id)
    youth = youth_detail(session, m.youth_id)
    meeting = session.get(Meeting, meeting_id)
    assert meeting is not None
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
            dc.AgendaFollowup("Åtgärd", a.what, a.responsible)
            for a in goal.actions
            if ItemRef(ItemKind.ACTION, a.id) in open_refs
        ]
    return dc.AgendaDoc(
        letterhead=_letterhead(session, today),
        youth_first_name=youth.data.first_name,
        meeting_date=m.starts_at.date(),
        start_time=m.starts_at.time(),
        end_time=_end(m).time(),
        place=m.place,
        chair=meeting.chair,
        note_taker=meeting.note_taker,
        purpose=PURPOSE,
        followups=followups,
    )


def _attendance(session: Session, meeting: Meeting) -> list[dc.AttendanceRow]:
    names = {
        (p.participant.kind, p.participant.id): (p.name, p.role)
        for p in participants_of(session, meeting.youth_id)
    }
    rows = []
    for a in session.scalars(select(Attendance).where(Attendance.meeting_id == meeting.id)):
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


def _new_actions(session: Session, meeting: Meeting) -> list[dc.NewActionRow]:
    """Actions first followed up at this meeting: the ones agreed there."""
    first_meeting = (
        select(FollowUp.action_id, func.min(Meeting.starts_at).label("first"))
        .join(Meeting, Meeting.id == FollowUp.meeting_id)
        .where(FollowUp.action_id.is_not(None), Meeting.youth_id == meeting.youth_id)
        .group_by(FollowUp.action_id)
        .subquery()
    )
    new_ids = set(
        session.scalars(
            select(first_meeting.c.action_id).where(first_meeting.c.first == meeting.starts_at)
        )
    )
    rows = []
    for goal in plan_of(session, meeting.youth_id):
        rows += [
            dc.NewActionRow(a.what, a.responsible, a.due_date)
            for a in goal.actions
            if a.id in new_ids
        ]
    return rows


def minutes_doc(session: Session, meeting_id: int, *, today: date) -> dc.MinutesDoc:
    """Minnesanteckningar; the distribution list holds only actors with valid consent."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(f"Möte {meeting_id} finns inte.")
    if meeting.status is not MeetingStatus.HELD:
        raise ValidationError("Möte", "Minnesanteckningar skrivs för ett genomfört möte.")
    youth = youth_detail(session, meeting.youth_id)
    day = meeting.starts_at.date()
    cover = coverage_on(session, meeting.youth_id, day)
    distribution = [
        dc.Person(a.contact_person or a.organisation, f"{a.actor_type.label}, {a.organisation}")
        for a in network_of(session, meeting.youth_id)
        if a.id in cover.covered_actor_ids
    ]
    notes = session.scalars(
        select(MeetingNote).where(MeetingNote.meeting_id == meeting_id).order_by(MeetingNote.item)
    )
    return dc.MinutesDoc(
        letterhead=_letterhead(session, today),
        youth_name=youth.full_name,
        meeting_date=day,
        start_time=meeting.starts_at.time(),
        end_time=(meeting.starts_at + timedelta(minutes=meeting.duration_minutes)).time(),
        place=meeting.place,
        chair=meeting.chair,
        note_taker=meeting.note_taker,
        attendance=_attendance(session, meeting),
        notes=[dc.AgendaNote(n.item, n.heading, n.text) for n in notes],
        followups=_followup_rows(session, meeting),
        new_actions=_new_actions(session, meeting),
        decisions=[line for line in meeting.decisions.splitlines() if line.strip()],
        next_meeting=_next_meeting(session, meeting.youth_id, after=meeting.starts_at),
        distribution=distribution,
    )


def default_meeting(session: Session, youth_id: int, kind: DocumentKind) -> int:
    """SPEC §8: the next planned meeting (kallelse, agenda), the latest held (minutes)."""
    if kind is DocumentKind.MINUTES:
        held = session.scalar(
            select(Meeting.id)
            .where(Meeting.youth_id == youth_id, Meeting.status == MeetingStatus.HELD)
            .order_by(Meeting.starts_at.desc())
            .limit(1)
        )
        if held is None:
            raise ValidationError(
                "Möte", "Ungdomen har inget genomfört möte att skriva minnesanteckningar från."
            )
        return held
    planned = planned_meetings(session, youth_id=youth_id)
    if not planned:
        raise ValidationError("Möte", "Ungdomen har inget planerat möte.")
    return planned[0].id


@dataclass(frozen=True)
class ExportRequest:
    kind: DocumentKind
    youth_id: int
    out: Path
    meeting_id: int | None = None
    overwrite: bool = False
    template_dir: Path | None = None
    include_personnummer: bool = False


def build_context(session: Session, request: ExportRequest, *, today: date) -> dc.DocContext:
    youth_detail(session, request.youth_id)  # NotFoundError for an unknown youth
    kind = request.kind
    if kind is DocumentKind.PLAN:
        return plan_doc(
            session,
            request.youth_id,
            today=today,
            include_personnummer=request.include_personnummer,
        )
    if kind is DocumentKind.PLAN_SHORT:
        return plan_short_doc(session, request.youth_id, today=today)
    meeting_id = request.meeting_id or default_meeting(session, request.youth_id, kind)
    if get_meeting(session, meeting_id).youth_id != request.youth_id:
        raise ValidationError("Möte", "Mötet hör till en annan ungdom.")
    if kind is DocumentKind.INVITATION:
        return invitation_doc(session, meeting_id, today=today)
    if kind is DocumentKind.AGENDA:
        return agenda_doc(session, meeting_id, today=today)
    return minutes_doc(session, meeting_id, today=today)


def export(session: Session, request: ExportRequest, *, today: date) -> Path:
    """Build, render and write one document; the export is noted in the event log."""
    context = build_context(session, request, today=today)
    data = render(request.kind, context, template_dir=request.template_dir)
    path = write_document(data, request.out, overwrite=request.overwrite)
    log_event(
        session,
        youth_id=request.youth_id,
        kind=EventKind.DOCUMENT_EXPORTED,
        summary=f"{DOC_LABELS[request.kind]} exporterad",
    )
    return path
