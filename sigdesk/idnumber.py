"""Swedish personnummer and samordningsnummer: parse, check, store as 12 digits.

Accepted: `YYMMDD-NNNC`, `YYMMDD+NNNC` (100 years or older), `YYMMDDNNNC`,
`YYYYMMDDNNNC`, `YYYYMMDD-NNNC`. A samordningsnummer has 60 added to the day.
The last digit is a Luhn check over the ten digits YYMMDDNNN. As in the public test
vectors of the personnummer reference libraries (tests/core/data), a space inside the
number and the birth number 000 are refused; unlike them, a birth date after today is.

The `personnummer` package on PyPI does the same checks but reads the system
clock internally for the century of 10-digit numbers; sigdesk passes its own
`today` (the clock lives in the app context, so tests and `--today` move it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sigdesk.errors import ValidationError

FIELD = "Personnummer"
_PATTERN = re.compile(r"^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$")


@dataclass(frozen=True)
class IdNumber:
    """A checked number: `digits` is the stored 12-digit form."""

    digits: str
    birth_date: date
    coordination: bool

    @property
    def display(self) -> str:
        return display_form(self.digits)


def age_on(birth: date, day: date) -> int:
    """Whole years of age on `day` (a 29 February birthday counts on 1 March)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def display_form(digits: str) -> str:
    """`YYYYMMDD-NNNC`, the form shown in forms and printed on documents."""
    return f"{digits[:8]}-{digits[8:]}"


def luhn_digit(nine: str) -> int:
    """The Luhn check digit for the nine digits YYMMDDNNN."""
    total = 0
    for i, ch in enumerate(nine):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return (10 - total % 10) % 10


def _century(yy: int, sep: str, month: int, day: int, today: date) -> int:
    """Century of a 10-digit number: the latest year not after today, minus 100 for `+`."""
    year = today.year - (today.year - yy) % 100
    if year == today.year and (month, day) > (today.month, today.day):
        year -= 100
    if sep == "+":
        year -= 100
    return year // 100


def parse_id_number(text: str, *, today: date) -> IdNumber:
    """Parse and check a personnummer or samordningsnummer, or raise ValidationError."""
    cleaned = text.strip()
    match = _PATTERN.match(cleaned)
    if not match:
        raise ValidationError(
            FIELD, "Ange 10 eller 12 siffror, t.ex. ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN."
        )
    cc, yy, mm, dd, sep, serial, check = match.groups()
    if serial == "000":
        raise ValidationError(FIELD, "Födelsenumret 000 delas inte ut; kontrollera numret.")
    month, raw_day = int(mm), int(dd)
    coordination = raw_day > 60
    day = raw_day - 60 if coordination else raw_day
    if cc is not None and sep == "+":
        sep = ""  # with the century written out, the separator carries no meaning
    century = int(cc) if cc is not None else _century(int(yy), sep, month, day, today)
    try:
        born = date(century * 100 + int(yy), month, day)
    except ValueError:
        kind = "samordningsnummer" if coordination else "personnummer"
        raise ValidationError(FIELD, f"Datumet i {kind}et finns inte.") from None
    if born > today:
        raise ValidationError(FIELD, "Födelsedatumet ligger i framtiden.")
    if luhn_digit(f"{yy}{mm}{dd}{serial}") != int(check):
        raise ValidationError(FIELD, "Kontrollsiffran stämmer inte.")
    digits = f"{century:02d}{yy}{mm}{dd}{serial}{check}"
    return IdNumber(digits=digits, birth_date=born, coordination=coordination)


def format_short(digits: str, *, today: date) -> str:
    """The 10-digit form with `-` or `+` (100 years or older on `today`)."""
    born_year = int(digits[:4])
    mm, dd = int(digits[4:6]), int(digits[6:8]) % 60
    age_100 = (today.year - born_year - ((today.month, today.day) < (mm, dd))) >= 100
    return f"{digits[2:8]}{'+' if age_100 else '-'}{digits[8:]}"
