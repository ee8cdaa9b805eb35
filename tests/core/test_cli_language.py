"""The command line speaks Swedish: every --help, every usage error, and counts in the
singular and the plural ("Skrev 1 planerat möte", "Skrev 3 planerade möten")."""

from __future__ import annotations

import argparse
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from sigdesk.cli import build_parser, run
from sigdesk.cli_text import count
from tests.conftest import TODAY

#: Words that mark an English help text (none of them is a Swedish word).
ENGLISH = re.compile(
    r"\b(the|an|of|to|and|or|with|for|every|write|read|open|only|this|default|file|folder|"
    r"new|show|verify|replace|overwrite|print|planned|meetings|youths?|exit|help|usage|"
    r"options|arguments?|error|required|days?|older|than|months|delete|list|out)\b",
    re.IGNORECASE,
)


def every_parser(
    parser: argparse.ArgumentParser,
) -> list[argparse.ArgumentParser]:
    """The parser and all its subcommands' parsers, however deep (handover export …)."""
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                found += every_parser(sub)
    return found


def test_every_help_text_is_swedish() -> None:
    parsers = every_parser(build_parser())
    assert len(parsers) >= 8  # sigdesk and its subcommands
    for parser in parsers:
        text = parser.format_help()
        assert text.startswith("användning: "), parser.prog
        for english in ("usage:", "positional arguments", "options:", "show this help"):
            assert english not in text, (parser.prog, english)
        helps = [parser.description or ""]
        for action in parser._actions:
            helps += [action.help or "", str(action.metavar or "")]
            if isinstance(action, argparse._SubParsersAction):
                helps += [choice.help or "" for choice in action._choices_actions]
        for help_text in helps:
            # §8 code names in a text are not English prose: SPEC, JSON, .ics, Outlook
            assert not ENGLISH.search(help_text), (parser.prog, help_text)


def test_usage_errors_are_one_swedish_line(capsys: pytest.CaptureFixture[str]) -> None:
    for argv, says in (
        (["export", "plan", "x.sigdesk"], "följande argument saknas: --out"),
        (["export", "plan", "x.sigdesk", "--out", "x.docx"], "följande argument saknas: --youth"),
        (["export", "report", "x.sigdesk", "--out", "x.docx"], "saknas: --from, --to"),
        (["export", "brev", "x.sigdesk", "--youth", "1", "--out", "x.docx"], "ogiltigt val"),
        (["deadlines", "x.sigdesk", "--today", "i morgon"], "--today: Skriv datumet som"),
        (["calendar", "x.sigdesk", "--out", "x.ics", "--youth", "en"], "ogiltigt värde"),
        (["check", "x.sigdesk", "--extra"], "okända argument: --extra"),
    ):
        with pytest.raises(SystemExit) as exited:
            run(argv)
        assert exited.value.code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and says in err, err
        assert "fel:" in err and "error" not in err


def test_counts_have_singular_and_plural() -> None:
    assert count(1, "planerat möte", "planerade möten") == "1 planerat möte"
    assert count(3, "planerat möte", "planerade möten") == "3 planerade möten"
    assert count(0, "planerat möte", "planerade möten") == "0 planerade möten"


def test_calendar_says_one_meeting_or_meetings(  # type: ignore[no-untyped-def]
    caseload_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sigdesk.caseload import YouthData, add_youth
    from sigdesk.catalogues import YouthStatus
    from sigdesk.meetings import MeetingData, plan_meeting
    from sigdesk.store.open import open_caseload

    caseload = open_caseload(caseload_path)
    with caseload.session_scope() as s:
        data = YouthData("Elsa", "Exempel", status=YouthStatus.ACTIVE, start_date=date(2026, 11, 1))
        youth = add_youth(s, data, today=TODAY).created_id
        assert youth is not None
        meeting = MeetingData(datetime(2026, 12, 1, 9, 0), 60, "Farstaskolan", "Sam", "Sam")
        plan_meeting(s, youth, meeting, today=TODAY)
    caseload.close()
    out = tmp_path / "m.ics"
    assert run(["calendar", str(caseload_path), "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"Skrev 1 planerat möte till {out}\n"

    caseload = open_caseload(caseload_path)
    with caseload.session_scope() as s:
        for day in (8, 15):
            meeting = MeetingData(datetime(2026, 12, day, 9, 0), 60, "Farstaskolan", "Sam", "Sam")
            plan_meeting(s, youth, meeting, today=TODAY)
    caseload.close()
    again = tmp_path / "m3.ics"
    assert run(["calendar", str(caseload_path), "--out", str(again)]) == 0
    assert capsys.readouterr().out == f"Skrev 3 planerade möten till {again}\n"
    assert run(["check", str(caseload_path)]) == 0
    assert ", 1 ungdom, " in capsys.readouterr().out
