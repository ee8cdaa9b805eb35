"""`idnumber` against the public personnummer test vectors (personnummer/meta's list.json).

The vectors are the ones the reference libraries test against, kept in
tests/core/data/personnummer_meta_list.json with their source. sigdesk follows them: every
form of a valid number parses to the same 12 digits and birth date, every form of an invalid
one is refused with a field message. SPEC §3 adds one rule of its own, a birth date after
today is refused; no vector has one.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sigdesk.errors import ValidationError
from sigdesk.idnumber import FIELD, format_short, parse_id_number

VECTORS: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "personnummer_meta_list.json").read_text(encoding="utf-8")
)["list"]
FORMATS = ("long_format", "short_format", "separated_format", "separated_long")
TODAY = date(2026, 12, 17)


def _cases(valid: bool) -> list[Any]:
    return [
        pytest.param(item, form, id=f"{item[form]}")
        for item in VECTORS
        if item["valid"] is valid
        for form in FORMATS
    ]


@pytest.mark.parametrize(("item", "form"), _cases(False))
def test_every_form_of_an_invalid_vector_is_refused(item: dict[str, Any], form: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_id_number(item[form], today=TODAY)
    assert err.value.field == FIELD and err.value.field_message


@pytest.mark.parametrize(("item", "form"), _cases(True))
def test_every_form_of_a_valid_vector_is_accepted(item: dict[str, Any], form: str) -> None:
    got = parse_id_number(item[form], today=TODAY)
    assert got.coordination is (item["type"] == "con")
    if form == "short_format" and "+" in item["separated_format"]:
        # 10 digits without a sign mean "under 100" (as in the reference libraries).
        yy = int(item["short_format"][:2])
        year = TODAY.year - (TODAY.year - yy) % 100
        assert got.digits == f"{year}{item['short_format'][2:]}"
        return
    assert got.digits == item["long_format"]
    assert format_short(got.digits, today=TODAY) == item["separated_format"]
    day = int(item["long_format"][6:8]) - (60 if got.coordination else 0)
    born = date(int(item["long_format"][:4]), int(item["long_format"][4:6]), day)
    assert got.birth_date == born
    assert (int(item["long_format"][10]) % 2 == 1) is item["isMale"]


def test_the_vectors_are_all_there() -> None:
    assert len(VECTORS) == 13
    assert sum(item["valid"] for item in VECTORS) == 7
