"""Automatic backups: due at the first unlock of a day, always at exit, 7 daily + 4 weekly
kept, only this caseload's automatic files ever deleted; the "Att göra" warning."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sigdesk.config import default_backup_folder
from sigdesk.errors import DamagedCaseloadError
from sigdesk.settings import Settings
from sigdesk.store import backup as bk
from sigdesk.store import backup_auto as auto
from sigdesk.store import keystore
from sigdesk.store.db import Caseload

PREFIX = "arenden-0123abcd"


def _touch(folder: Path, when: datetime, prefix: str = PREFIX) -> Path:
    path = folder / f"{prefix}-{when:%Y%m%d-%H%M%S}{bk.BACKUP_SUFFIX}"
    path.write_bytes(b"x")
    return path


def test_rotation_keeps_seven_daily_and_four_weekly(tmp_path: Path) -> None:
    start = datetime(2026, 9, 1, 8, 0)  # a Tuesday
    for day in range(60):
        for hour in (8, 17):  # unlock and exit
            _touch(tmp_path, start + timedelta(days=day, hours=hour - 8))
    manual = tmp_path / "min-egen.sigdesk-backup"
    manual.write_bytes(b"m")
    other = _touch(tmp_path, start, prefix="annan-89abcdef")
    removed = auto.rotate(tmp_path, PREFIX)
    kept = auto.auto_backups(tmp_path, PREFIX)
    last = start + timedelta(days=59, hours=9)
    days = sorted({b.taken.date() for b in kept}, reverse=True)
    # the newest of each of the last 7 days…
    assert days[:7] == [(last - timedelta(days=n)).date() for n in range(7)]
    assert all(b.taken.hour == 17 for b in kept)
    # …and the newest of each of the last 4 ISO weeks (two already among the dailies)
    weeks = {b.taken.isocalendar()[:2] for b in kept}
    assert len(weeks) == 4
    assert len(kept) == len(days) <= 7 + 4
    assert len(removed) == 120 - len(kept)
    assert manual.exists() and other.exists()


def test_rotation_of_few_backups_deletes_nothing(tmp_path: Path) -> None:
    for day in range(5):
        _touch(tmp_path, datetime(2026, 9, 1 + day, 9))
    assert auto.rotate(tmp_path, PREFIX) == []


def test_auto_backup_once_a_day_at_unlock_always_at_exit(
    caseload: Caseload, tmp_path: Path
) -> None:
    folder = tmp_path / "auto"
    morning = datetime(2026, 11, 22, 8, 0, 0)
    first = auto.auto_backup(caseload, folder=folder, now=morning, only_if_none_today=True)
    assert first is not None and first.exists()
    again = morning + timedelta(hours=2)
    assert auto.auto_backup(caseload, folder=folder, now=again, only_if_none_today=True) is None
    at_exit = auto.auto_backup(caseload, folder=folder, now=again, only_if_none_today=False)
    assert at_exit is not None and at_exit != first
    next_day = morning + timedelta(days=1)
    assert auto.auto_backup(caseload, folder=folder, now=next_day, only_if_none_today=True)
    caseload_id = keystore.load_key_file(caseload.path).caseload_id
    assert first.name.startswith(f"arenden-{caseload_id[:8]}-20261122-080000")
    assert bk.read_header(at_exit).caseload_id == caseload_id
    # the same day's earlier backup is rotated out; the day's newest is kept
    assert not first.exists() and at_exit.exists()


def test_backup_warning_after_seven_days(caseload: Caseload, tmp_path: Path) -> None:
    folder = tmp_path / "auto"
    now = datetime.now(UTC)
    assert "Ingen säkerhetskopia" in str(auto.backup_warning(folder, caseload.path, now=now))
    bk.make_backup(caseload, out=folder / "manuell.sigdesk-backup")
    assert auto.backup_warning(folder, caseload.path, now=now) is None
    later = now + timedelta(days=8)
    assert "8 dagar gammal" in str(auto.backup_warning(folder, caseload.path, now=later))
    # a backup of another caseload does not count
    (folder / "manuell.sigdesk-backup").rename(tmp_path / "bort.sigdesk-backup")
    assert auto.backup_warning(folder, caseload.path, now=now) is not None


def test_backup_folder_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings({})
    assert settings.backup_folder == default_backup_folder()
    assert default_backup_folder().name == "backups"
    settings = Settings({"backup_folder": str(tmp_path / "hemkatalog")})
    assert settings.backup_folder == tmp_path / "hemkatalog"
    assert Settings({"backup_folder": 7}).backup_folder == default_backup_folder()


def _flip_in_child(path: Path, offset: int) -> None:
    """Flip one byte of the caseload file in another process (closing a descriptor of
    the file in this one would drop the POSIX locks SQLite holds on it)."""
    code = (
        "import os, sys; fd = os.open(sys.argv[1], os.O_RDWR); o = int(sys.argv[2]);"
        "b = os.pread(fd, 1, o); os.pwrite(fd, bytes([b[0] ^ 0x5A]), o); os.close(fd)"
    )
    subprocess.run([sys.executable, "-c", code, str(path), str(offset)], check=True)


def test_rotation_waits_while_a_page_of_the_caseload_is_damaged(
    caseload: Caseload, tmp_path: Path
) -> None:
    folder = tmp_path / "auto"
    folder.mkdir()
    prefix = auto.auto_prefix(caseload.path, keystore.load_key_file(caseload.path).caseload_id)
    start = datetime(2026, 10, 1, 17, 0)
    for day in range(14):
        _touch(folder, start + timedelta(days=day), prefix=prefix)
    # sound: the backup is made and rotation deletes what it does not keep
    made = auto.auto_backup(
        caseload, folder=folder, now=start + timedelta(days=14), only_if_none_today=True
    )
    assert made is not None and len(auto.auto_backups(folder, prefix)) < 15
    for day in (15, 16):
        _touch(folder, start + timedelta(days=day), prefix=prefix)
    with caseload.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = caseload.path.stat().st_size // 4096
    _flip_in_child(caseload.path, (pages - 1) * 4096 + 100)
    before = {b.path for b in auto.auto_backups(folder, prefix)}
    assert auto.to_rotate(auto.auto_backups(folder, prefix))  # rotation would delete
    with pytest.raises(DamagedCaseloadError, match=f"skadade sidor \\({pages}\\)"):
        auto.auto_backup(
            caseload, folder=folder, now=start + timedelta(days=17), only_if_none_today=True
        )
    after = {b.path for b in auto.auto_backups(folder, prefix)}
    assert before < after and len(after - before) == 1  # the new one; nothing deleted
