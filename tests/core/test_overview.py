"""The deadline overview and the one "Att göra" list, over real caseloads."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sigdesk import demo
from sigdesk.actors import ActorData, add_actor, add_to_network, missing_required_actors, network_of
from sigdesk.caseload import GuardianData, YouthData, add_guardian, add_youth, close_youth
from sigdesk.caseload_list import CaseloadRow, flaggable_deadlines
from sigdesk.catalogues import ActorType, ClosureReason, ConsentGiver, YouthStatus
from sigdesk.consent import consents_of, counts_for, coverage_on, record_consent
from sigdesk.deadlines import DeadlineInfo, DeadlineStatus
from sigdesk.meetings import MeetingData, plan_meeting
from sigdesk.overview import (
    CONSENT_WARNING_DAYS,
    TodoKind,
    _dbapi,
    caseload_rows,
    deadline_overview,
    todo_list,
)
from sigdesk.schedule import calendar_entries, propose_for_youth
from sigdesk.store.db import Caseload
from tests.conftest import TODAY

_DEADLINE_KINDS = {
    TodoKind.OVERDUE,
    TodoKind.SOON,
    TodoKind.PLANNED_TOO_LATE,
    TodoKind.UNRECORDED_MEETING,
}


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


def _flagged(info: DeadlineInfo) -> bool:
    return info.past_planned > 0 or info.status in {
        DeadlineStatus.OVERDUE,
        DeadlineStatus.SOON,
        DeadlineStatus.PLANNED_TOO_LATE,
    }


def test_att_gora_reads_exactly_the_deadlines_the_rule_flags(caseload: Caseload) -> None:
    """`flaggable_deadlines` (the SQL leaves out youths the rule cannot flag) gives every
    row of the full deadline overview the rule flags, in the same order, on any day."""
    with caseload.session_scope() as s:
        demo.build(s, youths=60, seed=11, today=TODAY)
    with caseload.session_scope() as s:
        conn = _dbapi(s)
        left_out = 0
        for offset in range(-70, 140, 3):
            day = TODAY + timedelta(days=offset)
            for warning in (0, 7, 14):
                every = deadline_overview(s, today=day, warning_days=warning)
                read = flaggable_deadlines(conn, today=day, warning_days=warning)
                flagged = [r for r in read if _flagged(r.info)]
                assert flagged == [r for r in every if _flagged(r.info)], (day, warning)
                assert all(r in every for r in read)
                left_out += len(every) - len(read)
        assert left_out > 0  # the filter does leave youths out
        # and "Att göra" shows those rows' items
        day = TODAY + timedelta(days=10)
        items = todo_list(s, today=day)
        shown = {i.youth_id for i in items if i.kind in _DEADLINE_KINDS}
        flagged = {r.youth_id for r in deadline_overview(s, today=day) if _flagged(r.info)}
        assert shown == flagged and shown


def test_att_gora_leaves_closed_youths_out_of_consent_and_network_items(
    caseload: Caseload,
) -> None:
    """The consent and network items come from queries that select active youths."""
    with caseload.session_scope() as s:
        demo.build(s, youths=40, seed=3, today=TODAY)
    with caseload.session_scope() as s:
        active = {r.youth_id for r in caseload_rows(s, today=TODAY) if r.deadline is not None}
        items = todo_list(s, today=TODAY + timedelta(days=30))
    kinds = {
        TodoKind.CONSENT_EXPIRING,
        TodoKind.CONSENT_MISSING,
        TodoKind.CONSENT_ENDED,
        TodoKind.ACTOR_MISSING,
    }
    about = [i for i in items if i.kind in kinds]
    assert about and {i.youth_id for i in about} <= active


_PER_YOUTH_KINDS = {TodoKind.CONSENT_EXPIRING, TodoKind.CONSENT_MISSING, TodoKind.ACTOR_MISSING}


def _per_youth_items(s, row: CaseloadRow, day: date) -> dict:  # type: ignore[no-untyped-def]
    """The consent and network items of one youth, from the per-youth functions."""
    items = {}
    warn_until = day + timedelta(days=CONSENT_WARNING_DAYS)
    ends = [
        c.valid_until
        for c in consents_of(s, row.youth_id)
        if c.valid_until is not None
        and c.valid_until <= warn_until
        and counts_for(c, birth_date=row.birth_date, day=day)
    ]
    if ends:
        items[TodoKind.CONSENT_EXPIRING] = (min(ends), f"Samtycke upphör {min(ends)}")
    if n := len(coverage_on(s, row.youth_id, day).uncovered_actor_ids):
        text = f"{n} aktör{'er' if n > 1 else ''} i nätverket saknar giltigt samtycke"
        items[TodoKind.CONSENT_MISSING] = (None, text)
    if missing := missing_required_actors(network_of(s, row.youth_id)):
        text = " och ".join(t.label for t in missing) + " saknas i nätverket"
        items[TodoKind.ACTOR_MISSING] = (None, text)
    return {(kind, row.youth_id, row.name): value for kind, value in items.items()}


def _turning_18(s, *, on: date) -> None:  # type: ignore[no-untyped-def]
    """A youth who turns 18 `on` that day: a guardian's consent covers polis and skola
    (and ends two months on), the youth's own covers skola only."""
    police = add_actor(s, ActorData(ActorType.POLICE, "Polisen Väst")).created_id
    school = add_actor(s, ActorData(ActorType.SCHOOL, "Skolan Väst")).created_id
    born = on.replace(year=on.year - 18)
    data = YouthData("Vuxen", "Test", status=YouthStatus.ACTIVE, birth_date=born, start_date=TODAY)
    youth = add_youth(s, data, today=TODAY).created_id
    for actor in (police, school):
        add_to_network(s, youth, actor, today=TODAY)
    guardian = add_guardian(s, youth, GuardianData("Förälder Test")).created_id
    signed = TODAY - timedelta(days=10)
    record_consent(
        s,
        youth,
        given_by=ConsentGiver.GUARDIAN,
        guardian_id=guardian,
        signed_on=signed,
        valid_until=on + timedelta(days=10),
        actor_ids=[police, school],
        today=TODAY,
    )
    record_consent(
        s, youth, given_by=ConsentGiver.YOUTH, signed_on=signed, actor_ids=[school], today=TODAY
    )


