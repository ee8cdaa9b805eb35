"""Which days a network meeting may fall on (SPEC §4), and the name of a day that is not one.

A workable day is a weekday that is neither a Swedish public holiday nor midsommarafton,
julafton or nyårsafton (`holidays.Sweden(language="sv", categories=("public", "de_facto"))`).
A half-day ("… (från kl. 14.00)", e.g. valborgsmässoafton) takes only meetings that end by
14:00. Pure functions of dates; the holiday tables are built once a year and cached.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

#: Half-days ("från kl. 14.00") take only meetings that end by this time.
HALF_DAY_END = time(14, 0)
_HALF_DAY_MARK = "(från kl. 14.00)"
WEEKDAYS_SV = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


@functools.lru_cache(maxsize=64)
def _closed(year: int) -> Mapping[date, str]:
    from holidays.countries.sweden import Sweden  # ~85 ms import: only when needed

    days = Sweden(years=year, language="sv", categories=("public", "de_facto"))
    return dict(days.items())


@functools.lru_cache(maxsize=64)
def _half(year: int) -> Mapping[date, str]:
    from holidays.countries.sweden import Sweden

    days = Sweden(years=year, language="sv", categories=("bank", "optional"))
    return {
        day: name.replace(_HALF_DAY_MARK, "").strip()
        for day, name in days.items()
        if _HALF_DAY_MARK in name
    }


def closed_days(year: int) -> frozenset[date]:
    """Public holidays plus midsommarafton, julafton and nyårsafton of ``year``."""
    return frozenset(_closed(year))


def half_days(year: int) -> frozenset[date]:
    """Days that end at 14:00 (valborgsmässoafton, dag före julafton, …) of ``year``."""
    return frozenset(_half(year))


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


@dataclass(frozen=True, slots=True)
class DayOff:
    """Why a meeting should not be on a day: its weekday name, holiday name, or half-day."""

    day: date
    weekend: str | None = None
    holiday: str | None = None
    half_day: str | None = None

    @property
    def name(self) -> str:
        """ "lördag", "julafton", "annandag jul (lördag)", "valborgsmässoafton (halvdag)"."""
        if self.holiday and self.weekend:
            return f"{self.holiday} ({self.weekend})"
        if self.holiday or self.weekend:
            return self.holiday or self.weekend or ""
        return f"{self.half_day} (halvdag, från kl. 14.00)"

    @property
    def message(self) -> str:
        """One Swedish sentence for a warning before saving."""
        if self.half_day and not (self.holiday or self.weekend):
            return (
                f"{self.day.isoformat()} är {self.half_day}, en halvdag: "
                "mötet slutar efter kl. 14.00."
            )
        return f"{self.day.isoformat()} är {self.name}, ingen arbetsdag."


def day_off(day: date) -> DayOff | None:
    """The weekend day or holiday ``day`` is, by name; None on a workable day."""
    weekend = WEEKDAYS_SV[day.weekday()] if day.weekday() >= 5 else None
    holiday = _closed(day.year).get(day)
    if weekend is None and holiday is None:
        return None
    return DayOff(day, weekend, _lower_first(holiday) if holiday else None)


def meeting_day_off(starts_at: datetime, duration_minutes: int) -> DayOff | None:
    """Like :func:`day_off`, and also a half-day when the meeting would end after 14:00."""
    off = day_off(starts_at.date())
    if off is not None:
        return off
    day = starts_at.date()
    half = _half(day.year).get(day)
    if half is not None and not _ends_by_half_day(starts_at, duration_minutes):
        return DayOff(day, half_day=_lower_first(half))
    return None


def _ends_by_half_day(starts_at: datetime, duration_minutes: int) -> bool:
    ends_at = starts_at + timedelta(minutes=duration_minutes)
    return ends_at <= datetime.combine(starts_at.date(), HALF_DAY_END)


def is_workable(
    *, starts_at: datetime, duration_minutes: int, busy: Sequence[tuple[datetime, datetime]]
) -> bool:
    """Whether a meeting may be held then: weekday, no holiday, half-day ends by 14:00, no clash.

    Busy intervals are half-open ``[start, end)``: a meeting may start when another ends.
    """
    if meeting_day_off(starts_at, duration_minutes) is not None:
        return False
    ends_at = starts_at + timedelta(minutes=duration_minutes)
    return not any(start < ends_at and starts_at < end for start, end in busy)
