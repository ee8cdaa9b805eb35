"""Field checks shared by the services; each failure names its field in Swedish."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sigdesk.errors import ValidationError

EARLIEST_CASE_DATE = date(2000, 1, 1)
EARLIEST_BIRTH_DATE = date(1900, 1, 1)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9+()\- ]{5,20}$")


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
