"""What the documents print: follow-ups of goals and delmål, the next meeting, the
meeting's new actions, weekdays and actor names, the worker's own agenda items, and the
consent that ended without being replaced (Att göra, the plan header)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from sigdesk.actors import ActorData, add_actor, add_to_network
from sigdesk.caseload import GuardianData, YouthData, add_guardian, add_youth
from sigdesk.catalogues import (
    ActorType,
    AttendanceStatus,
    ConsentGiver,
    LifeArea,
    PlanStatus,
    YouthStatus,
)
from sigdesk.consent import lapsed_consents, record_consent, withdraw_consent
from sigdesk.documents.builders import (
    ExportRequest,
    agenda_doc,
    default_meeting,
    export,
    invitation_doc,
    minutes_doc,
    plan_doc,
    plan_short_doc,
)
from sigdesk.documents.render import DocumentKind
from sigdesk.errors import ValidationError
from sigdesk.meeting_drafts import MeetingFinish, NewAction, finish_meeting
from sigdesk.meetings import (
    MeetingData,
    MeetingOutcome,
    hold_meeting,
    next_meeting,
    participants_of,
    plan_meeting,
    set_agenda,
)
from sigdesk.overview import TodoKind, todo_list
from sigdesk.plans import (
    ActionData,
    GoalData,
    ItemKind,
    ItemRef,
    SubGoalData,
    add_action,
    add_goal,
    add_subgoal,
    open_items,
)
from sigdesk.store.db import Caseload
from tests.core.test_render import document_text

BEFORE = date(2026, 11, 1)


def youth_with_network(s: Session, *, consent: bool = True) -> dict[str, int]:
    youth = add_youth(
        s,
        YouthData(
            "Nora",
            "Lind",
            birth_date=date(2012, 5, 5),
            status=YouthStatus.ACTIVE,
            start_date=date(2026, 10, 15),
        ),
        today=BEFORE,
    ).created_id
    assert youth is not None
    guardian = add_guardian(s, youth, GuardianData("Anna Lind", "Mamma")).created_id
    ids = {"youth": youth, "guardian": guardian or 0}
    for key, data in (
        ("bup", ActorData(ActorType.BUP, "BUP Järva", "Eva Bupsson")),
        ("police", ActorData(ActorType.POLICE, "Polisen Söderort", "Kim Berg")),
        ("jobs", ActorData(ActorType.LABOUR_MARKET, "Jobbtorg Stockholm", "Ali Ek")),
    ):
        actor = add_actor(s, data).created_id
        assert actor is not None
        add_to_network(s, youth, actor, today=BEFORE)
        ids[key] = actor
    if not consent:
        return ids
    record_consent(
        s,
        youth,
        given_by=ConsentGiver.GUARDIAN,
        guardian_id=guardian,
        signed_on=date(2026, 10, 15),
        actor_ids=[ids["bup"], ids["police"], ids["jobs"]],
        today=BEFORE,
    )
    return ids


def everyone_present(s: Session, youth: int) -> dict:  # type: ignore[type-arg]
    return {p.participant: AttendanceStatus.PRESENT for p in participants_of(s, youth)}


# --- point 4: goal and delmål follow-ups in both plans ----------------------------------


def test_both_plans_show_goal_and_delmal_followups(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        ids = youth_with_network(s)
        youth = ids["youth"]
        goal = add_goal(s, youth, GoalData(LifeArea.SCHOOL, "Gå i skolan")).created_id
        assert goal is not None
        sub = add_subgoal(s, goal, SubGoalData("Närvaro 80 % i december"), today=BEFORE)
        add_action(s, goal, ActionData("Väckning", ids["jobs"]), today=BEFORE)
        meeting = plan_meeting(
            s, youth, MeetingData(datetime(2026, 11, 19, 9, 0)), today=BEFORE
        ).created_id
        assert meeting is not None and sub.created_id is not None
        followups = {i: (PlanStatus.ONGOING, "") for i in open_items(s, youth)}
        followups[ItemRef(ItemKind.GOAL, goal)] = (PlanStatus.ONGOING, "Närvaron uppe i 82 %")
        followups[ItemRef(ItemKind.SUBGOAL, sub.created_id)] = (PlanStatus.PARTLY, "Nästan")
        outcome = MeetingOutcome(everyone_present(s, youth), followups)
        hold_meeting(s, meeting, outcome, today=date(2026, 11, 19))
        day = date(2026, 11, 22)
        full = plan_doc(s, youth, today=day)
        short = plan_short_doc(s, youth, today=day)
    for rows in (full.life_areas[0].goals[0].followups, short.goals[0].followups):
        assert [(f.level, f.status, f.comment) for f in rows] == [
            ("Mål", "Pågår", "Närvaron uppe i 82 %"),
            ("Delmål", "Delvis uppnått", "Nästan"),
        ]
        assert rows[0].day == date(2026, 11, 19)
    from sigdesk.documents.render import render

    for kind, context in ((DocumentKind.PLAN, full), (DocumentKind.PLAN_SHORT, short)):
        text = document_text(render(kind, context))
        assert "Närvaron uppe i 82 %" in text and "Delvis uppnått" in text, kind


# --- point 5: an unrecorded past meeting is never "Nästa möte" ----------------------------


def test_an_unrecorded_past_meeting_is_not_the_next(caseload: Caseload, tmp_path: Path) -> None:
    today = date(2026, 11, 26)
    with caseload.session_scope() as s:
        youth = youth_with_network(s)["youth"]
        past = plan_meeting(
            s, youth, MeetingData(datetime(2026, 11, 19, 9, 0), place="Skolan"), today=BEFORE
        ).created_id
        assert past is not None
        assert next_meeting(s, youth, today=today) is None
        assert plan_doc(s, youth, today=today).next_meeting is None
        assert plan_short_doc(s, youth, today=today).next_meeting is None
        with pytest.raises(ValidationError, match="2026-11-19 är varken registrerat"):
            default_meeting(s, youth, DocumentKind.INVITATION, today=today)
        later = plan_meeting(
            s, youth, MeetingData(datetime(2026, 12, 3, 9, 0), place="Gården"), today=today
        ).created_id
        row = next_meeting(s, youth, today=today)
        assert row is not None and row.id == later
        for kind in (DocumentKind.INVITATION, DocumentKind.AGENDA):
            assert default_meeting(s, youth, kind, today=today) == later
        nxt = plan_doc(s, youth, today=today).next_meeting
        assert nxt is not None and nxt.day == date(2026, 12, 3) and nxt.weekday == "torsdag"
        # a meeting on the day itself is still the next one
        assert next_meeting(s, youth, today=date(2026, 11, 19)) is not None
    out = tmp_path / "k.docx"
    with caseload.session_scope() as s:
        export(s, ExportRequest(DocumentKind.INVITATION, youth, out), today=today)
    assert "2026-12-03" in document_text(out) and "2026-11-19" not in document_text(out)


# --- point 6: "Nya åtgärder" are the actions agreed at that meeting -----------------------


def test_minutes_new_actions_are_only_those_agreed_at_the_meeting(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        ids = youth_with_network(s)
        youth = ids["youth"]
        goal = add_goal(s, youth, GoalData(LifeArea.SCHOOL, "Gå i skolan")).created_id
        assert goal is not None
        add_action(s, goal, ActionData("Väckning kl. 7", ids["jobs"]), today=BEFORE)
        add_action(s, goal, ActionData("Läxhjälp", ids["police"]), today=BEFORE)
        meeting = plan_meeting(
            s, youth, MeetingData(datetime(2026, 11, 19, 9, 0)), today=BEFORE
        ).created_id
        assert meeting is not None
        finish = MeetingFinish(
            MeetingOutcome(
                everyone_present(s, youth),
                {i: (PlanStatus.ONGOING, "") for i in open_items(s, youth)},
            ),
            new_actions=(NewAction(ActionData("Prova på boxning", ids["bup"]), goal_id=goal),),
        )
        finish_meeting(s, meeting, finish, today=date(2026, 11, 19))
        doc = minutes_doc(s, meeting, today=date(2026, 11, 20))
    assert [a.what for a in doc.new_actions] == ["Prova på boxning"]
    assert len(doc.followups) == 4  # the goal, the two old actions and the new one


# --- point 19: weekday and the actor's organisation once ----------------------------------


def test_kallelse_gives_weekday_and_actor_once(caseload: Caseload) -> None:
    from sigdesk.documents.render import render

    with caseload.session_scope() as s:
        youth = youth_with_network(s)["youth"]
        meeting = plan_meeting(
            s, youth, MeetingData(datetime(2026, 12, 17, 13, 0)), today=BEFORE
        ).created_id
        assert meeting is not None
        doc = invitation_doc(s, meeting, today=BEFORE)
    people = {p.name: p.organisation for p in doc.participants}
    assert people["Eva Bupsson"] == "BUP Järva"
    assert people["Kim Berg"] == "Polisen Söderort"
    assert people["Ali Ek"] == "Jobbtorg Stockholm (Arbetsmarknad/jobbtorg)"
    text = document_text(render(DocumentKind.INVITATION, doc))
    assert "torsdag 2026-12-17" in text
    assert "BUP, BUP Järva" not in text and "Polis, Polisen" not in text


# --- point 28: the worker's own agenda items --------------------------------------------


def test_own_agenda_items_reach_the_dagordning_and_kallelse(caseload: Caseload) -> None:
    from sigdesk.documents.render import render
    from sigdesk.meetings import meeting_agenda

    with caseload.session_scope() as s:
        youth = youth_with_network(s)["youth"]
        meeting = plan_meeting(
            s, youth, MeetingData(datetime(2026, 12, 17, 13, 0)), today=BEFORE
        ).created_id
        assert meeting is not None
        set_agenda(s, meeting, ["Sommarlovet", "  ", "Körkortsteori  "])
        assert meeting_agenda(s, meeting) == ["Sommarlovet", "Körkortsteori"]
        agenda = agenda_doc(s, meeting, today=BEFORE)
        invitation = invitation_doc(s, meeting, today=BEFORE)
    assert agenda.other_items == ["Sommarlovet", "Körkortsteori"]
    text = document_text(render(DocumentKind.AGENDA, agenda))
    assert "Sommarlovet" in text and "Körkortsteori" in text
    assert "Övrigt: Sommarlovet; Körkortsteori" in invitation.agenda_outline
    with pytest.raises(ValidationError), caseload.session_scope() as s:
        set_agenda(s, meeting, [f"Punkt {n}" for n in range(30)])


# --- point 2: a consent that ended and was not replaced -----------------------------------


@pytest.mark.parametrize("how", ["expired", "withdrawn"])
def test_an_ended_guardian_consent_is_in_att_gora_and_the_plan(
    caseload: Caseload, how: str
) -> None:
    day = date(2026, 12, 17)
    with caseload.session_scope() as s:
        ids = youth_with_network(s, consent=False)
        youth, guardian = ids["youth"], ids["guardian"]
        from sigdesk.consent import consents_of

        record_consent(  # the youth's own, for the job centre only: still valid
            s,
            youth,
            given_by=ConsentGiver.YOUTH,
            signed_on=date(2026, 10, 20),
            actor_ids=[ids["jobs"]],
            today=date(2026, 10, 20),
        )
        record_consent(
            s,
            youth,
            given_by=ConsentGiver.GUARDIAN,
            guardian_id=guardian,
            signed_on=date(2026, 10, 20),
            actor_ids=[ids["bup"], ids["police"]],
            valid_until=date(2026, 12, 10) if how == "expired" else None,
            today=date(2026, 10, 20),
        )
        if how == "withdrawn":
            ending = next(c.id for c in consents_of(s, youth) if c.guardian_id == guardian)
            withdraw_consent(s, ending, on=date(2026, 12, 10), today=date(2026, 12, 10))
    with caseload.session_scope() as s:
        items = [i for i in todo_list(s, today=day) if i.kind is TodoKind.CONSENT_ENDED]
        lapsed = lapsed_consents(s, youth, day)
        header = plan_doc(s, youth, today=day).consent_status
        before = [
            i for i in todo_list(s, today=date(2026, 12, 9)) if i.kind is TodoKind.CONSENT_ENDED
        ]
    assert [(i.youth_id, i.due) for i in items] == [(youth, date(2026, 12, 10))]
    assert "2026-12-10" in items[0].text
    assert [c.ended_on for c in lapsed] == [date(2026, 12, 10)]
    assert sorted(lapsed[0].actor_ids) == sorted([ids["bup"], ids["police"]])
    assert "Anna Lind" in header and "2026-12-10" in header
    assert before == []
    # a new consent covering the same actors answers it
    with caseload.session_scope() as s:
        record_consent(
            s,
            youth,
            given_by=ConsentGiver.YOUTH,
            signed_on=day,
            actor_ids=[ids["bup"], ids["police"]],
            today=day,
        )
    with caseload.session_scope() as s:
        assert not [i for i in todo_list(s, today=day) if i.kind is TodoKind.CONSENT_ENDED]
        assert lapsed_consents(s, youth, day) == []


def test_att_gora_and_lapsed_consents_agree_on_the_demo(caseload: Caseload) -> None:
    """The set-based Att göra query and `consent.lapsed_consents` name the same youths."""
    from sigdesk import demo
    from sigdesk.caseload_list import active_youths
    from sigdesk.overview import _dbapi

    built = date(2026, 11, 22)
    with caseload.session_scope() as s:
        demo.build(s, youths=40, seed=3, today=built)
    day = date(2026, 12, 20)  # the demo's expiring consents have ended by then
    with caseload.session_scope() as s:
        listed = {i.youth_id for i in todo_list(s, today=day) if i.kind is TodoKind.CONSENT_ENDED}
        active = [y.youth_id for y in active_youths(_dbapi(s))]
        computed = {y for y in active if lapsed_consents(s, y, day)}
    assert computed, "the demo has consents that end"
    assert listed == computed


# --- point 18: plan tables keep words whole -------------------------------------------------


@pytest.mark.parametrize("kind", [DocumentKind.PLAN, DocumentKind.PLAN_SHORT])
def test_plan_tables_are_wide_enough_and_hyphenate(kind: DocumentKind) -> None:
    """Columns where "fritidsaktivitet" and "höstterminen" fit whole at the table's type
    size (Word's hyphenation divides longer words at a syllable, never at the cell edge)."""
    import io

    import docx
    from docx.oxml.ns import qn

    from sigdesk.documents.render import template_path

    document = docx.Document(io.BytesIO(template_path(kind).read_bytes()))
    assert document.settings.element.find(qn("w:autoHyphenation")) is not None
    table = next(t for t in document.tables if "Uppföljning" in t.rows[0].cells[-1].text)
    widths_cm = [int(c.get(qn("w:w"))) / 567 for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    text_columns = [
        w
        for w, c in zip(widths_cm, table.rows[0].cells, strict=True)
        if c.text not in ("När", "Klart senast")
    ]
    assert min(text_columns) >= 3.25, widths_cm  # 16 letters at 8.5–9 pt need about 2.6 cm
    assert min(widths_cm) >= 2.05, widths_cm  # a date, 2026-12-17, on one line
