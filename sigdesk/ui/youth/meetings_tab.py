"""Möten: the youth's meetings, a month calendar with meeting days marked, the proposed
next date; plan, move, cancel, and export to .ics for Outlook."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sigdesk.changes import ChangeKind
from sigdesk.ui.i18n import fmt_date, fmt_day_and_date
from sigdesk.ui.rows_model import Column, RowsModel
from sigdesk.ui.style import DEADLINE_COLOURS, MEETING_DAY
from sigdesk.ui.widgets import Banner, EmptyState, button_row, make_table
from sigdesk.ui.youth.base import DetailTab
from sigdesk.ui.youth.documents_button import DocumentsButton

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from sigdesk.meetings import MeetingRow
    from sigdesk.schedule import Proposal
    from sigdesk.ui.ops import Ops

_M = "MeetingColumns"
_STATUS_COLOURS = {
    "planerat": ("#dbeafe", "#1e3a8a"),
    "genomfort": ("#d8f0dc", "#14532d"),
    "installt": ("#e5e7eb", "#4b5563"),
}
MEETING_COLUMNS: list[Column[MeetingRow]] = [
    Column(QT_TRANSLATE_NOOP("MeetingColumns", "When"), lambda m: fmt_day_and_date(m.starts_at)),
    Column(QT_TRANSLATE_NOOP("MeetingColumns", "Minutes"), lambda m: str(m.duration_minutes)),
    Column(QT_TRANSLATE_NOOP("MeetingColumns", "Place"), lambda m: m.place),
    Column(
        QT_TRANSLATE_NOOP("MeetingColumns", "Status"),
        lambda m: m.status.label,
        colours=lambda m: _STATUS_COLOURS.get(m.status.value),
    ),
    Column(QT_TRANSLATE_NOOP("MeetingColumns", "Note"), lambda m: m.cancel_reason),
]


@dataclass(frozen=True)
class MeetingsData:
    meetings: list[MeetingRow]
    proposal: Proposal
    closed: bool
    first_name: str = ""
    #: Meetings started in meeting mode and not finished (their draft is saved).
    drafts: frozenset[int] = frozenset()
    #: The five-week deadline as of this load (active youths only), marked in the calendar.
    deadline: date | None = None


class MeetingsTab(DetailTab):
    kinds = (ChangeKind.MEETING, ChangeKind.YOUTH)
    exported = Signal(str)  # a status-bar message
    meeting_started = Signal(object)  # the MeetingView (tests, screenshots)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.model = RowsModel(_M, MEETING_COLUMNS, self)
        self.table = make_table(self.model)
        self.table.doubleClicked.connect(self.move_meeting)
        self.table.selectionModel().currentChanged.connect(self._update_buttons)
        self.empty = EmptyState(
            self.tr(
                "No meetings yet. Plan the first network meeting with Plan meeting; "
                "the proposed date keeps within five weeks."
            )
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
        self.calendar.setLocale(QLocale())
        self.calendar.activated.connect(self._plan_on_day)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.proposal = Banner("info")
        self.plan_button = QPushButton(self.tr("&Plan meeting…"))
        self.move_button = QPushButton(self.tr("&Move…"))
        self.cancel_button = QPushButton(self.tr("&Cancel meeting…"))
        self.export_button = QPushButton(self.tr("E&xport to calendar (.ics)…"))
        self.plan_button.clicked.connect(self.plan_meeting)
        self.move_button.clicked.connect(self.move_meeting)
        self.cancel_button.clicked.connect(self.cancel_meeting)
        self.export_button.clicked.connect(self.ask_export)
        self.start_button = QPushButton(self.tr("&Start meeting"))
        self.start_button.setStyleSheet("font-weight:bold;")
        self.start_button.clicked.connect(self.start_meeting)
        self.prepare_button = QPushButton(self.tr("P&repare meeting…"))
        self.prepare_button.clicked.connect(self.prepare_meeting)
        self.documents_button = DocumentsButton(self)
        self.draft_banner = Banner("warning")
        self.calendar.setFixedWidth(340)
        self.calendar.setMaximumHeight(230)
        side = QVBoxLayout()
        side.addWidget(self.proposal)
        side.addWidget(self.legend)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.calendar)
        top.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(
            button_row(self.start_button, self.prepare_button, self.plan_button, self.move_button)
        )
        second = button_row(self.cancel_button, self.export_button)
        second.insertWidget(2, self.documents_button)
        layout.addLayout(second)
        layout.addWidget(self.draft_banner)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self._marked: list[QDate] = []
        self._update_buttons()

    def loader(self) -> Callable[[Session, int, date], Any]:
        margin = self.ops.ctx.settings.proposal_margin_days
        return lambda session, youth_id, today: self.load(
            session, youth_id, today, margin_days=margin
        )

    @staticmethod
    def load(session: Session, youth_id: int, today: date, *, margin_days: int = 7) -> Any:
        from sigdesk.caseload import get_youth_row
        from sigdesk.catalogues import YouthStatus
        from sigdesk.meeting_drafts import drafts_for_youth
        from sigdesk.meetings import meetings_of
        from sigdesk.schedule import propose_for_youth

        youth = get_youth_row(session, youth_id)
        proposal = propose_for_youth(session, youth_id, today=today, margin_days=margin_days)
        return MeetingsData(
            meetings_of(session, youth_id),
            proposal,
            youth.status is YouthStatus.CLOSED,
            youth.first_name,
            frozenset(d.meeting_id for d in drafts_for_youth(session, youth_id)),
            proposal.deadline if youth.status is YouthStatus.ACTIVE else None,
        )

    def clear(self) -> None:
        self.model.set_rows([])
        self.proposal.show_text("")
        self.draft_banner.show_text("")
        self._unmark()
        self.stack.setCurrentWidget(self.empty)
        self._update_buttons()

    def show_data(self, data: MeetingsData) -> None:
        self.model.set_rows(data.meetings)
        self.table.resizeColumnsToContents()
        self.stack.setCurrentWidget(self.table if data.meetings else self.empty)
        self._mark_days(data.meetings, data.deadline)
        p = data.proposal
        today = self.ops.ctx.clock.today()
        planned = [
            m for m in data.meetings if m.status.value == "planerat" and m.starts_at.date() >= today
        ]
        if data.closed:
            self.proposal.show_text(self.tr("The youth's SIG is closed; no meetings to plan."))
        elif planned:
            self.proposal.show_text(
                self.tr("Next meeting planned: {when}.").format(
                    when=fmt_day_and_date(min(m.starts_at for m in planned))
                ),
                "info",
            )
        elif p.starts_at is not None:
            self.proposal.show_text(
                self.tr("Proposed next meeting: {when}. {reason}").format(
                    when=fmt_day_and_date(p.starts_at), reason=p.reason
                ),
                "warning" if p.after_deadline else "info",
            )
        else:
            self.proposal.show_text(
                self.tr("No date proposed: {reason}").format(reason=p.reason), "warning"
            )
        self.draft_banner.show_text(
            self.tr(
                "A meeting was started and not finished; what was typed is saved. "
                "Start meeting resumes it."
            )
            if data.drafts
            else ""
        )
        self._update_buttons()

    def _unmark(self) -> None:
        for day in self._marked:
            self.calendar.setDateTextFormat(day, QTextCharFormat())
        self._marked = []

    def _mark_days(self, meetings: list[MeetingRow], deadline: date | None) -> None:
        self._unmark()
        for m in meetings:
            if m.status.value == "installt":
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(
                QBrush(QColor(MEETING_DAY if m.status.value == "planerat" else "#d8f0dc"))
            )
            fmt.setFontWeight(QFont.Weight.Bold)
            day = QDate(m.starts_at.year, m.starts_at.month, m.starts_at.day)
            self.calendar.setDateTextFormat(day, fmt)
            self._marked.append(day)
        legend = self.tr("Blue: planned meeting. Green: held meeting.")
        if deadline is not None:
            d = deadline
            fmt = QTextCharFormat()
            fmt.setForeground(QBrush(QColor(DEADLINE_COLOURS["forsenat"][0])))
            fmt.setFontUnderline(True)
            qd = QDate(d.year, d.month, d.day)
            existing = self.calendar.dateTextFormat(qd).background()
            if existing.style() != Qt.BrushStyle.NoBrush:
                fmt.setBackground(existing)
            self.calendar.setDateTextFormat(qd, fmt)
            self._marked.append(qd)
            legend += " " + self.tr("Red, underlined: the deadline {day}.").format(day=fmt_date(d))
        self.legend.setText(legend)
        upcoming = [m for m in meetings if m.status.value == "planerat"]
        show = min(upcoming, key=lambda m: m.starts_at).starts_at if upcoming else None
        if show is not None:
            self.calendar.setCurrentPage(show.year, show.month)

    def selected_meeting(self) -> MeetingRow | None:
        return self.model.row_at(self.table.currentIndex())

    def _update_buttons(self, *_args: object) -> None:
        meeting = self.selected_meeting()
        planned = meeting is not None and meeting.status.value == "planerat"
        closed = self.data is not None and self.data.closed
        self.plan_button.setEnabled(self.youth_id is not None and not closed)
        self.move_button.setEnabled(planned)
        self.cancel_button.setEnabled(planned)
        self.export_button.setEnabled(self.youth_id is not None)
        # A closed youth's meetings are not run: reopen the SIG first.
        startable = self.meeting_to_start() is not None and not closed
        self.start_button.setEnabled(startable)
        self.prepare_button.setEnabled(self.upcoming_meeting() is not None and not closed)
        self.documents_button.setEnabled(self.youth_id is not None)

    def meeting_to_start(self) -> MeetingRow | None:
        """The selected planned meeting; else one with a saved draft; else the next planned."""
        meeting = self.selected_meeting()
        if meeting is not None and meeting.status.value == "planerat":
            return meeting
        if self.data is None:
            return None
        planned = [m for m in self.data.meetings if m.status.value == "planerat"]
        drafted = [m for m in planned if m.id in self.data.drafts]
        candidates = drafted or planned
        return min(candidates, key=lambda m: m.starts_at) if candidates else None

    def upcoming_meeting(self) -> MeetingRow | None:
        """The selected planned meeting; else SPEC §4's next meeting (never an unrecorded one).

        What the kallelse, the dagordning and Förbered möte are for.
        """
        meeting = self.selected_meeting()
        if meeting is not None and meeting.status.value == "planerat":
            return meeting
        if self.data is None:
            return None
        from sigdesk.meetings import next_of

        return next_of(self.data.meetings, today=self.ops.ctx.clock.today())

    # --- actions --------------------------------------------------------------------

    def plan_meeting(self, *, on: date | None = None) -> QWidget | None:
        if self.youth_id is None:
            return None
        from sigdesk.schedule import Proposal
        from sigdesk.ui.dialogs.meeting import MeetingDialog

        proposal = self.data.proposal if self.data is not None else None
        if on is not None:
            at = proposal.starts_at.time() if proposal and proposal.starts_at else None
            from datetime import datetime, time

            proposal = Proposal(datetime.combine(on, at or time(9, 0)), "")
        dialog = MeetingDialog(
            self.ops, self.youth_id, proposal=proposal, parent=self.window_for_dialogs()
        )
        dialog.open()
        return dialog

    def _plan_on_day(self, day: QDate) -> None:
        self.plan_meeting(on=date(day.year(), day.month(), day.day()))

    def move_meeting(self) -> QWidget | None:
        meeting = self.selected_meeting()
        if meeting is None or meeting.status.value != "planerat" or self.youth_id is None:
            return None
        from sigdesk.ui.dialogs.meeting import MeetingDialog

        dialog = MeetingDialog(
            self.ops, self.youth_id, meeting=meeting, parent=self.window_for_dialogs()
        )
        dialog.open()
        return dialog

    def cancel_meeting(self) -> QWidget | None:
        meeting = self.selected_meeting()
        if meeting is None or meeting.status.value != "planerat":
            return None
        from sigdesk.ui.dialogs.meeting import CancelMeetingDialog

        dialog = CancelMeetingDialog(self.ops, meeting, parent=self.window_for_dialogs())
        dialog.open()
        return dialog

    def start_meeting(self) -> None:
        """Meeting mode for the meeting (a meeting planned for a later day moves to today)."""
        meeting = self.meeting_to_start()
        if meeting is None:
            return
        from sigdesk.ui import widgets

        today = self.ops.ctx.clock.today()
        if meeting.starts_at.date() > today:
            question = self.tr(
                "The meeting is planned for {day}. Move it to today and start it now?"
            ).format(day=fmt_date(meeting.starts_at.date()))
            if not widgets.ask(self, self.tr("Start the meeting"), question):
                return
            self._move_to_today(meeting)
            return
        self._open_meeting(meeting.id)

    def _move_to_today(self, meeting: MeetingRow) -> None:
        from datetime import datetime

        from sigdesk.meetings import MeetingData, reschedule_meeting
        from sigdesk.models import Meeting

        clock = self.ops.ctx.clock
        today = clock.today()
        # Recorded as started now (the actual start), not at the planned time of day.
        at = datetime.combine(today, clock.now().time().replace(second=0, microsecond=0))
        meeting_id = meeting.id

        def move(session: Session) -> Any:
            row = session.get(Meeting, meeting_id)
            assert row is not None
            data = MeetingData(at, row.duration_minutes, row.place, row.chair, row.note_taker)
            return reschedule_meeting(session, meeting_id, data, today=today)

        self.ops.write(move, lambda _c: self._open_meeting(meeting_id), owner=self)

    def _open_meeting(self, meeting_id: int) -> None:
        from sigdesk.ui.meeting_mode import start_meeting

        start_meeting(
            self.ops, meeting_id, self.window_for_dialogs(), opened=self.meeting_started.emit
        )

    def prepare_meeting(self) -> QWidget | None:
        meeting = self.upcoming_meeting()
        if meeting is None or self.youth_id is None or self.data is None:
            return None
        from sigdesk.ui.meeting_mode.prepare import PrepareDialog

        dialog = PrepareDialog(
            self.ops, self.youth_id, meeting, self.data.first_name, self.window_for_dialogs()
        )
        dialog.open()
        return dialog

    def ask_export(self) -> None:
        from sigdesk.ui.save_folder import remember_export_folder, start_path
        from sigdesk.ui.save_target import ask_save_path

        settings = self.ops.ctx.settings
        path = ask_save_path(
            self,
            self.tr("Export meetings to a calendar file"),
            start_path(settings, "sig-moten.ics"),
            self.tr("Calendar files (*.ics)"),
        )
        if path is not None:
            remember_export_folder(settings, path)
            self.export_ics(path)

    def export_ics(self, path: Path, *, all_youths: bool = False) -> None:
        export_calendar(
            self.ops,
            path,
            youth_id=None if all_youths else self.youth_id,
            done=self.exported.emit,
            parent=self,
        )


def export_calendar(
    ops: Ops, path: Path, *, youth_id: int | None, done: Any, parent: QWidget
) -> None:
    """Write planned meetings to an .ics file on the worker; `done(message)` afterwards.

    A caseload or its key file is refused; an existing file is replaced after a yes.
    """
    from sigdesk.ui.save_target import confirm_outputs

    overwrite = confirm_outputs(parent, ops, [path])
    if overwrite is None:
        return
    protect = [ops.ctx.caseload_path]

    def write(session: Session) -> int:
        from sigdesk.documents.ics import write_calendar
        from sigdesk.schedule import calendar_entries

        entries = calendar_entries(session, youth_id=youth_id)
        write_calendar(path, entries, overwrite=overwrite, protect=protect)
        return len(entries)

    one = QCoreApplication.translate(
        "MeetingsTab", "Wrote 1 planned meeting to {file}. The file is not encrypted."
    )
    many = QCoreApplication.translate(
        "MeetingsTab", "Wrote {n} planned meetings to {file}. The file is not encrypted."
    )
    ops.query(write, lambda n: done((one if n == 1 else many).format(n=n, file=path.name)))
