"""Agenda item 8: the next meeting, the proposal preselected; past the deadline needs a reason."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from sigdesk.ui.forms import DateField, FieldMessage
from sigdesk.ui.i18n import fmt_date, fmt_day_and_date
from sigdesk.ui.widgets import Banner

if TYPE_CHECKING:
    from sigdesk.ui.meeting_mode.state import MeetingStart


class NextMeetingPanel(QWidget):
    changed = Signal()

    def __init__(self, start: MeetingStart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = start
        nxt = start.next
        self.proposal = Banner("info")
        self.plan = QCheckBox(self.tr("&Plan the next meeting now"))
        self.day = DateField(required=True)
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        self.duration = QSpinBox()
        self.duration.setRange(15, 720)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.place = QLineEdit()
        self.use_proposal = QPushButton(self.tr("Use the &proposal"))
        self.use_proposal.setEnabled(nxt.proposal.starts_at is not None)
        self.use_proposal.clicked.connect(self.take_proposal)
        self.late = Banner("warning")
        self.day_off = Banner("warning")
        self.confirm_late = QCheckBox(self.tr("I &confirm: the meeting is held after the deadline"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why? (goes into the decisions)"))
        self.message = FieldMessage()
        day_row = QHBoxLayout()
        day_row.addWidget(self.day)
        day_row.addWidget(self.day.day_name)
        day_row.addWidget(self.use_proposal)
        day_row.addStretch(1)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Date"), day_row)
        self.form.addRow(self.tr("Starts at"), self.time)
        self.form.addRow(self.tr("Length"), self.duration)
        self.form.addRow(self.tr("Place"), self.place)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.proposal)
        layout.addWidget(self.plan)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.day_off)
        layout.addWidget(self.late)
        layout.addWidget(self.confirm_late)
        layout.addWidget(self.reason)
        self._show_proposal()
        self.plan.setChecked(nxt.already_planned is None)
        self.duration.setValue(start.duration_minutes)
        self.place.setText(start.place)
        self.time.setTime(QTime(start.starts_at.hour, start.starts_at.minute))
        self.take_proposal()
        for signal in (
            self.plan.toggled,
            self.day.textChanged,
            self.time.timeChanged,
            self.duration.valueChanged,
            self.place.textChanged,
            self.confirm_late.toggled,
            self.reason.textChanged,
        ):
            signal.connect(self._edited)
        self._update()

    def _show_proposal(self) -> None:
        nxt = self.start.next
        deadline = self.tr("Deadline (five weeks): {day}.").format(day=fmt_date(nxt.deadline))
        if nxt.proposal.starts_at is not None:
            text = self.tr("Proposed: {when}. {reason}").format(
                when=fmt_day_and_date(nxt.proposal.starts_at), reason=nxt.proposal.reason
            )
        else:
            text = self.tr("No date proposed: {reason}").format(reason=nxt.proposal.reason)
        if nxt.already_planned is not None:
            text += " " + self.tr("Already planned: {when}.").format(
                when=fmt_day_and_date(nxt.already_planned)
            )
        self.proposal.show_text(f"{text} {deadline}")

    def take_proposal(self) -> None:
        at = self.start.next.proposal.starts_at
        if at is not None:
            self.day.set_value(at.date())
            self.time.setTime(QTime(at.hour, at.minute))

    def _edited(self, *_args: object) -> None:
        self._update()
        self.changed.emit()

    def _update(self) -> None:
        planning = self.plan.isChecked()
        for widget in (self.day, self.time, self.duration, self.place, self.use_proposal):
            widget.setEnabled(planning)
        self.use_proposal.setEnabled(planning and self.start.next.proposal.starts_at is not None)
        day = self.day.value_or_none()
        deadline = self.start.next.deadline
        is_late = planning and day is not None and day > deadline
        self.late.show_text(
            self.tr(
                "{day} is after the deadline {deadline}: the five-week rule is broken. "
                "Confirm and give a reason."
            ).format(day=fmt_date(day), deadline=fmt_date(deadline))
            if is_late
            else ""
        )
        self.confirm_late.setVisible(is_late)
        self.reason.setVisible(is_late)
        self._show_day_off(day if planning else None)
        past = planning and day is not None and day < self.start.today
        self.message.show_message(
            self.tr("The next meeting cannot be in the past.") if past else ""
        )

    def _show_day_off(self, day: date | None) -> None:
        """A date typed on a weekend or a holiday is allowed, with a warning naming the day."""
        from sigdesk.ui.dialogs.meeting import day_off_text
        from sigdesk.workdays import meeting_day_off

        off = None
        if day is not None:
            at = datetime.combine(day, self.time.time().toPython())
            off = meeting_day_off(at, self.duration.value())
        self.day_off.show_text(day_off_text(off) if off is not None else "")

    def show_problem(self, text: str) -> None:
        self.message.show_message(text)

    def values(self) -> dict[str, Any]:
        return {
            "plan": self.plan.isChecked(),
            "date": self.day.text().strip(),
            "time": self.time.time().toString("HH:mm"),
            "duration": self.duration.value(),
            "place": self.place.text(),
            "confirmed": self.confirm_late.isChecked(),
            "reason": self.reason.text(),
        }

    def set_values(self, values: dict[str, Any]) -> None:
        if not values:
            return
        self.plan.setChecked(bool(values.get("plan", True)))
        self.day.setText(values.get("date", ""))
        at = QTime.fromString(values.get("time", ""), "HH:mm")
        if at.isValid():
            self.time.setTime(at)
        self.duration.setValue(int(values.get("duration") or self.start.duration_minutes))
        self.place.setText(values.get("place", ""))
        self.confirm_late.setChecked(bool(values.get("confirmed")))
        self.reason.setText(values.get("reason", ""))
        self._update()

    def chosen_day(self) -> date | None:
        return self.day.value_or_none()
