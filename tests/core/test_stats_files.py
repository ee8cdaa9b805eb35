"""The statistics files: JSON and CSV, the merge of many workers, and the command line."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from sigdesk.cli import run
from sigdesk.stats import DIMENSIONS, FIGURES, period_stats
from sigdesk.stats.files import (
    StatsFileError,
    merge_files,
    parse_json,
    read_json,
    to_csv,
    to_json,
)
from sigdesk.store.db import Caseload
from sigdesk.store.open import open_caseload
from tests.core import stats_fixture
from tests.core.stats_fixture import SECRETS, F, T


@pytest.fixture
def built(caseload: Caseload, caseload_path: Path) -> Iterator[Path]:
    with caseload.session_scope() as s:
        stats_fixture.build(s)
    caseload.close()
    yield caseload_path


def stats_of(path: Path, start: object = F, end: object = T):  # type: ignore[no-untyped-def]
    opened = open_caseload(path)
    try:
        with opened.session_scope() as s:
            return period_stats(s, start=start, end=end)  # type: ignore[arg-type]
    finally:
        opened.close()


def assert_anonymous(data: bytes) -> None:
    """No name, organisation or personnummer of the fixture, in UTF-8 or UTF-16."""
    assert SECRETS
    for secret in SECRETS:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert secret.encode(encoding) not in data, (secret, encoding)


def test_json_round_trip_is_exact(built: Path) -> None:
    stats = stats_of(built)
    data = to_json(stats)
    document = json.loads(data)
    assert document["version"] == 1
    assert (document["from"], document["to"]) == ("2026-01-01", "2026-06-30")
    assert len(document["rows"]) == len(FIGURES) * len(DIMENSIONS)
    compliance = next(r for r in document["rows"] if r["figure"] == "compliance")
    assert compliance == {
        "figure": "compliance",
        "dimension": "total",
        "value": 0.55,
        "numerator": 11,
        "denominator": 20,
    }
    active = document["rows"][0]
    assert active == {
        "figure": "active",
        "dimension": "total",
        "value": 10,
        "numerator": None,
        "denominator": None,
    }
    assert parse_json(data, Path("a.json")) == stats
    assert_anonymous(data)


def test_csv_is_tidy_for_swedish_excel(built: Path) -> None:
    stats = stats_of(built)
    data = to_csv(stats)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["from", "to", "figure", "dimension", "value", "numerator", "denominator"]
    assert len(rows) == 1 + len(FIGURES) * len(DIMENSIONS)
    by_key = {(r[2], r[3]): r[4:] for r in rows[1:]}
    assert by_key[("compliance", "total")] == ["0,55", "11", "20"]
    assert by_key[("mean_interval_days", "gender:flicka")] == ["40", "120", "3"]
    assert by_key[("attendance:bup", "total")] == ["", "0", "0"]
    assert by_key[("active", "track:unga_vuxna")] == ["2", "", ""]
    assert_anonymous(data)


def test_merge_of_two_equals_one_caseload_holding_both(
    built: Path, tmp_path: Path, caseload_path: Path
) -> None:
    """Two workers each with the fixture = one caseload with the fixture twice over."""
    first = stats_of(built)
    double = tmp_path / "double"
    double.mkdir()
    both_path = double / caseload_path.name
    for source in built.parent.glob(built.name + "*"):
        (double / source.name).write_bytes(source.read_bytes())
    opened = open_caseload(both_path)
    with opened.session_scope() as s:
        stats_fixture.build(s, seed=15)  # the same story again: a second worker's youths
    opened.close()
    both = stats_of(both_path)
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_bytes(to_json(first))
    b.write_bytes(to_json(first))  # the second worker's file: the same figures
    assert merge_files([a, b]) == both
    assert both.get("compliance").numerator == 22 and both.value("compliance") == 0.55
    assert both.value("active") == 20
    # shares come from the summed parts, never from averaging the files' shares
    c = tmp_path / "c.json"
    c.write_bytes(to_json(both))
    three = merge_files([a, c])
    assert (three.get("attendance:youth").numerator, three.get("attendance:youth").denominator) == (
        36,
        39,
    )
    assert three.get("mean_interval_days").value == 32.5


def test_merge_refuses_other_periods_newer_versions_and_the_same_file(
    built: Path, tmp_path: Path
) -> None:
    stats = stats_of(built)
    other = stats_of(built, F, stats_fixture.date(2026, 12, 31))
    a, b, c = tmp_path / "a.json", tmp_path / "b.json", tmp_path / "c.json"
    a.write_bytes(to_json(stats))
    b.write_bytes(to_json(other))
    with pytest.raises(StatsFileError, match="olika perioder"):
        merge_files([a, b])
    newer = json.loads(to_json(stats))
    newer["version"] = 2
    c.write_text(json.dumps(newer), encoding="utf-8")
    with pytest.raises(StatsFileError, match="nyare sigdesk"):
        merge_files([a, c])
    with pytest.raises(StatsFileError, match="två gånger"):
        merge_files([a, a])
    broken = tmp_path / "broken.json"
    broken.write_text('{"version": 1, "from": "2026-02-30", "to": "2026-06-30", "rows": []}')
    with pytest.raises(StatsFileError, match="inget datum"):
        read_json(broken)
    tampered = json.loads(to_json(stats))
    tampered["rows"][0]["value"] = -3
    broken.write_text(json.dumps(tampered))
    with pytest.raises(StatsFileError, match="inget antal"):
        read_json(broken)
    broken.write_text("not json")
    with pytest.raises(StatsFileError, match="inte JSON"):
        read_json(broken)


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SIGDESK_CONFIG_DIR", str(tmp_path / "config"))


def test_cli_stats_json_csv_and_text(
    built: Path, cli_env: None, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    period = ["--from", "2026-01-01", "--to", "2026-06-30"]
    assert run(["stats", str(built), *period, "--json"]) == 0
    out = capsysbinary.readouterr().out
    assert json.loads(out)["rows"][0]["value"] == 10
    assert_anonymous(out)
    assert run(["stats", str(built), *period, "--csv"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"\xef\xbb\xbf")
    assert_anonymous(out)
    assert run(["stats", str(built), *period]) == 0
    text = capsysbinary.readouterr().out.decode("utf-8")
    assert "Intervall inom femveckorsregeln" in text and "55 %" in text
    assert_anonymous(text.encode("utf-8"))


def test_cli_bad_periods_are_one_line(
    built: Path, cli_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["stats", str(built), "--from", "2026-07-01", "--to", "2026-06-30"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--from" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as exited:
        run(["stats", str(built), "--from", "2026-02-30", "--to", "2026-06-30"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_cli_merge_writes_json_csv_and_docx(
    built: Path, cli_env: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stats = stats_of(built)
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_bytes(to_json(stats))
    other = json.loads(to_json(stats))
    other["rows"][0]["value"] = 11  # another worker's file: one more active youth
    b.write_text(json.dumps(other), encoding="utf-8")
    for suffix in (".json", ".csv", ".docx"):
        out = tmp_path / f"district{suffix}"
        assert run(["stats", "merge", str(a), str(b), "--out", str(out)]) == 0, capsys.readouterr()
        assert out.stat().st_size > 0
    assert read_json(tmp_path / "district.json").value("active") == 21
    assert run(["stats", "merge", str(a), str(b), "--out", str(tmp_path / "district.json")]) == 2
    assert "finns redan" in capsys.readouterr().err
    assert run(["stats", "merge", str(a), str(a), "--out", str(tmp_path / "x.json")]) == 2
    assert "två gånger" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()
