"""The command line as IT support uses it: real processes, real files, exit codes."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from sigdesk import __version__
from sigdesk.config import key_file_path
from sigdesk.store.dbfile import PAGE_SIZE, SCHEMA_HEAD
from tests.conftest import sha256

ROOT = Path(__file__).resolve().parents[2]
PASS = "demo lösenfras 1"
FAIL_KEYRING = "keyring.backends.fail.Keyring"
STATE = Path(tempfile.mkdtemp(prefix="sigdesk-test-state-"))


def sigdesk(
    *args: str, passphrase: str | None = None, keyring: str = FAIL_KEYRING, **env: str
) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "SIGDESK_PASSPHRASE"}
    environ |= {
        "PYTHON_KEYRING_BACKEND": keyring,
        "PYTHONPATH": str(ROOT),
        # logs go to a throwaway folder, not the developer's own log folder
        "XDG_STATE_HOME": str(STATE),
        **env,
    }
    if passphrase is not None:
        environ["SIGDESK_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "sigdesk", *args],
        capture_output=True,
        text=True,
        env=environ,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sigdesk"
    result = sigdesk("demo-data", str(path), "--youths", "12", "--seed", "3", passphrase=PASS)
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "kopia.sigdesk"
    shutil.copyfile(demo_file, target)
    shutil.copyfile(key_file_path(demo_file), key_file_path(target))
    return target


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("sigdesk: ")
    return lines[0]


def test_version() -> None:
    result = sigdesk("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"sigdesk {__version__}"


def test_demo_data_then_check(demo_file: Path) -> None:
    for path in (demo_file, key_file_path(demo_file)):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    result = sigdesk("check", str(demo_file), passphrase=PASS)
    assert result.returncode == 0, result.stderr
    assert f"schemaversion {SCHEMA_HEAD}" in result.stdout and "12 ungdomar" in result.stdout


def test_passphrase_file(demo_copy: Path, tmp_path: Path) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n", encoding="utf-8")
    assert sigdesk("check", str(demo_copy), "--passphrase-file", str(secret)).returncode == 0
    missing = sigdesk("check", str(demo_copy), "--passphrase-file", str(tmp_path / "nej"))
    assert missing.returncode == 2
    assert "Lösenfrasfilen" in _one_line(missing)


def test_keyring_unlock_without_passphrase(tmp_path: Path) -> None:
    ring = {"SIGDESK_TEST_KEYRING": str(tmp_path / "ring.json")}
    backend = "tests.keyrings.FileKeyring"
    path = tmp_path / "ring.sigdesk"
    made = sigdesk(
        "demo-data", str(path), "--youths", "3", passphrase=PASS, keyring=backend, **ring
    )
    assert made.returncode == 0, made.stderr
    result = sigdesk("check", str(path), keyring=backend, **ring)
    assert result.returncode == 0, result.stderr


def test_no_way_to_unlock_is_exit_2(demo_copy: Path) -> None:
    before = sha256(demo_copy)
    result = sigdesk("check", str(demo_copy))
    assert result.returncode == 2
    assert "SIGDESK_PASSPHRASE" in _one_line(result)
    assert sha256(demo_copy) == before


def test_wrong_passphrase_is_exit_2_and_changes_nothing(demo_copy: Path) -> None:
    before = sha256(demo_copy), sha256(key_file_path(demo_copy))
    result = sigdesk("check", str(demo_copy), passphrase="inte rätt lösenfras")
    assert result.returncode == 2
    assert "Fel lösenfras" in _one_line(result)
    assert PASS not in result.stderr
    assert (sha256(demo_copy), sha256(key_file_path(demo_copy))) == before


def test_damage_found_by_check_is_exit_1(demo_copy: Path) -> None:
    data = bytearray(demo_copy.read_bytes())
    data[3 * PAGE_SIZE + 100] ^= 0xFF
    demo_copy.write_bytes(bytes(data))
    before = sha256(demo_copy)
    result = sigdesk("check", str(demo_copy), passphrase=PASS)
    assert result.returncode == 1, result.stderr
    assert "Skada hittad" in result.stderr
    assert "Traceback" not in result.stderr
    assert sha256(demo_copy) == before


def test_plain_sqlite_and_missing_key_file(demo_copy: Path, tmp_path: Path) -> None:
    plain = tmp_path / "plain.sigdesk"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.commit()
    result = sigdesk("check", str(plain), passphrase=PASS)
    assert result.returncode == 1
    assert "okrypterad" in _one_line(result)
    key_file_path(demo_copy).unlink()
    result = sigdesk("check", str(demo_copy), passphrase=PASS)
    assert result.returncode == 2
    assert "Nyckelfilen" in _one_line(result)


def test_demo_data_never_overwrites(demo_copy: Path) -> None:
    before = sha256(demo_copy)
    result = sigdesk("demo-data", str(demo_copy), passphrase=PASS)
    assert result.returncode == 2
    assert "finns redan" in _one_line(result)
    assert sha256(demo_copy) == before


def test_usage_errors_are_exit_2(tmp_path: Path) -> None:
    assert sigdesk("check").returncode == 2
    result = sigdesk("demo-data", str(tmp_path / "x.sigdesk"), "--today", "2026-02-30")
    assert result.returncode == 2
    assert not (tmp_path / "x.sigdesk").exists()


def test_deadlines_json_keys_and_text(demo_file: Path) -> None:
    import json

    result = sigdesk(
        "deadlines", str(demo_file), "--today", "2026-11-22", "--json", passphrase=PASS
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and all(
        set(r)
        == {"youth_id", "name", "status", "deadline", "days_left", "next_meeting", "last_held"}
        for r in rows
    )
    assert {r["status"] for r in rows} <= {"ok", "i_tid", "planerat_for_sent", "snart", "forsenat"}
    text = sigdesk("deadlines", str(demo_file), passphrase=PASS)
    assert text.returncode == 0 and len(text.stdout.splitlines()) == len(rows)


def test_propose_gives_an_overdue_youth_a_workable_date(demo_file: Path) -> None:
    import json

    today = "2026-12-17"
    rows = json.loads(
        sigdesk("deadlines", str(demo_file), "--today", today, "--json", passphrase=PASS).stdout
    )
    overdue = next(r for r in rows if r["status"] == "forsenat")
    args = ("propose", str(demo_file), "--youth", str(overdue["youth_id"]), "--today", today)
    result = sigdesk(*args, passphrase=PASS)
    assert result.returncode == 0, result.stderr
    weekday, day = result.stdout.split()[:2]
    assert weekday in {"måndag", "tisdag", "onsdag", "torsdag", "fredag"}
    assert day == "2026-12-18" and "har passerat" in result.stdout  # Fri: the first workday
    assert "Inget datum" not in result.stdout
    bad = sigdesk(*args, "--margin", "40", passphrase=PASS)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_calendar_export_parses_back(demo_file: Path, tmp_path: Path) -> None:
    from icalendar import Calendar

    out = tmp_path / "moten.ics"
    result = sigdesk("calendar", str(demo_file), "--out", str(out), passphrase=PASS)
    assert result.returncode == 0, result.stderr
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert events and all(str(e["DTSTART"].dt.tzinfo) == "Europe/Stockholm" for e in events)
    again = tmp_path / "igen.ics"
    sigdesk("calendar", str(demo_file), "--out", str(again), passphrase=PASS)
    uids = lambda p: [str(e["UID"]) for e in Calendar.from_ical(p.read_bytes()).walk("VEVENT")]  # noqa: E731
    assert uids(out) == uids(again)
    missing = sigdesk(
        "calendar", str(demo_file), "--out", str(tmp_path / "nej" / "x.ics"), passphrase=PASS
    )
    assert missing.returncode != 0
    _one_line(missing)


def test_export_every_kind_and_bad_input(demo_file: Path, tmp_path: Path) -> None:
    from docx import Document

    for kind in ("plan", "plan-short", "kallelse", "agenda", "minutes"):
        out = tmp_path / f"{kind}.docx"
        result = sigdesk(
            "export", kind, str(demo_file), "--youth", "3", "--out", str(out), passphrase=PASS
        )
        assert result.returncode == 0, result.stderr
        assert Document(str(out)).paragraphs
    before = sha256(tmp_path / "plan.docx")
    again = sigdesk(
        "export",
        "plan",
        str(demo_file),
        "--youth",
        "3",
        "--out",
        str(tmp_path / "plan.docx"),
        passphrase=PASS,
    )
    assert again.returncode == 2 and "--force" in _one_line(again)
    assert sha256(tmp_path / "plan.docx") == before
    forced = sigdesk(
        "export",
        "plan",
        str(demo_file),
        "--youth",
        "3",
        "--out",
        str(tmp_path / "plan.docx"),
        "--force",
        passphrase=PASS,
    )
    assert forced.returncode == 0
    proposed = 7  # the demo's 7th youth is a proposal: no meeting held
    none = sigdesk(
        "export",
        "minutes",
        str(demo_file),
        "--youth",
        str(proposed),
        "--out",
        str(tmp_path / "m.docx"),
        passphrase=PASS,
    )
    assert none.returncode == 2 and "genomfört möte" in _one_line(none)
    missing = sigdesk(
        "export",
        "plan",
        str(demo_file),
        "--youth",
        "3",
        "--out",
        str(tmp_path / "nej" / "p.docx"),
        passphrase=PASS,
    )
    assert missing.returncode != 0 and "Mappen finns inte" in _one_line(missing)
    unknown = sigdesk(
        "export",
        "plan",
        str(demo_file),
        "--youth",
        "999",
        "--out",
        str(tmp_path / "u.docx"),
        passphrase=PASS,
    )
    assert unknown.returncode != 0
    _one_line(unknown)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{k}.docx" for k in ("plan", "plan-short", "kallelse", "agenda", "minutes")
    )


def test_export_with_a_broken_custom_template(demo_file: Path, tmp_path: Path) -> None:
    templates = tmp_path / "mallar"
    templates.mkdir()
    (templates / "atgardsplan.docx").write_bytes(b"inte ett Word-dokument")
    out = tmp_path / "plan.docx"
    result = sigdesk(
        "export", "plan", str(demo_file), "--youth", "3", "--out", str(out),
        "--templates", str(templates), passphrase=PASS,
    )  # fmt: skip
    assert result.returncode != 0
    line = _one_line(result)
    assert "atgardsplan.docx" in line and "inbyggda mallen" in line
    assert not out.exists()
