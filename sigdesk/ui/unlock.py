"""Unlocking with the passphrase, inside the main window (at start and after an idle lock).

Opening runs on the worker (Argon2id takes about half a second). Every core error
gets its own message from the one presenter's `describe()`; errors about the file
itself (damaged, not a caseload, newer schema) leave no passphrase field to retry.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sigdesk.errors import (
    KeyringWrongKeyError,
    PassphraseRequiredError,
    SigdeskError,
    WrongPassphraseError,
)
from sigdesk.ui.errors import describe
from sigdesk.ui.widgets import Banner, heading

#: Errors after which typing the passphrase (again) can help.
RETRYABLE = (PassphraseRequiredError, KeyringWrongKeyError, WrongPassphraseError)


class UnlockPanel(QWidget):
    """A passphrase field and its messages; emits `unlock_requested(passphrase, remember)`.

    "Remember on this computer" is offered when the keyring could not open the caseload
    (a new laptop, a reset keyring): ticked, the key is stored in the OS keyring again,
    so the next start opens without the passphrase.
    """

    unlock_requested = Signal(str, bool)
    #: "Restore a backup…" on a damaged or unreadable file.
    restore_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading(self.tr("The caseload is locked"))
        self.explain = QLabel(
            self.tr("Enter your passphrase to open the caseload. It is encrypted on this computer.")
        )
        self.explain.setWordWrap(True)
        self.path = QLabel()
        self.path.setStyleSheet("color:#5f6b76;")
        self.path.setWordWrap(True)
        self.problem = Banner("danger")
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self._submit)
        self.button = QPushButton(self.tr("&Unlock"))
        self.button.setDefault(True)
        self.button.clicked.connect(self._submit)
        self.remember = QCheckBox(self.tr("&Remember on this computer (in the system keyring)"))
        self.remember.setToolTip(
            self.tr("The next start opens the caseload without asking for the passphrase.")
        )
        self.remember.setChecked(True)
        self.remember.hide()
        self.busy = QLabel()
        self.restore = QPushButton(self.tr("Restore a &backup…"))
        self.restore.clicked.connect(self.restore_requested)
        self.restore.hide()
        line = QHBoxLayout()
        line.addWidget(self.passphrase, 1)
        line.addWidget(self.button)
        box = QWidget()
        box.setFixedWidth(540)
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addWidget(self.explain)
        inner.addWidget(self.path)
        inner.addWidget(self.problem)
        inner.addLayout(line)
        inner.addWidget(self.remember)
        inner.addWidget(self.busy)
        inner.addWidget(self.restore, 0, Qt.AlignmentFlag.AlignLeft)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def reset(self, *, path: str, reason: SigdeskError | None = None) -> None:
        """Ready for a passphrase; `reason` says why the keyring did not open it."""
        self.path.setText(self.tr("File: {path}").format(path=path))
        self.passphrase.clear()
        self.set_busy(False)
        # After a lock the keyring still has the key; after a keyring failure, offer to store it.
        self.remember.setVisible(reason is not None)
        self.restore.hide()
        if reason is None:
            self.problem.show_text("")
        else:
            self.problem.show_text(describe(reason)[1], "warning")
        self.passphrase.setFocus()

    def _submit(self) -> None:
        if self.button.isEnabled() and self.passphrase.text():
            self.set_busy(True)
            remember = self.remember.isVisible() and self.remember.isChecked()
            self.unlock_requested.emit(self.passphrase.text(), remember)

    def set_busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)
        self.remember.setEnabled(not busy)
        self.busy.setText(self.tr("Opening…") if busy else "")

    def show_error(self, exc: SigdeskError) -> None:
        """Show why opening failed; a file problem ends the retrying."""
        self.set_busy(False)
        self.problem.show_text(describe(exc)[1], "danger")
        retry = isinstance(exc, RETRYABLE)
        self.passphrase.setVisible(retry)
        self.button.setVisible(retry)
        self.restore.setVisible(not retry)
        if not retry:
            self.remember.hide()
        if retry:
            self.passphrase.selectAll()
            self.passphrase.setFocus()
