"""Plan or move a network meeting, and cancel one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox, QTimeEdit, QWidget

from sigdesk.errors import ValidationError
from sigdesk.ui.dialogs.base import FormDialog, WriteFn
from sigdesk.ui.forms import DateField
from sigdesk.ui.style import BANNER_INFO
from sigdesk.ui.widgets import Banner

if TYPE_CHECKING:
    from sigdesk.meetings import MeetingRow
    from sigdesk.schedule import Proposal
    from sigdesk.ui.ops import Ops
    from sigdesk.workdays import DayOff


def day_off_text(off: DayOff) -> str:
    """The warning for a meeting on a weekend, a holiday or a half-day afternoon."""
    from PySide6.QtCore import QCoreApplication

    if off.half_day and not (off.holiday or off.weekend):
        text = QCoreApplication.translate(
            "MeetingDialog", "{day} is {name}, a half-day: the meeting ends after 14:00."
        )
    else:
        text = QCoreApplication.translate("MeetingDialog", "{day} is {name}, not a working day.")
    return text.format(day=off.day.isoformat(), name=off.name)


class MeetingDialog(FormDialog):
    """`meeting` None plans a new one (at the proposal when there is one); else moves it."""

    def __init__(
        self,
        ops: Ops,
        youth_id: int,
        *,
        meeting: MeetingRow | None = None,
        proposal: Proposal | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, "", parent)
        self.setWindowTitle(
            self.tr("Plan a network meeting") if meeting is None else self.tr("Move the meeting")
        )
        self.youth_id, self.meeting = youth_id, meeting
        self.day = DateField(required=True)
        self.start = QTimeEdit()
        self.start.setDisplayFormat("HH:mm")
        self.duration = QSpinBox()
        self.duration.setRange(15, 720)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.place, self.chair, self.note_taker = QLineEdit(), QLineEdit(), QLineEdit()
        if proposal is not None and meeting is None:
            note = QLabel(self._proposal_text(proposal))
            note.setWordWrap(True)
            note.setStyleSheet(BANNER_INFO)
            self.form.addRow(note)
        self.day_off = Banner("warning")
        #: Asks whether to keep a date on a weekend or holiday; tests replace it.
        self.confirm_day_off: Callable[[DayOff], bool] = self._ask_day_off
        self.add_row(self.tr("Date *"), self.day, fields=["Datum"])
        self.form.addRow(self.day_off)
        self.add_row(self.tr("Starts at"), self.start, fields=["Starttid"])
        self.add_row(self.tr("Length"), self.duration, fields=["Sluttid"])
        self.add_row(self.tr("Place"), self.place, fields=["Plats"])
        self.add_row(self.tr("Chair"), self.chair, fields=["Ordförande"])
        self.add_row(self.tr("Note-taker"), self.note_taker, fields=["Antecknare"])
        self._fill(meeting, proposal)
        self.day.textChanged.connect(self._show_day_off)
        self.start.timeChanged.connect(self._show_day_off)
        self.duration.valueChanged.connect(self._show_day_off)
        self._show_day_off()

    def _starts_at(self) -> datetime | None:
        day = self.day.value_or_none()
        if day is None:
            return None
        qt = self.start.time()
        return datetime.combine(day, time(qt.hour(), qt.minute()))

    def _off(self) -> DayOff | None:
        from sigdesk.workdays import meeting_day_off

        at = self._starts_at()
        return None if at is None else meeting_day_off(at, self.duration.value())

    def _show_day_off(self, *_args: object) -> None:
        off = self._off()
        was_shown = not self.day_off.isHidden()
        self.day_off.show_text(day_off_text(off) if off is not None else "")
        if was_shown != (off is not None) and self.isVisible():
            self.adjustSize()  # room for the warning; the proposal above stays whole

    def _ask_day_off(self, off: DayOff) -> bool:
        from sigdesk.ui import widgets

        question = day_off_text(off) + " " + self.tr("Plan the meeting on that day anyway?")
        return widgets.ask(self, self.tr("Not a working day"), question)

    def _proposal_text(self, proposal: Proposal) -> str:
        if proposal.starts_at is None:
            return self.tr("No date proposed: {reason}").format(reason=proposal.reason)
        return self.tr("Proposed: {when}. {reason}").format(
            when=f"{proposal.starts_at:%Y-%m-%d %H:%M}", reason=proposal.reason
        )

    def _fill(self, meeting: MeetingRow | None, proposal: Proposal | None) -> None:
        at: datetime | None = None
        if meeting is not None:
            at = meeting.starts_at
            self.duration.setValue(meeting.duration_minutes)
            self.place.setText(meeting.place)
        elif proposal is not None and proposal.starts_at is not None:
            at = proposal.starts_at
        self.duration.setValue(meeting.duration_minutes if meeting else 90)
        if at is not None:
            self.day.set_value(at.date())
            self.start.setTime(QTime(at.hour, at.minute))
        else:
            self.start.setTime(QTime(9, 0))
        self.dirty = False

    def build_write(self) -> WriteFn:
        from sigdesk.meetings import MeetingData, plan_meeting, reschedule_meeting

        at = self._starts_at()
        if at is None:
            raise ValidationError("Datum", self.tr("Enter a date."))
        off = self._off()
        if off is not None and not self.confirm_day_off(off):
            raise ValidationError("Datum", self.tr("Choose another day."))
        data = MeetingData(
            starts_at=at,
            duration_minutes=self.duration.value(),
            place=self.place.text(),
            chair=self.chair.text(),
            note_taker=self.note_taker.text(),
        )
        today = self.ops.ctx.clock.today()
        if self.meeting is None:
            youth_id = self.youth_id
            return lambda s: plan_meeting(s, youth_id, data, today=today)
        meeting_id = self.meeting.id
        return lambda s: reschedule_meeting(s, meeting_id, data, today=today)


class CancelMeetingDialog(FormDialog):
    def __init__(self, ops: Ops, meeting: MeetingRow, parent: QWidget | None = None) -> None:
        super().__init__(ops, "", parent)
        self.setWindowTitle(self.tr("Cancel the meeting"))
        self.meeting_id = meeting.id
        what = QLabel(
            self.tr("Meeting {when} will be marked as cancelled.").format(
                when=f"{meeting.starts_at:%Y-%m-%d %H:%M}"
            )
        )
        what.setWordWrap(True)
        self.form.addRow(what)
        self.reason = QLineEdit()
        self.add_row(self.tr("Reason"), self.reason, fields=["Orsak"])

    def build_write(self) -> WriteFn:
        from sigdesk.meetings import cancel_meeting

        meeting_id, reason = self.meeting_id, self.reason.text()
        return lambda s: cancel_meeting(s, meeting_id, reason=reason)
