"""One check for every typed date: the format hint, or that the date does not exist."""

from __future__ import annotations

from datetime import date

import pytest

from sigdesk.errors import ValidationError
from sigdesk.validation import DateProblemKind, date_problem, iso_date


@pytest.mark.parametrize(
    ("text", "kind", "days"),
    [
        ("2010-02-30", DateProblemKind.DAY, 28),
        ("2012-02-30", DateProblemKind.DAY, 29),
        ("2026-04-31", DateProblemKind.DAY, 30),
        ("2026-01-00", DateProblemKind.DAY, 31),
        ("2026-13-01", DateProblemKind.MONTH, 0),
        ("2026-00-10", DateProblemKind.MONTH, 0),
        ("2026-2-3", DateProblemKind.FORMAT, 0),
        ("20261122", DateProblemKind.FORMAT, 0),
        ("2026-W47-1", DateProblemKind.FORMAT, 0),  # ISO week dates are not typed dates
        ("0000-01-01", DateProblemKind.FORMAT, 0),
        ("i morgon", DateProblemKind.FORMAT, 0),
    ],
)
def test_what_is_wrong_is_named(text: str, kind: DateProblemKind, days: int) -> None:
    problem = date_problem(text)
    assert problem is not None and problem.kind is kind and problem.days_in_month == days
    with pytest.raises(ValidationError) as err:
        iso_date("Födelsedatum", text)
    assert err.value.field == "Födelsedatum"
    if kind is DateProblemKind.FORMAT:
        assert "ÅÅÅÅ-MM-DD" in err.value.field_message
    else:
        assert err.value.field_message.startswith(f"Datumet {text} finns inte")


def test_a_real_date_and_an_empty_field() -> None:
    assert date_problem(" 2012-02-29 ") is None
    assert iso_date("Datum", " 2012-02-29 ") == date(2012, 2, 29)
    assert iso_date("Datum", "  ") is None


def test_the_feb_30_message_says_the_month_has_28_days() -> None:
    with pytest.raises(ValidationError) as err:
        iso_date("Födelsedatum", "2010-02-30")
    assert err.value.field_message == "Datumet 2010-02-30 finns inte: månaden har 28 dagar."
