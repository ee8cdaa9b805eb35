"""Writing files safely: a temporary name in the target folder, fsync, rename, owner-only;
and telling a full disk from every other write error.

Temporary files are named `.NAME.PID.XXXXXXXX.tmp` (PID: the writing process), so one
left behind by a killed export can be told from a concurrent writer's and removed at
the next write into that folder or at the next start (`remove_stale_temps`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from sigdesk.errors import DiskFullError, SigdeskError

OWNER_ONLY = 0o600
PRIVATE_DIR = 0o700
#: A temporary file whose writer is unknown or still running is left this long (seconds).
STALE_TEMP_AGE = 10 * 60
#: `.NAME.PID.XXXXXXXX.tmp`; the PID part is missing in files of older versions.
_TEMP_NAME = re.compile(r"^\.(?P<name>.+?)\.(?:(?P<pid>\d+)\.)?[a-z0-9_]{8}\.tmp$")

_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
SQLITE_IOERR = 10
SQLITE_FULL = 13
#: Below this much free space an SQLite I/O error is read as a full disk: SQLite reports a
#: failed write of its `-shm` file (at open) as SQLITE_IOERR, not SQLITE_FULL.
LOW_SPACE_BYTES = 1 << 20


def atomic_write_bytes(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write `data` to `path` so that the file is either the old one or the whole new one.

    The temporary file is created owner-only in the same folder (a rename across
    file systems would not be atomic) and removed if anything fails.
    """
    if not overwrite and path.exists():
        raise FileExistsError(path)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent
    )
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, OWNER_ONLY)
        if overwrite:
            os.replace(tmp_name, path)
        else:
            _place_new(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    fsync_dir(path.parent)
    remove_stale_temps(path.parent)


def _place_new(tmp_name: str, path: Path) -> None:
    """Move the finished temporary file to `path`, which must not exist.

    link() refuses atomically if the target appeared meanwhile. File systems without
    hard links (FAT/exFAT sticks, some SMB shares) get check-then-rename instead: a
    tiny race, but never a half-written file.
    """
    try:
        os.link(tmp_name, path)
    except FileExistsError:
        raise
    except OSError:
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(tmp_name, path)
        return
    os.unlink(tmp_name)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def make_owner_only(path: Path) -> None:
    """chmod 0600 where the platform supports it (POSIX); Windows ACLs are per-user already."""
    with contextlib.suppress(FileNotFoundError):
        os.chmod(path, OWNER_ONLY)


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """`exc`, the driver error SQLAlchemy wraps (`orig`), and their causes."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)
        todo += [orig if isinstance(orig, BaseException) else None]
        todo += [current.__cause__, current.__context__]


def free_bytes(folder: Path) -> int | None:
    """Free space for this user in `folder`, or None when it cannot be asked."""
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def is_disk_full(exc: BaseException, folder: Path | None = None) -> bool:
    """Whether `exc` means the disk (or quota) is full: ENOSPC/EDQUOT, SQLITE_FULL, or an
    SQLite I/O error while `folder` has (almost) no free space left."""
    for cause in _causes(exc):
        if isinstance(cause, OSError) and cause.errno in _FULL_ERRNOS:
            return True
        code = getattr(cause, "sqlite_errorcode", None)
        if not isinstance(code, int):
            continue
        if code & 0xFF == SQLITE_FULL:
            return True
        if code & 0xFF == SQLITE_IOERR and folder is not None:
            free = free_bytes(folder)
            if free is not None and free < LOW_SPACE_BYTES:
                return True
    return False


@contextlib.contextmanager
def full_disk_reported(folder: Path, doing: str) -> Iterator[None]:
    """Turn any error that means "the disk is full" into `DiskFullError(doing)`."""
    try:
        yield
    except SigdeskError:
        raise
    except Exception as exc:
        if is_disk_full(exc, folder):
            raise DiskFullError(doing) from exc
        raise


def make_private_dir(folder: Path) -> None:
    """Create `folder` and any missing parents owner-only (0700), whatever the umask.

    Folders that already exist are left as they are.
    """
    missing: list[Path] = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for made in reversed(missing):
        try:
            made.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            if not made.is_dir():
                raise
            continue
        # mkdir's mode is filtered by the umask; chmod is not.
        os.chmod(made, PRIVATE_DIR)


def _writer_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # someone else's process, or no way to tell: assume it lives
    return True


def is_stale_temp(path: Path, *, now: float | None = None) -> bool:
    """A temporary file of ours that no running writer will finish.

    Only names of our own pattern count. Its writer (the PID in the name) is gone, or
    the file has not changed for `STALE_TEMP_AGE` seconds (older versions wrote no PID).
    """
    found = _TEMP_NAME.match(path.name)
    if found is None:
        return False
    try:
        info = path.lstat()
    except OSError:
        return False
    if not os.path.isfile(path) or os.path.islink(path):
        return False
    pid = found.group("pid")
    if pid is not None and not _writer_alive(int(pid)):
        return True
    return (now if now is not None else time.time()) - info.st_mtime > STALE_TEMP_AGE


def remove_stale_temps(folder: Path) -> int:
    """Remove our temporary files left behind in `folder` by a killed write; how many.

    Never raises: a folder that cannot be listed, or a file that cannot be removed,
    is left alone.
    """
    removed = 0
    try:
        candidates = [folder / name for name in os.listdir(folder) if name.endswith(".tmp")]
    except OSError:
        return 0
    now = time.time()
    for path in candidates:
        if is_stale_temp(path, now=now):
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed
