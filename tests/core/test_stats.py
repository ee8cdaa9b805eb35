"""Every §6 figure of the fixture caseload, worked out by hand from its story.

The period is 2026-01-01 – 2026-06-30. In short (stats_fixture.py has the whole story):

  youth    gender  track  period(s)                 held meetings in the period
  Tindra   flicka  unga   2026-02-02 –              03-02, 03-30, 04-27, 06-30
  Otto     pojke   unga   2026-01-20 –              02-16, 03-16 (delmål A reached, B not)
  Vilgot   pojke   unga   2025-10-01 – 2026-08-15   01-12, 02-09 (and 2025-12-15)
  Alva     flicka  u.v.   2026-01-15 – 2026-05-20   02-10
  Melker   pojke   u.v.   2025-03-01 – 2025-12-20   — (follow-up due 06-20, done 06-25)
  Saga     —       unga   2026-03-10 – (21 days)    03-31, 04-28
  Elton    pojke   unga   förslag                   —
  Wilma    annat   unga   2025-06-01 – 2025-11-30, reopened 2026-04-01 –   04-20, 05-18
  Ture     pojke   unga   2026-06-30 –              —
  Nora     flicka  unga   2026-07-01 –              —
  Idun     flicka  unga   2025-09-01 – 2026-01-01   — (2025-12-20)
  Liv      flicka  unga   2026-05-05 –              — (06-01 cancelled)
  Kim      pojke   u.v.   2026-04-10 –              —
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from sigdesk.actors import ActorData, add_actor
from sigdesk.caseload import GuardianData, YouthData, add_guardian, add_youth
from sigdesk.catalogues import (
    ActorType,
    AttendanceStatus,
    ClosureReason,
    FollowupOutcome,
    Gender,
    LifeArea,
    MeetingStatus,
    ParticipantKind,
    PlanStatus,
    Track,
    YouthStatus,
)
from sigdesk.errors import ValidationError
from sigdesk.models import Attendance, Closure, FollowUp, Meeting, Youth
from sigdesk.plans import GoalData, SubGoalData, add_goal, add_subgoal
from sigdesk.stats import (
    DIMENSIONS,
    FIGURES,
    PeriodStats,
    monthly_stats,
    period_stats,
    period_with_months,
    youths_behind,
)
from sigdesk.store.db import Caseload
from tests.core import stats_fixture
from tests.core.stats_fixture import TODAY, F, T, _held

TOTAL, GIRL, BOY, OTHER, UNKNOWN = (
    "total",
    "gender:flicka",
    "gender:pojke",
    "gender:annat",
    "gender:uppgift_saknas",
)
YOUNG, ADULT = "track:unga", "track:unga_vuxna"


@pytest.fixture
def built(caseload: Caseload) -> Iterator[tuple[Caseload, dict[str, int]]]:
    with caseload.session_scope() as s:
        ids = stats_fixture.build(s)
    yield caseload, ids


@pytest.fixture
def stats(built: tuple[Caseload, dict[str, int]]) -> PeriodStats:
    caseload, _ = built
    with caseload.session_scope() as s:
        return period_stats(s, start=F, end=T)


def counts(stats: PeriodStats, figure: str) -> dict[str, object]:
    return {d: stats.value(figure, d) for d in DIMENSIONS}


def parts(stats: PeriodStats, figure: str, dimension: str = TOTAL) -> tuple[object, ...]:
    row = stats.get(figure, dimension)
    return (row.numerator, row.denominator)


def test_every_code_in_every_dimension(stats: PeriodStats) -> None:
    assert len(stats.rows) == len(FIGURES) * len(DIMENSIONS)
    assert {r.dimension for r in stats.rows} == {
        "total",
        "gender:flicka",
        "gender:pojke",
        "gender:annat",
        "gender:uppgift_saknas",
        "track:unga",
        "track:unga_vuxna",
    }


def test_case_flow(stats: PeriodStats) -> None:
    # active: everyone but Melker (closed 2025), Elton (förslag) and Nora (starts after T);
    # Idun closed on F itself, Vilgot after T, Wilma in her second period.
    assert counts(stats, "active") == {
        TOTAL: 10, GIRL: 4, BOY: 4, OTHER: 1, UNKNOWN: 1, YOUNG: 8, ADULT: 2
    }  # fmt: skip
    # started: Tindra, Otto, Alva, Saga, Wilma (reopened 04-01), Ture (on T), Liv, Kim
    assert counts(stats, "started") == {
        TOTAL: 8, GIRL: 3, BOY: 3, OTHER: 1, UNKNOWN: 1, YOUNG: 6, ADULT: 2
    }  # fmt: skip
    # closed: Alva (placerad), Idun (samtycke återkallat, on F)
    assert counts(stats, "closed") == {
        TOTAL: 2, GIRL: 2, BOY: 0, OTHER: 0, UNKNOWN: 0, YOUNG: 1, ADULT: 1
    }  # fmt: skip
    assert stats.value("closure_reason:placerad") == 1
    assert stats.value("closure_reason:samtycke_aterkallat") == 1
    assert stats.value("closure_reason:placerad", YOUNG) == 0
    others = [f for f in FIGURES if f.startswith("closure_reason:")]
    assert sum(stats.value(f) or 0 for f in others) == 2


def test_age_bands_at_start(stats: PeriodStats) -> None:
    # Tindra 13, Wilma 14, Otto 14 · Ture 16 · Alva 19 · Kim 23 · Liv 11 · Saga no birth date
    expected = {
        "12-14": 3, "15-17": 1, "18-20": 1, "21+": 1, "under-12": 1, "uppgift_saknas": 1
    }  # fmt: skip
    assert {b: stats.value(f"age_band:{b}") for b in expected} == expected
    assert stats.value("age_band:12-14", OTHER) == 1  # Wilma
    assert stats.value("age_band:uppgift_saknas", UNKNOWN) == 1  # Saga


def test_meetings_held_and_per_active_youth(stats: PeriodStats) -> None:
    assert counts(stats, "meetings_held") == {
        TOTAL: 13, GIRL: 5, BOY: 4, OTHER: 2, UNKNOWN: 2, YOUNG: 12, ADULT: 1
    }  # fmt: skip
    assert parts(stats, "meetings_per_youth") == (13, 10)
    assert stats.value("meetings_per_youth") == 1.3
    assert parts(stats, "meetings_per_youth", GIRL) == (5, 4)
    assert parts(stats, "meetings_per_youth", ADULT) == (1, 2)


def test_compliance_and_breaches(stats: PeriodStats) -> None:
    # kept/counted: Tindra 3/4 (04-27 → 06-30 is 64 days), Vilgot 2/3 (open at T), Alva 1/2
    # (open at her closure), Saga 1/3 (21-day interval), Wilma 2/3 (her old meeting is not
    # an anchor), Otto 2/3, Liv 0/1, Kim 0/1; Ture started on T, Idun's gap is 12 days.
    assert parts(stats, "compliance") == (11, 20)
    assert stats.value("compliance") == 0.55
    assert parts(stats, "compliance", GIRL) == (4, 7)
    assert parts(stats, "compliance", BOY) == (4, 7)
    assert parts(stats, "compliance", OTHER) == (2, 3)
    assert parts(stats, "compliance", UNKNOWN) == (1, 3)
    assert parts(stats, "compliance", ADULT) == (1, 3)
    assert parts(stats, "compliance", YOUNG) == (10, 17)
    assert counts(stats, "breaches") == {
        TOTAL: 9, GIRL: 3, BOY: 3, OTHER: 1, UNKNOWN: 2, YOUNG: 7, ADULT: 2
    }  # fmt: skip


def test_mean_interval_between_held_meetings(stats: PeriodStats) -> None:
    # Tindra 28+28+64, Vilgot 28+28 (from 2025-12-15), Saga 28, Wilma 28, Otto 28
    assert parts(stats, "mean_interval_days") == (260, 8)
    assert stats.value("mean_interval_days") == 32.5
    assert parts(stats, "mean_interval_days", GIRL) == (120, 3)
    assert parts(stats, "mean_interval_days", BOY) == (84, 3)


def test_attendance_per_actor_type(stats: PeriodStats) -> None:
    # the youth: Vilgot absent on 01-12; Tindra's guardian excused once, her school absent twice
    assert parts(stats, "attendance:youth") == (12, 13)
    assert parts(stats, "attendance:youth", BOY) == (3, 4)
    assert parts(stats, "attendance:guardian") == (3, 4)
    assert parts(stats, "attendance:polis") == (4, 4)
    assert parts(stats, "attendance:skola") == (2, 4)
    assert stats.value("attendance:skola") == 0.5
    assert stats.get("attendance:bup") == stats.get("attendance:bup")  # frozen and comparable
    assert parts(stats, "attendance:bup") == (0, 0)
    assert stats.value("attendance:bup") is None  # nothing to divide: "–", never an error


def test_delmal_and_after_closure(stats: PeriodStats) -> None:
    assert parts(stats, "delmal_reached") == (1, 2)
    assert parts(stats, "delmal_reached", BOY) == (1, 2)
    assert parts(stats, "delmal_reached", GIRL) == (0, 0)
    # due: Melker (06-20) and Wilma (2025-11-30 + 6 months); done: Melker, no new suspicion
    assert counts(stats, "after_closure:due") == {
        TOTAL: 2, GIRL: 0, BOY: 1, OTHER: 1, UNKNOWN: 0, YOUNG: 1, ADULT: 1
    }  # fmt: skip
    assert stats.value("after_closure:done") == 1
    assert stats.value("after_closure:ingen_ny_misstanke", ADULT) == 1
    assert stats.value("after_closure:ny_misstanke") == 0


def test_the_youths_behind_a_cell(built: tuple[Caseload, dict[str, int]]) -> None:
    caseload, ids = built
    with caseload.session_scope() as s:
        closed = youths_behind(s, start=F, end=T, figure="closed", dimension=GIRL)
        breaches = youths_behind(s, start=F, end=T, figure="breaches", dimension=ADULT)
        active = youths_behind(s, start=F, end=T, figure="active")
        nobody = youths_behind(s, start=F, end=T, figure="closed", dimension=BOY)
    assert [(y.id, y.name) for y in closed] == [
        (ids["Alva"], "Alva Lindqvist"),
        (ids["Idun"], "Idun Karlsson"),
    ]
    assert {y.id for y in breaches} == {ids["Alva"], ids["Kim"]}
    assert len(active) == 10 and ids["Melker"] not in {y.id for y in active}
    assert nobody == []


def test_an_empty_period_is_zero_and_dashes(built: tuple[Caseload, dict[str, int]]) -> None:
    caseload, _ = built
    with caseload.session_scope() as s:
        empty = period_stats(s, start=date(2020, 1, 1), end=date(2020, 12, 31))
    assert all(r.value == 0 for r in empty.rows if r.numerator is None)
    rates = [r for r in empty.rows if r.denominator is not None]
    assert rates and all(r.value is None and r.denominator == 0 for r in rates)


def test_a_period_ending_before_it_starts_is_refused(caseload: Caseload) -> None:
    with caseload.session_scope() as s, pytest.raises(ValidationError, match="efter"):
        period_stats(s, start=date(2026, 7, 1), end=date(2026, 6, 30))


def test_one_day_period_and_year_end_interval(caseload: Caseload) -> None:
    """An interval across the year end counts in the period it ends in, in calendar days."""
    with caseload.session_scope() as s:
        data = YouthData(
            "Sixten", "Lönn", status=YouthStatus.ACTIVE, start_date=date(2025, 12, 1)
        )  # no gender recorded
        y = add_youth(s, data, today=TODAY).created_id or 0
        _held(s, y, datetime(2025, 12, 22, 9))
        _held(s, y, datetime(2026, 1, 19, 9))
        january = period_stats(s, start=date(2026, 1, 1), end=date(2026, 1, 31))
        one_day = period_stats(s, start=date(2026, 1, 19), end=date(2026, 1, 19))
        december = period_stats(s, start=date(2025, 12, 1), end=date(2025, 12, 31))
    assert parts(january, "mean_interval_days") == (28, 1)
    assert parts(january, "compliance", UNKNOWN) == (1, 1)
    assert january.value("active", "gender:uppgift_saknas") == 1
    assert Gender.UNKNOWN.value == "uppgift_saknas"
    assert one_day.value("meetings_held") == 1 and one_day.value("active") == 1
    assert parts(december, "compliance") == (1, 1)  # start 12-01 → 12-22
    assert december.value("started") == 1 and january.value("started") == 0


def test_the_picker_periods() -> None:
    from sigdesk.stats.periods import PeriodKind, period_label, period_of

    assert period_of(PeriodKind.YEAR, year=2026) == (date(2026, 1, 1), date(2026, 12, 31))
    assert period_of(PeriodKind.HALF_YEAR, year=2026, index=2) == (
        date(2026, 7, 1),
        date(2026, 12, 31),
    )
    assert period_of(PeriodKind.QUARTER, year=2028, index=1) == (
        date(2028, 1, 1),
        date(2028, 3, 31),
    )
    assert period_of(PeriodKind.MONTH, year=2028, index=2) == (date(2028, 2, 1), date(2028, 2, 29))
    assert period_label(*period_of(PeriodKind.QUARTER, year=2026, index=2)) == "kvartal 2 2026"
    assert period_label(date(2026, 1, 1), date(2026, 6, 30)) == "första halvåret 2026"
    assert period_label(date(2026, 1, 15), date(2026, 2, 3)) == "2026-01-15 – 2026-02-03"
    with pytest.raises(ValidationError):
        period_of(PeriodKind.MONTH, year=2026, index=13)


def test_the_monthly_series_of_the_charts(built: tuple[Caseload, dict[str, int]]) -> None:
    from sigdesk.stats import monthly_stats

    caseload, _ = built
    with caseload.session_scope() as s:
        months = monthly_stats(s, start=F, end=T)
    assert [(m.start.month, m.end.day) for m in months] == [
        (1, 31), (2, 28), (3, 31), (4, 30), (5, 31), (6, 30)
    ]  # fmt: skip
    assert sum(m.value("started") or 0 for m in months) == 8
    assert [m.value("closed") for m in months] == [1, 0, 0, 0, 1, 0]
    assert [m.value("started", GIRL) for m in months] == [1, 1, 0, 0, 1, 0]
    # January: Vilgot's 12-15 → 01-12 kept, nothing open too long at 01-31
    assert parts(months[0], "compliance") == (1, 1)
    # March: Tindra twice, Saga and Otto kept; Vilgot and Alva open too long at 03-31
    assert parts(months[2], "compliance") == (4, 6)


@pytest.mark.parametrize(
    ("start", "end"), [(F, T), (date(2026, 1, 15), date(2026, 5, 10)), (F, date(2026, 1, 31))]
)
def test_the_monthly_series_in_one_pass_equals_each_month_alone(
    built: tuple[Caseload, dict[str, int]], start: date, end: date
) -> None:
    """The series is summed in one pass over the meetings; each month must come out as the
    month's own tally (a window cut mid-month at both ends too). Attendance and delmål are
    whole-period figures, never in the series (a one-month period's own tally has them)."""
    from sigdesk.stats import _months, monthly_from_facts, stats_from_cells
    from sigdesk.stats.facts import load_facts
    from sigdesk.stats.figures import tally_of, totals

    def monthly(stats: PeriodStats) -> list[object]:
        whole_period = ("attendance:", "delmal_reached")
        return [r for r in stats.rows if not r.figure.startswith(whole_period)]

    caseload, _ = built
    with caseload.session_scope() as s:
        facts = load_facts(s, start=start, end=end)
    expected = [
        stats_from_cells(start=a, end=b, cells=totals(facts, tally_of(facts, start=a, end=b)))
        for a, b in _months(start, end)
    ]
    got = monthly_from_facts(facts)
    assert [(m.start, m.end) for m in got] == [(m.start, m.end) for m in expected]
    assert [monthly(m) for m in got] == [monthly(m) for m in expected]
    assert sum(parts(m, "compliance")[1] for m in expected) > 0  # intervals were counted


def test_period_with_months_equals_its_parts(built: tuple[Caseload, dict[str, int]]) -> None:
    caseload, _ = built
    with caseload.session_scope() as s:
        whole, months = period_with_months(s, start=F, end=T)
        assert whole == period_stats(s, start=F, end=T)
        assert months == monthly_stats(s, start=F, end=T)
    assert [(m.start.month, m.end.day) for m in months][:2] == [(1, 31), (2, 28)]
    assert len(months) == 6


def _mixed_caseload(s: Session, rng: random.Random) -> None:
    """Youths with every kind of history the figures read, written straight as rows (no
    service refuses a strange one): unknown starts and birth dates, closures with follow-ups
    due, done and not, reopenings, held, planned and cancelled meetings inside and outside
    the periods (two on one day too), attendance of every kind and status, delmål followed
    up more than once."""
    actors = [
        add_actor(s, ActorData(kind, f"Org {n}")).created_id or 0
        for n, kind in enumerate([*ActorType, ActorType.SCHOOL, ActorType.POLICE])
    ]
    day0 = date(2024, 1, 1)

    def some_day(days: int = 1000) -> date:
        return day0 + timedelta(days=rng.randrange(days))

    for n in range(40):
        start = some_day() if rng.random() < 0.9 else None
        youth = Youth(
            first_name=f"Ung{n}",
            last_name="Testsson",
            birth_date=date(2005, 1, 1) + timedelta(days=rng.randrange(4000))
            if rng.random() < 0.85
            else None,
            gender=rng.choice(list(Gender)),
            track=rng.choice(list(Track)),
            status=rng.choice(list(YouthStatus)),
            start_date=start,
            meeting_interval_days=rng.choice([7, 21, 35]),
        )
        s.add(youth)
        s.flush()
        guardians = [
            add_guardian(s, youth.id, GuardianData(f"Vh {n} {g}")).created_id or 0
            for g in range(rng.randrange(3))
        ]
        network = rng.sample(actors, rng.randrange(4))
        starts = [start]
        for _ in range(rng.randrange(3)):
            closed = some_day()
            done = closed + timedelta(days=rng.randrange(200)) if rng.random() < 0.6 else None
            began = closed - timedelta(days=rng.randrange(500)) if rng.random() < 0.8 else None
            starts.append(began)
            s.add(
                Closure(
                    youth_id=youth.id,
                    started_on=began,
                    closed_on=closed,
                    reason=rng.choice(list(ClosureReason)),
                    followup_on=closed + timedelta(days=rng.randrange(300))
                    if rng.random() < 0.7
                    else None,
                    followup_done_on=done,
                    followup_result=rng.choice([None, *FollowupOutcome]) if done else None,
                )
            )
        goal = add_goal(s, youth.id, GoalData(LifeArea.SCHOOL, "Skolan")).created_id or 0
        subgoals = [
            add_subgoal(s, goal, SubGoalData(f"Delmål {k}"), today=TODAY).created_id or 0
            for k in range(2)
        ]
        days = [datetime.combine(day, datetime.min.time()) for day in starts if day]
        when = datetime.combine(some_day(200), datetime.min.time())
        for _ in range(rng.randrange(45)):
            when += timedelta(days=rng.choice([0, 7, 14, 28, 35, 40, 90]), hours=rng.randrange(4))
            days.append(when)
        for when in days:  # a meeting on the day a period starts, too
            status = rng.choice([MeetingStatus.HELD] * 6 + [*MeetingStatus])
            meeting = Meeting(youth_id=youth.id, starts_at=when, status=status)
            s.add(meeting)
            s.flush()
            who = [(ParticipantKind.YOUTH, None, None)]
            who += [(ParticipantKind.GUARDIAN, None, g) for g in guardians]
            who += [(ParticipantKind.ACTOR, a, None) for a in network]
            for kind, actor, guardian in who:
                if rng.random() < 0.9:
                    s.add(
                        Attendance(
                            meeting_id=meeting.id,
                            participant=kind,
                            actor_id=actor,
                            guardian_id=guardian,
                            status=rng.choice(list(AttendanceStatus)),
                        )
                    )
            for subgoal in subgoals:
                if rng.random() < 0.4:
                    plan = rng.choice(list(PlanStatus))
                    s.add(FollowUp(meeting_id=meeting.id, subgoal_id=subgoal, status=plan))
    s.flush()


@pytest.mark.parametrize("seed", [1, 2])
def test_the_figures_equal_the_sums_of_the_per_youth_tally(caseload: Caseload, seed: int) -> None:
    """`period_stats` sums the figures straight into gender × track groups; the youths behind
    a cell come from the per-youth tally. Both must give the same numbers for any history,
    for a whole period and for each month of the charts."""
    from sigdesk.stats import _months, monthly_from_facts, stats_from_cells
    from sigdesk.stats.facts import load_facts
    from sigdesk.stats.figures import period_cells, tally_of, totals

    periods = [
        (date(2024, 1, 1), date(2024, 12, 31)),
        (date(2025, 1, 1), date(2025, 6, 30)),
        (date(2025, 3, 17), date(2026, 2, 3)),
        (date(2025, 5, 1), date(2025, 5, 31)),
        (date(2025, 8, 12), date(2025, 8, 12)),
        (date(2020, 1, 1), date(2030, 12, 31)),
        (date(2030, 1, 1), date(2030, 12, 31)),
    ]
    with caseload.session_scope() as s:
        _mixed_caseload(s, random.Random(seed))
        for start, end in periods:
            facts = load_facts(s, start=start, end=end)
            from_tally = stats_from_cells(
                start=start, end=end, cells=totals(facts, tally_of(facts))
            )
            assert period_stats(s, start=start, end=end) == from_tally
            assert stats_from_cells(start=start, end=end, cells=period_cells(facts)) == from_tally
            months = [
                stats_from_cells(
                    start=a, end=b, cells=totals(facts, tally_of(facts, start=a, end=b))
                )
                for a, b in _months(start, end)
            ]
            whole_period = ("attendance:", "delmal_reached")
            assert [
                [r for r in m.rows if not r.figure.startswith(whole_period)]
                for m in monthly_from_facts(facts)
            ] == [[r for r in m.rows if not r.figure.startswith(whole_period)] for m in months]
        year = period_stats(s, start=date(2025, 1, 1), end=date(2025, 12, 31))
    # the history reached every kind of figure in a year
    for figure in (
        "active",
        "started",
        "closed",
        "compliance",
        "breaches",
        "mean_interval_days",
        "attendance:youth",
        "attendance:guardian",
        "attendance:skola",
        "delmal_reached",
        "after_closure:due",
        "after_closure:done",
    ):
        row = year.get(figure)
        assert row.denominator if row.denominator is not None else row.value, figure
