"""`sigdesk youths` and `sigdesk gallring` as real processes, and gallring killed midway."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from sigdesk import demo
from sigdesk.config import key_file_path
from sigdesk.store.db import check_caseload
from sigdesk.store.open import create_caseload, open_caseload, unlock
from tests.conftest import TEST_KDF, TODAY, sha256
from tests.core.test_cli import FAIL_KEYRING, PASS, ROOT, STATE, sigdesk
from tests.core.test_gallring import add_canary_youth, canaries
from tests.pagescan import decrypted_pages, hits

LATER = "2029-12-05"
CANARY_YOUTHS = 4


@pytest.fixture(scope="module")
def gallring_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo caseload plus youths carrying canaries, closed in March 2026."""
    path = tmp_path_factory.mktemp("gallring") / "demo.sigdesk"
    # made here with the tests' cheap KDF, so that each command's unlock is quick
    caseload = create_caseload(path, passphrase=PASS, kdf=TEST_KDF, use_keyring=False)
    try:
        with caseload.session_scope() as s:
            demo.build(s, youths=120, seed=5, today=TODAY)
        with caseload.session_scope() as s:
            for n in range(CANARY_YOUTHS):
                add_canary_youth(s, n, closed_on=date(2026, 3, 1))
    finally:
        caseload.close()
    return path


@pytest.fixture
def copy(gallring_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "kopia.sigdesk"
    shutil.copyfile(gallring_file, target)
    shutil.copyfile(key_file_path(gallring_file), key_file_path(target))
    return target


def run(*args: str, config: Path) -> subprocess.CompletedProcess[str]:
    return sigdesk(*args, passphrase=PASS, SIGDESK_CONFIG_DIR=str(config))


def all_canaries() -> list[str]:
    return [c for n in range(CANARY_YOUTHS) for c in canaries(n)]


def test_youths_json_has_the_spec_keys(copy: Path, tmp_path: Path) -> None:
    active = run("youths", str(copy), "--json", config=tmp_path)
    every = run("youths", str(copy), "--all", "--json", config=tmp_path)
    assert active.returncode == every.returncode == 0, active.stderr
    rows, all_rows = json.loads(active.stdout), json.loads(every.stdout)
    keys = {"youth_id", "name", "status", "start", "closed", "closure_reason"}
    assert rows and all(set(r) == keys for r in rows + all_rows)
    assert {r["status"] for r in rows} == {"aktiv"}
    assert len(all_rows) > len(rows)
    closed = [r for r in all_rows if r["status"] == "avslutad"]
    assert closed and all(r["closed"] and r["closure_reason"] for r in closed)
    assert {r["closed"] for r in all_rows if r["name"].startswith("Kanariefagel")} == {"2026-03-01"}


def test_gallring_with_nothing_due_and_bad_months(copy: Path, tmp_path: Path) -> None:
    before = sha256(copy)
    nothing = run("gallring", str(copy), "--older-than-months", "1000", "--yes", config=tmp_path)
    assert nothing.returncode == 0, nothing.stderr
    assert nothing.stdout.startswith("Inget att gallra")
    bad = run("gallring", str(copy), "--older-than-months", "0", config=tmp_path)
    assert bad.returncode == 2
    assert "1–1200" in bad.stderr and "Traceback" not in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
    assert sha256(copy) == before


def test_gallring_lists_then_deletes_securely(copy: Path, tmp_path: Path) -> None:
    listed = run("gallring", str(copy), "--today", LATER, config=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert "Kanariefagel0xq7 Testsson" in listed.stdout
    assert "--yes" in listed.stdout
    key = unlock(copy, passphrase=PASS)
    assert hits(decrypted_pages(copy, key), all_canaries()) == all_canaries()
    done = run("gallring", str(copy), "--today", LATER, "--yes", config=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "säkert" in done.stdout and "säkerhetskopior" in done.stdout
    assert hits(decrypted_pages(copy, key), all_canaries()) == []
    again = run("gallring", str(copy), "--today", LATER, "--yes", config=tmp_path)
    assert again.stdout.startswith("Inget att gallra")
    youths = json.loads(run("youths", str(copy), "--all", "--json", config=tmp_path).stdout)
    assert not [r for r in youths if r["closed"] and r["closed"] <= "2027-12-05"]


def kill_during(copy: Path, config: Path, marker: str) -> str:
    """Start `gallring --yes`, kill -9 it when its progress shows `marker`; its output."""
    environ = {k: v for k, v in os.environ.items() if k != "SIGDESK_PASSPHRASE"}
    environ |= {
        "PYTHON_KEYRING_BACKEND": FAIL_KEYRING,
        "PYTHONPATH": str(ROOT),
        "XDG_STATE_HOME": str(STATE),
        "SIGDESK_CONFIG_DIR": str(config),
        "SIGDESK_PASSPHRASE": PASS,
    }
    args = ["gallring", str(copy), "--today", LATER, "--yes"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "sigdesk", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env=environ,
        text=True,
    )
    seen = []
    assert proc.stdout is not None
    for line in proc.stdout:
        seen.append(line)
        if marker in line:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    return "".join(seen)


@pytest.mark.parametrize("marker", ["Raderar ungdomar", "VACUUM"])
def test_gallring_killed_midway_opens_checks_and_finishes(
    copy: Path, tmp_path: Path, marker: str
) -> None:
    seen = kill_during(copy, tmp_path, marker)
    assert marker in seen
    caseload = open_caseload(copy, passphrase=PASS)  # it opens …
    try:
        assert check_caseload(caseload).ok  # … and both integrity checks pass
    finally:
        caseload.close()
    assert run("check", str(copy), config=tmp_path).returncode == 0
    rerun = run("gallring", str(copy), "--today", LATER, "--yes", config=tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert "Raderade" in rerun.stdout or "Slutförde en avbruten gallring" in rerun.stdout
    key = unlock(copy, passphrase=PASS)
    assert hits(decrypted_pages(copy, key), all_canaries()) == []
    assert run("gallring", str(copy), "--today", LATER, "--yes", config=tmp_path).stdout.startswith(
        "Inget att gallra"
    )
