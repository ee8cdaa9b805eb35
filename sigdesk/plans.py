"""The åtgärdsplan: goals per livsområde, sub-goals (delmål) and actions (åtgärder).

Edits keep history: every change is written to the youth's append-only event log
with the old and the new text, and the plan's follow-up history is the sequence of
follow-ups recorded at the meetings (see meetings.hold_meeting).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from sigdesk import validation as check
from sigdesk.actors import organisation_label
from sigdesk.caseload import get_youth_row
from sigdesk.catalogues import (
    OPEN_PLAN_STATUSES,
    EventKind,
    LifeArea,
    PlanStatus,
    life_areas_for,
)
from sigdesk.changes import ChangeKind, Changes, changed
from sigdesk.errors import NotFoundError, ValidationError
from sigdesk.eventlog import ACTION_FIELDS, GOAL_FIELDS, log_event, shown_value
from sigdesk.models import Action, Actor, FollowUp, Goal, Meeting, NetworkMember, SubGoal

TEXT_MAX = 5000


class ItemKind(StrEnum):
    GOAL = "goal"
    SUBGOAL = "subgoal"
    ACTION = "action"

    @property
    def label(self) -> str:
        return {"goal": "Mål", "subgoal": "Delmål", "action": "Åtgärd"}[self.value]


@dataclass(frozen=True, order=True)
class ItemRef:
    """Names one goal, sub-goal or action (what a follow-up is about)."""

    kind: ItemKind
    id: int


@dataclass(frozen=True)
class GoalData:
    life_area: LifeArea
    description: str
    own_words: str = ""
    current_situation: str = ""


@dataclass(frozen=True)
class SubGoalData:
    description: str
    target_date: date | None = None


@dataclass(frozen=True)
class ActionData:
    what: str
    responsible_actor_id: int | None = None
    responsible_person: str = ""
    due_date: date | None = None
    subgoal_id: int | None = None


@dataclass(frozen=True)
class LatestFollowUp:
    status: PlanStatus
    comment: str
    meeting_date: date


@dataclass(frozen=True)
class ActionView:
    id: int
    subgoal_id: int | None
    what: str
    responsible_actor_id: int | None
    responsible: str  # "Polis – Polisen Söderort (Kim Berg)" or the person's name
    due_date: date | None
    status: PlanStatus
    latest: LatestFollowUp | None
    responsible_person: str = ""  # as typed (what the edit dialog shows)


@dataclass(frozen=True)
class SubGoalView:
    id: int
    description: str
    target_date: date | None
    status: PlanStatus
    latest: LatestFollowUp | None


@dataclass(frozen=True)
class GoalView:
    id: int
    life_area: LifeArea
    description: str
    own_words: str
    current_situation: str
    status: PlanStatus
    latest: LatestFollowUp | None
    subgoals: tuple[SubGoalView, ...]
    actions: tuple[ActionView, ...]

    def open_items(self) -> list[ItemRef]:
        """This goal and its sub-goals and actions that are still open, goal first."""
        refs = [ItemRef(ItemKind.GOAL, self.id)] if self.status in OPEN_PLAN_STATUSES else []
        refs += [
            ItemRef(ItemKind.SUBGOAL, s.id) for s in self.subgoals if s.status in OPEN_PLAN_STATUSES
        ]
        refs += [
            ItemRef(ItemKind.ACTION, a.id) for a in self.actions if a.status in OPEN_PLAN_STATUSES
        ]
        return refs


@dataclass(frozen=True)
class FollowUpRow:
    item: ItemRef
    meeting_id: int
    meeting_date: date
    status: PlanStatus
    comment: str


# --- writing ---------------------------------------------------------------------------


def _goal(session: Session, goal_id: int) -> Goal:
    goal = session.get(Goal, goal_id)
    if goal is None:
        raise NotFoundError(f"Mål {goal_id} finns inte.")
    return goal


def _text(field: str, value: str) -> str:
    return check.required_text(field, value, max_length=TEXT_MAX)


def _next_position(session: Session, column: object, parent: object, value: int) -> int:
    rows = session.scalars(select(column).where(parent == value))  # type: ignore[call-overload]
    return max(rows, default=-1) + 1


def _log_plan(session: Session, youth_id: int, summary: str) -> Changes:
    log_event(session, youth_id=youth_id, kind=EventKind.PLAN_CHANGED, summary=summary[:2000])
    return changed(ChangeKind.PLAN, youth_id=youth_id)


def _check_life_area(
    session: Session, youth_id: int, area: LifeArea, *, was: LifeArea | None
) -> None:
    """SPEC §3: Ekonomi only for SIG unga vuxna; a goal's own area may stay as it is."""
    track = get_youth_row(session, youth_id).track
    if area not in life_areas_for(track, keep=was):
        raise ValidationError(
            "Livsområde", f"{area.label} är ett livsområde för SIG unga vuxna, inte {track.label}."
        )


