"""The one next-date proposal (SPEC §4): margin, rhythm, overdue youths; no weekend, holiday,
half-day afternoon or clash — a table of cases and properties against an independent oracle."""

from __future__ import annotations

import functools
from datetime import date, datetime, time, timedelta

import pytest
from holidays.countries.sweden import Sweden
from hypothesis import given, settings
from hypothesis import strategies as st

from sigdesk.errors import ValidationError
from sigdesk.schedule import Proposal, propose_next_date
from sigdesk.workdays import day_off, half_days, meeting_day_off

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
    margin: int = 7,
) -> Proposal:
    """Propose after a meeting held at `last` (the anchor), the day after it by default."""
    if anchor is None:
        assert last is not None
        anchor = dt(last).date()
    return propose_next_date(
        anchor=anchor,
        interval_days=interval,
        last_meeting=dt(last) if last else None,
        busy=busy or [],
        today=today or anchor + timedelta(days=1),
        duration_minutes=duration,
        margin_days=margin,
    )


CLASH = [(dt("2026-02-10 09:30"), dt("2026-02-10 10:30"))]
TOUCHING = [
    (dt("2026-02-10 08:30"), dt("2026-02-10 10:00")),
    (dt("2026-02-10 11:30"), dt("2026-02-10 12:00")),
]
ALL_YEAR = [(dt("2026-01-01 00:00"), dt("2027-01-01 00:00"))]

