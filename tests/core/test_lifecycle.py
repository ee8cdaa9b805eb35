"""Closure, the follow-up after it, reopening and deleting a youth, on a real encrypted caseload."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import func, select, text

from sigdesk.actors import ActorData, add_actor, add_to_network
from sigdesk.caseload import (
    GuardianData,
    YouthData,
    add_guardian,
    add_youth,
    update_youth,
    youth_detail,
)
from sigdesk.catalogues import (
    ActorType,
    AttendanceStatus,
    ClosureReason,
    DeletionReason,
    EventKind,
    FollowupOutcome,
    LifeArea,
    MeetingStatus,
    YouthStatus,
)
from sigdesk.errors import NotFoundError, ValidationError
from sigdesk.eventlog import events_of
from sigdesk.lifecycle import (
    close_sig,
    delete_youth,
    delete_youths,
    meetings_to_cancel,
    periods_of,
    record_followup,
    reopen_youth,
    youth_summaries,
)
from sigdesk.meeting_drafts import save_draft
from sigdesk.meetings import (
    MeetingData,
    MeetingOutcome,
    Participant,
    ParticipantKind,
    hold_meeting,
    meetings_of,
    plan_meeting,
)
from sigdesk.models import Actor, YouthDeletion
from sigdesk.overview import TodoKind, caseload_rows, deadline_overview, todo_list
from sigdesk.plans import GoalData, add_goal
from sigdesk.schedule import calendar_entries, propose_for_youth
from sigdesk.store.db import Caseload
from tests.conftest import TODAY

YOUTH = Participant(ParticipantKind.YOUTH)


def _active(s, first: str = "Nora", start: date = date(2026, 1, 5)) -> int:  # type: ignore[no-untyped-def]
    data = YouthData(first, "Exempelsson", status=YouthStatus.ACTIVE, start_date=start)
    return add_youth(s, data, today=TODAY).created_id


def _held(s, youth_id: int, at: datetime) -> int:  # type: ignore[no-untyped-def]
    meeting = plan_meeting(s, youth_id, MeetingData(at, 60, "Skolan"), today=at.date()).created_id
    hold_meeting(s, meeting, MeetingOutcome({YOUTH: AttendanceStatus.PRESENT}, {}), today=TODAY)
    return meeting


def _planned(s, youth_id: int, at: datetime) -> int:  # type: ignore[no-untyped-def]
    return plan_meeting(s, youth_id, MeetingData(at, 60, "Skolan"), today=TODAY).created_id


def _close(s, youth_id: int, *, cancel: tuple[int, ...] = (), on: date = date(2026, 4, 1)) -> None:  # type: ignore[no-untyped-def]
    close_sig(
        s,
        youth_id=youth_id,
        closed_on=on,
        reason=ClosureReason.GOALS_MET,
        comment="Målen nådda, skolan fungerar.",
        cancel_meeting_ids=cancel,
        today=TODAY,
    )


def test_closing_cancels_the_ticked_planned_meetings(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        youth = _active(s)
        first = _planned(s, youth, datetime(2026, 12, 1, 10, 0))
        kept = _planned(s, youth, datetime(2026, 12, 15, 10, 0))
        offered = meetings_to_cancel(s, youth_id=youth)
    assert [m.id for m in offered] == [first, kept]
    with caseload.session_scope() as s:
        _close(s, youth, cancel=(first,), on=TODAY)
    with caseload.session_scope() as s:
        status = {m.id: m.status for m in meetings_of(s, youth)}
        exported = calendar_entries(s)
        detail = youth_detail(s, youth)
    assert status == {first: MeetingStatus.CANCELLED, kept: MeetingStatus.PLANNED}
    assert [e.starts_at for e in exported] == [datetime(2026, 12, 15, 10, 0)]
    assert detail.closure_comment == "Målen nådda, skolan fungerar."
    with pytest.raises(ValidationError), caseload.session_scope() as s:
        plan_meeting(s, youth, MeetingData(datetime(2026, 12, 20, 10, 0)), today=TODAY)


def test_a_meeting_of_another_youth_is_not_cancelled(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        youth, other = _active(s), _active(s, "Omar")
        theirs = _planned(s, other, datetime(2026, 12, 1, 10, 0))
    with pytest.raises(NotFoundError), caseload.session_scope() as s:
        _close(s, youth, cancel=(theirs,), on=TODAY)
    with caseload.session_scope() as s:
        assert youth_detail(s, youth).data.status is YouthStatus.ACTIVE  # nothing changed
        assert meetings_of(s, other)[0].status is MeetingStatus.PLANNED


def test_recording_the_followup_clears_the_todo_item(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        youth = _active(s)
        _close(s, youth, on=date(2026, 5, 1))
    with caseload.session_scope() as s:
        due = [i for i in todo_list(s, today=TODAY) if i.kind is TodoKind.POST_CLOSURE_FOLLOWUP]
    assert [(i.youth_id, i.due) for i in due] == [(youth, date(2026, 11, 1))]
    with caseload.session_scope() as s:
        record_followup(
            s,
            youth_id=youth,
            done_on=date(2026, 11, 3),
            outcome=FollowupOutcome.NO_NEW_SUSPICION,
            comment="Samtal med mamma.",
            today=TODAY,
        )
    with caseload.session_scope() as s:
        kinds = {i.kind for i in todo_list(s, today=TODAY)}
        (period,) = periods_of(s, youth_id=youth)
        log = events_of(s, youth_id=youth)
    assert TodoKind.POST_CLOSURE_FOLLOWUP not in kinds
    assert period.followup_done_on == date(2026, 11, 3)
    assert period.followup_result is FollowupOutcome.NO_NEW_SUSPICION
    assert period.followup_comment == "Samtal med mamma."
    assert log[0].kind is EventKind.FOLLOWUP_RECORDED


def test_a_youth_handed_over_gets_no_followup_here_unless_asked(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        handed, asked = _active(s), _active(s, "Omar")
        for youth, followup in ((handed, None), (asked, date(2026, 11, 25))):
            close_sig(
                s,
                youth_id=youth,
                closed_on=date(2026, 5, 1),
                reason=ClosureReason.HANDED_OVER,
                followup_on=followup,
                today=TODAY,
            )
    with caseload.session_scope() as s:
        due = [i for i in todo_list(s, today=TODAY) if i.kind is TodoKind.POST_CLOSURE_FOLLOWUP]
        periods = {y: periods_of(s, youth_id=y)[0].followup_on for y in (handed, asked)}
    assert [i.youth_id for i in due] == [asked]
    assert periods == {handed: None, asked: date(2026, 11, 25)}


@pytest.mark.parametrize(
    ("done_on", "field"), [(date(2026, 4, 30), "Uppföljd"), (date(2026, 11, 23), "Uppföljd")]
)
def test_a_followup_before_the_closure_or_in_the_future_is_refused(
    caseload: Caseload, done_on: date, field: str
) -> None:
    with caseload.session_scope() as s:
        youth = _active(s)
        _close(s, youth, on=date(2026, 5, 1))
    with pytest.raises(ValidationError) as info, caseload.session_scope() as s:
        record_followup(
            s, youth_id=youth, done_on=done_on, outcome=FollowupOutcome.MOVED, today=TODAY
        )
    assert info.value.field == field
    with caseload.session_scope() as s:
        assert periods_of(s, youth_id=youth)[0].followup_done_on is None


def test_reopening_keeps_the_history_and_moves_the_deadline(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        youth = _active(s)
        _held(s, youth, datetime(2026, 3, 2, 10, 0))
        _close(s, youth)
        reopen_youth(
            s, youth_id=youth, start_on=date(2026, 11, 10), note="Ny oro från skolan.", today=TODAY
        )
    with caseload.session_scope() as s:
        periods = periods_of(s, youth_id=youth)
        (row,) = deadline_overview(s, today=TODAY)
        listed = {r.youth_id: r for r in caseload_rows(s, today=TODAY)}[youth]
        proposal = propose_for_youth(s, youth, today=TODAY)
        detail = youth_detail(s, youth)
    first, current = periods
    assert (first.started_on, first.closed_on) == (date(2026, 1, 5), date(2026, 4, 1))
    assert (first.reopened_on, first.reopen_note) == (date(2026, 11, 10), "Ny oro från skolan.")
    assert (current.started_on, current.closed_on) == (date(2026, 11, 10), None)
    assert detail.data.status is YouthStatus.ACTIVE and detail.closed_on is None
    # the meeting of 2 March belongs to the first period: the new start is the anchor
    assert row.last_held is None
    assert row.info.anchor == date(2026, 11, 10)
    assert row.info.deadline == date(2026, 12, 15)
    assert listed.deadline is not None and listed.deadline.deadline == date(2026, 12, 15)
    assert proposal.deadline == date(2026, 12, 15)
    with caseload.session_scope() as s:
        _held(s, youth, datetime(2026, 11, 20, 10, 0))
    with caseload.session_scope() as s:
        (row,) = deadline_overview(s, today=TODAY)
    assert row.last_held == date(2026, 11, 20)
    assert row.info.deadline == date(2026, 12, 25)


def test_a_reopened_youth_closes_again_into_a_second_period(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        youth = _active(s)
        _close(s, youth)
        reopen_youth(s, youth_id=youth, start_on=date(2026, 6, 1), today=TODAY)
        _close(s, youth, on=date(2026, 10, 1))
    with caseload.session_scope() as s:
        periods = periods_of(s, youth_id=youth)
        (summary,) = youth_summaries(s, include_all=True)
    assert [(p.started_on, p.closed_on) for p in periods] == [
        (date(2026, 1, 5), date(2026, 4, 1)),
        (date(2026, 6, 1), date(2026, 10, 1)),
    ]
    assert summary.closed == date(2026, 10, 1)


def test_reopen_before_the_closure_is_refused(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        youth = _active(s)
        _close(s, youth)
    with pytest.raises(ValidationError) as info, caseload.session_scope() as s:
        reopen_youth(s, youth_id=youth, start_on=date(2026, 3, 31), today=TODAY)
    assert info.value.field == "Ny start"
    assert "före avslutet" in info.value.message
    with caseload.session_scope() as s:
        assert youth_detail(s, youth).data.status is YouthStatus.CLOSED
        assert periods_of(s, youth_id=youth)[0].reopened_on is None


def test_the_editor_is_no_back_door_around_reopening(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        youth = _active(s)
        _close(s, youth)
    with caseload.session_scope() as s:
        data = youth_detail(s, youth).data
    with pytest.raises(ValidationError) as info, caseload.session_scope() as s:
        update_youth(s, youth, replace(data, status=YouthStatus.ACTIVE), today=TODAY)
    assert "Återuppta SIG" in info.value.message
    with caseload.session_scope() as s:  # other fields of a closed youth can still be edited
        update_youth(s, youth, replace(data, school="Farstaskolan"), today=TODAY)
        assert youth_detail(s, youth).data.status is YouthStatus.CLOSED


def _full_youth(s) -> dict[str, int]:  # type: ignore[no-untyped-def]
    youth = _active(s, "Kanarie")
    _held(s, youth, datetime(2026, 11, 2, 10, 0))  # held before the network grew
    add_guardian(s, youth, GuardianData("Vårdnadshavare Kanarie", "Mamma"))
    police = add_actor(s, ActorData(ActorType.POLICE, "Polisen Söderort", "Kim")).created_id
    add_to_network(s, youth, police, today=TODAY)
    add_goal(s, youth, GoalData(LifeArea.SCHOOL, "Gå i skolan"))
    running = _planned(s, youth, datetime(2026, 11, 30, 10, 0))
    save_draft(s, running, {"notes": {"1": "Utkast om Kanarie"}})
    return {"youth": youth, "police": police, "running": running}


def test_deleting_a_youth_takes_everything_and_logs_no_name(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        ids = _full_youth(s)
        other = _active(s, "Omar")
    with caseload.session_scope() as s:
        delete_youth(
            s,
            youth_id=ids["youth"],
            typed_name="  kanarie   Exempelsson ",
            reason=DeletionReason.MISTAKE,
        )
    with caseload.engine.connect() as conn:
        query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'alembic_version'"
        tables = [t for (t,) in conn.execute(text(query))]
        left = {t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar() for t in tables}
    # only the other youth (and its log), the address book's actor and the deletion row remain
    assert {t: n for t, n in left.items() if n} == {
        "youth": 1,
        "event": 1,
        "actor": 1,
        "youth_deletion": 1,
    }
    with caseload.session_scope() as s:
        (row,) = s.scalars(select(YouthDeletion))
        assert row.reason is DeletionReason.MISTAKE and row.cleaned_at is None
        assert s.get(Actor, ids["police"]) is not None
        assert [y.youth_id for y in youth_summaries(s)] == [other]


def test_a_wrong_typed_name_deletes_nothing(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        youth = _active(s)
    with pytest.raises(ValidationError) as info, caseload.session_scope() as s:
        delete_youth(s, youth_id=youth, typed_name="Nora Exempel", reason=DeletionReason.MISTAKE)
    assert "stämmer inte" in info.value.message
    with caseload.session_scope() as s:
        assert youth_detail(s, youth).full_name == "Nora Exempelsson"
        assert s.scalar(select(func.count()).select_from(YouthDeletion)) == 0


def test_a_draft_saved_after_its_youth_was_deleted_is_refused_clearly(
    caseload: Caseload,
) -> None:
    with caseload.session_scope() as s:
        ids = _full_youth(s)
    with caseload.session_scope() as s:
        delete_youths(s, youth_ids=[ids["youth"]], reason=DeletionReason.MISTAKE)
    with pytest.raises(NotFoundError) as info, caseload.session_scope() as s:
        save_draft(s, ids["running"], {"notes": {"1": "mer text"}})
    assert "finns inte" in info.value.message


def test_unknown_ids_delete_nothing(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        youth = _active(s)
    with pytest.raises(NotFoundError), caseload.session_scope() as s:
        delete_youths(s, youth_ids=[youth, youth + 100], reason=DeletionReason.GALLRING)
    with caseload.session_scope() as s:
        assert [y.youth_id for y in youth_summaries(s)] == [youth]


def test_youth_summaries_active_or_all(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        active = _active(s, "Alva")
        closed = _active(s, "Bo")
        _close(s, closed)
        proposed = add_youth(s, YouthData("Cleo", "Exempelsson"), today=TODAY).created_id
    with caseload.session_scope() as s:
        only_active = [r.as_json() for r in youth_summaries(s)]
        every = {r.youth_id: r.as_json() for r in youth_summaries(s, include_all=True)}
    assert only_active == [
        {
            "youth_id": active,
            "name": "Alva Exempelsson",
            "status": "aktiv",
            "start": "2026-01-05",
            "closed": None,
            "closure_reason": None,
        }
    ]
    assert every[closed]["closed"] == "2026-04-01"
    assert every[closed]["closure_reason"] == "mal_uppfyllda"
    assert every[closed]["status"] == "avslutad"
    assert every[proposed]["status"] == "forslag" and every[proposed]["start"] is None