def add_goal(session: Session, youth_id: int, data: GoalData) -> Changes:
    _check_life_area(session, youth_id, data.life_area, was=None)
    goal = Goal(
        youth_id=youth_id,
        life_area=data.life_area,
        description=_text("Mål", data.description),
        own_words=check.optional_text("Med egna ord", data.own_words, max_length=TEXT_MAX),
        current_situation=check.optional_text(
            "Nuläge", data.current_situation, max_length=TEXT_MAX
        ),
        position=_next_position(session, Goal.position, Goal.youth_id, youth_id),
    )
    session.add(goal)
    session.flush()
    changes = _log_plan(session, youth_id, f"Nytt mål ({data.life_area.label}): {goal.description}")
    return Changes(changes.kinds, changes.youth_ids, created_id=goal.id)


def update_goal(session: Session, goal_id: int, data: GoalData) -> Changes:
    goal = _goal(session, goal_id)
    _check_life_area(session, goal.youth_id, data.life_area, was=goal.life_area)
    new = {
        "life_area": data.life_area,
        "description": _text("Mål", data.description),
        "own_words": check.optional_text("Med egna ord", data.own_words, max_length=TEXT_MAX),
        "current_situation": check.optional_text(
            "Nuläge", data.current_situation, max_length=TEXT_MAX
        ),
    }
    diffs = [
        f"{GOAL_FIELDS[k]}: {shown_value(getattr(goal, k))} → {shown_value(v)}"
        for k, v in new.items()
        if getattr(goal, k) != v
    ]
    for key, value in new.items():
        setattr(goal, key, value)
    if not diffs:
        return Changes(frozenset())
    return _log_plan(session, goal.youth_id, "Mål ändrat: " + "; ".join(diffs))


def add_subgoal(session: Session, goal_id: int, data: SubGoalData, *, today: date) -> Changes:
    goal = _goal(session, goal_id)
    sub = SubGoal(
        goal_id=goal_id,
        description=_text("Delmål", data.description),
        target_date=check.case_date("Klart senast", data.target_date, today=today),
        position=_next_position(session, SubGoal.position, SubGoal.goal_id, goal_id),
    )
    session.add(sub)
    session.flush()
    changes = _log_plan(session, goal.youth_id, f"Nytt delmål: {sub.description}")
    return Changes(changes.kinds, changes.youth_ids, created_id=sub.id)


def update_subgoal(session: Session, subgoal_id: int, data: SubGoalData, *, today: date) -> Changes:
    sub = session.get(SubGoal, subgoal_id)
    if sub is None:
        raise NotFoundError(f"Delmål {subgoal_id} finns inte.")
    description = _text("Delmål", data.description)
    target = check.case_date("Klart senast", data.target_date, today=today)
    summary = f"Delmål ändrat: {sub.description} ({sub.target_date}) → {description} ({target})"
    sub.description, sub.target_date = description, target
    return _log_plan(session, _goal(session, sub.goal_id).youth_id, summary)


def _check_action(session: Session, goal: Goal, data: ActionData, today: date) -> dict[str, object]:
    if data.subgoal_id is not None:
        sub = session.get(SubGoal, data.subgoal_id)
        if sub is None or sub.goal_id != goal.id:
            raise ValidationError("Delmål", "Delmålet hör inte till målet.")
    if data.responsible_actor_id is not None:
        in_network = session.scalar(
            select(NetworkMember.id).where(
                NetworkMember.youth_id == goal.youth_id,
                NetworkMember.actor_id == data.responsible_actor_id,
            )
        )
        if in_network is None:
            raise ValidationError("Ansvarig", "Ansvarig aktör måste finnas i ungdomens nätverk.")
    return {
        "what": _text("Åtgärd", data.what),
        "subgoal_id": data.subgoal_id,
        "responsible_actor_id": data.responsible_actor_id,
        "responsible_person": check.optional_text("Ansvarig person", data.responsible_person),
        "due_date": check.case_date("Klart senast", data.due_date, today=today),
    }


