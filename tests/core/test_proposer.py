"""The next-date proposer (SPEC §4): rhythm kept; weekends, holidays, half-days, clashes avoided."""

from __future__ import annotations

import functools
from datetime import date, datetime, time, timedelta

import pytest
from holidays.countries.sweden import Sweden
from hypothesis import given
from hypothesis import strategies as st

from sigdesk.deadlines import Proposal, half_days, proposal_window, propose_next_meeting

Busy = list[tuple[datetime, datetime]]


def dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


def propose(
    last: str | None,
    *,
    anchor: date | None = None,
    interval: int = 35,
    busy: Busy | None = None,
    today: date | None = None,
    duration: int = 90,
) -> Proposal:
    """Propose after a meeting held at `last` (the anchor), the day after it by default."""
    if anchor is None:
        assert last is not None
        anchor = dt(last).date()
    return propose_next_meeting(
        anchor=anchor,
        interval_days=interval,
        last_meeting=dt(last) if last else None,
        busy=busy or [],
        today=today or anchor + timedelta(days=1),
        duration_minutes=duration,
    )


CLASH = [(dt("2026-02-17 09:30"), dt("2026-02-17 10:30"))]
TOUCHING = [
    (dt("2026-02-17 08:30"), dt("2026-02-17 10:00")),
    (dt("2026-02-17 11:30"), dt("2026-02-17 12:00")),
]
ALL_BUSY = [(dt("2026-02-03 00:00"), dt("2026-02-18 00:00"))]
NOTHING = "Inget möjligt datum före tidsgränsen"

