"""The worker's address book of actors, reused across youths' networks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from sigdesk.changes import ChangeKind, Changes
from sigdesk.ui.rows_model import Column, RowsModel
from sigdesk.ui.widgets import EmptyState, button_row, make_table

if TYPE_CHECKING:
    from sigdesk.actors import ActorRow
    from sigdesk.ui.ops import Ops

_B = "AddressBookColumns"
COLUMNS: list[Column[ActorRow]] = [
    Column(QT_TRANSLATE_NOOP("AddressBookColumns", "Type"), lambda a: a.actor_type.label),
    Column(QT_TRANSLATE_NOOP("AddressBookColumns", "Organisation"), lambda a: a.organisation),
    Column(QT_TRANSLATE_NOOP("AddressBookColumns", "Contact person"), lambda a: a.contact_person),
    Column(QT_TRANSLATE_NOOP("AddressBookColumns", "Phone"), lambda a: a.phone),
    Column(QT_TRANSLATE_NOOP("AddressBookColumns", "E-mail"), lambda a: a.email),
]


class AddressBookDialog(QDialog):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(self.tr("Address book"))
        self.resize(820, 480)
        self.model = RowsModel(_B, COLUMNS, self)
        self.table = make_table(self.model)
        self.table.doubleClicked.connect(self.edit_actor)
        self.empty = EmptyState(
            self.tr(
                "The address book is empty. Add the police, the school and the other actors "
                "you work with; they can then join any youth's network."
            )
        )
        new_button = QPushButton(self.tr("&New actor…"))
        edit_button = QPushButton(self.tr("&Edit…"))
        new_button.clicked.connect(self.new_actor)
        edit_button.clicked.connect(self.edit_actor)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(new_button, edit_button))
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        ops.changed.connect(self._changed)
        self.reload()

    def reload(self) -> None:
        from sigdesk.actors import list_actors

        self.ops.query(list_actors, self._show, owner=self)

    def _show(self, actors: list[ActorRow]) -> None:
        self.model.set_rows(actors)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not actors)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(ChangeKind.ACTOR):
            self.reload()

    def new_actor(self) -> QWidget:
        from sigdesk.ui.dialogs.people import ActorDialog

        dialog = ActorDialog(self.ops, parent=self)
        dialog.open()
        return dialog

    def edit_actor(self) -> QWidget | None:
        actor = self.model.row_at(self.table.currentIndex())
        if actor is None:
            return None
        from sigdesk.ui.dialogs.people import ActorDialog

        dialog = ActorDialog(self.ops, actor=actor, parent=self)
        dialog.open()
        return dialog
