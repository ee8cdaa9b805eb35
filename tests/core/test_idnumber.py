"""Personnummer and samordningsnummer: RELIABILITY row 22, every date 1900–2030."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sigdesk.errors import ValidationError
from sigdesk.idnumber import format_short, luhn_digit, parse_id_number

TODAY = date(2030, 12, 31)


def test_every_date_1900_to_2030_both_kinds_and_forms() -> None:
    mismatches = []
    day = date(1900, 1, 1)
    while day <= date(2030, 12, 31):
        for coordination in (False, True):
            dd = day.day + (60 if coordination else 0)
            nine = f"{day:%y%m}{dd:02d}123"
            check = luhn_digit(nine)
            twelve = f"{day:%Y%m}{dd:02d}123{check}"
            age = TODAY.year - day.year - ((TODAY.month, TODAY.day) < (day.month, day.day))
            sep = "+" if age >= 100 else "-"
            forms = [twelve, f"{twelve[:8]}-{twelve[8:]}", f"{nine[:6]}{sep}{nine[6:]}{check}"]
            if sep == "-":
                forms.append(f"{nine}{check}")  # 10 digits without a sign: under 100
            for form in forms:
                try:
                    got = parse_id_number(form, today=TODAY)
                except ValidationError:
                    mismatches.append(form)
                    continue
                if (got.digits, got.birth_date, got.coordination) != (twelve, day, coordination):
                    mismatches.append(form)
            wrong = f"{twelve[:-1]}{(check + 1) % 10}"
            with pytest.raises(ValidationError):
                parse_id_number(wrong, today=TODAY)
        day += timedelta(days=1)
    assert mismatches == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "12345",
        "20100230-1234",
        "20101301-1234",
        "20100100-1234",
        "20100192-1234",
        "2010010198070",
        "201001-019806",
        "20100101+",
        "301231-1234",
    ],
)
def test_invalid_numbers_are_refused_with_a_field_message(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_id_number(text, today=date(2026, 11, 22))
    assert info.value.field == "Personnummer"
    assert info.value.field_message


def test_29_february() -> None:
    nine = "000229980"
    number = parse_id_number(f"20{nine}{luhn_digit(nine)}", today=date(2026, 1, 1))
    assert number.birth_date == date(2000, 2, 29)
    with pytest.raises(ValidationError) as info:
        parse_id_number(f"19010229980{luhn_digit('010229980')}", today=date(2026, 1, 1))
    assert "finns inte" in info.value.field_message


def test_future_birth_is_refused_for_12_digits_and_read_as_last_century_for_10() -> None:
    nine = "270101980"
    check = luhn_digit(nine)
    with pytest.raises(ValidationError):
        parse_id_number(f"20270101980{check}", today=date(2026, 11, 22))
    assert parse_id_number(f"270101-980{check}", today=date(2026, 11, 22)).digits.startswith("1927")


def test_short_form_uses_plus_from_100_years() -> None:
    assert format_short("192611229802", today=date(2026, 11, 22)) == "261122+9802"
    assert format_short("192611239802", today=date(2026, 11, 22)) == "261123-9802"
