"""One process per caseload (SPEC §7): an OS lock on `NAME.sigdesk.lock` beside the file.

The lock is `flock` on POSIX and `LockFileEx` on Windows (through the `filelock`
package): the OS drops it when the process ends, however it ends, so a crash or a
`kill -9` leaves no stale lock. The lock file itself stays in place (empty, 0600) and
never holds personal data; on file systems without `flock` filelock falls back to a
marker holding the process id and host name only.

The window takes the lock when it starts on a caseload path, before the unlock, and
keeps it while the window is locked; it lets go only at exit or when it moves to
another caseload. Command-line writes take it for their run and are refused while
another process holds it.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from sigdesk.errors import SigdeskError
from sigdesk.store.fileutil import OWNER_ONLY, make_private_dir

if TYPE_CHECKING:
    from filelock import BaseFileLock

LOCK_SUFFIX = ".lock"

IN_USE_MESSAGE = "Ärendefilen är öppen i ett annat sigdesk-fönster."


class CaseloadInUseError(SigdeskError):
    """Another process holds the caseload's lock; nothing was read or written."""


class LockUnavailableError(SigdeskError):
    """The lock file cannot be made (a read-only or missing folder); nothing was written."""


def lock_file_path(caseload: Path) -> Path:
    """The lock file beside the caseload: `name.sigdesk.lock`."""
    return caseload.with_name(caseload.name + LOCK_SUFFIX)


class CaseloadLock:
    """The process lock of one caseload path; `acquire` never waits."""

    def __init__(self, caseload: Path) -> None:
        self.caseload = caseload
        self.path = lock_file_path(caseload)
        self._lock: BaseFileLock | None = None
        self._guard = threading.Lock()

    @property
    def held(self) -> bool:
        """Held by this process (by this object)."""
        return self._lock is not None and self._lock.is_locked

    def acquire(self, *, create_folder: bool = False) -> None:
        """Take the lock, or raise CaseloadInUseError when another process has it.

        With `create_folder` a missing folder is created owner-only (the window and
        `demo-data` create the caseload there anyway); without it a missing or
        read-only folder raises LockUnavailableError.
        """
        from filelock import FileLock, Timeout

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
            lock = FileLock(self.path, mode=OWNER_ONLY, thread_local=False, blocking=False)
            try:
                lock.acquire()
            except Timeout:
                raise CaseloadInUseError(
                    IN_USE_MESSAGE, hint="Stäng det andra fönstret först."
                ) from None
            except OSError as exc:
                raise LockUnavailableError(
                    f"Ärendefilen kan inte låsas för det här fönstret: {self.path} "
                    f"({exc.strerror or 'okänt fel'})."
                ) from None
            self._lock = lock

    def release(self) -> None:
        """Let go (at exit or when moving to another caseload); safe to call twice.

        When no caseload was made at the path (a cancelled wizard, a refused restore),
        the lock file goes too, removed while still held: a process that opened it
        meanwhile sees the file unlinked and retries (filelock checks the link count).
        """
        with self._guard:
            lock, self._lock = self._lock, None
            if lock is None or not lock.is_locked:
                return
            try:
                if not self.caseload.exists():
                    with contextlib.suppress(OSError):
                        self.path.unlink()
            finally:
                lock.release(force=True)


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