def add_action(session: Session, goal_id: int, data: ActionData, *, today: date) -> Changes:
    goal = _goal(session, goal_id)
    values = _check_action(session, goal, data, today)
    action = Action(
        goal_id=goal_id,
        position=_next_position(session, Action.position, Action.goal_id, goal_id),
        **values,
    )
    session.add(action)
    session.flush()
    changes = _log_plan(session, goal.youth_id, f"Ny åtgärd: {action.what}")
    return Changes(changes.kinds, changes.youth_ids, created_id=action.id)


def update_action(session: Session, action_id: int, data: ActionData, *, today: date) -> Changes:
    action = session.get(Action, action_id)
    if action is None:
        raise NotFoundError(f"Åtgärd {action_id} finns inte.")
    goal = _goal(session, action.goal_id)
    values = _check_action(session, goal, data, today)
    diffs = [
        f"{ACTION_FIELDS[k]}: {_shown(session, k, getattr(action, k))} → {_shown(session, k, v)}"
        for k, v in values.items()
        if getattr(action, k) != v
    ]
    for key, value in values.items():
        setattr(action, key, value)
    if not diffs:
        return Changes(frozenset())
    return _log_plan(session, goal.youth_id, "Åtgärd ändrad: " + "; ".join(diffs))


def _shown(session: Session, field: str, value: object) -> str:
    """An action's field value for the log: the actor and the delmål by name, not by id."""
    if field == "responsible_actor_id" and isinstance(value, int):
        actor = session.get(Actor, value)
        return f"{actor.actor_type.label}, {actor.organisation}" if actor else str(value)
    if field == "subgoal_id" and isinstance(value, int):
        sub = session.get(SubGoal, value)
        return sub.description[:80] if sub else str(value)
    return shown_value(value)


def _item_row(session: Session, item: ItemRef) -> Goal | SubGoal | Action:
    row: Goal | SubGoal | Action | None
    if item.kind is ItemKind.GOAL:
        row = session.get(Goal, item.id)
    elif item.kind is ItemKind.SUBGOAL:
        row = session.get(SubGoal, item.id)
    else:
        row = session.get(Action, item.id)
    if row is None:
        raise NotFoundError(f"{item.kind.label} {item.id} finns inte.")
    return row


def item_youth_id(session: Session, item: ItemRef) -> int:
    """The youth a goal, sub-goal or action belongs to (NotFoundError if none)."""
    row = _item_row(session, item)
    goal_id = row.id if isinstance(row, Goal) else row.goal_id
    return _goal(session, goal_id).youth_id


def apply_status(session: Session, item: ItemRef, status: PlanStatus) -> PlanStatus:
    """Set an item's status without logging (the caller logs); returns the old one."""
    row = _item_row(session, item)
    old, row.status = row.status, status
    return old


def set_status(session: Session, item: ItemRef, status: PlanStatus) -> Changes:
    """Set the status of a goal, sub-goal or action outside a meeting (logged)."""
    youth_id = item_youth_id(session, item)
    old = apply_status(session, item, status)
    return _log_plan(session, youth_id, f"{item.kind.label} status: {old.label} → {status.label}")


def rename_item(session: Session, item: ItemRef, text: str, *, today: date) -> Changes:
    """Change only the words of a goal, sub-goal or action (the plan's in-place edit).

    Everything else stays as it is; the same checks and history as the full edit.
    """
    row = _item_row(session, item)
    if isinstance(row, Goal):
        data = GoalData(row.life_area, text, row.own_words, row.current_situation)
        return update_goal(session, row.id, data)
    if isinstance(row, SubGoal):
        return update_subgoal(session, row.id, SubGoalData(text, row.target_date), today=today)
    action = ActionData(
        text, row.responsible_actor_id, row.responsible_person, row.due_date, row.subgoal_id
    )
    return update_action(session, row.id, action, today=today)


# --- reading ---------------------------------------------------------------------------


