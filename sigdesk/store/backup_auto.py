"""Automatic backups: at the first unlock of each day and at exit, rotated 7 daily + 4 weekly.

Automatic backups are named `STEM-ID8-YYYYMMDD-HHMMSS.sigdesk-backup` (the caseload's
file stem, the first 8 characters of its caseload id, local time), so several
caseloads can share a folder and rotation only ever deletes this caseload's automatic
backups — never a manual one. Rotation keeps the newest backup of each of the 7 most
recent days that have one, and the newest of each of the 4 most recent ISO weeks
that have one (as restic's `--keep-daily 7 --keep-weekly 4`).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sigdesk.config import TIMEZONE
from sigdesk.errors import DamagedCaseloadError, SigdeskError
from sigdesk.store import backup as bk

if TYPE_CHECKING:
    from sigdesk.store.db import Caseload

KEEP_DAILY = 7
KEEP_WEEKLY = 4
#: "Att göra" warns when the newest backup is older than this.
WARN_AFTER_DAYS = 7
_NAME = re.compile(
    r"^(?P<prefix>.+-[0-9a-f]{8})-(?P<stamp>\d{8}-\d{6})" + re.escape(bk.BACKUP_SUFFIX) + "$"
)


@dataclass(frozen=True)
class AutoBackup:
    path: Path
    taken: datetime  # local wall-clock time, from the name


def auto_prefix(caseload: Path, caseload_id: str) -> str:
    stem = caseload.name.removesuffix(".sigdesk") or "arenden"
    return f"{stem}-{caseload_id[:8]}"


def auto_backups(folder: Path, prefix: str) -> list[AutoBackup]:
    """This caseload's automatic backups in `folder`, newest first."""
    found = []
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if match is None or match["prefix"] != prefix:
                continue
            with contextlib.suppress(ValueError):
                found.append(AutoBackup(path, datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def to_rotate(backups: list[AutoBackup]) -> list[AutoBackup]:
    """The backups rotation removes: all but 7 daily and 4 weekly (newest first in)."""
    keep: set[Path] = set()
    days: set[date] = set()
    weeks: set[tuple[int, int]] = set()
    for b in sorted(backups, key=lambda b: b.taken, reverse=True):
        day, week = b.taken.date(), b.taken.isocalendar()[:2]
        if day not in days and len(days) < KEEP_DAILY:
            days.add(day)
            keep.add(b.path)
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.add(week)
            keep.add(b.path)
    return [b for b in backups if b.path not in keep]


def rotate(folder: Path, prefix: str) -> list[Path]:
    """Delete the automatic backups rotation does not keep; returns them."""
    removed = []
    for b in to_rotate(auto_backups(folder, prefix)):
        with contextlib.suppress(OSError):
            b.path.unlink()
            removed.append(b.path)
    return removed


def auto_backup(
    caseload: Caseload, *, folder: Path, now: datetime, only_if_none_today: bool
) -> Path | None:
    """An automatic backup into `folder` (then rotation); None when one was not due.

    `now` is local wall-clock time. `only_if_none_today` is the first-unlock rule;
    the backup at exit is always made.
    """
    from sigdesk.store.keystore import load_key_file

    prefix = auto_prefix(caseload.path, load_key_file(caseload.path).caseload_id)
    existing = auto_backups(folder, prefix)
    if only_if_none_today and any(b.taken.date() == now.date() for b in existing):
        return None
    out = folder / f"{prefix}-{now:%Y%m%d-%H%M%S}{bk.BACKUP_SUFFIX}"
    if out.exists():  # two in one second: the one there is just as new
        return None
    bk.make_backup(caseload, out=out, now=now.replace(tzinfo=TIMEZONE).astimezone(UTC))
    rotate_if_sound(caseload, folder, prefix)
    return out


def rotate_if_sound(caseload: Caseload, folder: Path, prefix: str) -> list[Path]:
    """Rotate, but only when every page of the caseload passes its HMAC check.

    A backup holds the caseload file's encrypted bytes as they are on disk
    (sigdesk.store.snapshot), so a page damaged on disk is in every new backup too.
    Rotation must not push the older, sound backups out for those: when a page fails,
    nothing is deleted and the damage is reported. The check reads the whole file
    (~0.3 s for 2,000 youths, on the worker thread), so it runs only when rotation
    would delete something.
    """
    from sigdesk.store import dbfile

    if not to_rotate(auto_backups(folder, prefix)):
        return []
    damaged = dbfile.hmac_failures(caseload.path, caseload.key)
    if damaged:
        pages = ", ".join(str(n) for n in damaged[:5]) + (" …" if len(damaged) > 5 else "")
        raise DamagedCaseloadError(
            f"Ärendefilen har skadade sidor ({pages}); äldre säkerhetskopior behålls.",
            hint="Kontrollera filen med sigdesk check och återställ vid behov en äldre kopia.",
        )
    return rotate(folder, prefix)


def newest_backup(folder: Path, caseload_id: str) -> datetime | None:
    """When the newest backup of this caseload in `folder` was made (UTC), any name."""
    newest: datetime | None = None
    with contextlib.suppress(OSError):
        for path in folder.glob(f"*{bk.BACKUP_SUFFIX}"):
            try:
                header = bk.read_header(path)
            except SigdeskError:
                continue
            if header.caseload_id == caseload_id and (newest is None or header.created > newest):
                newest = header.created
    return newest


def backup_warning(folder: Path, caseload: Path, *, now: datetime) -> str | None:
    """The "Att göra" text when no backup in `folder` is newer than 7 days, else None.

    `now` is aware. A caseload whose key file cannot be read gets no warning here (its
    own error is shown where it is opened).
    """
    from sigdesk.store.keystore import load_key_file

    try:
        caseload_id = load_key_file(caseload).caseload_id
    except SigdeskError:
        return None
    newest = newest_backup(folder, caseload_id)
    if newest is None:
        return f"Ingen säkerhetskopia finns i {folder}"
    age = now - newest
    if age <= timedelta(days=WARN_AFTER_DAYS):
        return None
    return f"Senaste säkerhetskopian är {age.days} dagar gammal"
