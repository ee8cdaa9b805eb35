"""The crash dialog: an unexpected error shows a copyable report that holds no case data.

`install_crash_dialog(app)` replaces `sys.excepthook` and `threading.excepthook`: each
unhandled exception is written to the log as a crash report (sigdesk.logs: versions,
exception type names and code locations only, never a message or a value) and the same
report is shown in a dialog with a "Copy report" button, for IT support. Exceptions from
other threads are shown on the GUI thread. Errors that services raise on purpose
(`SigdeskError`) are not crashes: the ErrorPresenter (ui/errors.py) shows those.
"""

from __future__ import annotations

import sys
import threading
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sigdesk.logs import log_crash, log_file

_SEPARATOR = "\n\n----\n\n"


class CrashDialog(QDialog):
    """The report in a read-only text box, a Copy button and where the log is."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("sigdesk: unexpected error"))
        self.setMinimumSize(560, 360)
        intro = QLabel(
            self.tr(
                "sigdesk ran into an error it did not expect. Work that was saved before "
                "is safe. If it happens again, copy the report below and send it to IT "
                "support: it names places in the program only, never case data."
            )
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        path = log_file()
        where = QLabel(self.tr("The report is also in the log: %1").replace("%1", str(path)))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        where.setVisible(path is not None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy report"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(where)
        layout.addWidget(buttons)

    def report(self) -> str:
        return self.text.toPlainText()

    def add_report(self, report: str) -> None:
        """A further crash while the dialog is open: appended, not a second dialog."""
        self.text.setPlainText(self.report() + _SEPARATOR + report)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report())
        self.copy_button.setText(self.tr("Copied"))


class CrashReporter(QObject):
    """Lives on the GUI thread; `crashed` may be emitted from any thread."""

    crashed = Signal(str)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.dialog: CrashDialog | None = None
        #: Tests set this to False to record reports without opening the dialog.
        self.interactive = True
        self.reports: list[str] = []
        self.crashed.connect(self.show_report, Qt.ConnectionType.QueuedConnection)

    def show_report(self, report: str) -> None:
        self.reports.append(report)
        if not self.interactive:
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_report(report)
            return
        self.dialog = CrashDialog(report, QApplication.activeWindow())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget)
        self.dialog.show()
        self.dialog.raise_()

    def _forget(self) -> None:
        self.dialog = None

    def hook(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        try:
            self.crashed.emit(log_crash(kind, exc, tb))
        except Exception:  # the hook itself must never raise (Qt would abort)
            sys.__excepthook__(kind, exc, tb)

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self.hook(args.exc_type, args.exc_value, args.exc_traceback)


def install_crash_dialog(app: QApplication) -> CrashReporter:
    """Unhandled exceptions are logged (no case data) and shown in a copyable dialog.

    Call once the QApplication exists, after anything else that sets `sys.excepthook`.
    """
    reporter = CrashReporter(app)
    sys.excepthook = reporter.hook
    threading.excepthook = reporter.thread_hook
    return reporter
