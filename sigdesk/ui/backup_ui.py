"""Arkiv → Säkerhetskopiera… and Återställ…, and the automatic backups, for the window.

Every backup and restore runs on the database worker (sigdesk/ui/ops.py), so the
window keeps working. Errors go to the one presenter with their Swedish messages
(damaged, newer, another caseload, wrong passphrase, full or read-only folder…).
Restore verifies first; only then is the user asked whether to replace the caseload,
and the answer says where the earlier file was kept.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QWidget

from sigdesk.config import key_file_path
from sigdesk.ui import widgets
from sigdesk.ui.i18n import fmt_date

if TYPE_CHECKING:
    from sigdesk.context import AppContext
    from sigdesk.store.backup import BackupHeader
    from sigdesk.store.restore import RestoreResult, VerifiedBackup
    from sigdesk.ui.main_window import MainWindow
    from sigdesk.ui.ops import Ops

log = logging.getLogger(__name__)
BACKUP_FILTER = "*.sigdesk-backup"


class BackupActions(QObject):
    """The two menu actions and what they run; `window` parents every dialog."""

    #: A status-bar message.
    message = Signal(str)
    #: An automatic backup was made (the "Att göra" warning may go).
    backed_up = Signal()
    #: A backup was put at the caseload path: the window opens it again.
    restored = Signal()

    def __init__(self, window: QWidget, ops: Ops) -> None:
        super().__init__(window)
        self.window, self.ops = window, ops
        self.backup_action = QAction(self.tr("&Back up…"), window)
        self.backup_action.triggered.connect(self.back_up)
        self.restore_action = QAction(self.tr("&Restore a backup…"), window)
        self.restore_action.triggered.connect(self.restore)
        #: The last restore's result (tests read it).
        self.last_result: RestoreResult | None = None

    @property
    def ctx(self) -> AppContext:
        return self.ops.ctx

    # --- backing up -----------------------------------------------------------------

    def back_up(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = self.ctx.settings.backup_folder
        suggested = (
            folder / f"{self.ctx.caseload_path.stem}-{self.ctx.clock.today()}.sigdesk-backup"
        )
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Back up the caseload"),
            str(suggested),
            self.tr("sigdesk backups ({pattern})").format(pattern=BACKUP_FILTER),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.back_up_to(Path(name))

    def back_up_to(self, out: Path) -> None:
        """Back up to `out`; an existing file is replaced only after a yes."""
        force = False
        if out.exists():
            question = self.tr("{name} already exists. Replace it with a new backup?")
            if not widgets.ask(self.window, self.tr("Back up"), question.format(name=out.name)):
                return
            force = True
        self.message.emit(self.tr("Backing up…"))
        self.ops.call(lambda ctx: ctx.backup_to(out, force=force), self._backed_up)

    def _backed_up(self, header: BackupHeader) -> None:
        self.message.emit(self.tr("Backup written: {path}").format(path=header.path))
        self.backed_up.emit()

    def auto_backup(self, *, at_exit: bool = False) -> None:
        """The automatic backup (first unlock of the day); a failure is a status message,
        and "Att göra" keeps warning."""

        def done(path: Path | None) -> None:
            if path is not None:
                self.message.emit(
                    self.tr("Automatic backup written to {folder}").format(folder=path.parent)
                )
                self.backed_up.emit()

        def failed(exc: BaseException) -> None:
            text = getattr(exc, "message", type(exc).__name__)
            self.message.emit(self.tr("The automatic backup failed: {why}").format(why=text))

        self.ops.call(lambda ctx: ctx.auto_backup(at_exit=at_exit), done, failed=failed)

    # --- restoring ------------------------------------------------------------------

    def restore(self) -> None:
        """Pick a backup, ask its passphrase, verify, then ask before replacing."""
        from PySide6.QtWidgets import QFileDialog, QInputDialog

        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Restore a backup"),
            str(self.ctx.settings.backup_folder),
            self.tr("sigdesk backups ({pattern})").format(pattern=BACKUP_FILTER),
        )
        if not name:
            return
        passphrase, ok = QInputDialog.getText(
            self.window,
            self.tr("Restore a backup"),
            self.tr("The passphrase that was in use when the backup was made:"),
            QLineEdit.EchoMode.Password,
        )
        if ok and passphrase:
            self.restore_from(Path(name), passphrase)

    def restore_from(self, backup: Path, passphrase: str) -> None:
        self.message.emit(self.tr("Checking the backup…"))
        self.ops.call(lambda ctx: ctx.verify_backup(backup, passphrase=passphrase), self._verified)

    def _verified(self, verified: VerifiedBackup) -> None:
        target = self.ctx.caseload_path
        replace = target.exists() or key_file_path(target).exists()
        if replace:
            question = self.tr(
                "The backup from {date} is complete and undamaged.\n\nReplace the caseload "
                "{path} with it? The current file is kept beside it, not deleted."
            ).format(date=fmt_date(verified.header.created.date()), path=target)
            if not widgets.ask(self.window, self.tr("Restore a backup"), question):
                self.ops.call(lambda _ctx: verified.discard())
                self.message.emit(self.tr("Nothing was restored."))
                return
        self.ops.call(
            lambda ctx: ctx.restore_verified(verified, replace=replace),
            self._restored,
            failed=lambda exc: self._restore_failed(exc),
        )

    def _restore_failed(self, exc: BaseException) -> None:
        self.ops.presenter.present(exc)
        self.restored.emit()  # the caseload was closed for the restore: open it again

    def _restored(self, result: RestoreResult) -> None:
        self.last_result = result
        text = self.tr("The backup was restored to {path}.").format(path=result.target)
        if result.kept is not None:
            text += "\n\n" + self.tr("The earlier file was kept as {kept}.").format(
                kept=result.kept
            )
        if not result.in_keyring:
            text += "\n\n" + self.tr("The caseload opens with the passphrase on this computer.")
        self.message.emit(text.replace("\n\n", " "))
        if self.ops.presenter.interactive:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self.window, self.tr("Restore a backup"), text)
        self.restored.emit()


def install_backup_actions(window: MainWindow) -> BackupActions:
    """The actions for the window's Arkiv menu, wired to its status bar, "Att göra" and
    its reopening after a restore."""
    backups = BackupActions(window, window.ops)
    backups.message.connect(window.show_message)
    backups.backed_up.connect(window.refresh_todo)
    window.todo.backup_requested.connect(backups.back_up)

    def reopen() -> None:
        window.detail.show_youth(None)
        window.start_open()

    backups.restored.connect(reopen)
    return backups