def test_att_gora_consent_and_network_items_follow_the_per_youth_rules(
    caseload: Caseload,
) -> None:
    """The set-based consent and network items of "Att göra" are those the per-youth
    functions give (`consent.counts_for`, `consent.coverage_on`,
    `actors.missing_required_actors`), on days before, around and after consents end."""
    with caseload.session_scope() as s:
        demo.build(s, youths=40, seed=5, today=TODAY)
        _turning_18(s, on=TODAY + timedelta(days=30))
    seen = set()
    with caseload.session_scope() as s:
        active = [r for r in caseload_rows(s, today=TODAY) if r.status is YouthStatus.ACTIVE]
        ends = sorted({c.valid_until for r in active for c in consents_of(s, r.youth_id)} - {None})
        days = {TODAY + timedelta(days=offset) for offset in range(-500, 900, 70)}
        days |= {TODAY + timedelta(days=offset) for offset in (29, 30, 45)}  # around 18
        days |= {end - timedelta(days=n) for end in ends[::4] for n in (-1, 0, 10)}  # type: ignore[operator]
        for day in sorted(days):
            got = {
                (i.kind, i.youth_id, i.youth_name): (i.due, i.text)
                for i in todo_list(s, today=day)
                if i.kind in _PER_YOUTH_KINDS
            }
            want = {}
            for row in active:
                want |= _per_youth_items(s, row, day)
            assert got == want, day
            seen |= {kind for kind, _, _ in got}
    assert seen == _PER_YOUTH_KINDS
