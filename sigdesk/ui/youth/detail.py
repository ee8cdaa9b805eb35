"""The youth detail: a header from the caseload row (instant) and five tabs loaded on demand.

The tabs are built (and their modules imported) when the first youth is shown, not
with the window: a start that opens on the list does not pay for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sigdesk.changes import ChangeKind, Changes
from sigdesk.config import TIMEZONE
from sigdesk.ui.i18n import fmt_date, fmt_day_and_date
from sigdesk.ui.style import DEADLINE_COLOURS
from sigdesk.ui.widgets import EmptyState

if TYPE_CHECKING:
    from sigdesk.caseload_list import CaseloadRow
    from sigdesk.meeting_drafts import DraftInfo
    from sigdesk.ui.ops import Ops
    from sigdesk.ui.youth.base import DetailTab
    from sigdesk.ui.youth.log_tab import LogTab
    from sigdesk.ui.youth.meetings_tab import MeetingsTab
    from sigdesk.ui.youth.network_tab import NetworkTab
    from sigdesk.ui.youth.overview_tab import OverviewTab
    from sigdesk.ui.youth.plan_tab import PlanTab


class YouthHeader(QWidget):
    """Name, track, status, age and the deadline badge of the selected youth."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLabel()
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.facts = QLabel()
        self.badge = QLabel()
        self.badge.setTextFormat(Qt.TextFormat.PlainText)
        self.next_meeting = QLabel()
        text = QVBoxLayout()
        text.addWidget(self.name)
        text.addWidget(self.facts)
        text.addWidget(self.next_meeting)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(text, 1)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)

    def show_row(self, row: CaseloadRow, today: object) -> None:
        self.name.setText(row.name)
        age = row.age(today)  # type: ignore[arg-type]
        facts = [row.track.label, row.status.label]
        if age is not None:
            facts.append(self.tr("{age} years").format(age=age))
        self.facts.setText(" · ".join(facts))
        info = row.deadline
        if info is None:
            self.badge.hide()
            self.next_meeting.setText("")
            return
        background, colour = DEADLINE_COLOURS[info.status.value]
        style = (
            f"background:{background}; color:{colour}; border-radius:6px; padding:6px 10px;"
            "font-weight:bold;"
        )
        if style != self.badge.styleSheet():  # a new style sheet re-polishes the whole header
            self.badge.setStyleSheet(style)
        if info.days_left < 0:
            days = self.tr("{n} days overdue").format(n=-info.days_left)
        else:
            days = self.tr("{n} days left").format(n=info.days_left)
        self.badge.setText(
            f"{info.status.label} · {days}\n"
            + self.tr("Deadline {day}").format(day=fmt_date(info.deadline))
        )
        self.badge.show()
        if info.next_meeting is not None:
            self.next_meeting.setText(
                self.tr("Next meeting: {when}").format(when=fmt_day_and_date(info.next_meeting))
            )
        else:
            self.next_meeting.setText(self.tr("No meeting planned"))


