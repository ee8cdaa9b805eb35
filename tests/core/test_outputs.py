"""RELIABILITY 25: every output path refuses an existing file without --force, and the
caseload and its key, -wal, -shm and lock files always (sha256 unchanged)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sigdesk.config import key_file_path
from sigdesk.documents.ics import write_calendar
from sigdesk.documents.render import write_document
from sigdesk.errors import SigdeskError
from sigdesk.store.outputs import (
    OutputExistsError,
    ProtectedFileError,
    caseload_files,
    check_output_path,
)
from tests.conftest import sha256
from tests.core.test_cli import PASS, _one_line, sigdesk


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("outputs") / "demo.sigdesk"
    result = sigdesk("demo-data", str(path), "--youths", "4", "--seed", "5", passphrase=PASS)
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture
def caseload(demo: Path, tmp_path: Path) -> Path:
    """A copy with every companion file present (as while the window has it open)."""
    target = tmp_path / "arenden.sigdesk"
    shutil.copyfile(demo, target)
    shutil.copyfile(key_file_path(demo), key_file_path(target))
    for suffix in ("-wal", "-shm", ".lock"):
        target.with_name(target.name + suffix).write_bytes(b"companion " + suffix.encode())
    return target


def fingerprints(paths: list[Path]) -> dict[Path, str]:
    return {p: sha256(p) for p in paths if p.exists()}


def test_the_caseload_and_its_files_are_refused_even_with_overwrite(caseload: Path) -> None:
    members = caseload_files(caseload)
    before = fingerprints(members)
    for target in members:
        for overwrite in (False, True):
            with pytest.raises(ProtectedFileError, match="skriver aldrig över"):
                check_output_path(target, overwrite=overwrite)
            with pytest.raises(ProtectedFileError):
                write_document(b"x", target, overwrite=overwrite)
            with pytest.raises(ProtectedFileError):
                write_calendar(target, [], overwrite=overwrite)
    assert fingerprints(members) == before


def test_a_caseload_under_any_name_and_links_to_it(caseload: Path, tmp_path: Path) -> None:
    odd = tmp_path / "mina-ärenden.db"
    caseload.rename(odd)
    key_file_path(caseload).rename(key_file_path(odd))
    with pytest.raises(ProtectedFileError):
        check_output_path(odd, overwrite=True)  # found by its key file beside it
    link = tmp_path / "genväg.docx"
    os.symlink(odd, link)
    with pytest.raises(ProtectedFileError):
        check_output_path(link, overwrite=True)
    # The open caseload named by the caller, even before its -wal exists.
    fresh = tmp_path / "ny" / "x.data"
    fresh.parent.mkdir()
    with pytest.raises(ProtectedFileError):
        check_output_path(fresh.with_name("x.data-wal"), protect=[fresh])
    assert check_output_path(tmp_path / "plan.docx", protect=[fresh]) == tmp_path / "plan.docx"


def test_an_existing_file_is_kept_without_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "plan.docx"
    target.write_bytes(b"gammal")
    with pytest.raises(OutputExistsError, match="finns redan"):
        check_output_path(target)
    with pytest.raises(OutputExistsError):
        write_document(b"ny", target)
    with pytest.raises(OutputExistsError):
        write_calendar(target, [])
    assert target.read_bytes() == b"gammal"
    write_document(b"ny", target, overwrite=True)
    assert target.read_bytes() == b"ny"
    with pytest.raises(SigdeskError, match="Mappen finns inte"):
        check_output_path(tmp_path / "saknas" / "a.ics")


def test_every_cli_output_path(caseload: Path, tmp_path: Path) -> None:
    existing = tmp_path / "finns.docx"
    existing.write_bytes(b"gammal")
    members = caseload_files(caseload)
    before = fingerprints([*members, existing])
    commands = [
        ["calendar", str(caseload), "--out"],
        ["export", "plan", str(caseload), "--youth", "1", "--out"],
    ]
    for command in commands:
        for target in [existing, *members]:
            for force in ([], ["--force"]):
                if target == existing and force:
                    continue
                result = sigdesk(*command, str(target), *force, passphrase=PASS)
                assert result.returncode == 2, (command, target, force, result.stderr)
                line = _one_line(result)
                if target == existing:
                    assert "finns redan" in line and "--force" in line
                else:
                    assert "skriver aldrig över" in line
    assert fingerprints([*members, existing]) == before
    # With --force an ordinary existing file is replaced (the one thing --force allows).
    forced = sigdesk("calendar", str(caseload), "--out", str(existing), "--force", passphrase=PASS)
    assert forced.returncode == 0, forced.stderr
    assert existing.read_bytes().startswith(b"BEGIN:VCALENDAR")
    # (the read opened the caseload: SQLite dropped the stand-in -wal/-shm files)
    assert fingerprints(members[:2]) == {p: before[p] for p in members[:2]}
