"""New goals and actions agreed at the meeting, added in place with who and by when.

They are kept in the draft and written when the meeting is finished, in the same
transaction as the follow-up (so the minutes list them as the meeting's new actions).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sigdesk.catalogues import LifeArea
from sigdesk.ui.forms import DateField, EnumCombo, FieldMessage
from sigdesk.ui.meeting_mode.state import GoalChoice


class NewItemsPanel(QWidget):
    changed = Signal()

    def __init__(
        self,
        goals: tuple[GoalChoice, ...],
        actors: tuple[tuple[int, str], ...],
        parent: QWidget | None = None,
        *,
        life_areas: tuple[LifeArea, ...] = tuple(LifeArea),
    ) -> None:
        super().__init__(parent)
        self.existing = goals
        self.new_goals: list[dict[str, Any]] = []
        self.new_actions: list[dict[str, Any]] = []
        self.area = EnumCombo(life_areas)
        self.goal_text = QLineEdit()
        self.goal_text.setPlaceholderText(self.tr("The goal, in the youth's words if possible"))
        self.add_goal_button = QPushButton(self.tr("Add &goal"))
        self.add_goal_button.clicked.connect(self.add_goal)
        self.goal_choice = QComboBox()
        self.what = QLineEdit()
        self.what.setPlaceholderText(self.tr("What is to be done"))
        self.actor = QComboBox()
        self.actor.addItem(self.tr("(no actor)"), None)
        for actor_id, label in actors:
            self.actor.addItem(label, actor_id)
        self.person = QLineEdit()
        self.due = DateField()
        self.add_action_button = QPushButton(self.tr("Add a&ction"))
        self.add_action_button.clicked.connect(self.add_action)
        self.message = FieldMessage()
        self.added = QListWidget()
        self.added.setMaximumHeight(130)
        self.remove_button = QPushButton(self.tr("&Remove selected"))
        self.remove_button.clicked.connect(self.remove_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._goal_box())
        layout.addWidget(self._action_box())
        layout.addWidget(self.message)
        layout.addWidget(self.added)
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._refresh()

    def _goal_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("New goal"))
        form = QHBoxLayout(box)
        form.addWidget(self.area)
        form.addWidget(self.goal_text, 1)
        form.addWidget(self.add_goal_button)
        return box

    def _action_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("New action"))
        form = QFormLayout(box)
        form.addRow(self.tr("Goal"), self.goal_choice)
        form.addRow(self.tr("Action"), self.what)
        who = QHBoxLayout()
        who.addWidget(self.actor, 2)
        who.addWidget(self.person, 1)
        self.person.setPlaceholderText(self.tr("Person (optional)"))
        form.addRow(self.tr("Responsible"), who)
        due = QHBoxLayout()
        due.addWidget(self.due)
        due.addWidget(self.due.day_name)
        due.addStretch(1)
        due.addWidget(self.add_action_button)
        form.addRow(self.tr("Done by"), due)
        return box

    def add_goal(self) -> None:
        text = self.goal_text.text().strip()
        if not text:
            self.message.show_message(self.tr("Write the goal first."))
            self.goal_text.setFocus()
            return
        key = f"n{len(self.new_goals) + 1}"
        while any(g["key"] == key for g in self.new_goals):
            key += "x"
        self.new_goals.append(
            {"key": key, "life_area": self.area.value().value, "description": text}
        )
        self.goal_text.clear()
        self._refresh(select=f"n:{key}")
        self.changed.emit()

    def add_action(self) -> None:
        what = self.what.text().strip()
        problem = self.due.recheck()
        if not what or problem or not self.goal_choice.currentData():
            self.message.show_message(
                problem or self.tr("Choose the goal and write what is to be done.")
            )
            (self.what if not what else self.goal_choice).setFocus()
            return
        self.new_actions.append(
            {
                "goal": self.goal_choice.currentData(),
                "what": what,
                "actor_id": self.actor.currentData(),
                "actor": self.actor.currentText() if self.actor.currentData() else "",
                "person": self.person.text().strip(),
                "due": self.due.text().strip(),
            }
        )
        self.what.clear()
        self.person.clear()
        self.due.clear()
        self._refresh(select=self.goal_choice.currentData())
        self.changed.emit()

    def remove_selected(self) -> None:
        row = self.added.currentRow()
        if row < 0:
            return
        if row < len(self.new_goals):
            key = "n:" + self.new_goals.pop(row)["key"]
            self.new_actions = [a for a in self.new_actions if a["goal"] != key]
        else:
            self.new_actions.pop(row - len(self.new_goals))
        self._refresh()
        self.changed.emit()

    def _refresh(self, select: str | None = None) -> None:
        self.message.show_message("")
        current = select or self.goal_choice.currentData()
        self.goal_choice.clear()
        for g in self.existing:
            self.goal_choice.addItem(g.label, g.key)
        for g in self.new_goals:
            label = f"{LifeArea(g['life_area']).label}: {g['description']}"
            self.goal_choice.addItem(self.tr("New: {goal}").format(goal=label), f"n:{g['key']}")
        index = self.goal_choice.findData(current)
        self.goal_choice.setCurrentIndex(max(index, 0))
        self.added.clear()
        for g in self.new_goals:
            area = LifeArea(g["life_area"]).label
            self.added.addItem(
                self.tr("Goal ({area}): {text}").format(area=area, text=g["description"])
            )
        for a in self.new_actions:
            who = " – ".join(p for p in (a.get("actor", ""), a["person"]) if p)
            self.added.addItem(
                self.tr("Action: {what} · {who} · {due}").format(
                    what=a["what"], who=who or "–", due=a["due"] or "–"
                )
            )

    def values(self) -> dict[str, Any]:
        return {"new_goals": list(self.new_goals), "new_actions": list(self.new_actions)}

    def set_values(self, payload: dict[str, Any]) -> None:
        self.new_goals = list(payload.get("new_goals") or [])
        self.new_actions = list(payload.get("new_actions") or [])
        self._refresh()
