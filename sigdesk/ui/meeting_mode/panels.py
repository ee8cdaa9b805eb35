"""The attendance checklist and the quick follow-up of every open item, keyboard first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sigdesk.ui.i18n import fmt_date
from sigdesk.ui.meeting_mode.state import participant_key

if TYPE_CHECKING:
    from sigdesk.meetings import ParticipantRow
    from sigdesk.ui.meeting_mode.state import FollowupLine

#: AttendanceStatus codes, in the order of the buttons.
ATTENDANCE = (
    ("narvarande", QT_TRANSLATE_NOOP("AttendancePanel", "&Present")),
    ("franvarande", QT_TRANSLATE_NOOP("AttendancePanel", "&Absent")),
    ("forhinder", QT_TRANSLATE_NOOP("AttendancePanel", "&Excused")),
)
#: PlanStatus codes as offered in the follow-up.
STATUSES = (
    ("uppnatt", QT_TRANSLATE_NOOP("FollowupPanel", "Achieved")),
    ("delvis_uppnatt", QT_TRANSLATE_NOOP("FollowupPanel", "Partly achieved")),
    ("ej_uppnatt", QT_TRANSLATE_NOOP("FollowupPanel", "Not achieved")),
    ("pagar", QT_TRANSLATE_NOOP("FollowupPanel", "Ongoing")),
    ("avbrutet", QT_TRANSLATE_NOOP("FollowupPanel", "Cancelled")),
)
MUTED = "color:#4b5563;"


class AttendancePanel(QWidget):
    """One row per participant: name, role, present / absent / excused (arrow keys)."""

    changed = Signal()

    def __init__(self, participants: tuple[ParticipantRow, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.groups: dict[str, QButtonGroup] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        for row, p in enumerate(participants):
            name = QLabel(f"<b>{_esc(p.name)}</b><br><span style='{MUTED}'>{_esc(p.role)}</span>")
            grid.addWidget(name, row, 0)
            group = QButtonGroup(self)
            for column, (code, text) in enumerate(ATTENDANCE, start=1):
                button = QRadioButton(QCoreApplication.translate("AttendancePanel", text))
                button.setProperty("code", code)
                group.addButton(button, column)
                grid.addWidget(button, row, column)
            group.buttonClicked.connect(lambda _b: self.changed.emit())
            self.groups[participant_key(p)] = group
        grid.setColumnStretch(0, 1)
        self.all_present = QPushButton(self.tr("Everyone &present"))
        self.all_present.clicked.connect(self.mark_all_present)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        row_layout = QHBoxLayout()
        row_layout.addWidget(self.all_present)
        row_layout.addStretch(1)
        layout.addLayout(row_layout)

    def mark_all_present(self) -> None:
        for group in self.groups.values():
            if group.checkedButton() is None:
                group.button(1).setChecked(True)
        self.changed.emit()

    def values(self) -> dict[str, str]:
        out = {}
        for key, group in self.groups.items():
            button = group.checkedButton()
            if button is not None:
                out[key] = str(button.property("code"))
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        for key, group in self.groups.items():
            code = values.get(key)
            for button in group.buttons():
                if button.property("code") == code:
                    button.setChecked(True)

    def progress(self) -> tuple[int, int]:
        return len(self.values()), len(self.groups)

    def set_status(self, key: str, code: str) -> None:
        self.set_values({**self.values(), key: code})
        self.changed.emit()


class FollowupPanel(QWidget):
    """Per open goal, sub-goal and action: a status (required) and a comment."""

    changed = Signal()

    def __init__(self, lines: tuple[FollowupLine, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: dict[str, tuple[QComboBox, QLineEdit]] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        responsible, last_time = self.tr("Responsible"), self.tr("Last time")
        due = self.tr("Done by")
        for row, line in enumerate(lines):
            text = f"<b>{_esc(line.kind_label)}:</b> {_esc(line.text)}"
            shown = ((responsible, line.responsible), (due, fmt_date(line.due)))
            for title, value in (*shown, (last_time, line.previous)):
                if value:
                    text += f"<br><span style='{MUTED}'>{title}: {_esc(value)}</span>"
            label = QLabel(text)
            label.setWordWrap(True)
            indent = 0 if line.kind_label == "Mål" else 24
            label.setContentsMargins(indent, 0, 0, 0)
            status = QComboBox()
            status.addItem(self.tr("— status —"), "")
            for code, name in STATUSES:
                status.addItem(QCoreApplication.translate("FollowupPanel", name), code)
            status.currentIndexChanged.connect(lambda _i: self.changed.emit())
            comment = QLineEdit()
            comment.setPlaceholderText(self.tr("Comment"))
            comment.textChanged.connect(lambda _t: self.changed.emit())
            label.setBuddy(status)
            grid.addWidget(label, row, 0)
            grid.addWidget(status, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(comment, row, 2, Qt.AlignmentFlag.AlignTop)
            self.rows[line.key] = (status, comment)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if not lines:
            layout.addWidget(QLabel(self.tr("No open goals or actions to follow up.")))
        layout.addLayout(grid)

    def values(self) -> dict[str, list[str]]:
        return {
            key: [str(status.currentData() or ""), comment.text()]
            for key, (status, comment) in self.rows.items()
        }

    def set_values(self, values: dict[str, Any]) -> None:
        for key, (status, comment) in self.rows.items():
            code, text = (values.get(key) or ["", ""])[:2]
            index = status.findData(code or "")
            status.setCurrentIndex(max(index, 0))
            comment.setText(text or "")

    def progress(self) -> tuple[int, int]:
        return len(self.rows) - len(self.missing()), len(self.rows)

    def missing(self) -> list[str]:
        return [key for key, (status, _c) in self.rows.items() if not status.currentData()]

    def mark_missing(self, keys: list[str]) -> None:
        """A red frame round each status still to be chosen; the first gets the focus."""
        for key, (status, _c) in self.rows.items():
            status.setStyleSheet("border:2px solid #b3261e;" if key in keys else "")
        if keys:
            self.rows[keys[0]][0].setFocus()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
