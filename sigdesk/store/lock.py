"""One process per caseload (SPEC §7): an OS lock on `NAME.sigdesk.lock` beside the file.

The lock is `flock` on POSIX and `msvcrt.locking` (LockFileEx) on Windows, taken on the
lock file without waiting: the OS drops it when the process ends, however it ends, so a
crash or a `kill -9` leaves no stale lock. The lock file itself stays in place (empty,
0600) and never holds personal data. A file system that cannot lock refuses the window
with its own message (LockUnavailableError) rather than risk two writers.

The window takes the lock when it starts on a caseload path, before the unlock, and
keeps it while the window is locked; it lets go only at exit or when it moves to
another caseload. Command-line writes take it for their run and are refused while
another process holds it.

The standard library does this in a few lines; the `filelock` package did the same for
23 ms of every window start (its import: 21 modules), a tenth of the start's floor.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import threading
from pathlib import Path

from sigdesk.errors import SigdeskError
from sigdesk.store.fileutil import OWNER_ONLY, make_private_dir

LOCK_SUFFIX = ".lock"

IN_USE_MESSAGE = "Ärendefilen är öppen i ett annat sigdesk-fönster."

#: errno values of "another process holds it" from flock / msvcrt.locking.
_HELD_ELSEWHERE = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, errno.EDEADLK}


class CaseloadInUseError(SigdeskError):
    """Another process holds the caseload's lock; nothing was read or written."""


class LockUnavailableError(SigdeskError):
    """The lock file cannot be made (a read-only or missing folder); nothing was written."""


def lock_file_path(caseload: Path) -> Path:
    """The lock file beside the caseload: `name.sigdesk.lock`."""
    return caseload.with_name(caseload.name + LOCK_SUFFIX)


def _lock_fd(fd: int) -> None:
    """Lock `fd` without waiting; OSError with an errno of _HELD_ELSEWHERE when held."""
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock_fd(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    # POSIX: closing the descriptor lets go of the flock


class CaseloadLock:
    """The process lock of one caseload path; `acquire` never waits."""

    def __init__(self, caseload: Path) -> None:
        self.caseload = caseload
        self.path = lock_file_path(caseload)
        self._fd: int | None = None
        self._guard = threading.Lock()

    @property
    def held(self) -> bool:
        """Held by this process (by this object)."""
        return self._fd is not None

    def acquire(self, *, create_folder: bool = False) -> None:
        """Take the lock, or raise CaseloadInUseError when another process has it.

        With `create_folder` a missing folder is created owner-only (the window and
        `demo-data` create the caseload there anyway); without it a missing or
        read-only folder raises LockUnavailableError.
        """
        with self._guard:
            if self.held:
                return
            if create_folder:
                try:
                    make_private_dir(self.path.parent)
                except OSError as exc:
                    raise LockUnavailableError(
                        f"Mappen för ärendefilen kan inte skapas: {self.path.parent} "
                        f"({exc.strerror or 'okänt fel'})."
                    ) from None
            try:
                self._fd = self._take()
            except OSError as exc:
                raise LockUnavailableError(
                    f"Ärendefilen kan inte låsas för det här fönstret: {self.path} "
                    f"({exc.strerror or 'okänt fel'})."
                ) from None

    def _take(self) -> int:
        """The locked descriptor of the lock file (non-inheritable: no child keeps it)."""
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, OWNER_ONLY)
            try:
                _lock_fd(fd)
            except OSError as exc:
                os.close(fd)
                if exc.errno in _HELD_ELSEWHERE:
                    raise CaseloadInUseError(
                        IN_USE_MESSAGE, hint="Stäng det andra fönstret först."
                    ) from None
                raise
            # `release` of a process that made no caseload removes the file while it
            # still holds it: a lock on that unlinked file protects nothing, so retry.
            if sys.platform == "win32" or os.fstat(fd).st_nlink > 0:
                return fd
            os.close(fd)

    def release(self) -> None:
        """Let go (at exit or when moving to another caseload); safe to call twice.

        When no caseload was made at the path (a cancelled wizard, a refused restore),
        the lock file goes too, removed while still held: a process that opened it
        meanwhile finds it unlinked once it has the lock, and retries.
        """
        with self._guard:
            fd, self._fd = self._fd, None
            if fd is None:
                return
            try:
                if not self.caseload.exists():
                    with contextlib.suppress(OSError):
                        self.path.unlink()
            finally:
                _unlock_fd(fd)
                os.close(fd)


def hold(caseload: Path, *, create_folder: bool = False) -> CaseloadLock:
    """The lock of `caseload`, taken: raises CaseloadInUseError when another process has it."""
    lock = CaseloadLock(caseload)
    lock.acquire(create_folder=create_folder)
    return lock


def try_hold(caseload: Path) -> CaseloadLock | None:
    """The lock, taken; None when another process holds it (or it cannot be made)."""
    try:
        return hold(caseload)
    except (CaseloadInUseError, LockUnavailableError):
        return None


def held_elsewhere(caseload: Path) -> bool:
    """Whether another process holds the caseload right now (a probe: taken and let go)."""
    try:
        lock = hold(caseload)
    except CaseloadInUseError:
        return True
    except LockUnavailableError:
        return False
    lock.release()
    return False
