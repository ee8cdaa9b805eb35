"""The Word documents' contexts built from the caseload, and the export in one call.

Each builder reads through the services and returns a plain `documents.context` dataclass;
`export` renders it, writes it safely and notes the export in the youth's event log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sigdesk.actors import network_of
from sigdesk.caseload import get_profile, youth_detail
from sigdesk.catalogues import EventKind, MeetingStatus
from sigdesk.consent import (
    Disclosure,
    WithheldActor,
    consents_of,
    coverage_on,
    disclosure_on,
    lapsed_consents,
)
from sigdesk.documents import context as dc
from sigdesk.documents.meetings import (
    PURPOSE,
    agenda_doc,
    invitation_doc,
    letterhead,
    minutes_doc,
    next_meeting_of,
    responsible,
)
from sigdesk.documents.render import DocumentKind, render, write_document
from sigdesk.errors import ValidationError
from sigdesk.eventlog import log_event
from sigdesk.meetings import get_meeting, next_meeting, planned_meetings
from sigdesk.models import Meeting
from sigdesk.plans import ActionView, GoalView, plan_of

__all__ = [
    "DOC_LABELS",
    "PURPOSE",
    "ExportRequest",
    "ExportResult",
    "agenda_doc",
    "build_context",
    "default_meeting",
    "export",
    "invitation_doc",
    "minutes_doc",
    "plan_doc",
    "plan_short_doc",
]

#: The documents' names in Swedish, for the event log and file names.
DOC_LABELS = {
    DocumentKind.PLAN: "Åtgärdsplan",
    DocumentKind.PLAN_SHORT: "Åtgärdsplan (kort)",
    DocumentKind.INVITATION: "Kallelse",
    DocumentKind.AGENDA: "Dagordning",
    DocumentKind.MINUTES: "Minnesanteckningar",
}


def _action_row(a: ActionView, rule: Disclosure) -> dc.ActionRow:
    latest = a.latest
    return dc.ActionRow(
        what=a.what,
        responsible=responsible(a, rule),
        due=a.due_date,
        followup_status=latest.status.label if latest else "",
        followup_date=latest.meeting_date if latest else None,
        followup_comment=latest.comment if latest else "",
    )


def _item_followups(goal: GoalView) -> list[dc.ItemFollowup]:
    """The latest follow-up of the goal and of each delmål (those followed up)."""
    rows = []
    if goal.latest is not None:
        f = goal.latest
        rows.append(dc.ItemFollowup("Mål", "", f.status.label, f.meeting_date, f.comment))
    for sub in goal.subgoals:
        if sub.latest is not None:
            f = sub.latest
            rows.append(
                dc.ItemFollowup(
                    "Delmål", sub.description, f.status.label, f.meeting_date, f.comment
                )
            )
    return rows


def _goal_row(goal: GoalView, rule: Disclosure) -> dc.GoalRow:
    # each delmål on its lines, its date on a line of its own so a narrow column never
    # breaks the date at a hyphen
    subs = "\n".join(
        f"• {s.description}" + (f"\nsenast {s.target_date}" if s.target_date else "")
        for s in goal.subgoals
    )
    return dc.GoalRow(
        nulage=goal.current_situation,
        goal=goal.description,
        own_words=goal.own_words,
        sub_goals=subs,
        actions=[_action_row(a, rule) for a in goal.actions],
        followups=_item_followups(goal),
    )


def _consent_line(session: Session, youth_id: int, today: date) -> str:
    """The plan header's consent status, with every consent that ended and was not replaced."""
    lapsed = [c.text() for c in lapsed_consents(session, youth_id, today)]
    valid = [c for c in consents_of(session, youth_id) if c.is_valid_on(today)]
    if not valid:
        return "; ".join(["Inget giltigt samtycke", *lapsed])
    givers = sorted({c.guardian_name or c.given_by.label for c in valid})
    cover = coverage_on(session, youth_id, today)
    total = len(cover.covered_actor_ids) + len(cover.uncovered_actor_ids)
    signed = min(c.signed_on for c in valid)
    line = (
        f"Samtycke från {', '.join(givers)}, undertecknat {signed}; "
        f"gäller {len(cover.covered_actor_ids)} av {total} aktörer i nätverket"
    )
    return "; ".join([line, *lapsed])


