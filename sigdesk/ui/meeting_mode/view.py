"""Meeting mode: the dagordning step by step, readable on a laptop turned to the group.

Everything typed is autosaved (debounced, ~2 s) as a draft inside the encrypted
caseload; "Avsluta möte" records it all in one transaction and turns the window into
the finish step (minutes, plan, calendar). A refused finish shows what is missing, in
which section, and keeps every word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sigdesk.errors import ValidationError
from sigdesk.ui.i18n import fmt_date, fmt_day_and_date
from sigdesk.ui.meeting_mode.new_items import NewItemsPanel
from sigdesk.ui.meeting_mode.next_meeting import NextMeetingPanel
from sigdesk.ui.meeting_mode.pages import AgendaPage, PresenceWarning, own_items_label
from sigdesk.ui.meeting_mode.panels import AttendancePanel, FollowupPanel
from sigdesk.ui.meeting_mode.state import PAYLOAD_VERSION, MeetingStart, finish_from_payload
from sigdesk.ui.screen_fit import fit_to_screen
from sigdesk.ui.widgets import Banner

if TYPE_CHECKING:
    from sigdesk.changes import Changes
    from sigdesk.ui.ops import Ops

AUTOSAVE_MS = 2000
FONT_SCALE = 1.3
#: A service's field name → the agenda item (0-based) where it is put right.
SECTION_OF = {
    "Närvaro": 0,
    "Uppföljning": 3,
    "Kommentar": 3,
    "Mål": 4,
    "Delmål": 4,
    "Åtgärd": 4,
    "Ansvarig": 4,
    "Ansvarig person": 4,
    "Klart senast": 4,
    "Beslut": 6,
    "Anteckningar": 6,
    "Datum": 7,
    "Starttid": 7,
    "Sluttid": 7,
    "Plats": 7,
}


class MeetingView(QWidget):
    """A top-level window for one running meeting."""

    autosaved = Signal()  # a draft reached the caseload
    finished = Signal(object)  # the Changes of the finished meeting

    def __init__(self, ops: Ops, start: MeetingStart, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        from sigdesk.meetings import AGENDA

        self.ops, self.start = ops, start
        self.done = False
        self.finishing = False
        self._dirty = False
        self.setWindowTitle(
            self.tr("Network meeting — {name} — {when}").format(
                name=start.first_name, when=fmt_day_and_date(start.starts_at)
            )
        )
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * FONT_SCALE)
        self.setFont(font)
        self.attendance = AttendancePanel(start.participants)
        self.followups = FollowupPanel(start.followups)
        self.new_items = NewItemsPanel(start.goals, start.actors, life_areas=start.life_areas)
        self.next_meeting = NextMeetingPanel(start)
        self.decisions = QPlainTextEdit()
        self.decisions.setTabChangesFocus(True)
        self.decisions.setPlaceholderText(self.tr("One decision per line"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.presence_warning = PresenceWarning(start)
        sections: list[QWidget | None] = [
            self.attendance,
            self._consent_section(),
            None,
            self.followups,
            self.new_items,
            own_items_label(start.agenda),
            self.summary,
            self.next_meeting,
        ]
        notes_labels = {2: self.tr("Consent changes, new actors")}
        self.pages = [
            AgendaPage(n, title, sections[n - 1], notes_label=notes_labels.get(n, ""))
            for n, title in enumerate(AGENDA, start=1)
        ]
        self.pages[0].add_widget(self.presence_warning)
        self.attendance.changed.connect(
            lambda: self.presence_warning.check(self.attendance.values())
        )
        decisions_label = QLabel(self.tr("Decisions"))
        decisions_label.setStyleSheet("font-weight:bold;")
        decisions_label.setBuddy(self.decisions)
        self.pages[6].add_widget(decisions_label)
        self.pages[6].add_widget(self.decisions, 1)
        self.agenda = QListWidget()
        self.agenda.addItems([f"{n}. {t}" for n, t in enumerate(AGENDA, start=1)])
        self.agenda.setWordWrap(True)
        self.agenda.setFixedWidth(330)
        self.agenda.setSpacing(3)
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
        self.agenda.currentRowChanged.connect(self.go_to)
        self.save_state = QLabel()
        self.save_state.setStyleSheet("color:#4b5563;")
        self.problem = Banner("danger")
        self.back_button = QPushButton(self.tr("◀ &Back"))
        self.forward_button = QPushButton(self.tr("&Next item ▶"))
        self.finish_button = QPushButton(self.tr("&Finish meeting"))
        self.finish_button.setStyleSheet("font-weight:bold; padding:6px 18px;")
        self.back_button.clicked.connect(lambda: self.go_to(self.stack.currentIndex() - 1))
        self.forward_button.clicked.connect(lambda: self.go_to(self.stack.currentIndex() + 1))
        self.finish_button.clicked.connect(self.finish)
        self.discard_button = QPushButton(self.tr("&Discard notes…"))
        self.discard_button.setToolTip(
            self.tr("Throw away everything typed in this meeting; the meeting stays planned.")
        )
        self.discard_button.clicked.connect(self.discard)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_now)
        self.screens = QStackedWidget()
        self.screens.addWidget(self._meeting_screen())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.screens)
        if start.draft and start.draft.get("version") == PAYLOAD_VERSION:
            self.restore(start.draft)
        self._connect_changes()
        self._update_progress()
        self.presence_warning.check(self.attendance.values())
        for n in range(1, 9):
            QShortcut(QKeySequence(f"Alt+{n}"), self, lambda n=n: self.go_to(n - 1))
        QShortcut(QKeySequence("Ctrl+PgDown"), self, lambda: self.go_to(self.current_step + 1))
        QShortcut(QKeySequence("Ctrl+PgUp"), self, lambda: self.go_to(self.current_step - 1))
        self.go_to(int((start.draft or {}).get("step", 0)))
        fit_to_screen(self, 1366, 768)

    # --- building -------------------------------------------------------------------

    def _header(self) -> QLabel:
        s = self.start
        parts = [self.tr("Network meeting"), s.first_name, fmt_day_and_date(s.starts_at)]
        if s.place:
            parts.append(s.place)
        header = QLabel(" · ".join(parts))
        font = header.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        header.setFont(font)
        header.setStyleSheet("background:#1d3b5c; color:white; padding:8px 14px;")
        return header

    def _consent_section(self) -> QWidget:
        if not self.start.uncovered:
            text = self.tr("Every actor in the network is covered by a valid consent today.")
            return _label(text, "info")
        text = self.tr(
            "Not covered by a valid consent on the meeting day (left off the minutes' "
            "distribution): {actors}"
        ).format(actors="; ".join(self.start.uncovered))
        return _label(text, "warning")

    def _meeting_screen(self) -> QWidget:
        body = QHBoxLayout()
        body.addWidget(self.agenda)
        body.addWidget(self.stack, 1)
        bar = QHBoxLayout()
        bar.setContentsMargins(12, 6, 12, 10)
        bar.addWidget(self.discard_button)
        bar.addWidget(self.save_state, 1)
        for button in (self.back_button, self.forward_button, self.finish_button):
            bar.addWidget(button)
        screen = QWidget()
        layout = QVBoxLayout(screen)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._header())
        layout.addLayout(body, 1)
        layout.addWidget(self.problem)
        layout.addLayout(bar)
        return screen

    def _connect_changes(self) -> None:
        for panel in (self.attendance, self.followups, self.new_items, self.next_meeting):
            panel.changed.connect(self.edited)
        for page in self.pages:
            page.notes.textChanged.connect(self.edited)
        self.decisions.textChanged.connect(self.edited)

    # --- moving through the agenda ------------------------------------------------------

    @property
    def current_step(self) -> int:
        return self.stack.currentIndex()

    def go_to(self, step: int) -> None:
        step = max(0, min(step, len(self.pages) - 1))
        if self.agenda.currentRow() != step:
            self.agenda.setCurrentRow(step)  # comes back here through the signal
            return
        self.stack.setCurrentIndex(step)
        self.back_button.setEnabled(step > 0)
        self.forward_button.setEnabled(step < len(self.pages) - 1)
        if step == 6:
            self._fill_summary()

    def _fill_summary(self) -> None:
        lines = [
            f"• {line.text} — {line.responsible or '–'} — {fmt_date(line.due) or '–'}"
            for line in self.start.followups
            if line.kind_label == "Åtgärd"
        ]
        for a in self.new_items.new_actions:
            who = " – ".join(p for p in (a.get("actor", ""), a.get("person", "")) if p)
            lines.append(
                f"• {a['what']} — {who or '–'} — {a.get('due') or '–'} " + self.tr("(new)")
            )
        title = self.tr("Who does what by when:")
        self.summary.setText("\n".join([title, *lines]) if lines else "")

    # --- the draft ----------------------------------------------------------------------

    def payload(self) -> dict[str, Any]:
        return {
            "version": PAYLOAD_VERSION,
            "step": self.current_step,
            "attendance": self.attendance.values(),
            "followups": self.followups.values(),
            "notes": {str(p.number): p.notes.toPlainText() for p in self.pages},
            "decisions": self.decisions.toPlainText(),
            **self.new_items.values(),
            "next": self.next_meeting.values(),
        }

    def restore(self, payload: dict[str, Any]) -> None:
        self.attendance.set_values(payload.get("attendance") or {})
        self.followups.set_values(payload.get("followups") or {})
        notes = payload.get("notes") or {}
        for page in self.pages:
            page.notes.setPlainText(notes.get(str(page.number), ""))
        self.decisions.setPlainText(payload.get("decisions", ""))
        self.new_items.set_values(payload)
        self.next_meeting.set_values(payload.get("next") or {})
        self.save_state.setText(self.tr("Resumed from the saved draft."))

    def _update_progress(self) -> None:
        """The agenda shows what is done: counts for attendance and follow-up, a tick."""
        from sigdesk.meetings import AGENDA
        from sigdesk.ui.meeting_mode.state import next_meeting_problem

        counts = {0: self.attendance.progress(), 3: self.followups.progress()}
        for step, (done, total) in counts.items():
            mark = "  ✓" if done == total else f"  ({done}/{total})"
            self.agenda.item(step).setText(f"{step + 1}. {AGENDA[step]}{mark}")
        ready = not next_meeting_problem({"next": self.next_meeting.values()}, self.start)
        self.agenda.item(7).setText(f"8. {AGENDA[7]}" + ("  ✓" if ready else ""))

    def edited(self, *_args: object) -> None:
        if self.done:
            return
        self._update_progress()
        self._dirty = True
        self.save_state.setText(self.tr("Not saved yet…"))
        self.timer.start()

    def save_now(self) -> None:
        """Write the draft into the caseload now (also on close and before finishing)."""
        self.timer.stop()
        if not self._dirty or self.done:
            return
        self._dirty = False
        from sigdesk.meeting_drafts import save_draft

        meeting_id, payload = self.start.meeting_id, self.payload()
        self.ops.write(
            lambda s: save_draft(s, meeting_id, payload),
            self._saved,
            failed=self._save_failed,
            owner=self,
        )

    def _save_failed(self, exc: BaseException) -> None:
        """The meeting (or its youth) is gone from the caseload: say so; keep the window."""
        from sigdesk.errors import NotFoundError

        if not isinstance(exc, NotFoundError):
            self.ops.presenter.present(exc)
            return
        self.done = True  # nothing more can be saved
        self.timer.stop()
        self.save_state.setText(
            self.tr("Not saved: the meeting is no longer in the caseload (was the youth deleted?).")
        )

    def take_draft(self) -> dict[str, Any] | None:
        """At a lock: nothing more is saved from here; the draft, if it has unsaved typing."""
        unsaved = self._dirty and not self.done
        self.done = True
        self.timer.stop()
        return self.payload() if unsaved else None

    def _saved(self, _changes: Changes) -> None:
        self.save_state.setText(
            self.tr("Saved in the encrypted caseload at {time}.").format(
                time=self.ops.ctx.clock.now().strftime("%H:%M:%S")
            )
        )
        self.autosaved.emit()

    # --- finishing ----------------------------------------------------------------------

    def finish(self) -> None:
        if self.finishing or self.done:
            return
        self.clear_problems()
        self.save_now()
        try:
            finish = finish_from_payload(self.payload(), self.start)
        except ValidationError as exc:
            self.show_problem(exc)
            return
        from sigdesk.meeting_drafts import finish_meeting

        meeting_id, today = self.start.meeting_id, self.ops.ctx.clock.today()
        self.finishing = True
        self.finish_button.setEnabled(False)
        self.ops.write(
            lambda s: finish_meeting(s, meeting_id, finish, today=today),
            self._finished,
            failed=self._finish_failed,
            owner=self,
        )

    def discard(self) -> bool:
        """After a yes: drop the draft, keep the meeting planned, close. False if not asked."""
        from sigdesk.ui import widgets

        if self.finishing or self.done:
            return False
        question = self.tr(
            "Throw away everything typed in this meeting (attendance, follow-ups, notes, "
            "decisions)? The meeting stays planned; nothing is recorded as held."
        )
        if not widgets.ask(self, self.tr("Discard the meeting notes"), question):
            return False
        from sigdesk.meeting_drafts import discard_draft

        self.done = True  # nothing more is saved, also not on close
        self.timer.stop()
        meeting_id = self.start.meeting_id
        self.ops.write(lambda s: discard_draft(s, meeting_id), lambda _c: self.close())
        return True

    def _finish_failed(self, exc: BaseException) -> None:
        self.finishing = False
        self.finish_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_problem(exc)
        else:
            self.ops.presenter.present(exc)

    def _finished(self, changes: Changes) -> None:
        from sigdesk.ui.meeting_mode.finish import FinishPanel

        self.finishing = False
        self.done = True
        self.timer.stop()
        self.finish_panel = FinishPanel(self.ops, self.start, self.payload(), changes, self)
        self.finish_panel.close_requested.connect(self.close)
        self.screens.addWidget(self.finish_panel)
        self.screens.setCurrentWidget(self.finish_panel)
        self.finished.emit(changes)

    def clear_problems(self) -> None:
        self.problem.show_text("")
        for row, page in enumerate(self.pages):
            page.show_problem("")
            self.agenda.item(row).setBackground(QColor(0, 0, 0, 0))
        self.followups.mark_missing([])

    def show_problem(self, exc: ValidationError) -> None:
        """Say what is missing and where: the section is marked and shown."""
        step = SECTION_OF.get(exc.field, self.current_step)
        self.problem.show_text(
            self.tr("Not finished yet — {field}: {message}").format(
                field=exc.field, message=exc.field_message
            )
        )
        self.pages[step].show_problem(exc.field_message)
        self.agenda.item(step).setBackground(QColor("#fbd5d5"))
        if exc.field == "Uppföljning":
            self.followups.mark_missing(self.followups.missing())
        self.go_to(step)
        self.problem_step = step

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_now()
        super().closeEvent(event)


def _label(text: str, kind: str) -> Banner:
    banner = Banner(kind)
    banner.show_text(text)
    return banner