CASES = [
    # id, last meeting, extra kwargs, expected start
    ("same-weekday-five-weeks-on", "2026-01-13 10:00", {}, "2026-02-17 10:00"),
    ("same-weekday-interval-30", "2026-01-13 10:00", {"interval": 30}, "2026-02-10 10:00"),
    ("14-days", "2026-03-02 10:00", {"interval": 14}, "2026-03-16 10:00"),
    ("clash-moves-a-week-back", "2026-01-13 10:00", {"busy": CLASH}, "2026-02-10 10:00"),
    ("touching-busy-is-no-clash", "2026-01-13 10:00", {"busy": TOUCHING}, "2026-02-17 10:00"),
    ("midsommarafton-skipped", "2026-05-15 13:00", {}, "2026-06-12 13:00"),
    ("julafton-skipped", "2026-11-19 10:00", {}, "2026-12-17 10:00"),
    ("annandag-pask-skipped", "2026-03-02 10:00", {}, "2026-03-30 10:00"),
    ("langfredag-skipped", "2026-02-27 10:00", {}, "2026-03-27 10:00"),
    ("half-day-ok-ending-13-30", "2026-03-26 12:00", {}, "2026-04-30 12:00"),
    ("half-day-ok-ending-14-00", "2026-03-26 12:30", {}, "2026-04-30 12:30"),
    ("half-day-refused-ending-14-30", "2026-03-26 13:00", {}, "2026-04-23 13:00"),
    ("half-day-refused-long-meeting", "2026-03-26 12:00", {"duration": 150}, "2026-04-23 12:00"),
    ("weekend-last-meeting-falls-back", "2026-01-10 10:00", {}, "2026-02-13 10:00"),
    ("no-last-meeting-default-time", None, {"anchor": date(2026, 3, 2)}, "2026-04-02 09:00"),
    ("across-new-year", "2025-12-02 10:00", {}, "2025-12-30 10:00"),
    ("across-new-year-half-days", "2025-12-02 13:00", {}, "2026-01-02 13:00"),
    ("7-days-half-day-morning", "2026-12-23 10:00", {"interval": 7}, "2026-12-30 10:00"),
    ("7-days-half-day-afternoon", "2026-12-23 13:00", {"interval": 7}, "2026-12-29 13:00"),
    ("late-today-shrinks-window", "2026-01-13 10:00", {"today": date(2026, 2, 15)},
     "2026-02-17 10:00"),
    ("seconds-dropped", "2026-01-13 10:00:42", {}, "2026-02-17 10:00"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("last", "kwargs", "expected"), [pytest.param(*c[1:], id=c[0]) for c in CASES]
)
def test_proposal_table(last: str | None, kwargs: dict[str, object], expected: str) -> None:
    proposal = propose(last, **kwargs)  # type: ignore[arg-type]
    assert proposal.starts_at == dt(expected), proposal.reason
    assert proposal.reason


def test_nyarsafton_is_skipped() -> None:
    # 2026-11-26 + 35 = Thu 2026-12-31 (nyårsafton); Thu 12-24 is julafton → Thu 12-17.
    assert propose("2026-11-26 10:00").starts_at == dt("2026-12-17 10:00")


def test_reason_says_whether_the_weekday_was_kept() -> None:
    assert "Samma veckodag" in propose("2026-01-13 10:00").reason
    assert "Närmaste möjliga vardag" in propose("2026-05-15 13:00", interval=7).reason


NONE_CASES = [
    ("all-busy", "2026-01-13 10:00", {"busy": ALL_BUSY}, f"{NOTHING} 2026-02-17"),
    ("only-midsommarafton-left", "2026-05-15 13:00", {"today": date(2026, 6, 18)},
     f"{NOTHING} 2026-06-19"),
    ("deadline-passed", "2026-01-13 10:00", {"today": date(2026, 2, 20)},
     "Tidsgränsen 2026-02-17 har redan passerat"),
    ("deadline-today", "2026-01-13 10:00", {"today": date(2026, 2, 17)},
     "Tidsgränsen 2026-02-17 är i dag"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("last", "kwargs", "reason"), [pytest.param(*c[1:], id=c[0]) for c in NONE_CASES]
)
def test_nothing_fits(last: str, kwargs: dict[str, object], reason: str) -> None:
    proposal = propose(last, **kwargs)  # type: ignore[arg-type]
    assert proposal.starts_at is None
    assert proposal.reason.startswith(reason)


def test_window_is_a21_to_deadline_and_never_today() -> None:
    a = date(2026, 1, 13)
    assert proposal_window(anchor=a, interval_days=35, today=a) == (
        date(2026, 2, 3),
        date(2026, 2, 17),
    )
    assert proposal_window(anchor=a, interval_days=14, today=a) == (
        date(2026, 1, 20),
        date(2026, 1, 27),
    )
    assert proposal_window(anchor=a, interval_days=7, today=a) == (
        date(2026, 1, 14),
        date(2026, 1, 20),
    )
    late = date(2026, 2, 10)
    assert proposal_window(anchor=a, interval_days=35, today=late)[0] == date(2026, 2, 11)


def test_half_days_of_2026() -> None:
    assert half_days(2026) == {
        date(2026, 1, 5),  # trettondagsafton
        date(2026, 4, 2),  # skärtorsdagen
        date(2026, 4, 30),  # valborgsmässoafton
        date(2026, 5, 13),  # dag före Kristi himmelsfärdsdag
        date(2026, 5, 22),  # dag före pingstafton
        date(2026, 6, 18),  # dag före midsommarafton
        date(2026, 10, 30),  # allhelgonaafton
        date(2026, 12, 23),  # dag före julafton
        date(2026, 12, 30),  # dag före nyårsafton
    }


# --- properties: an independent oracle built straight from `holidays` ---------------------


@functools.cache
def oracle_closed(year: int) -> set[date]:
    return set(Sweden(years=year, language="sv", categories=("public", "de_facto")))


@functools.cache
def oracle_half(year: int) -> set[date]:
    days = Sweden(years=year, language="sv", categories=("bank", "optional"))
    return {d for d, name in days.items() if "(från kl. 14.00)" in name}


def allowed(start: datetime, minutes: int, busy: Busy) -> bool:
    end = start + timedelta(minutes=minutes)
    day = start.date()
    return (
        day.weekday() < 5
        and day not in oracle_closed(day.year)
        and not (day in oracle_half(day.year) and end > datetime.combine(day, time(14)))
        and all(end <= b_start or start >= b_end for b_start, b_end in busy)
    )


times = st.builds(time, st.integers(7, 16), st.sampled_from([0, 15, 30, 45]))


@st.composite
def busy_lists(draw: st.DrawFn, anchor: date) -> Busy:
    items = []
    for _ in range(draw(st.integers(0, 12))):
        start = datetime.combine(anchor + timedelta(days=draw(st.integers(0, 40))), draw(times))
        items.append((start, start + timedelta(minutes=draw(st.integers(15, 480)))))
    return items


@given(
    anchor=st.dates(min_value=date(2024, 1, 1), max_value=date(2032, 12, 31)),
    interval=st.integers(7, 35),
    at=st.none() | times,
    today_offset=st.integers(-10, 40),
    duration=st.integers(15, 240),
    data=st.data(),
)
def test_proposal_is_never_a_weekend_holiday_clash_or_outside_the_window(
    anchor: date,
    interval: int,
    at: time | None,
    today_offset: int,
    duration: int,
    data: st.DataObject,
) -> None:
    busy = data.draw(busy_lists(anchor))
    today = anchor + timedelta(days=today_offset)
    last = datetime.combine(anchor, at) if at is not None else None
    proposal = propose_next_meeting(
        anchor=anchor, interval_days=interval, last_meeting=last, busy=busy,
        today=today, duration_minutes=duration,
    )  # fmt: skip
    deadline = anchor + timedelta(days=interval)
    earliest = max(anchor + timedelta(days=max(1, min(21, interval - 7))), today + timedelta(1))
    start_time = at or time(9, 0)
    candidates = [earliest + timedelta(n) for n in range((deadline - earliest).days + 1)]
    possible = [d for d in candidates if allowed(datetime.combine(d, start_time), duration, busy)]
    assert proposal.reason
    if proposal.starts_at is None:
        assert possible == []  # None only when truly nothing fits
        return
    day = proposal.starts_at.date()
    assert proposal.starts_at.time() == start_time
    assert allowed(proposal.starts_at, duration, busy)
    assert earliest <= day <= deadline and day > today
    if interval >= 28:
        assert day >= anchor + timedelta(days=21)
    same_weekday = [d for d in possible if last is not None and d.weekday() == last.weekday()]
    assert day == max(same_weekday or possible)  # the rhythm first, then nearest the deadline
