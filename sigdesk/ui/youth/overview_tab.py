"""Översikt: the person, guardians, intake and decision, court link, status; edit from here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sigdesk.changes import ChangeKind
from sigdesk.ui import widgets
from sigdesk.ui.i18n import fmt_date
from sigdesk.ui.rows_model import Column, RowsModel
from sigdesk.ui.widgets import Banner, button_row, heading, make_table, yes_no
from sigdesk.ui.youth.base import DetailTab

if TYPE_CHECKING:
    from datetime import date

    from sqlalchemy.orm import Session

    from sigdesk.caseload import GuardianRow, YouthDetail
    from sigdesk.ui.ops import Ops
    from sigdesk.ui.youth.periods import OverviewDetail

_G = "GuardianColumns"
GUARDIAN_COLUMNS: list[Column[GuardianRow]] = [
    Column(QT_TRANSLATE_NOOP("GuardianColumns", "Name"), lambda g: g.name),
    Column(QT_TRANSLATE_NOOP("GuardianColumns", "Relation"), lambda g: g.relation),
    Column(QT_TRANSLATE_NOOP("GuardianColumns", "Phone"), lambda g: g.phone),
    Column(QT_TRANSLATE_NOOP("GuardianColumns", "E-mail"), lambda g: g.email),
    Column(QT_TRANSLATE_NOOP("GuardianColumns", "Custody"), lambda g: yes_no(g.has_custody)),
]


class OverviewTab(DetailTab):
    kinds = (ChangeKind.YOUTH, ChangeKind.GUARDIAN)
    #: A status-bar message after "Copy personnummer".
    copied = Signal(str)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setShortcut(QKeySequence("Ctrl+E"))
        self.edit_button.setToolTip(self.tr("Edit the youth (Ctrl+E)"))
        self.close_button = QPushButton(self.tr("Close SIG…"))
        self.followup_button = QPushButton(self.tr("Follow-up after closure…"))
        self.reopen_button = QPushButton(self.tr("Reopen SIG…"))
        self.delete_button = QPushButton(self.tr("Delete youth…"))
        self.delete_button.setToolTip(self.tr("Only for a youth entered by mistake"))
        for button in (self.followup_button, self.reopen_button, self.delete_button):
            button.setEnabled(False)
        self.followup_button.clicked.connect(self.record_followup)
        self.reopen_button.clicked.connect(self.reopen_youth)
        self.delete_button.clicked.connect(self.delete_youth)
        self.periods = QLabel()
        self.periods.setWordWrap(True)
        self.periods.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(self.tr("Copy &personnummer"))
        self.copy_button.setToolTip(
            self.tr("Copied for 30 seconds; then the clipboard is emptied.")
        )
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_personnummer)
        self.edit_button.clicked.connect(self.edit_youth)
        self.close_button.clicked.connect(self.close_youth)
        self.closed_banner = Banner("info")
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.addLayout(self._form(self._PERSON), 0, 0)
        grid.addLayout(self._form(self._INTAKE), 0, 1)
        grid.addLayout(self._form(self._GOAL), 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.guardians = RowsModel(_G, GUARDIAN_COLUMNS, self)
        self.guardian_table = make_table(self.guardians)
        self.guardian_table.setMinimumHeight(110)
        self.guardian_table.doubleClicked.connect(self.edit_guardian)
        self.add_guardian_button = QPushButton(self.tr("Add guardian…"))
        self.edit_guardian_button = QPushButton(self.tr("Edit guardian…"))
        self.remove_guardian_button = QPushButton(self.tr("Remove guardian"))
        self.add_guardian_button.clicked.connect(self.add_guardian)
        self.edit_guardian_button.clicked.connect(self.edit_guardian)
        self.remove_guardian_button.clicked.connect(self.remove_guardian)
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(self.edit_button, self.copy_button))
        layout.addLayout(
            button_row(
                self.close_button, self.followup_button, self.reopen_button, self.delete_button
            )
        )
        layout.addWidget(self.closed_banner)
        layout.addLayout(grid)
        layout.addWidget(heading(self.tr("SIG periods")))
        layout.addWidget(self.periods)
        guardians_head = QHBoxLayout()
        guardians_head.addWidget(heading(self.tr("Guardians")))
        guardians_head.addStretch(1)
        for b in (self.add_guardian_button, self.edit_guardian_button, self.remove_guardian_button):
            guardians_head.addWidget(b)
        layout.addLayout(guardians_head)
        layout.addWidget(self.guardian_table, 1)

    _PERSON = (
        ("personnummer", QT_TRANSLATE_NOOP("OverviewTab", "Personnummer")),
        ("birth", QT_TRANSLATE_NOOP("OverviewTab", "Date of birth")),
        ("gender", QT_TRANSLATE_NOOP("OverviewTab", "Gender")),
        ("track", QT_TRANSLATE_NOOP("OverviewTab", "Track")),
        ("school", QT_TRANSLATE_NOOP("OverviewTab", "School")),
        ("stadsdel", QT_TRANSLATE_NOOP("OverviewTab", "District")),
        ("interval", QT_TRANSLATE_NOOP("OverviewTab", "Meeting interval")),
        ("notes", QT_TRANSLATE_NOOP("OverviewTab", "Notes")),
    )
    _INTAKE = (
        ("status", QT_TRANSLATE_NOOP("OverviewTab", "Status")),
        ("proposed_by", QT_TRANSLATE_NOOP("OverviewTab", "Proposed by")),
        ("assessment", QT_TRANSLATE_NOOP("OverviewTab", "Assessed on")),
        ("decision", QT_TRANSLATE_NOOP("OverviewTab", "Decision")),
        ("court", QT_TRANSLATE_NOOP("OverviewTab", "Court")),
        ("start", QT_TRANSLATE_NOOP("OverviewTab", "Start date")),
    )

    _GOAL = (("overall_goal", QT_TRANSLATE_NOOP("OverviewTab", "Overall goal")),)

    def _form(self, rows: tuple[tuple[str, str], ...]) -> QFormLayout:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        for key, title in rows:
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(self.tr(title) + ":", value)
        return form

    @staticmethod
    def load(session: Session, youth_id: int, today: date) -> Any:
        from sigdesk.ui.youth.periods import load_overview

        return load_overview(session, youth_id)

    def clear(self) -> None:
        # setText(""), not QLabel.clear(): clear() deletes a selectable label's text
        # control (a QTextDocument and its layout objects), which the next youth's
        # setText builds again, 16 labels on every switch of youth.
        for label in (*self.values.values(), self.periods):
            label.setText("")
        self.guardians.set_rows([])
        self.closed_banner.show_text("")
        self.copy_button.setEnabled(False)
        for button in (self.followup_button, self.reopen_button, self.delete_button):
            button.setEnabled(False)

    def show_data(self, detail: OverviewDetail) -> None:
        d = detail.data
        today = self.ops.ctx.clock.today()
        v = self.values
        v["personnummer"].setText(d.personnummer or "—")
        self.copy_button.setEnabled(bool(d.personnummer))
        age = ""
        if d.birth_date is not None:
            from sigdesk.idnumber import age_on

            age = self.tr(" ({age} years)").format(age=age_on(d.birth_date, today))
        v["birth"].setText(fmt_date(d.birth_date) + age if d.birth_date else "—")
        v["gender"].setText(d.gender.label)
        v["track"].setText(d.track.label)
        v["school"].setText(d.school or "—")
        v["stadsdel"].setText(d.stadsdel or "—")
        v["interval"].setText(self.tr("{days} days").format(days=d.meeting_interval_days))
        v["notes"].setText(d.notes or "—")
        v["status"].setText(d.status.label)
        v["proposed_by"].setText(d.proposed_by or "—")
        v["assessment"].setText(fmt_date(d.assessment_date) or "—")
        kind = d.decision_kind.label if d.decision_kind else ""
        v["decision"].setText(" · ".join(x for x in (fmt_date(d.decision_date), kind) if x) or "—")
        v["court"].setText(self._court_text(detail))
        v["start"].setText(fmt_date(d.start_date) or "—")
        v["overall_goal"].setText(d.overall_goal or "—")
        self.guardians.set_rows(detail.guardians)
        self.guardian_table.resizeColumnsToContents()
        self._show_lifecycle(detail)

    def _show_lifecycle(self, detail: OverviewDetail) -> None:
        from sigdesk.ui.youth.periods import closed_text, periods_text

        closed = detail.closed_on is not None
        self.close_button.setEnabled(not closed)
        self.reopen_button.setEnabled(closed)
        self.followup_button.setEnabled(closed and not detail.followup_done)
        self.delete_button.setEnabled(True)
        self.closed_banner.show_text(closed_text(detail) if closed else "")
        self.periods.setText(periods_text(detail.periods))

    def _court_text(self, detail: YouthDetail) -> str:
        d = detail.data
        if not d.court_statement:
            return self.tr("No statement to the district court")
        parts = [self.tr("In a statement to the district court")]
        if d.dom_date:
            parts.append(self.tr("judgment {day}").format(day=fmt_date(d.dom_date)))
        if d.dom_timing:
            parts.append(d.dom_timing.label.lower())
        return ", ".join(parts)

    # --- actions --------------------------------------------------------------------

    def edit_youth(self) -> QWidget | None:
        if self.data is None:
            return None
        from sigdesk.ui.dialogs.youth_dialog import YouthDialog

        dialog = YouthDialog(self.ops, detail=self.data, parent=self.window_for_dialogs())
        dialog.open()
        return dialog

    def copy_personnummer(self) -> None:
        """To the clipboard for 30 seconds (sigdesk/ui/clipboard_guard.py)."""
        if self.data is not None and self.data.data.personnummer:
            from sigdesk.ui.clipboard_guard import copy_personnummer

            copy_personnummer(self.data.data.personnummer)
            self.copied.emit(
                self.tr("Personnummer copied; the clipboard is emptied in 30 seconds.")
            )

    def close_youth(self) -> QWidget | None:
        if self.youth_id is None:
            return None
        from sigdesk.ui.dialogs.lifecycle import CloseYouthDialog

        dialog = CloseYouthDialog(self.ops, self.youth_id, parent=self.window_for_dialogs())
        dialog.open()
        return dialog

    def record_followup(self) -> QWidget | None:
        if self.youth_id is None:
            return None
        from sigdesk.ui.dialogs.lifecycle import FollowupDialog

        dialog = FollowupDialog(self.ops, self.youth_id, parent=self.window_for_dialogs())
        dialog.open()
        return dialog

    def reopen_youth(self) -> QWidget | None:
        if self.youth_id is None or self.data is None or self.data.closed_on is None:
            return None
        from sigdesk.ui.dialogs.lifecycle import ReopenDialog

        dialog = ReopenDialog(
            self.ops,
            self.youth_id,
            closed_on=self.data.closed_on,
            parent=self.window_for_dialogs(),
        )
        dialog.open()
        return dialog

    def delete_youth(self) -> QWidget | None:
        if self.youth_id is None or self.data is None:
            return None
        from sigdesk.ui.dialogs.lifecycle import DeleteYouthDialog

        dialog = DeleteYouthDialog(
            self.ops, self.youth_id, name=self.data.full_name, parent=self.window_for_dialogs()
        )
        dialog.open()
        return dialog

    def selected_guardian(self) -> GuardianRow | None:
        return self.guardians.row_at(self.guardian_table.currentIndex())

    def add_guardian(self) -> QWidget | None:
        if self.youth_id is None:
            return None
        from sigdesk.ui.dialogs.people import GuardianDialog

        dialog = GuardianDialog(self.ops, self.youth_id, parent=self.window_for_dialogs())
        dialog.open()
        return dialog

    def edit_guardian(self) -> QWidget | None:
        guardian = self.selected_guardian()
        if guardian is None or self.youth_id is None:
            return None
        from sigdesk.ui.dialogs.people import GuardianDialog

        dialog = GuardianDialog(
            self.ops, self.youth_id, guardian=guardian, parent=self.window_for_dialogs()
        )
        dialog.open()
        return dialog

    def remove_guardian(self) -> None:
        guardian = self.selected_guardian()
        if guardian is None:
            return
        from sigdesk.caseload import remove_guardian

        question = self.tr("Remove {name} as a guardian of this youth?").format(name=guardian.name)
        if not widgets.ask(self, self.tr("Remove guardian"), question):
            return
        guardian_id = guardian.id
        self.ops.write(lambda s: remove_guardian(s, guardian_id))
