"""The base of every edit dialog: fields with messages, save on the worker, ask before losing edits.

A subclass adds its fields with `add_row(label, widget, fields=...)`, naming the
service field names (the Swedish names a `ValidationError` carries, e.g. "Förnamn"),
and implements `build_write()`. Saving runs on the worker; a `ValidationError` comes
back to the named field and nothing is saved. Closing with unsaved edits asks first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from sigdesk.errors import SigdeskError, ValidationError
from sigdesk.ui.forms import CheckedLineEdit, DateField, FieldMessage

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sigdesk.changes import Changes
    from sigdesk.ui.ops import Ops

WriteFn = Callable[["Session"], "Changes"]


class FormDialog(QDialog):
    """An edit dialog whose Save runs a service write on the worker."""

    saved = Signal(object)  # the Changes

    def __init__(self, ops: Ops, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.general = FieldMessage()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._fields: dict[str, QWidget] = {}
        self._messages: dict[str, FieldMessage] = {}
        self._checked: list[CheckedLineEdit] = []
        self.dirty = False
        self.saving = False
        #: Asks whether to drop unsaved edits; tests replace it.
        self.confirm_discard: Callable[[], bool] = self._ask_discard

    # --- building -------------------------------------------------------------------

    def add_row(
        self,
        label: str,
        widget: QWidget,
        *,
        fields: Sequence[str] = (),
        extra: QWidget | None = None,
        form: QFormLayout | None = None,
    ) -> FieldMessage:
        """Add a labelled field; `fields` are the service names whose errors show under it."""
        message = widget.message if isinstance(widget, CheckedLineEdit) else FieldMessage()
        if isinstance(widget, CheckedLineEdit):
            self._checked.append(widget)
        if isinstance(widget, DateField) and extra is None:
            extra = widget.day_name
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if extra is not None:
            line = QHBoxLayout()
            line.addWidget(widget, 1)
            line.addWidget(extra)
            column.addLayout(line)
        else:
            column.addWidget(widget)
        column.addWidget(message)
        (form or self.form).addRow(label, holder)
        for name in fields:
            self._fields[name] = widget
            self._messages[name] = message
        self._track(widget)
        return message

    def _track(self, widget: QWidget) -> None:
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self.mark_dirty)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self.mark_dirty)
        elif isinstance(widget, QComboBox):
            widget.activated.connect(self.mark_dirty)
        elif isinstance(widget, QCheckBox):
            widget.clicked.connect(self.mark_dirty)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(self.mark_dirty)
        elif isinstance(widget, QTimeEdit):
            widget.timeChanged.connect(self.mark_dirty)

    def mark_dirty(self, *_args: object) -> None:
        self.dirty = True

    # --- saving ---------------------------------------------------------------------

    def build_write(self) -> WriteFn:
        """Override: read the fields and return the service call to run (may raise)."""
        raise NotImplementedError

    def accept(self) -> None:
        if self.saving:
            return
        problems = [field.recheck() for field in self._checked]
        if any(problems):
            self._focus_first_problem()
            return
        try:
            write = self.build_write()
        except ValidationError as exc:
            self.show_error(exc)
            return
        self.saving = True
        self.buttons.setEnabled(False)
        self.general.show_message("")
        self.ops.write(write, done=self._on_saved, failed=self._on_failed, owner=self)

    def _focus_first_problem(self) -> None:
        for field in self._checked:
            if not field.is_valid:
                field.setFocus()
                return

    def _on_saved(self, changes: Changes) -> None:
        self.saving = False
        self.dirty = False
        self.buttons.setEnabled(True)
        self.saved.emit(changes)
        super().accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.saving = False
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_error(exc)
        elif isinstance(exc, SigdeskError):
            self.general.show_message(exc.one_line())
        else:
            self.ops.presenter.present(exc)

    def show_error(self, exc: ValidationError) -> None:
        """Show a service's message under the field it names (or on top)."""
        message = self._messages.get(exc.field)
        if message is None:
            self.general.show_message(f"{exc.field}: {exc.field_message}")
            return
        message.show_message(exc.field_message)
        widget = self._fields[exc.field]
        widget.setFocus()

    # --- closing --------------------------------------------------------------------

    def reject(self) -> None:
        if self.dirty and not self.confirm_discard():
            return
        self.dirty = False
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dirty and not self.confirm_discard():
            event.ignore()
            return
        self.dirty = False
        super().closeEvent(event)

    def _ask_discard(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("You have changes that are not saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        button: QAbstractButton | None = box.clickedButton()
        return box.standardButton(button) == QMessageBox.StandardButton.Discard


def merge_changes(*all_changes: Changes) -> Changes:
    """One record for a write that called several services in one transaction."""
    from sigdesk.changes import Changes as ChangesRecord

    created = next((c.created_id for c in all_changes if c.created_id is not None), None)
    return ChangesRecord(
        kinds=frozenset().union(*(c.kinds for c in all_changes)),
        youth_ids=frozenset().union(*(c.youth_ids for c in all_changes)),
        created_id=created,
        warnings=tuple(w for c in all_changes for w in c.warnings),
    )
