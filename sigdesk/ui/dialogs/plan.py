"""The åtgärdsplan's items: goals (per livsområde), sub-goals and actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from sigdesk.ui.dialogs.base import FormDialog, WriteFn
from sigdesk.ui.forms import DateField, EnumCombo

if TYPE_CHECKING:
    from sigdesk.actors import ActorRow
    from sigdesk.catalogues import Track
    from sigdesk.plans import ActionView, GoalView, SubGoalView
    from sigdesk.ui.ops import Ops


def _text_box(height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setFixedHeight(height)
    box.setTabChangesFocus(True)
    return box


class GoalDialog(FormDialog):
    def __init__(
        self,
        ops: Ops,
        youth_id: int,
        *,
        goal: GoalView | None = None,
        track: Track | None = None,
        parent: QWidget | None = None,
    ) -> None:
        from sigdesk.catalogues import LifeArea, life_areas_for

        super().__init__(ops, "", parent)
        self.setWindowTitle(self.tr("New goal") if goal is None else self.tr("Edit goal"))
        self.youth_id, self.goal = youth_id, goal
        keep = goal.life_area if goal is not None else None
        # Ekonomi only for SIG unga vuxna (SPEC §3); a goal's own area stays on offer.
        areas = list(LifeArea) if track is None else life_areas_for(track, keep=keep)
        self.life_area = EnumCombo(areas)
        self.add_row(self.tr("Life area"), self.life_area, fields=["Livsområde"])
        self.description, self.own_words, self.situation = _text_box(), _text_box(), _text_box()
        self.own_words.setPlaceholderText(self.tr("What the youth says, in their own words"))
        self.add_row(self.tr("Goal *"), self.description, fields=["Mål"])
        self.add_row(self.tr("In own words"), self.own_words, fields=["Med egna ord"])
        self.add_row(self.tr("Current situation"), self.situation, fields=["Nuläge"])
        if goal is not None:
            self.life_area.set_value(goal.life_area)
            self.description.setPlainText(goal.description)
            self.own_words.setPlainText(goal.own_words)
            self.situation.setPlainText(goal.current_situation)
            self.dirty = False

    def build_write(self) -> WriteFn:
        from sigdesk.plans import GoalData, add_goal, update_goal

        data = GoalData(
            self.life_area.value(),
            self.description.toPlainText(),
            self.own_words.toPlainText(),
            self.situation.toPlainText(),
        )
        if self.goal is None:
            youth_id = self.youth_id
            return lambda s: add_goal(s, youth_id, data)
        goal_id = self.goal.id
        return lambda s: update_goal(s, goal_id, data)


class SubGoalDialog(FormDialog):
    def __init__(
        self,
        ops: Ops,
        goal_id: int,
        *,
        subgoal: SubGoalView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, "", parent)
        self.setWindowTitle(
            self.tr("New sub-goal") if subgoal is None else self.tr("Edit sub-goal")
        )
        self.goal_id, self.subgoal = goal_id, subgoal
        self.description = _text_box()
        self.target = DateField()
        self.add_row(self.tr("Sub-goal *"), self.description, fields=["Delmål"])
        self.add_row(self.tr("Done by"), self.target, fields=["Klart senast"])
        if subgoal is not None:
            self.description.setPlainText(subgoal.description)
            self.target.set_value(subgoal.target_date)
            self.dirty = False

    def build_write(self) -> WriteFn:
        from sigdesk.plans import SubGoalData, add_subgoal, update_subgoal

        data = SubGoalData(self.description.toPlainText(), self.target.value_or_none())
        today = self.ops.ctx.clock.today()
        if self.subgoal is None:
            goal_id = self.goal_id
            return lambda s: add_subgoal(s, goal_id, data, today=today)
        subgoal_id = self.subgoal.id
        return lambda s: update_subgoal(s, subgoal_id, data, today=today)


class ActionDialog(FormDialog):
    """An action under a goal (optionally a sub-goal), with a responsible network actor."""

    def __init__(
        self,
        ops: Ops,
        goal: GoalView,
        *,
        network: list[ActorRow],
        action: ActionView | None = None,
        subgoal_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`subgoal_id`: the delmål a new action starts under (the one selected in the plan)."""
        super().__init__(ops, "", parent)
        self.setWindowTitle(self.tr("New action") if action is None else self.tr("Edit action"))
        self.goal, self.action = goal, action
        self.what = _text_box()
        self.subgoal = QComboBox()
        self.subgoal.addItem(self.tr("— (the goal itself)"), None)
        for sub in goal.subgoals:
            self.subgoal.addItem(sub.description[:80], sub.id)
        self.actor = QComboBox()
        self.actor.addItem("—", None)
        for a in network:
            self.actor.addItem(a.label, a.id)
        self.person = QLineEdit()
        self.due = DateField()
        self.add_row(self.tr("Action *"), self.what, fields=["Åtgärd"])
        self.add_row(self.tr("Sub-goal"), self.subgoal, fields=["Delmål"])
        self.add_row(self.tr("Responsible actor"), self.actor, fields=["Ansvarig"])
        self.add_row(self.tr("Responsible person"), self.person, fields=["Ansvarig person"])
        self.add_row(self.tr("Done by"), self.due, fields=["Klart senast"])
        if action is not None:
            self.what.setPlainText(action.what)
            subgoal_id = action.subgoal_id
            self.actor.setCurrentIndex(max(0, self.actor.findData(action.responsible_actor_id)))
            self.person.setText(action.responsible_person)
            self.due.set_value(action.due_date)
        if subgoal_id is not None:
            self.subgoal.setCurrentIndex(max(0, self.subgoal.findData(subgoal_id)))
        self.dirty = False

    def build_write(self) -> WriteFn:
        from sigdesk.plans import ActionData, add_action, update_action

        data = ActionData(
            what=self.what.toPlainText(),
            responsible_actor_id=self.actor.currentData(),
            responsible_person=self.person.text(),
            due_date=self.due.value_or_none(),
            subgoal_id=self.subgoal.currentData(),
        )
        today = self.ops.ctx.clock.today()
        if self.action is None:
            goal_id = self.goal.id
            return lambda s: add_action(s, goal_id, data, today=today)
        action_id = self.action.id
        return lambda s: update_action(s, action_id, data, today=today)
