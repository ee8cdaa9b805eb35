"""The deadline overview and the one "Att göra" list, over real caseloads."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sigdesk import demo
from sigdesk.actors import ActorData, add_actor, add_to_network
from sigdesk.caseload import YouthData, add_youth, close_youth
from sigdesk.catalogues import ActorType, ClosureReason, ConsentGiver, YouthStatus
from sigdesk.consent import record_consent
from sigdesk.deadlines import DeadlineStatus
from sigdesk.meetings import MeetingData, plan_meeting
from sigdesk.overview import TodoKind, caseload_rows, deadline_overview, todo_list
from sigdesk.schedule import calendar_entries, propose_for_youth
from sigdesk.store.db import Caseload
from tests.conftest import TODAY


def _active(s, name: str, start: date) -> int:  # type: ignore[no-untyped-def]
    data = YouthData(name, "Test", status=YouthStatus.ACTIVE, start_date=start)
    return add_youth(s, data, today=TODAY).created_id


def test_each_status_and_the_todo_list(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        police = add_actor(s, ActorData(ActorType.POLICE, "Polisen")).created_id
        school = add_actor(s, ActorData(ActorType.SCHOOL, "Skolan")).created_id
        _active(s, "Sen", TODAY - timedelta(days=40))
        _active(s, "Snart", TODAY - timedelta(days=30))
        ok = _active(s, "Lugn", TODAY - timedelta(days=5))
        in_time = _active(s, "Planerad", TODAY - timedelta(days=20))
        too_late = _active(s, "Sent", TODAY - timedelta(days=20))
        plan_meeting(s, in_time, MeetingData(datetime(2026, 12, 1, 9)), today=TODAY)
        plan_meeting(s, too_late, MeetingData(datetime(2027, 1, 8, 9)), today=TODAY)
        for actor in (police, school):
            add_to_network(s, ok, actor, today=TODAY)
        record_consent(
            s,
            ok,
            given_by=ConsentGiver.YOUTH,
            signed_on=TODAY - timedelta(days=5),
            valid_until=TODAY + timedelta(days=10),
            actor_ids=[police],
            today=TODAY,
        )
        closed = _active(s, "Klar", date(2026, 1, 5))
        close_youth(
            s, closed, closed_on=date(2026, 5, 20), reason=ClosureReason.GOALS_MET, today=TODAY
        )
    with caseload.session_scope() as s:
        statuses = {r.first_name: r.info.status for r in deadline_overview(s, today=TODAY)}
        todo = todo_list(s, today=TODAY)
        rows = caseload_rows(s, today=TODAY)
    assert statuses == {
        "Sen": DeadlineStatus.OVERDUE,
        "Snart": DeadlineStatus.SOON,
        "Lugn": DeadlineStatus.OK,
        "Planerad": DeadlineStatus.IN_TIME,
        "Sent": DeadlineStatus.PLANNED_TOO_LATE,
    }
    kinds = {(i.kind, i.youth_name.split()[0]) for i in todo}
    assert (TodoKind.OVERDUE, "Sen") in kinds
    assert (TodoKind.SOON, "Snart") in kinds
    assert (TodoKind.PLANNED_TOO_LATE, "Sent") in kinds
    assert (TodoKind.CONSENT_EXPIRING, "Lugn") in kinds
    assert (TodoKind.CONSENT_MISSING, "Lugn") in kinds  # the school is not covered
    assert (TodoKind.ACTOR_MISSING, "Sen") in kinds
    assert (TodoKind.ACTOR_MISSING, "Lugn") not in kinds
    assert (TodoKind.POST_CLOSURE_FOLLOWUP, "Klar") in kinds  # 2026-11-20 + 6 months… due
    assert todo[0].kind is TodoKind.OVERDUE  # most urgent first
    closed_row = next(r for r in rows if r.first_name == "Klar")
    assert closed_row.deadline is None and len(rows) == 6


def test_demo_caseload_has_every_situation(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        demo.build(s, youths=30, seed=7, today=TODAY)
    with caseload.session_scope() as s:
        statuses = {r.info.status for r in deadline_overview(s, today=TODAY)}
        kinds = {i.kind for i in todo_list(s, today=TODAY)}
        rows = caseload_rows(s, today=TODAY)
    assert statuses == set(DeadlineStatus)
    assert {TodoKind.OVERDUE, TodoKind.SOON, TodoKind.ACTOR_MISSING} <= kinds
    assert {r.status for r in rows} == set(YouthStatus)


def test_proposal_and_calendar_entries(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        youth = _active(s, "Ella", date(2026, 11, 2))
        proposal = propose_for_youth(s, youth, today=TODAY)
        assert proposal.starts_at is not None
        assert date(2026, 11, 23) <= proposal.starts_at.date() <= date(2026, 12, 7)
        plan_meeting(s, youth, MeetingData(proposal.starts_at, place="Skolan"), today=TODAY)
        entries = calendar_entries(s)
    assert [e.summary for e in entries] == ["SIG nätverksmöte – Ella"]
    assert "Test" not in entries[0].summary  # first name only leaves the caseload
