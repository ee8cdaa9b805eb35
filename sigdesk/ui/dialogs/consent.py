"""Record a signed consent form, and withdraw one (closing a SIG: dialogs/lifecycle.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QLineEdit, QListView, QWidget

from sigdesk.ui.dialogs.base import FormDialog, WriteFn
from sigdesk.ui.forms import DateField

if TYPE_CHECKING:
    from sigdesk.actors import ActorRow
    from sigdesk.caseload import GuardianRow
    from sigdesk.ui.ops import Ops


class ConsentDialog(FormDialog):
    """Who signed, when, until when, and which network actors the consent covers."""

    def __init__(
        self,
        ops: Ops,
        youth_id: int,
        *,
        guardians: tuple[GuardianRow, ...],
        network: list[ActorRow],
        parent: QWidget | None = None,
    ) -> None:
        from sigdesk.catalogues import ConsentGiver

        super().__init__(ops, "", parent)
        self.setWindowTitle(self.tr("Record consent"))
        self.youth_id = youth_id
        self.given_by = QComboBox()
        # Kept on the Python side: Qt would hand the StrEnum back as a plain str.
        self.givers: list[tuple[ConsentGiver, int | None]] = [(ConsentGiver.YOUTH, None)]
        self.given_by.addItem(ConsentGiver.YOUTH.label)
        for g in guardians:
            self.given_by.addItem(f"{ConsentGiver.GUARDIAN.label}: {g.name}")
            self.givers.append((ConsentGiver.GUARDIAN, g.id))
        self.signed_on = DateField(required=True)
        self.signed_on.set_value(ops.ctx.clock.today())
        self.valid_until = DateField()
        self.form_version = QLineEdit()
        self.form_version.setPlaceholderText(self.tr("e.g. 2025-01"))
        self.actors = QStandardItemModel(self)
        for actor in network:
            item = QStandardItem(actor.label)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(actor.id, Qt.ItemDataRole.UserRole)
            self.actors.appendRow(item)
        self.actors.itemChanged.connect(self.mark_dirty)
        view = QListView()
        view.setModel(self.actors)
        view.setMinimumHeight(160)
        self.add_row(self.tr("Given by"), self.given_by, fields=["Lämnat av"])
        self.add_row(self.tr("Signed on *"), self.signed_on, fields=["Undertecknat"])
        self.add_row(self.tr("Valid until"), self.valid_until, fields=["Giltigt till"])
        self.add_row(self.tr("Form version"), self.form_version, fields=["Blankettversion"])
        self.add_row(self.tr("Covers"), view, fields=["Aktörer"])

    def build_write(self) -> WriteFn:
        from sigdesk.consent import record_consent

        giver, guardian_id = self.givers[self.given_by.currentIndex()]
        actor_ids = [
            int(self.actors.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.actors.rowCount())
            if self.actors.item(i).checkState() == Qt.CheckState.Checked
        ]
        signed_on = self.signed_on.value_or_none()
        assert signed_on is not None  # required: checked before build_write
        valid_until, version = self.valid_until.value_or_none(), self.form_version.text()
        youth_id, today = self.youth_id, self.ops.ctx.clock.today()
        return lambda s: record_consent(
            s,
            youth_id,
            given_by=giver,
            signed_on=signed_on,
            actor_ids=actor_ids,
            guardian_id=guardian_id,
            form_version=version,
            valid_until=valid_until,
            today=today,
        )


class WithdrawConsentDialog(FormDialog):
    def __init__(self, ops: Ops, consent_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ops, "", parent)
        self.setWindowTitle(self.tr("Withdraw consent"))
        self.consent_id = consent_id
        self.on = DateField(required=True)
        self.on.set_value(ops.ctx.clock.today())
        self.add_row(self.tr("Withdrawn on *"), self.on, fields=["Återkallat"])

    def build_write(self) -> WriteFn:
        from sigdesk.consent import withdraw_consent

        on = self.on.value_or_none()
        assert on is not None
        consent_id, today = self.consent_id, self.ops.ctx.clock.today()
        return lambda s: withdraw_consent(s, consent_id, on=on, today=today)
