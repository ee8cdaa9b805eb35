"""The one error presenter: every failure a user sees is shown here, the same way.

Services raise `SigdeskError`s whose Swedish messages are safe to show; this module
adds a title and advice per kind of error. Anything else is a bug: the user gets a
short, copyable report that names code locations only — never an exception message,
which could hold case data.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

from sigdesk import __version__
from sigdesk.errors import (
    BackupDamagedError,
    BackupFolderError,
    BackupNewerError,
    BackupOtherCaseloadError,
    BackupTargetError,
    CaseloadExistsError,
    CaseloadFileError,
    DamagedCaseloadError,
    DiskFullError,
    KeyFileDamagedError,
    KeyFileMissingError,
    KeyringWrongKeyError,
    NewerSchemaError,
    NoCaseloadError,
    NotABackupError,
    NotACaseloadError,
    NotFoundError,
    PassphraseRequiredError,
    SigdeskError,
    TruncatedFileError,
    ValidationError,
    WrongKeyOrDamagedError,
    WrongPassphraseError,
)

log = logging.getLogger(__name__)
_CTX = "ErrorPresenter"

#: (title, advice) per error class, most specific first.
_TITLES: tuple[tuple[type[SigdeskError], str, str], ...] = (
    (
        WrongPassphraseError,
        QT_TRANSLATE_NOOP("ErrorPresenter", "Wrong passphrase"),
        QT_TRANSLATE_NOOP(
            "ErrorPresenter", "Check Caps Lock and the keyboard layout, then try again."
        ),
    ),
    (
        PassphraseRequiredError,
        QT_TRANSLATE_NOOP("ErrorPresenter", "Passphrase needed"),
        "",  # the message and its hint say it all ("… kan inte låsa upp …", "Ange lösenfrasen.")
    ),
    (
        KeyringWrongKeyError,
        QT_TRANSLATE_NOOP("ErrorPresenter", "Passphrase needed"),
        QT_TRANSLATE_NOOP("ErrorPresenter", "The keyring holds a key for another caseload."),
    ),
    (
        KeyFileMissingError,
        QT_TRANSLATE_NOOP("ErrorPresenter", "The key file is missing"),
        QT_TRANSLATE_NOOP("ErrorPresenter", "The caseload has not been changed."),
    ),
    (
        KeyFileDamagedError,
        QT_TRANSLATE_NOOP("ErrorPresenter", "The key file is damaged"),
        QT_TRANSLATE_NOOP("ErrorPresenter", "The caseload has not been changed."),
    ),
    (
        TruncatedFileError,
        QT_TRANSLATE_NOOP("ErrorPresenter", "The caseload file is incomplete"),
        QT_TRANSLATE_NOOP("ErrorPresenter", "The file has not been changed."),
    ),
    (
        NotACaseloadError,
        QT_TRANSLATE_NOOP("ErrorPresenter", "Not a sigdesk caseload"),
        QT_TRANSLATE_NOOP("ErrorPresenter", "The file has not been changed."),
    ),
    (
        DamagedCaseloadError,
        QT_TRANSLATE_NOOP("ErrorPresenter", "The caseload is damaged"),
        QT_TRANSLATE_NOOP("ErrorPresenter", "The file has not been changed."),
    ),
    (
        WrongKeyOrDamagedError,
        QT_TRANSLATE_NOOP("ErrorPresenter", "The caseload cannot be read"),
        QT_TRANSLATE_NOOP("ErrorPresenter", "The file has not been changed."),
    ),
    (
        CaseloadFileError,
        QT_TRANSLATE_NOOP("ErrorPresenter", "The caseload cannot be opened"),
        QT_TRANSLATE_NOOP("ErrorPresenter", "The file has not been changed."),
    ),
    (
        NewerSchemaError,
        QT_TRANSLATE_NOOP("ErrorPresenter", "Made by a newer sigdesk"),
        QT_TRANSLATE_NOOP("ErrorPresenter", "The file has not been changed."),
    ),
    (DiskFullError, QT_TRANSLATE_NOOP("ErrorPresenter", "The disk is full"), ""),
    # backups and restore: each message already says that nothing was changed
    (BackupDamagedError, QT_TRANSLATE_NOOP("ErrorPresenter", "The backup is damaged"), ""),
    (BackupNewerError, QT_TRANSLATE_NOOP("ErrorPresenter", "Made by a newer sigdesk"), ""),
    (
        BackupOtherCaseloadError,
        QT_TRANSLATE_NOOP("ErrorPresenter", "A backup of another caseload"),
        "",
    ),
    (BackupTargetError, QT_TRANSLATE_NOOP("ErrorPresenter", "Choose another file"), ""),
    (BackupFolderError, QT_TRANSLATE_NOOP("ErrorPresenter", "The folder cannot be written"), ""),
    (NotABackupError, QT_TRANSLATE_NOOP("ErrorPresenter", "Not a sigdesk backup"), ""),
    (NoCaseloadError, QT_TRANSLATE_NOOP("ErrorPresenter", "No caseload found"), ""),
    (CaseloadExistsError, QT_TRANSLATE_NOOP("ErrorPresenter", "A file is already there"), ""),
    (ValidationError, QT_TRANSLATE_NOOP("ErrorPresenter", "Check the input"), ""),
    (NotFoundError, QT_TRANSLATE_NOOP("ErrorPresenter", "Not found"), ""),
    (SigdeskError, QT_TRANSLATE_NOOP("ErrorPresenter", "sigdesk"), ""),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text) if text else ""


def describe(exc: SigdeskError) -> tuple[str, str]:
    """(title, body) for a sigdesk error: the service's message, its hint, our advice."""
    for cls, title, advice in _TITLES:
        if isinstance(exc, cls):
            parts = [exc.message, exc.hint or "", _tr(advice)]
            return _tr(title), "\n\n".join(p for p in parts if p)
    raise AssertionError("unreachable: SigdeskError is last")


