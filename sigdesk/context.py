"""AppContext: the open caseload, the settings and the clock, passed explicitly.

The window gets one `AppContext`; nothing looks services up globally, and tests move
time by giving the context a `Clock(fixed_today=...)`. The caseload is opened, used
and closed only on the UI's one database worker thread (sigdesk/ui/ops.py).

Heavy modules (SQLAlchemy, keyring, cryptography) are imported inside the methods, so
the window can show before they load.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sigdesk.clock import Clock
from sigdesk.config import TIMEZONE
from sigdesk.errors import SigdeskError
from sigdesk.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sigdesk.caseload_list import CaseloadRow
    from sigdesk.store.backup import BackupHeader
    from sigdesk.store.db import Caseload
    from sigdesk.store.early import EarlyUnlock
    from sigdesk.store.keystore import KdfParams
    from sigdesk.store.lock import CaseloadLock
    from sigdesk.store.restore import RestoreResult, VerifiedBackup


#: The demo caseload's passphrase, so a locked demo can be opened again (fictional data only).
DEMO_PASSPHRASE = "sigdesk-demo"


class NotOpenError(SigdeskError):
    """The caseload is locked or not yet open."""


@dataclass
class AppContext:
    """What the desktop app runs on; `caseload` is None until unlocked and after a lock."""

    caseload_path: Path
    settings: Settings
    clock: Clock = field(default_factory=Clock)
    #: Argon2id cost for caseloads made here (None = keystore's default; tests pass a cheap one).
    kdf: KdfParams | None = None
    #: A throwaway fictional caseload (`--demo`): its folder is deleted at exit.
    demo_dir: Path | None = None
    caseload: Caseload | None = None
    #: Why the last `open_list(remember=True)` could not store the key, if it could not.
    keyring_note: str | None = None
    #: The process lock on `caseload_path` (sigdesk/store/lock.py), held from the start
    #: until exit, also while the window is locked.
    process_lock: CaseloadLock | None = field(default=None, repr=False)
    #: The child process the window's start unlocks in, for its first unlock only.
    early_unlock: EarlyUnlock | None = field(default=None, repr=False)
    #: Between `open_list` and `finish_open` only.
    _unlocked_key: bytes | None = field(default=None, repr=False)

    @property
    def is_open(self) -> bool:
        """Unlocked: open, or between `open_list` and `finish_open`."""
        return self.caseload is not None or self._unlocked_key is not None

    @property
    def is_demo(self) -> bool:
        return self.demo_dir is not None

    def has_caseload(self) -> bool:
        """A caseload (or its key file) exists at the path: open it rather than create one."""
        from sigdesk.config import key_file_path

        return not self.is_demo and (
            self.caseload_path.exists() or key_file_path(self.caseload_path).exists()
        )

    def hold_caseload(self) -> None:
        """Take the process lock on `caseload_path` (before any unlock).

        Raises CaseloadInUseError when another sigdesk process has this caseload.
        """
        from sigdesk.store.lock import CaseloadLock

        if self.process_lock is not None and self.process_lock.caseload == self.caseload_path:
            self.process_lock.acquire(create_folder=True)
            return
        lock = CaseloadLock(self.caseload_path)
        lock.acquire(create_folder=True)
        self.release_caseload()
        self.process_lock = lock

    def holds_caseload(self) -> bool:
        return self.process_lock is not None and self.process_lock.held

    def move_to(self, path: Path) -> None:
        """Work on another caseload path (the wizard's choice): its lock first, then let
        go of the old one; on CaseloadInUseError nothing changes."""
        from sigdesk.store.lock import CaseloadLock

        if path == self.caseload_path and self.holds_caseload():
            return
        lock = CaseloadLock(path)
        lock.acquire(create_folder=True)
        self.close()
        self.release_caseload()
        self.caseload_path, self.process_lock = path, lock

    def release_caseload(self) -> None:
        """Let go of the process lock (at exit; the OS does it too if the process dies)."""
        lock, self.process_lock = self.process_lock, None
        if lock is not None:
            lock.release()

    @contextlib.contextmanager
    def session_scope(self) -> Iterator[Session]:
        """One unit of work on the open caseload (worker thread only).

        After `open_list` the first unit of work finishes the open itself.
        """
        if self.caseload is None and self._unlocked_key is not None:
            self.finish_open()
        if self.caseload is None:
            raise NotOpenError("Ärendefilen är låst.", hint="Lås upp den först.")
        with self.caseload.session_scope() as session:
            yield session

    def open(self, *, passphrase: str | None = None) -> None:
        """Unlock the caseload: via the keyring, or with the passphrase when given."""
        from sigdesk.store.open import open_caseload

        self.close()
        self.caseload = open_caseload(self.caseload_path, passphrase=passphrase)

    def open_list(
        self, *, passphrase: str | None = None, remember: bool = False
    ) -> list[CaseloadRow] | None:
        """The first half of the window's open: unlock, then read the list without the ORM.

        `finish_open` must follow. None means the list has to wait for it (an older
        file is upgraded there first). With `remember`, a passphrase unlock also stores
        the key in the OS keyring; `keyring_note` then says why if that failed.
        """
        from sigdesk.store import open as storage

        self.close()
        early, self.early_unlock = self.early_unlock, None
        try:
            key = storage.unlock(self.caseload_path, passphrase=passphrase, early=early)
            self.keyring_note = None
            if remember and passphrase is not None:
                self.keyring_note = storage.remember_in_keyring(self.caseload_path, key)
            rows = storage.read_list(
                self.caseload_path,
                key,
                today=self.clock.today(),
                warning_days=self.settings.warning_days,
                early=early,
            )
        finally:
            if early is not None:
                early.discard()
        self._unlocked_key = key
        return rows

    def finish_open(self) -> None:
        """The second half: the ORM engine on the key `open_list` unlocked (loads SQLAlchemy)."""
        from sigdesk.store.db import open_caseload

        key, self._unlocked_key = self._unlocked_key, None
        if key is None:
            raise NotOpenError("Ärendefilen är låst.", hint="Lås upp den först.")
        self.caseload = open_caseload(self.caseload_path, key)

    def rekey(self, *, passphrase: str) -> None:
        """Rotate the data key (worker thread): close, re-encrypt, reopen on the new key.

        A wrong passphrase is refused while the caseload stays open; if the rotation
        fails, the caseload is reopened on whichever key it is under, and the error raised.
        """
        from sigdesk.store import db, keystore
        from sigdesk.store.rekey import rekey

        keystore.load_key_file(self.caseload_path).open_with_passphrase(passphrase)
        self.close()
        try:
            key = rekey(self.caseload_path, passphrase=passphrase)
        except BaseException:
            self.open(passphrase=passphrase)
            raise
        self.caseload = db.open_caseload(self.caseload_path, key)

    def create(self, *, passphrase: str, use_keyring: bool = True) -> None:
        """Make a new caseload at `caseload_path` (never over an existing file) and open it."""
        from sigdesk.store import keystore
        from sigdesk.store.open import create_caseload

        self.close()
        self.caseload = create_caseload(
            self.caseload_path,
            passphrase=passphrase,
            use_keyring=use_keyring,
            kdf=self.kdf or keystore.DEFAULT_KDF,
        )

    def create_demo(self, *, youths: int = 25, seed: int = 1) -> None:
        """A throwaway caseload of fictional youths in `demo_dir` (passphrase `DEMO_PASSPHRASE`)."""
        from sigdesk import demo
        from sigdesk.store.keystore import KdfParams
        from sigdesk.store.open import create_caseload

        self.close()
        # Fictional data in a temporary folder: a known passphrase, a cheap KDF and no
        # memory wiping are fine.
        caseload = create_caseload(
            self.caseload_path,
            passphrase=DEMO_PASSPHRASE,
            use_keyring=False,
            kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1),
            memory_security=False,
        )
        try:
            with caseload.session_scope() as session:
                demo.build(session, youths=youths, seed=seed, today=self.clock.today())
        except BaseException:
            caseload.close()
            raise
        self.caseload = caseload

    def close(self) -> None:
        """Close the connection (lock, quit); safe to call when nothing is open."""
        self._unlocked_key = None
        if self.caseload is not None:
            self.caseload.close()
            self.caseload = None

    # --- backups (worker thread only) ------------------------------------------------

    def _open_caseload(self) -> Caseload:
        if self.caseload is None and self._unlocked_key is not None:
            self.finish_open()
        if self.caseload is None:
            raise NotOpenError("Ärendefilen är låst.", hint="Lås upp den först.")
        return self.caseload

    def local_now(self) -> datetime:
        """Now on the context's clock (its date pinned in tests), local wall-clock time."""
        now = self.clock.now()
        return datetime.combine(self.clock.today(), now.time())

    def backup_to(self, out: Path, *, force: bool = False) -> BackupHeader:
        """A manual backup of the open caseload to `out`."""
        from sigdesk.store.backup import make_backup

        now = self.local_now().replace(tzinfo=TIMEZONE)
        return make_backup(self._open_caseload(), out=out, force=force, now=now)

    def auto_backup(self, *, at_exit: bool) -> Path | None:
        """The automatic backup: at the first unlock of a day, and at exit (not for demos)."""
        from sigdesk.store.backup_auto import auto_backup

        if self.is_demo or not self.is_open:
            return None
        return auto_backup(
            self._open_caseload(),
            folder=self.settings.backup_folder,
            now=self.local_now(),
            only_if_none_today=not at_exit,
        )

    def backup_warning(self) -> str | None:
        """The "Att göra" text when no backup in the backup folder is newer than 7 days."""
        from sigdesk.store.backup_auto import backup_warning

        if self.is_demo:
            return None
        now = self.local_now().replace(tzinfo=TIMEZONE)
        return backup_warning(self.settings.backup_folder, self.caseload_path, now=now)

    def verify_backup(self, backup: Path, *, passphrase: str) -> VerifiedBackup:
        """Unlock and check a backup into a temporary file beside the caseload path."""
        from sigdesk.store.restore import verify_backup

        return verify_backup(backup, passphrase=passphrase, folder=self.caseload_path.parent)

    def restore_verified(self, verified: VerifiedBackup, *, replace: bool) -> RestoreResult:
        """Put a verified backup at the caseload path; `replace` (the user said yes) closes
        the open caseload and keeps the current file beside it."""
        from sigdesk.store.restore import place_restore

        if replace:
            self.close()
        try:
            return place_restore(verified, target=self.caseload_path, force=replace)
        finally:
            verified.discard()

    def remove_demo(self) -> None:
        """Delete the throwaway demo folder (call after close)."""
        if self.demo_dir is not None:
            shutil.rmtree(self.demo_dir, ignore_errors=True)
