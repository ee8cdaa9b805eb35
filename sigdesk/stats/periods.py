"""The periods of the period picker (SPEC §6): a year, a half-year, a quarter or a month."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from sigdesk.errors import ValidationError


class PeriodKind(StrEnum):
    YEAR = "ar"
    HALF_YEAR = "halvar"
    QUARTER = "kvartal"
    MONTH = "manad"


_PARTS = {PeriodKind.YEAR: 1, PeriodKind.HALF_YEAR: 2, PeriodKind.QUARTER: 4, PeriodKind.MONTH: 12}


def period_of(kind: PeriodKind, *, year: int, index: int = 1) -> tuple[date, date]:
    """`[F, T]` of the `index`th part (1-based) of `year`: e.g. (QUARTER, 2026, 2) is
    2026-04-01 – 2026-06-30."""
    parts = _PARTS[kind]
    if not 1 <= index <= parts or not 1900 <= year <= 9998:
        raise ValidationError(
            "Period", f"Det finns ingen sådan period ({kind.value} {index} {year})."
        )
    months = 12 // parts
    first = date(year, (index - 1) * months + 1, 1)
    following_month = first.month + months
    following = date(year + (following_month - 1) // 12, (following_month - 1) % 12 + 1, 1)
    return first, following - timedelta(days=1)


def period_label(start: date, end: date) -> str:
    """The period in Swedish words where it is a whole one ("2026", "första halvåret 2026",
    "kvartal 2 2026", "mars 2026"), else "2026-01-15 – 2026-03-31"."""
    months = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
              "september", "oktober", "november", "december")  # fmt: skip
    for kind in PeriodKind:
        for index in range(1, _PARTS[kind] + 1):
            if period_of(kind, year=start.year, index=index) != (start, end):
                continue
            if kind is PeriodKind.YEAR:
                return str(start.year)
            if kind is PeriodKind.HALF_YEAR:
                return f"{('första', 'andra')[index - 1]} halvåret {start.year}"
            if kind is PeriodKind.QUARTER:
                return f"kvartal {index} {start.year}"
            return f"{months[index - 1]} {start.year}"
    return f"{start.isoformat()} – {end.isoformat()}"
