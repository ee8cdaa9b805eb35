"""`sigdesk backup` and `sigdesk restore` as IT support runs them: real processes, exit codes."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from sigdesk.config import key_file_path
from tests.conftest import sha256
from tests.core.test_cli import PASS, _one_line, sigdesk


@pytest.fixture(scope="module")
def demo_backup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("bk")
    path = folder / "demo.sigdesk"
    made = sigdesk("demo-data", str(path), "--youths", "5", "--seed", "2", passphrase=PASS)
    assert made.returncode == 0, made.stderr
    out = folder / "kopior" / "demo.sigdesk-backup"
    result = sigdesk("backup", str(path), str(out), passphrase=PASS)
    assert result.returncode == 0, result.stderr
    assert "Skrev säkerhetskopian" in result.stdout
    return path, out


def test_backup_then_restore_with_only_the_passphrase(
    demo_backup: tuple[Path, Path], tmp_path: Path
) -> None:
    _, out = demo_backup
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    target = tmp_path / "ny.sigdesk"
    result = sigdesk("restore", str(out), str(target), passphrase=PASS)
    assert result.returncode == 0, result.stderr
    assert "nyckelring" in result.stdout  # the failing test keyring: passphrase only
    check = sigdesk("check", str(target), passphrase=PASS)
    assert check.returncode == 0, check.stderr
    assert "5 ungdomar" in check.stdout


def test_backup_refuses_existing_and_the_caseload(
    demo_backup: tuple[Path, Path], tmp_path: Path
) -> None:
    path, out = demo_backup
    before = sha256(path), sha256(key_file_path(path)), sha256(out)
    exists = sigdesk("backup", str(path), str(out), passphrase=PASS)
    assert exists.returncode == 2 and "finns redan" in _one_line(exists)
    for target in (path, key_file_path(path)):
        refused = sigdesk("backup", str(path), str(target), "--force", passphrase=PASS)
        assert refused.returncode == 2 and "aldrig" in _one_line(refused)
    assert (sha256(path), sha256(key_file_path(path)), sha256(out)) == before
    forced = sigdesk("backup", str(path), str(tmp_path / "x.sigdesk-backup"), passphrase=PASS)
    assert forced.returncode == 0


def test_restore_exit_codes(demo_backup: tuple[Path, Path], tmp_path: Path) -> None:
    path, out = demo_backup
    target = tmp_path / "mal.sigdesk"
    wrong = sigdesk("restore", str(out), str(target), passphrase="inte rätt fras")
    assert wrong.returncode == 2 and "Fel lösenfras" in _one_line(wrong)
    none = sigdesk("restore", str(out), str(target))
    assert none.returncode == 2 and "SIGDESK_PASSPHRASE" in _one_line(none)
    short = tmp_path / "kort.sigdesk-backup"
    short.write_bytes(out.read_bytes()[:-4096])
    damaged = sigdesk("restore", str(short), str(target), passphrase=PASS)
    assert damaged.returncode == 1 and "avkortad" in _one_line(damaged)
    exists = sigdesk("restore", str(out), str(path), passphrase=PASS)
    assert exists.returncode == 2 and "finns redan" in _one_line(exists)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kort.sigdesk-backup"]


def test_restore_force_keeps_the_old_file(demo_backup: tuple[Path, Path], tmp_path: Path) -> None:
    source, out = demo_backup
    path = tmp_path / "demo.sigdesk"
    shutil.copyfile(source, path)
    shutil.copyfile(key_file_path(source), key_file_path(path))
    old = sha256(path)
    result = sigdesk("restore", str(out), str(path), "--force", passphrase=PASS)
    assert result.returncode == 0, result.stderr
    kept = [p for p in tmp_path.iterdir() if ".before-restore-" in p.name]
    assert len(kept) == 2 and "finns kvar som" in result.stdout
    (kept_file,) = [p for p in kept if not p.name.endswith(".key")]
    assert sha256(kept_file) == old
    assert sigdesk("check", str(kept_file), passphrase=PASS).returncode == 0
    assert sigdesk("check", str(path), passphrase=PASS).returncode == 0
