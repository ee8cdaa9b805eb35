"""One page per agenda item: its heading, what the item needs, and a notes field."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sigdesk.ui.meeting_mode.state import participant_key
from sigdesk.ui.widgets import Banner

if TYPE_CHECKING:
    from sigdesk.ui.meeting_mode.state import MeetingStart


class AgendaPage(QScrollArea):
    """Heading, an optional section widget, a problem banner and the item's notes."""

    def __init__(
        self,
        number: int,
        title: str,
        section: QWidget | None = None,
        *,
        notes_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.number = number
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(10)
        heading = QLabel(f"{number}. {title}")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.problem = Banner("danger")
        layout.addWidget(self.problem)
        self.section = section
        if section is not None:
            layout.addWidget(section)
        label = QLabel(notes_label or self.tr("Notes"))
        label.setStyleSheet("font-weight:bold; margin-top:6px;")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What was said under this item…"))
        self.notes.setMinimumHeight(90)
        label.setBuddy(self.notes)
        layout.addWidget(label)
        layout.addWidget(self.notes, 1)
        self.extra_layout = layout
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setWidget(body)

    def add_widget(self, widget: QWidget, stretch: int = 0) -> None:
        self.extra_layout.addWidget(widget, stretch)

    def show_problem(self, text: str) -> None:
        self.problem.show_text(text)
        if text:
            self.ensureWidgetVisible(self.problem)


class PresenceWarning(Banner):
    """Shown on the attendance page when an actor without valid consent is marked present."""

    def __init__(self, start: MeetingStart, parent: QWidget | None = None) -> None:
        super().__init__("warning", parent)
        self.start = start

    def present_without_consent(self, attendance: dict[str, str]) -> list[str]:
        return [
            p.name
            for p in self.start.participants
            if participant_key(p) in self.start.uncovered_keys
            and attendance.get(participant_key(p)) == "narvarande"
        ]

    def check(self, attendance: dict[str, str]) -> None:
        names = self.present_without_consent(attendance)
        self.show_text(
            self.tr(
                "No valid consent on the meeting day covers {names}, marked present: share "
                "nothing about the youth while they are in the room. They are left out of "
                "the minutes."
            ).format(names=", ".join(names))
            if names
            else ""
        )


def own_items_label(items: tuple[str, ...]) -> QLabel | None:
    """The worker's own items for this meeting (from Förbered möte), shown under Övrigt."""
    if not items:
        return None
    lines = "".join(f"<li>{html.escape(item)}</li>" for item in items)
    title = QCoreApplication.translate("AgendaPage", "Your items for this meeting:")
    label = QLabel(f"{html.escape(title)}<ul>{lines}</ul>")
    label.setWordWrap(True)
    return label
