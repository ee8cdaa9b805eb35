"""Passphrase fields with a strength hint, and the change-passphrase dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sigdesk.errors import SigdeskError, WrongPassphraseError
from sigdesk.ui.forms import FieldMessage, reserve_line

if TYPE_CHECKING:
    from sigdesk.ui.ops import Ops

MIN_LENGTH = 8  # keystore.MIN_PASSPHRASE_LENGTH, without importing cryptography here
_S = "PassphraseStrength"
_HINTS = (
    QT_TRANSLATE_NOOP("PassphraseStrength", "Too short: at least 8 characters."),
    QT_TRANSLATE_NOOP(
        "PassphraseStrength",
        "Weak: a phrase of four or more words is easier to remember and harder to guess.",
    ),
    QT_TRANSLATE_NOOP("PassphraseStrength", "Fair: a few more words make it stronger."),
    QT_TRANSLATE_NOOP("PassphraseStrength", "Strong."),
)
_COLOURS = ("#b3261e", "#b35c00", "#6b5b00", "#1b6e2d")


def strength(passphrase: str) -> int:
    """0 too short, 1 weak, 2 fair, 3 strong — by length, words and kinds of characters."""
    if len(passphrase) < MIN_LENGTH:
        return 0
    words = len(passphrase.split())
    kinds = sum(
        any(test(c) for c in passphrase)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    if len(passphrase) >= 20 or words >= 4:
        return 3
    if len(passphrase) >= 14 or (words >= 3 and kinds >= 2) or kinds >= 3:
        return 2
    return 1


class NewPassphraseFields(QWidget):
    """Two fields (new, repeat) and a live strength hint; `problem()` says what is wrong."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first, self.second = QLineEdit(), QLineEdit()
        for field in (self.first, self.second):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.textChanged.connect(self._update)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        reserve_line(self.hint, 2)  # the hint appears with the first letter: nothing moves
        self.message = FieldMessage()
        self.message.reserve_space()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Passphrase"), self.first)
        form.addRow("", self.hint)
        form.addRow(self.tr("Repeat it"), self.second)
        form.addRow("", self.message)
        self._update()

    def _update(self) -> None:
        level = strength(self.first.text())
        text = QCoreApplication.translate(_S, _HINTS[level]) if self.first.text() else ""
        self.hint.setText(text)
        self.hint.setStyleSheet(f"color:{_COLOURS[level]};")
        if self.second.text() and self.second.text() == self.first.text():
            self.message.show_message("")
        self.changed.emit()

    def problem(self) -> str:
        if len(self.first.text()) < MIN_LENGTH:
            return self.tr("The passphrase needs at least 8 characters.")
        if self.first.text() != self.second.text():
            return self.tr("The two passphrases are not the same.")
        return ""

    def check(self) -> bool:
        problem = self.problem()
        self.message.show_message(problem)
        return not problem

    def value(self) -> str:
        return self.first.text()


class ChangePassphraseDialog(QDialog):
    """Rewraps the caseload key under a new passphrase (the database is not rewritten)."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(self.tr("Change passphrase"))
        self.old = QLineEdit()
        self.old.setEchoMode(QLineEdit.EchoMode.Password)
        self.old_message = FieldMessage()
        self.new = NewPassphraseFields()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Current passphrase"), self.old)
        form.addRow("", self.old_message)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.new)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        if not self.new.check():
            return
        from sigdesk.context import AppContext

        old, new = self.old.text(), self.new.value()

        def change(ctx: AppContext) -> None:
            from sigdesk.store import keystore

            kdf = ctx.kdf or keystore.DEFAULT_KDF
            keystore.change_passphrase(ctx.caseload_path, old=old, new=new, kdf=kdf)

        self.buttons.setEnabled(False)
        self.ops.call(change, lambda _: self._done(), failed=self._failed, owner=self)

    def _done(self) -> None:
        self.buttons.setEnabled(True)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, WrongPassphraseError):
            self.old_message.show_message(exc.message)
        elif isinstance(exc, SigdeskError):
            self.new.message.show_message(exc.one_line())
        else:
            self.ops.presenter.present(exc)


class RekeyDialog(QDialog):
    """Inställningar → "Change data key…": re-encrypts the caseload under a new random key
    on the worker thread, after the passphrase (which must wrap the new key)."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(self.tr("Change data key"))
        intro = QLabel(
            self.tr(
                "A new random key re-encrypts the whole caseload. Backups made before keep "
                "the old key and still open with the passphrase they were made with. If the "
                "computer stops midway, the caseload opens with the old or the new key."
            )
        )
        intro.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = FieldMessage()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Change data key"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow("", self.message)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.done_ = False

    def accept(self) -> None:
        if self.done_:
            super().accept()
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self.message.show_message(self.tr("Enter the passphrase."))
            return
        self.message.show_message("")
        self.status.setText(self.tr("Re-encrypting the caseload…"))
        self.buttons.setEnabled(False)
        self.ops.call(
            lambda ctx: ctx.rekey(passphrase=passphrase),
            lambda _: self._rotated(),
            failed=self._failed,
            owner=self,
        )

    def _rotated(self) -> None:
        self.done_ = True
        self.passphrase.clear()
        self.passphrase.setEnabled(False)
        self.status.setText(self.tr("Done: the caseload is encrypted with a new data key."))
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.status.setText("")
        if isinstance(exc, WrongPassphraseError):
            self.message.show_message(exc.message)
        elif isinstance(exc, SigdeskError):
            self.status.setText(exc.one_line())
        else:
            self.ops.presenter.present(exc)
