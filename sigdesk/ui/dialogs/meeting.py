"""Plan or move a network meeting, and cancel one."""

from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox, QTimeEdit, QWidget

from sigdesk.errors import ValidationError
from sigdesk.ui.dialogs.base import FormDialog, WriteFn
from sigdesk.ui.forms import DateField
from sigdesk.ui.style import BANNER_INFO

if TYPE_CHECKING:
    from sigdesk.deadlines import Proposal
    from sigdesk.meetings import MeetingRow
    from sigdesk.ui.ops import Ops


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
        self.add_row(self.tr("Date *"), self.day, fields=["Datum"])
        self.add_row(self.tr("Starts at"), self.start, fields=["Starttid"])
        self.add_row(self.tr("Length"), self.duration, fields=["Sluttid"])
        self.add_row(self.tr("Place"), self.place, fields=["Plats"])
        self.add_row(self.tr("Chair"), self.chair, fields=["Ordförande"])
        self.add_row(self.tr("Note-taker"), self.note_taker, fields=["Antecknare"])
        self._fill(meeting, proposal)

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

        day = self.day.value_or_none()
        if day is None:
            raise ValidationError("Datum", self.tr("Enter a date."))
        qt = self.start.time()
        data = MeetingData(
            starts_at=datetime.combine(day, time(qt.hour(), qt.minute())),
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