def bug_report(exc: BaseException, tb: TracebackType | None = None) -> str:
    """A copyable report: versions, the error's type and code locations, no messages."""
    frames = traceback.extract_tb(tb or exc.__traceback__)
    lines = [f"sigdesk {__version__}, Python {sys.version.split()[0]}", type(exc).__name__]
    lines += [f"  {f.filename.rsplit('site-packages', 1)[-1]}:{f.lineno} {f.name}" for f in frames]
    return "\n".join(lines)


class ErrorPresenter(QObject):
    """Shows errors in a message box over the active window; remembers the last one."""

    shown = Signal(str, str)  # title, body (tests and the status bar listen)

    def __init__(self, parent_window: Callable[[], QWidget | None] | None = None) -> None:
        super().__init__()
        self._parent_window = parent_window or QApplication.activeWindow
        self.last: tuple[str, str] | None = None
        #: Tests set this to False to record without opening boxes.
        self.interactive = True

    def set_parent_window(self, parent_window: Callable[[], QWidget | None]) -> None:
        self._parent_window = parent_window

    def present(self, exc: BaseException) -> None:
        # QMessageBox is made on the first message, not with the window (its class costs
        # the start a few milliseconds to build).
        from PySide6.QtWidgets import QMessageBox

        if isinstance(exc, SigdeskError):
            title, body = describe(exc)
            self._show(QMessageBox.Icon.Warning, title, body, None)
            return
        log.error("unexpected error: %s", type(exc).__name__)
        title = self.tr("Something went wrong")
        body = self.tr(
            "sigdesk ran into an unexpected error. Your caseload has not been changed by it. "
            "If it happens again, send the details below to IT support; they contain no case "
            "data."
        )
        self._show(QMessageBox.Icon.Critical, title, body, bug_report(exc))

    def _show(self, icon: QMessageBox.Icon, title: str, body: str, details: str | None) -> None:
        self.last = (title, body)
        self.shown.emit(title, body)
        if not self.interactive:
            return
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(icon, title, body, QMessageBox.StandardButton.Ok, self._parent_window())
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def install_excepthook(self) -> None:
        """Unhandled exceptions in slots end up here instead of killing the app."""

        def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
            if issubclass(kind, KeyboardInterrupt):
                sys.__excepthook__(kind, exc, tb)
                return
            exc.__traceback__ = tb
            self.present(exc)

        sys.excepthook = hook