# Tue 2026-01-13 + 35 = Tue 2026-02-17 (D); D − 7 = Tue 2026-02-10.
CASES = [
    # id, last meeting, extra kwargs, expected start
    ("four-weeks-on-keeps-the-margin", "2026-01-13 10:00", {}, "2026-02-10 10:00"),
    ("interval-30-same-weekday", "2026-01-13 10:00", {"interval": 30}, "2026-02-03 10:00"),
    ("14-days-falls-back-into-the-margin", "2026-03-02 10:00", {"interval": 14},
     "2026-03-16 10:00"),
    ("clash-moves-a-week-back", "2026-01-13 10:00", {"busy": CLASH}, "2026-02-03 10:00"),
    ("touching-busy-is-no-clash", "2026-01-13 10:00", {"busy": TOUCHING}, "2026-02-10 10:00"),
    ("midsommarafton-skipped", "2026-05-22 10:00", {}, "2026-06-12 10:00"),
    ("julafton-skipped", "2026-11-26 10:00", {}, "2026-12-17 10:00"),
    ("annandag-pask-skipped", "2026-03-09 10:00", {}, "2026-03-30 10:00"),
    ("langfredag-skipped", "2026-03-06 10:00", {}, "2026-03-27 10:00"),
    ("half-day-ok-ending-13-30", "2026-04-02 12:00", {}, "2026-04-30 12:00"),
    ("half-day-ok-ending-14-00", "2026-04-02 12:30", {}, "2026-04-30 12:30"),
    ("half-day-refused-ending-14-30", "2026-04-02 13:00", {}, "2026-04-23 13:00"),
    ("half-day-refused-long-meeting", "2026-04-02 12:00", {"duration": 150},
     "2026-04-23 12:00"),
    ("weekend-last-meeting-takes-a-weekday", "2026-01-10 10:00", {}, "2026-02-06 10:00"),
    ("no-last-meeting-default-time", None, {"anchor": date(2026, 3, 2)}, "2026-03-30 09:00"),
    ("across-new-year-half-day-morning", "2025-12-02 10:00", {}, "2025-12-30 10:00"),
    ("across-new-year-half-day-afternoon", "2025-12-02 13:00", {}, "2025-12-29 13:00"),
    ("7-days-half-day-morning", "2026-12-23 10:00", {"interval": 7}, "2026-12-30 10:00"),
    ("7-days-half-day-afternoon", "2026-12-23 13:00", {"interval": 7}, "2026-12-29 13:00"),
    ("inside-the-margin-today", "2026-01-13 10:00", {"today": date(2026, 2, 12)},
     "2026-02-17 10:00"),
    ("seconds-dropped", "2026-01-13 10:00:42", {}, "2026-02-10 10:00"),
    ("an-actual-start-to-the-quarter-hour", "2026-01-13 11:01", {}, "2026-02-10 11:00"),
    ("margin-0-is-the-deadline", "2026-01-13 10:00", {"margin": 0}, "2026-02-17 10:00"),
    ("margin-14-is-three-weeks", "2026-01-13 10:00", {"margin": 14}, "2026-02-03 10:00"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("last", "kwargs", "expected"), [pytest.param(*c[1:], id=c[0]) for c in CASES]
)
def test_proposal_table(last: str | None, kwargs: dict[str, object], expected: str) -> None:
    proposal = propose(last, **kwargs)  # type: ignore[arg-type]
    assert proposal.starts_at == dt(expected), proposal.reason
    assert proposal.reason
    assert not proposal.after_deadline


def test_the_first_meeting_is_not_proposed_on_the_deadline_day() -> None:
    # Issue 12 point 9: start Mon 2026-11-23 → D = Mon 2026-12-28; not D itself but D − 7.
    proposal = propose(None, anchor=date(2026, 11, 23), today=date(2026, 11, 23))
    assert proposal.starts_at == dt("2026-12-21 09:00")
    assert proposal.deadline == date(2026, 12, 28)
    assert "minst 7 dagar före tidsgränsen 2026-12-28" in proposal.reason


AFTER_CASES = [
    ("overdue-first-weekday", "2026-01-13 10:00", {"today": date(2026, 2, 20)},
     "2026-02-23 10:00", "Tidsgränsen 2026-02-17 har passerat"),
    ("overdue-over-christmas", "2026-11-12 10:00", {"today": date(2026, 12, 23)},
     "2026-12-28 10:00", "Tidsgränsen 2026-12-17 har passerat"),
    ("deadline-today", "2026-01-13 10:00", {"today": date(2026, 2, 17)},
     "2026-02-18 10:00", "Ingen möjlig dag finns kvar före tidsgränsen 2026-02-17"),
    ("only-midsommarafton-left", "2026-05-15 13:00", {"today": date(2026, 6, 18)},
     "2026-06-22 13:00", "Ingen möjlig dag finns kvar före tidsgränsen 2026-06-19"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("last", "kwargs", "expected", "reason"),
    [pytest.param(*c[1:], id=c[0]) for c in AFTER_CASES],
)
def test_an_overdue_youth_gets_the_first_workable_day(
    last: str, kwargs: dict[str, object], expected: str, reason: str
) -> None:
    proposal = propose(last, **kwargs)  # type: ignore[arg-type]
    assert proposal.starts_at == dt(expected)
    assert proposal.after_deadline
    assert proposal.reason.startswith(reason)


def test_nothing_workable_for_months_gives_no_date() -> None:
    proposal = propose("2026-01-13 10:00", busy=ALL_YEAR)
    assert proposal.starts_at is None
    assert "ingen möjlig dag de närmaste månaderna" in proposal.reason


def test_reason_says_whether_the_weekday_was_kept() -> None:
    assert propose("2026-01-13 10:00").reason.startswith("Samma veckodag och tid")
    assert propose("2026-01-10 10:00").reason.startswith("Senaste möjliga vardag")
    assert "mindre än 7 dagars marginal" in propose("2026-03-02 10:00", interval=14).reason


@pytest.mark.parametrize("margin", [-1, 29])
def test_margin_outside_0_to_28_is_refused(margin: int) -> None:
    with pytest.raises(ValidationError):
        propose("2026-01-13 10:00", margin=margin)


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


# --- naming a day that is not workable (point 10) -------------------------------------------

DAY_NAMES = [
    (date(2026, 12, 26), "annandag jul (lördag)"),
    (date(2026, 12, 19), "lördag"),
    (date(2026, 12, 20), "söndag"),
    (date(2026, 12, 24), "julafton"),
    (date(2026, 12, 31), "nyårsafton"),
    (date(2026, 6, 19), "midsommarafton"),
    (date(2026, 5, 14), "kristi himmelsfärdsdag"),
    (date(2027, 1, 6), "trettondedag jul"),
]


@pytest.mark.parametrize(("day", "name"), DAY_NAMES)
def test_a_day_off_is_named(day: date, name: str) -> None:
    off = day_off(day)
    assert off is not None and off.name == name
    assert off.message.startswith(f"{day.isoformat()} är {name}")


def test_a_workday_has_no_name_and_a_half_day_only_in_the_afternoon() -> None:
    assert day_off(date(2026, 12, 21)) is None
    assert meeting_day_off(dt("2026-04-30 12:00"), 90) is None
    off = meeting_day_off(dt("2026-04-30 13:00"), 90)
    assert off is not None and off.half_day == "valborgsmässoafton"
    assert "halvdag" in off.message


# --- properties: an independent oracle built straight from `holidays` -----------------------


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


def spec_choice(days: list[date], weekday: int | None) -> date | None:
    """SPEC §4 within one window: the rhythm's weekday first, then the latest day."""
    same = [d for d in days if d.weekday() == weekday]
    return max(same or days, default=None)


def span(first: date, last: date) -> list[date]:
    return [first + timedelta(n) for n in range((last - first).days + 1)]


times = st.builds(time, st.integers(7, 16), st.sampled_from([0, 15, 30, 45]))


@st.composite
def busy_lists(draw: st.DrawFn, anchor: date) -> Busy:
    items = []
    for _ in range(draw(st.integers(0, 12))):
        start = datetime.combine(anchor + timedelta(days=draw(st.integers(0, 60))), draw(times))
        items.append((start, start + timedelta(minutes=draw(st.integers(15, 480)))))
    return items


@settings(max_examples=300)
@given(
    anchor=st.dates(min_value=date(2024, 1, 1), max_value=date(2032, 12, 31)),
    interval=st.integers(7, 35),
    margin=st.integers(0, 28),
    at=st.none() | times,
    today_offset=st.integers(-10, 60),
    duration=st.integers(15, 240),
    data=st.data(),
)
def test_proposal_follows_the_rule_over_many_anchors_intervals_and_holidays(
    anchor: date,
    interval: int,
    margin: int,
    at: time | None,
    today_offset: int,
    duration: int,
    data: st.DataObject,
) -> None:
    busy = data.draw(busy_lists(anchor))
    today = anchor + timedelta(days=today_offset)
    last = datetime.combine(anchor, at) if at is not None else None
    proposal = propose_next_date(
        anchor=anchor, interval_days=interval, last_meeting=last, busy=busy,
        today=today, duration_minutes=duration, margin_days=margin,
    )  # fmt: skip
    deadline = anchor + timedelta(days=interval)
    tomorrow = today + timedelta(1)
    start_time = at or time(9, 0)
    weekday = last.weekday() if last else None

    def ok(days: list[date]) -> list[date]:
        return [d for d in days if allowed(datetime.combine(d, start_time), duration, busy)]

    margin_day = deadline - timedelta(margin)
    preferred = ok(span(max(anchor + timedelta(21), tomorrow), margin_day))
    fallback = ok(span(max(margin_day + timedelta(1), tomorrow), deadline))
    short = ok(span(tomorrow, deadline))  # SPEC is silent: both windows empty, e.g. 7 days
    expected = (
        spec_choice(preferred, weekday)
        or spec_choice(fallback, weekday)
        or spec_choice(short, weekday)
    )
    if expected is None:
        expected = next(iter(ok(span(tomorrow, tomorrow + timedelta(120)))), None)
    assert proposal.reason
    assert proposal.deadline == deadline
    if expected is None:
        assert proposal.starts_at is None
        return
    assert proposal.starts_at == datetime.combine(expected, start_time)
    assert proposal.after_deadline == (expected > deadline)
    # whatever the case: never today or before, never a day off, never on a clash
    assert proposal.starts_at.date() > today
    assert allowed(proposal.starts_at, duration, busy)
    if preferred:  # the margin is kept whenever a day inside it is workable
        assert proposal.starts_at.date() <= margin_day
