"""The five-week rule (SPEC §4): every status, its boundaries, DST days, holidays, new year."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sigdesk.deadlines import (
    DeadlineStatus,
    anchor_date,
    check_interval,
    deadline_status,
)
from sigdesk.errors import ValidationError

OK = DeadlineStatus.OK
I_TID = DeadlineStatus.IN_TIME
FOR_SENT = DeadlineStatus.PLANNED_TOO_LATE
SNART = DeadlineStatus.SOON
FORSENAT = DeadlineStatus.OVERDUE

# Base case: anchor Tue 2026-01-13, 35 days → deadline Tue 2026-02-17.
A = date(2026, 1, 13)
D = date(2026, 2, 17)
BASE = A.isoformat()

CASES = [
    # id, interval, anchor, planned ("date" or "date time"), today, status, days_left
    ("ok-nothing-planned", 35, BASE, [], "2026-01-20", OK, 28),
    ("ok-8-days-left", 35, BASE, [], "2026-02-09", OK, 8),
    ("snart-7-days-left", 35, BASE, [], "2026-02-10", SNART, 7),
    ("snart-on-deadline", 35, BASE, [], "2026-02-17", SNART, 0),
    ("forsenat-day-after", 35, BASE, [], "2026-02-18", FORSENAT, -1),
    ("forsenat-even-if-planned-later", 35, BASE, ["2026-02-20 09:00"], "2026-02-18", FORSENAT, -1),
    ("forsenat-long-overdue", 35, BASE, [], "2026-04-01", FORSENAT, -43),
    ("i-tid-on-deadline", 35, BASE, ["2026-02-17 09:00"], "2026-01-20", I_TID, 28),
    ("i-tid-today-is-deadline", 35, BASE, ["2026-02-17 15:00"], "2026-02-17", I_TID, 0),
    ("i-tid-date-only", 35, BASE, ["2026-02-10"], "2026-02-01", I_TID, 16),
    ("i-tid-earliest-of-unsorted", 35, BASE, ["2026-02-24 09:00", "2026-02-14 09:00"], "2026-02-01",
     I_TID, 16),
    ("for-sent-day-after-deadline", 35, BASE, ["2026-02-18 09:00"], "2026-01-20", FOR_SENT, 28),
    ("for-sent-beats-snart", 35, BASE, ["2026-03-03 09:00"], "2026-02-15", FOR_SENT, 2),
    ("past-planned-ignored-snart", 35, BASE, ["2026-02-03 09:00"], "2026-02-12", SNART, 5),
    ("past-planned-ignored-ok", 35, BASE, ["2026-01-15 09:00"], "2026-01-20", OK, 28),
    # Cancelled meeting on 2026-02-16: the caller passes only planned meetings, so it is gone.
    ("cancelled-not-passed", 35, BASE, [], "2026-02-12", SNART, 5),
    ("same-day-not-cancelled", 35, BASE, ["2026-02-16 09:00"], "2026-02-12", I_TID, 5),
    # DST spring forward: 2025-03-30, 02:00 → 03:00 (02:30 does not exist as a wall-clock time).
    ("dst-spring-i-tid", 35, "2025-02-23", ["2025-03-30 02:30"], "2025-03-25", I_TID, 5),
    ("dst-spring-snart", 35, "2025-02-23", [], "2025-03-25", SNART, 5),
    ("dst-spring-forsenat", 35, "2025-02-23", [], "2025-03-31", FORSENAT, -1),
    ("dst-spring-for-sent", 35, "2025-02-23", ["2025-03-31 00:00"], "2025-03-29", FOR_SENT, 1),
    # DST fall back: 2025-10-26, 03:00 → 02:00 (02:30 happens twice).
    ("dst-autumn-i-tid", 35, "2025-09-21", ["2025-10-26 02:30"], "2025-10-20", I_TID, 6),
    ("dst-autumn-late-evening", 35, "2025-09-21", ["2025-10-26 23:59"], "2025-10-26", I_TID, 0),
    ("dst-autumn-forsenat", 35, "2025-09-21", [], "2025-10-27", FORSENAT, -1),
    # Deadline across new year: 2025-12-10 + 35 = 2026-01-14.
    ("new-year-ok", 35, "2025-12-10", [], "2025-12-31", OK, 14),
    ("new-year-snart", 35, "2025-12-10", [], "2026-01-08", SNART, 6),
    ("new-year-i-tid", 35, "2025-12-10", ["2026-01-14 10:00"], "2025-12-20", I_TID, 25),
    ("new-year-forsenat", 35, "2025-12-10", [], "2026-01-15", FORSENAT, -1),
    # Easter 2026-04-03..06: calendar days, holidays do not move the deadline.
    ("easter-snart-on-langfredag", 35, "2026-03-03", [], "2026-04-03", SNART, 4),
    ("easter-annandag-deadline", 35, "2026-03-02", ["2026-04-07 10:00"], "2026-03-20", FOR_SENT,
     17),
    ("easter-i-tid-skartorsdag", 35, "2026-03-02", ["2026-04-02 10:00"], "2026-03-20", I_TID, 17),
    # Midsommar: 2026-05-15 + 35 = midsommarafton 2026-06-19.
    ("midsommar-snart", 35, "2026-05-15", [], "2026-06-15", SNART, 4),
    ("midsommar-for-sent", 35, "2026-05-15", ["2026-06-22 10:00"], "2026-06-15", FOR_SENT, 4),
    ("midsommar-forsenat", 35, "2026-05-15", [], "2026-06-20", FORSENAT, -1),
    # A shorter interval: 14 days.
    ("14-days-ok", 14, "2026-03-02", [], "2026-03-05", OK, 11),
    ("14-days-snart", 14, "2026-03-02", [], "2026-03-10", SNART, 6),
    ("14-days-i-tid", 14, "2026-03-02", ["2026-03-16 10:00"], "2026-03-10", I_TID, 6),
    ("14-days-for-sent", 14, "2026-03-02", ["2026-03-17 10:00"], "2026-03-03", FOR_SENT, 13),
    ("14-days-forsenat", 14, "2026-03-02", [], "2026-03-17", FORSENAT, -1),
    ("7-days-snart-at-once", 7, "2026-03-02", [], "2026-03-02", SNART, 7),
    # Anchor (start date) in the future: not yet due.
    ("future-start", 35, "2026-03-01", [], "2026-02-20", OK, 44),
]  # fmt: skip


@pytest.mark.parametrize(
    ("interval", "anchor", "planned", "today", "status", "days_left"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_status_table(
    interval: int,
    anchor: str,
    planned: list[str],
    today: str,
    status: DeadlineStatus,
    days_left: int,
) -> None:
    info = deadline_status(
        interval_days=interval,
        anchor=date.fromisoformat(anchor),
        planned=[datetime.fromisoformat(p) if " " in p else date.fromisoformat(p) for p in planned],
        today=date.fromisoformat(today),
    )
    assert info.status is status
    assert info.days_left == days_left
    assert info.deadline == date.fromisoformat(anchor) + timedelta(days=interval)
    assert info.anchor == date.fromisoformat(anchor)


def test_every_status_is_covered_by_the_table() -> None:
    assert {case[5] for case in CASES} == set(DeadlineStatus)


def test_next_meeting_is_the_earliest_upcoming_and_past_ones_are_counted() -> None:
    planned: list[datetime | date] = [
        datetime(2026, 2, 24, 9),
        datetime(2026, 1, 27, 9),  # in the past, never marked held or cancelled
        datetime(2026, 2, 10, 14),
        date(2026, 2, 10),  # a bare date sorts first on its day
    ]
    info = deadline_status(interval_days=35, anchor=A, planned=planned, today=date(2026, 2, 1))
    assert info.next_meeting == date(2026, 2, 10)
    assert info.past_planned == 1
    assert info.status is I_TID


def test_meeting_planned_for_today_counts_even_when_its_hour_has_passed() -> None:
    info = deadline_status(interval_days=35, anchor=A, planned=[datetime(2026, 2, 17, 8)], today=D)
    assert (info.status, info.next_meeting, info.past_planned) == (
        I_TID,
        datetime(2026, 2, 17, 8),
        0,
    )


def test_overdue_still_reports_the_planned_meeting() -> None:
    later = datetime(2026, 2, 20, 9)
    info = deadline_status(interval_days=35, anchor=A, planned=[later], today=date(2026, 2, 19))
    assert info.status is FORSENAT
    assert info.next_meeting == later


def test_warning_window_is_configurable() -> None:
    today = D - timedelta(days=10)
    assert deadline_status(interval_days=35, anchor=A, planned=[], today=today).status is OK
    wide = deadline_status(interval_days=35, anchor=A, planned=[], today=today, warning_days=14)
    assert wide.status is SNART
    none = deadline_status(interval_days=35, anchor=A, planned=[], today=D, warning_days=0)
    assert none.status is SNART


@pytest.mark.parametrize("interval", [6, 36, 0, -35])
def test_invalid_interval_names_the_field(interval: int) -> None:
    with pytest.raises(ValidationError) as caught:
        deadline_status(interval_days=interval, anchor=A, planned=[], today=A)
    assert caught.value.field == "Mötesintervall"
    assert "7" in caught.value.field_message and "35" in caught.value.field_message


@pytest.mark.parametrize("interval", [7, 35])
def test_interval_bounds_are_accepted(interval: int) -> None:
    check_interval(interval)


def test_labels_and_json_codes() -> None:
    assert {s.value: s.label for s in DeadlineStatus} == {
        "ok": "OK",
        "i_tid": "I tid",
        "planerat_for_sent": "Planerat för sent",
        "snart": "Snart",
        "forsenat": "Försenat",
    }
    assert f"{DeadlineStatus.OVERDUE}" == "forsenat"


@pytest.mark.parametrize(
    ("last_held", "start_date", "expected"),
    [
        (date(2026, 2, 3), date(2025, 9, 1), date(2026, 2, 3)),
        (None, date(2025, 9, 1), date(2025, 9, 1)),
        (None, None, None),
    ],
)
def test_anchor_date(
    last_held: date | None, start_date: date | None, expected: date | None
) -> None:
    assert anchor_date(last_held=last_held, start_date=start_date) == expected


# --- properties ------------------------------------------------------------------------

anchors = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))
intervals = st.integers(min_value=7, max_value=35)
offsets = st.integers(min_value=-60, max_value=120)
meeting_times = st.datetimes(min_value=datetime(2019, 1, 1), max_value=datetime(2036, 12, 31))


@given(anchor=anchors, interval=intervals, offset=offsets)
def test_deadline_is_never_before_anchor_plus_interval(
    anchor: date, interval: int, offset: int
) -> None:
    today = anchor + timedelta(days=offset)
    info = deadline_status(interval_days=interval, anchor=anchor, planned=[], today=today)
    assert info.deadline >= anchor + timedelta(days=interval)
    assert info.days_left == (info.deadline - today).days
    assert (info.status is FORSENAT) == (today > info.deadline)


@given(anchor=anchors, interval=intervals, data=st.data())
def test_holding_a_meeting_in_time_moves_the_deadline_forward(
    anchor: date, interval: int, data: st.DataObject
) -> None:
    before = deadline_status(interval_days=interval, anchor=anchor, planned=[], today=anchor)
    held = data.draw(st.dates(min_value=anchor + timedelta(days=1), max_value=before.deadline))
    new_anchor = anchor_date(last_held=held, start_date=anchor)
    assert new_anchor is not None
    after = deadline_status(interval_days=interval, anchor=new_anchor, planned=[], today=held)
    assert after.deadline > before.deadline
    assert after.status is not FORSENAT


@given(
    anchor=anchors,
    interval=intervals,
    offset=offsets,
    planned=st.lists(meeting_times, max_size=5),
)
def test_status_agrees_with_the_rule(
    anchor: date, interval: int, offset: int, planned: list[datetime]
) -> None:
    today = anchor + timedelta(days=offset)
    info = deadline_status(interval_days=interval, anchor=anchor, planned=planned, today=today)
    upcoming = sorted(p for p in planned if p.date() >= today)
    assert info.next_meeting == (upcoming[0] if upcoming else None)
    assert info.past_planned == len(planned) - len(upcoming)
    if today > info.deadline:
        assert info.status is FORSENAT
    elif upcoming:
        expected = I_TID if upcoming[0].date() <= info.deadline else FOR_SENT
        assert info.status is expected
    else:
        assert info.status is (SNART if info.days_left <= 7 else OK)
