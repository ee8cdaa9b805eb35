"""Guardians, address-book actors, and choosing a youth's network from the address book."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QListView, QPushButton, QWidget

from sigdesk.errors import ValidationError
from sigdesk.ui.dialogs.base import FormDialog, WriteFn, merge_changes
from sigdesk.ui.forms import EnumCombo, email_field, phone_field

if TYPE_CHECKING:
    from sigdesk.actors import ActorRow
    from sigdesk.caseload import GuardianRow
    from sigdesk.ui.ops import Ops


class GuardianDialog(FormDialog):
    """Add (guardian None) or edit a guardian of the youth."""

    def __init__(
        self,
        ops: Ops,
        youth_id: int,
        *,
        guardian: GuardianRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, "", parent)
        self.setWindowTitle(
            self.tr("New guardian") if guardian is None else self.tr("Edit guardian")
        )
        self.youth_id, self.guardian = youth_id, guardian
        self.name, self.relation = QLineEdit(), QLineEdit()
        self.relation.setPlaceholderText(self.tr("e.g. mother, father"))
        self.phone, self.email = phone_field(), email_field()
        self.custody = QCheckBox(self.tr("Has custody"))
        self.custody.setChecked(True)
        self.add_row(self.tr("Name *"), self.name, fields=["Namn"])
        self.add_row(self.tr("Relation"), self.relation, fields=["Relation"])
        self.add_row(self.tr("Phone"), self.phone, fields=["Telefon"])
        self.add_row(self.tr("E-mail"), self.email, fields=["E-post"])
        self.add_row("", self.custody)
        if guardian is not None:
            self.name.setText(guardian.name)
            self.relation.setText(guardian.relation)
            self.phone.setText(guardian.phone)
            self.email.setText(guardian.email)
            self.custody.setChecked(guardian.has_custody)

    def build_write(self) -> WriteFn:
        from sigdesk.caseload import GuardianData, add_guardian, update_guardian

        data = GuardianData(
            self.name.text(),
            self.relation.text(),
            self.phone.text(),
            self.email.text(),
            self.custody.isChecked(),
        )
        if self.guardian is None:
            youth_id = self.youth_id
            return lambda s: add_guardian(s, youth_id, data)
        guardian_id = self.guardian.id
        return lambda s: update_guardian(s, guardian_id, data)


class ActorDialog(FormDialog):
    """An address-book entry; with `add_to_youth` the new actor also joins that network."""

    def __init__(
        self,
        ops: Ops,
        *,
        actor: ActorRow | None = None,
        add_to_youth: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        from sigdesk.catalogues import ActorType

        super().__init__(ops, "", parent)
        self.setWindowTitle(self.tr("New actor") if actor is None else self.tr("Edit actor"))
        self.actor, self.add_to_youth = actor, add_to_youth
        self.actor_type = EnumCombo(ActorType)
        self.organisation, self.contact = QLineEdit(), QLineEdit()
        self.organisation.setPlaceholderText(self.tr("e.g. Polisen Söderort"))
        self.phone, self.email = phone_field(), email_field()
        self.add_row(self.tr("Type"), self.actor_type)
        self.add_row(self.tr("Organisation *"), self.organisation, fields=["Organisation"])
        self.add_row(self.tr("Contact person"), self.contact, fields=["Kontaktperson"])
        self.add_row(self.tr("Phone"), self.phone, fields=["Telefon"])
        self.add_row(self.tr("E-mail"), self.email, fields=["E-post"])
        if actor is not None:
            self.actor_type.set_value(actor.actor_type)
            self.organisation.setText(actor.organisation)
            self.contact.setText(actor.contact_person)
            self.phone.setText(actor.phone)
            self.email.setText(actor.email)
            note = QLabel(self.tr("Changes show in every network this actor is part of."))
            note.setWordWrap(True)
            self.form.addRow(note)

    def build_write(self) -> WriteFn:
        from sigdesk.actors import ActorData, add_actor, add_to_network, update_actor

        data = ActorData(
            self.actor_type.value(),
            self.organisation.text(),
            self.contact.text(),
            self.phone.text(),
            self.email.text(),
        )
        if self.actor is not None:
            actor_id = self.actor.id
            return lambda s: update_actor(s, actor_id, data)
        youth_id, today = self.add_to_youth, self.ops.ctx.clock.today()

        def write(session):  # type: ignore[no-untyped-def]
            created = add_actor(session, data)
            if youth_id is None or created.created_id is None:
                return created
            joined = add_to_network(session, youth_id, created.created_id, today=today)
            return merge_changes(created, joined)

        return write


class NetworkPickerDialog(FormDialog):
    """Tick actors from the address book to add them to the youth's network."""

    def __init__(
        self,
        ops: Ops,
        youth_id: int,
        *,
        candidates: list[ActorRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, "", parent)
        self.setWindowTitle(self.tr("Add actors to the network"))
        self.youth_id = youth_id
        self.model = QStandardItemModel(self)
        for actor in candidates:
            item = QStandardItem(actor.label)
            item.setCheckable(True)
            item.setEditable(False)
            item.setData(actor.id, Qt.ItemDataRole.UserRole)
            self.model.appendRow(item)
        self.model.itemChanged.connect(self.mark_dirty)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setMinimumHeight(260)
        empty = QLabel(
            self.tr("Every actor in the address book is already in this network. Use New actor.")
        )
        empty.setWordWrap(True)
        empty.setVisible(not candidates)
        self.new_actor = QPushButton(self.tr("New actor…"))
        self.add_row(self.tr("Address book"), self.view, fields=["Nätverk"])
        self.form.addRow(empty)
        self.form.addRow(self.new_actor)

    def checked_ids(self) -> list[int]:
        return [
            int(self.model.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.model.rowCount())
            if self.model.item(i).checkState() == Qt.CheckState.Checked
        ]

    def build_write(self) -> WriteFn:
        from sigdesk.actors import add_to_network

        ids = self.checked_ids()
        if not ids:
            raise ValidationError("Nätverk", self.tr("Tick at least one actor."))
        youth_id, today = self.youth_id, self.ops.ctx.clock.today()
        return lambda s: merge_changes(
            *(add_to_network(s, youth_id, actor_id, today=today) for actor_id in ids)
        )
