"""Field checks shared by the services; each failure names its field in Swedish."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sigdesk.errors import ValidationError

EARLIEST_CASE_DATE = date(2000, 1, 1)
EARLIEST_BIRTH_DATE = date(1900, 1, 1)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9+()\- ]{5,20}$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DATE_FORMAT_HINT = "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-22."


def required_text(field: str, value: str, *, max_length: int = 200) -> str:
    cleaned = value.strip()
    if not cleaned:
        raise ValidationError(field, "Fältet får inte vara tomt.")
    return optional_text(field, cleaned, max_length=max_length)


def optional_text(field: str, value: str, *, max_length: int = 200) -> str:
    cleaned = value.strip()
    if len(cleaned) > max_length:
        raise ValidationError(field, f"Högst {max_length} tecken.")
    return cleaned


def email(field: str, value: str) -> str:
    cleaned = value.strip()
    if cleaned and not _EMAIL.match(cleaned):
        raise ValidationError(field, "Ogiltig e-postadress.")
    return cleaned


def phone(field: str, value: str) -> str:
    cleaned = value.strip()
    if cleaned and not _PHONE.match(cleaned):
        raise ValidationError(field, "Ogiltigt telefonnummer.")
    return cleaned


def case_date(field: str, value: date | None, *, today: date, years_ahead: int = 5) -> date | None:
    """A date of casework: from 2000 up to a few years ahead of today."""
    if value is None:
        return None
    latest = today + timedelta(days=365 * years_ahead)
    if not EARLIEST_CASE_DATE <= value <= latest:
        raise ValidationError(
            field, f"Datumet måste ligga mellan {EARLIEST_CASE_DATE} och {latest}."
        )
    return value


def birth_date(field: str, value: date | None, *, today: date) -> date | None:
    if value is None:
        return None
    if not EARLIEST_BIRTH_DATE <= value <= today:
        raise ValidationError(field, f"Datumet måste ligga mellan {EARLIEST_BIRTH_DATE} och idag.")
    return value


# --- typed dates ------------------------------------------------------------------------


class DateProblemKind(StrEnum):
    FORMAT = "format"  # not ÅÅÅÅ-MM-DD at all
    MONTH = "month"  # 2026-13-01
    DAY = "day"  # 2010-02-30, 2026-04-31


@dataclass(frozen=True, slots=True)
class DateProblem:
    """Why a typed date is not a date; `days_in_month` is set for a day that does not exist."""

    kind: DateProblemKind
    text: str
    days_in_month: int = 0

    @property
    def message(self) -> str:
        """The Swedish message shown at the field (the UI translates it by `kind`)."""
        if self.kind is DateProblemKind.MONTH:
            return f"Datumet {self.text} finns inte: månaden ska vara 01–12."
        if self.kind is DateProblemKind.DAY:
            return f"Datumet {self.text} finns inte: månaden har {self.days_in_month} dagar."
        return DATE_FORMAT_HINT


def date_problem(text: str) -> DateProblem | None:
    """Why `text` is not an ISO date ÅÅÅÅ-MM-DD (None when it is one); the one check of
    every typed date: forms, meeting mode and the command line."""
    cleaned = text.strip()
    match = _ISO_DATE.match(cleaned)
    if match is None or int(match.group(1)) < 1:
        return DateProblem(DateProblemKind.FORMAT, cleaned)
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        return DateProblem(DateProblemKind.MONTH, cleaned)
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return DateProblem(DateProblemKind.DAY, cleaned, days)
    return None


def iso_date(field: str, text: str) -> date | None:
    """A typed ISO date; empty gives None; anything else raises a ValidationError naming why."""
    if not text.strip():
        return None
    problem = date_problem(text)
    if problem is not None:
        raise ValidationError(field, problem.message)
    return date.fromisoformat(text.strip())