class YouthDetailView(QStackedWidget):
    """Empty state until a youth is selected; then the header and the tabs."""

    #: A short status-bar message from a tab (e.g. "Exported …").
    message = Signal(str)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.youth_id: int | None = None
        #: Unfinished meetings the user chose not to resume now (asked once a session).
        self.declined: set[int] = set()
        self.empty = EmptyState(
            self.tr("Select a youth in the list to see the network, consent, plan and meetings.")
        )
        self.addWidget(self.empty)
        self.page: QWidget | None = None
        ops.changed.connect(self.on_changes)

    def set_caseload_empty(self, empty: bool) -> None:
        """The first-use hint while the caseload has no youth; else how to open one."""
        self.empty.setText(
            self.tr("New to sigdesk? Add your first youth with New youth (Ctrl+N).")
            if empty
            else self.tr(
                "Select a youth in the list to see the network, consent, plan and meetings."
            )
        )

    def _build_page(self) -> QWidget:
        from sigdesk.ui.youth.log_tab import LogTab
        from sigdesk.ui.youth.meetings_tab import MeetingsTab
        from sigdesk.ui.youth.network_tab import NetworkTab
        from sigdesk.ui.youth.overview_tab import OverviewTab
        from sigdesk.ui.youth.plan_tab import PlanTab

        ops = self.ops
        self.header = YouthHeader()
        self.overview: OverviewTab = OverviewTab(ops)
        self.network: NetworkTab = NetworkTab(ops)
        self.plan: PlanTab = PlanTab(ops)
        self.meetings: MeetingsTab = MeetingsTab(ops)
        self.log: LogTab = LogTab(ops)
        self.meetings.exported.connect(self.message)
        self.overview.copied.connect(self.message)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.overview, self.tr("&Overview"))
        self.tabs.addTab(self.network, self.tr("Network && &consent"))
        self.tabs.addTab(self.plan, self.tr("Action &plan"))
        self.tabs.addTab(self.meetings, self.tr("&Meetings"))
        self.tabs.addTab(self.log, self.tr("&Log"))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        self.addWidget(page)
        for number in range(1, 6):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), page)
            shortcut.activated.connect(lambda n=number: self.tabs.setCurrentIndex(n - 1))
        self.page = page
        return page

    def prepare(self) -> None:
        """Build the tabs ahead of the first selection (the window calls it when idle)."""
        if self.page is None:
            self._build_page()

    @property
    def all_tabs(self) -> list[DetailTab]:
        if self.page is None:
            return []
        return [self.overview, self.network, self.plan, self.meetings, self.log]

    def focus_tabs(self) -> None:
        if self.page is not None and self.currentWidget() is self.page:
            self.tabs.setFocus()

    def show_tab(self, index: int) -> None:
        if self.page is not None:
            self.tabs.setCurrentIndex(index)

    def show_youth(self, row: CaseloadRow | None) -> None:
        """Show a youth (header at once, the visible tab from the worker) or the empty state."""
        if row is None:
            self.youth_id = None
            self.setCurrentWidget(self.empty)
            for tab in self.all_tabs:
                tab.set_youth(None)
            return
        page = self.page or self._build_page()
        changed_youth = row.youth_id != self.youth_id
        self.youth_id = row.youth_id
        self.update_row(row)
        self.setCurrentWidget(page)
        for tab in self.all_tabs:
            tab.set_youth(row.youth_id)
        if changed_youth:
            self.offer_resume(row.youth_id)

    def offer_resume(self, youth_id: int) -> None:
        """After a crash or a closed window: offer to go on with an unfinished meeting."""
        from sigdesk.meeting_drafts import drafts_for_youth

        self.ops.query(
            lambda s: drafts_for_youth(s, youth_id),
            lambda drafts: self._ask_resume(youth_id, drafts),
            owner=self,
        )

    def _ask_resume(self, youth_id: int, drafts: list[DraftInfo]) -> None:
        from sigdesk.ui import widgets
        from sigdesk.ui.meeting_mode import open_view, start_meeting

        fresh = [d for d in drafts if d.meeting_id not in self.declined]
        if youth_id != self.youth_id or not fresh or open_view(fresh[0].meeting_id):
            return
        draft = fresh[0]
        question = self.tr(
            "The network meeting of {when} was started and not finished (saved {saved}). "
            "Go on with it now? Everything typed so far is kept."
        ).format(
            when=fmt_day_and_date(draft.starts_at),
            saved=draft.updated_at.astimezone(TIMEZONE).strftime("%Y-%m-%d %H:%M"),
        )
        if not widgets.ask(self, self.tr("Unfinished meeting"), question):
            self.declined.add(draft.meeting_id)
            return
        self.tabs.setCurrentWidget(self.meetings)
        start_meeting(
            self.ops, draft.meeting_id, self.window(), opened=self.meetings.meeting_started.emit
        )

    def update_row(self, row: CaseloadRow) -> None:
        """A fresh caseload row (after a refresh): the header (the tabs load their own)."""
        self.header.show_row(row, self.ops.ctx.clock.today())

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(ChangeKind.DELETED) and self.youth_id in changes.youth_ids:
            self.show_youth(None)  # nothing of the youth is left to load
            return
        for tab in self.all_tabs:
            tab.on_changes(changes)