def _latest_followups(session: Session, youth_id: int) -> dict[ItemRef, LatestFollowUp]:
    """The newest follow-up of every item of the youth's plan."""
    rows = session.execute(
        select(FollowUp, Meeting.starts_at)
        .join(Meeting, Meeting.id == FollowUp.meeting_id)
        .where(Meeting.youth_id == youth_id)
        .order_by(Meeting.starts_at, FollowUp.id)
    )
    latest: dict[ItemRef, LatestFollowUp] = {}
    for fu, starts_at in rows:
        latest[ref_of(fu)] = LatestFollowUp(fu.status, fu.comment, starts_at.date())
    return latest


def ref_of(fu: FollowUp) -> ItemRef:
    """The goal, sub-goal or action a follow-up is about."""
    if fu.goal_id is not None:
        return ItemRef(ItemKind.GOAL, fu.goal_id)
    if fu.subgoal_id is not None:
        return ItemRef(ItemKind.SUBGOAL, fu.subgoal_id)
    assert fu.action_id is not None
    return ItemRef(ItemKind.ACTION, fu.action_id)


def _responsible(action: Action, actors: dict[int, Actor]) -> str:
    actor = actors.get(action.responsible_actor_id or -1)
    parts = [organisation_label(actor.actor_type, actor.organisation)] if actor else []
    if action.responsible_person:
        parts.append(action.responsible_person)
    elif actor and actor.contact_person:
        parts.append(actor.contact_person)
    return " – ".join(parts)


def plan_of(session: Session, youth_id: int) -> list[GoalView]:
    """The youth's whole plan, goals in livsområde order, with latest follow-ups."""
    goals = list(
        session.scalars(select(Goal).where(Goal.youth_id == youth_id).order_by(Goal.position))
    )
    goal_ids = [g.id for g in goals]
    subs: dict[int, list[SubGoal]] = defaultdict(list)
    for sub in session.scalars(
        select(SubGoal).where(SubGoal.goal_id.in_(goal_ids)).order_by(SubGoal.position)
    ):
        subs[sub.goal_id].append(sub)
    acts: dict[int, list[Action]] = defaultdict(list)
    for act in session.scalars(
        select(Action).where(Action.goal_id.in_(goal_ids)).order_by(Action.position)
    ):
        acts[act.goal_id].append(act)
    actor_ids = {a.responsible_actor_id for al in acts.values() for a in al} - {None}
    actors = {a.id: a for a in session.scalars(select(Actor).where(Actor.id.in_(actor_ids)))}
    latest = _latest_followups(session, youth_id)
    order = list(LifeArea)
    goals.sort(key=lambda g: (order.index(g.life_area), g.position))
    return [
        GoalView(
            g.id,
            g.life_area,
            g.description,
            g.own_words,
            g.current_situation,
            g.status,
            latest.get(ItemRef(ItemKind.GOAL, g.id)),
            tuple(
                SubGoalView(
                    s.id,
                    s.description,
                    s.target_date,
                    s.status,
                    latest.get(ItemRef(ItemKind.SUBGOAL, s.id)),
                )
                for s in subs[g.id]
            ),
            tuple(
                ActionView(
                    a.id,
                    a.subgoal_id,
                    a.what,
                    a.responsible_actor_id,
                    _responsible(a, actors),
                    a.due_date,
                    a.status,
                    latest.get(ItemRef(ItemKind.ACTION, a.id)),
                    a.responsible_person,
                )
                for a in acts[g.id]
            ),
        )
        for g in goals
    ]


def open_items(session: Session, youth_id: int) -> list[ItemRef]:
    """Every open goal, sub-goal and action: what each meeting must follow up."""
    return [ref for goal in plan_of(session, youth_id) for ref in goal.open_items()]


def followup_history(session: Session, goal_id: int) -> list[FollowUpRow]:
    """The follow-ups of a goal and of its sub-goals and actions, oldest first."""
    sub_ids = select(SubGoal.id).where(SubGoal.goal_id == goal_id)
    action_ids = select(Action.id).where(Action.goal_id == goal_id)
    rows = session.execute(
        select(FollowUp, Meeting.starts_at)
        .join(Meeting, Meeting.id == FollowUp.meeting_id)
        .where(
            (FollowUp.goal_id == goal_id)
            | FollowUp.subgoal_id.in_(sub_ids)
            | FollowUp.action_id.in_(action_ids)
        )
        .order_by(Meeting.starts_at, FollowUp.id)
    )
    return [
        FollowUpRow(ref_of(fu), fu.meeting_id, starts_at.date(), fu.status, fu.comment)
        for fu, starts_at in rows
    ]
