"""Add or edit a youth: person, intake and decision, court link, interval, notes."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from sigdesk.ui.dialogs.base import FormDialog, WriteFn
from sigdesk.ui.forms import DateField, EnumCombo, personnummer_field

if TYPE_CHECKING:
    from sigdesk.caseload import YouthDetail
    from sigdesk.ui.ops import Ops


class YouthDialog(FormDialog):
    """`detail` None adds a new youth; otherwise edits that one."""

    def __init__(
        self,
        ops: Ops,
        *,
        detail: YouthDetail | None = None,
        default_interval: int = 35,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, "", parent)
        self.setWindowTitle(self.tr("New youth") if detail is None else self.tr("Edit youth"))
        self.setMinimumWidth(880)
        self.detail = detail
        self._build(default_interval)
        if detail is not None:
            self._fill(detail)
        self.first_name.setFocus()

    def _build(self, default_interval: int) -> None:
        from sigdesk.catalogues import DecisionKind, DomTiming, Gender, Track, YouthStatus

        person, intake = QFormLayout(), QFormLayout()
        side = QHBoxLayout()
        side.addLayout(person, 1)
        side.addSpacing(16)
        side.addLayout(intake, 1)
        self.form.addRow(side)
        self.first_name, self.last_name = QLineEdit(), QLineEdit()
        self.personnummer = personnummer_field(self.ops.ctx.clock.today)
        self.personnummer.editingFinished.connect(self._birth_from_number)
        self.birth_date = DateField()
        self.gender = EnumCombo(Gender)
        self.gender.set_value(Gender.UNKNOWN)
        self.track = EnumCombo(Track)
        self.school, self.stadsdel, self.proposed_by = QLineEdit(), QLineEdit(), QLineEdit()
        # Closing and reopening have their own dialogs on Översikt (a date and a reason or
        # a note, a new SIG period): the status here is never a way around them.
        statuses = [YouthStatus.PROPOSED, YouthStatus.ACTIVE]
        closed = self.detail is not None and self.detail.data.status is YouthStatus.CLOSED
        if closed:
            statuses = [YouthStatus.CLOSED]
        self.status = EnumCombo(statuses)
        if closed:
            self.status.setEnabled(False)
            self.status.setToolTip(self.tr("Reopen the SIG with Reopen SIG… on the Overview tab."))
        self.assessment_date, self.decision_date = DateField(), DateField()
        self.decision_kind = EnumCombo(DecisionKind, empty="—")
        self.court_statement = QCheckBox(self.tr("Written into a statement to the district court"))
        self.dom_date = DateField()
        self.dom_timing = EnumCombo(DomTiming, empty="—")
        self.start_date = DateField()
        self.interval = QSpinBox()
        self.interval.setRange(7, 35)
        self.interval.setSuffix(self.tr(" days"))
        self.interval.setValue(default_interval)
        self.overall_goal = QPlainTextEdit()
        self.overall_goal.setFixedHeight(50)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)
        rows = [
            (person, self.tr("First name *"), self.first_name, "Förnamn"),
            (person, self.tr("Last name *"), self.last_name, "Efternamn"),
            (person, self.tr("Personnummer"), self.personnummer, "Personnummer"),
            (person, self.tr("Date of birth"), self.birth_date, "Födelsedatum"),
            (person, self.tr("Gender"), self.gender, "Kön"),
            (person, self.tr("Track"), self.track, "Spår"),
            (person, self.tr("School"), self.school, "Skola"),
            (person, self.tr("District"), self.stadsdel, "Stadsdel"),
            (intake, self.tr("Status"), self.status, "Status"),
            (intake, self.tr("Proposed by"), self.proposed_by, "Föreslagen av"),
            (intake, self.tr("Assessed on"), self.assessment_date, "Bedömningsdatum"),
            (intake, self.tr("Decided on"), self.decision_date, "Beslutsdatum"),
            (intake, self.tr("Kind of decision"), self.decision_kind, "Beslutstyp"),
            (intake, self.tr("Court"), self.court_statement, "Yttrande till tingsrätten"),
            (intake, self.tr("Date of judgment"), self.dom_date, "Domdatum"),
            (intake, self.tr("Started"), self.dom_timing, "Start före/efter dom"),
            (intake, self.tr("Start date"), self.start_date, "Startdatum"),
            (intake, self.tr("Meeting interval"), self.interval, "Mötesintervall"),
        ]
        for form, label, widget, name in rows:
            self.add_row(label, widget, fields=[name], form=form)
        self.add_row(self.tr("Overall goal"), self.overall_goal, fields=["Övergripande mål"])
        self.add_row(self.tr("Notes"), self.notes, fields=["Anteckningar"])
        hint = QLabel(
            self.tr("* required. Dates as YYYY-MM-DD. At most five weeks between meetings.")
        )
        hint.setWordWrap(True)
        self.form.addRow(hint)

    def _fill(self, detail: YouthDetail) -> None:
        d = detail.data
        self.first_name.setText(d.first_name)
        self.last_name.setText(d.last_name)
        self.personnummer.setText(d.personnummer)
        self.birth_date.set_value(d.birth_date)
        self.gender.set_value(d.gender)
        self.track.set_value(d.track)
        self.school.setText(d.school)
        self.stadsdel.setText(d.stadsdel)
        self.status.set_value(d.status)
        self.proposed_by.setText(d.proposed_by)
        self.assessment_date.set_value(d.assessment_date)
        self.decision_date.set_value(d.decision_date)
        self.decision_kind.set_value(d.decision_kind)
        self.court_statement.setChecked(d.court_statement)
        self.dom_date.set_value(d.dom_date)
        self.dom_timing.set_value(d.dom_timing)
        self.start_date.set_value(d.start_date)
        self.interval.setValue(d.meeting_interval_days)
        self.overall_goal.setPlainText(d.overall_goal)
        self.notes.setPlainText(d.notes)
        self.dirty = False

    def _birth_from_number(self) -> None:
        if not self.personnummer.is_valid or not self.personnummer.text().strip():
            return
        from sigdesk.idnumber import parse_id_number

        number = parse_id_number(self.personnummer.text(), today=self.ops.ctx.clock.today())
        if not self.birth_date.text().strip():
            self.birth_date.set_value(number.birth_date)

    def build_write(self) -> WriteFn:
        from sigdesk.caseload import YouthData, add_youth, update_youth

        data = YouthData(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            personnummer=self.personnummer.text(),
            birth_date=self.birth_date.value_or_none(),
            gender=self.gender.value(),
            track=self.track.value(),
            school=self.school.text(),
            stadsdel=self.stadsdel.text(),
            status=self.status.value(),
            proposed_by=self.proposed_by.text(),
            assessment_date=self.assessment_date.value_or_none(),
            decision_date=self.decision_date.value_or_none(),
            decision_kind=self.decision_kind.value(),
            court_statement=self.court_statement.isChecked(),
            dom_date=self.dom_date.value_or_none(),
            dom_timing=self.dom_timing.value(),
            start_date=self.start_date.value_or_none(),
            meeting_interval_days=self.interval.value(),
            overall_goal=self.overall_goal.toPlainText(),
            notes=self.notes.toPlainText(),
        )
        today: date = self.ops.ctx.clock.today()
        if self.detail is None:
            return lambda s: add_youth(s, data, today=today)
        youth_id = self.detail.id
        return lambda s: update_youth(s, youth_id, data, today=today)