def plan_doc(
    session: Session, youth_id: int, *, today: date, include_personnummer: bool = False
) -> dc.PlanDoc:
    """Åtgärdsplan (full): personnummer only when the setting allows it."""
    youth = youth_detail(session, youth_id)
    cover = coverage_on(session, youth_id, today)
    rule = disclosure_on(session, youth_id, today)
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
        if rule.names(a.id)
    ]
    sections: dict[str, list[dc.GoalRow]] = {}
    for goal in plan_of(session, youth_id):
        sections.setdefault(goal.life_area.label, []).append(_goal_row(goal, rule))
    signatures = [dc.SignatureLine("Ungdomen", youth.full_name)]
    signatures += [dc.SignatureLine("Vårdnadshavare", g.name) for g in youth.guardians]
    profile = get_profile(session)
    signatures.append(dc.SignatureLine("Socialtjänsten", profile.name if profile else ""))
    return dc.PlanDoc(
        letterhead=letterhead(session, today),
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
        next_meeting=next_meeting_of(session, youth_id, today=today),
        signatures=signatures,
    )


def plan_short_doc(session: Session, youth_id: int, *, today: date) -> dc.PlanShortDoc:
    youth = youth_detail(session, youth_id)
    rule = disclosure_on(session, youth_id, today)
    goals = [
        dc.ShortGoal(
            g.life_area.label,
            g.description,
            [_action_row(a, rule) for a in g.actions],
            _item_followups(g),
        )
        for g in plan_of(session, youth_id)
    ]
    return dc.PlanShortDoc(
        letterhead=letterhead(session, today),
        youth_name=youth.full_name,
        track=youth.data.track.label,
        goals=goals,
        next_meeting=next_meeting_of(session, youth_id, today=today),
    )


def default_meeting(session: Session, youth_id: int, kind: DocumentKind, *, today: date) -> int:
    """SPEC §8: the next meeting (kallelse, agenda; §4, never an unrecorded past one),
    the latest held (minutes)."""
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
    upcoming = next_meeting(session, youth_id, today=today)
    if upcoming is None:
        past = planned_meetings(session, youth_id=youth_id)
        unrecorded = (
            f" Mötet {past[-1].starts_at:%Y-%m-%d} är varken registrerat som genomfört "
            "eller inställt."
            if past
            else ""
        )
        raise ValidationError(
            "Möte", "Ungdomen har inget planerat möte i dag eller senare." + unrecorded
        )
    return upcoming.id


@dataclass(frozen=True)
class ExportRequest:
    kind: DocumentKind
    youth_id: int
    out: Path
    meeting_id: int | None = None
    overwrite: bool = False
    template_dir: Path | None = None
    include_personnummer: bool = False
    #: Caseloads in use: never an output, even with `overwrite` (sigdesk.store.outputs).
    protect: tuple[Path, ...] = ()


@dataclass(frozen=True)
class ExportResult:
    """A written document and what the confidentiality rule left out of it."""

    path: Path
    rule: Disclosure

    @property
    def withheld(self) -> tuple[WithheldActor, ...]:
        return self.rule.withheld

    def notice(self) -> str:
        """One Swedish line on what was withheld and why ("" when nothing was)."""
        return self.rule.notice()


def document_day(context: dc.DocContext) -> date:
    """The date the confidentiality rule is applied on: the meeting's, else the plan's."""
    if isinstance(context, dc.InvitationDoc | dc.AgendaDoc | dc.MinutesDoc):
        return context.meeting_date
    return context.letterhead.document_date


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
    meeting_id = request.meeting_id or default_meeting(session, request.youth_id, kind, today=today)
    if get_meeting(session, meeting_id).youth_id != request.youth_id:
        raise ValidationError("Möte", "Mötet hör till en annan ungdom.")
    if kind is DocumentKind.INVITATION:
        return invitation_doc(session, meeting_id, today=today)
    if kind is DocumentKind.AGENDA:
        return agenda_doc(session, meeting_id, today=today)
    return minutes_doc(session, meeting_id, today=today)


def export(session: Session, request: ExportRequest, *, today: date) -> ExportResult:
    """Build, render and write one document; the export is noted in the event log.

    The result says which network actors the confidentiality rule left out (SPEC §5).
    """
    context = build_context(session, request, today=today)
    rule = disclosure_on(session, request.youth_id, document_day(context))
    data = render(request.kind, context, template_dir=request.template_dir)
    path = write_document(data, request.out, overwrite=request.overwrite, protect=request.protect)
    log_event(
        session,
        youth_id=request.youth_id,
        kind=EventKind.DOCUMENT_EXPORTED,
        summary=f"{DOC_LABELS[request.kind]} exporterad",
    )
    return ExportResult(path, rule)
