"""Meetings and the plan's follow-up, on a real encrypted caseload."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from sigdesk.actors import ActorData, add_actor, add_to_network
from sigdesk.caseload import GuardianData, YouthData, add_guardian, add_youth, close_youth
from sigdesk.catalogues import (
    ActorType,
    AttendanceStatus,
    ClosureReason,
    LifeArea,
    MeetingStatus,
    PlanStatus,
    YouthStatus,
)
from sigdesk.errors import ValidationError
from sigdesk.meetings import (
    MeetingData,
    MeetingOutcome,
    cancel_meeting,
    hold_meeting,
    meetings_of,
    participants_of,
    plan_meeting,
    reschedule_meeting,
)
from sigdesk.models import FollowUp
from sigdesk.plans import (
    ActionData,
    GoalData,
    ItemKind,
    ItemRef,
    SubGoalData,
    add_action,
    add_goal,
    add_subgoal,
    followup_history,
    open_items,
    plan_of,
    update_goal,
)
from sigdesk.store.db import Caseload
from tests.conftest import TODAY

MEETING = MeetingData(datetime(2026, 11, 20, 14, 0), 90, "Farstaskolan, rum 12", "Sam", "Sam")


def _youth(s, name: str = "Noah") -> int:  # type: ignore[no-untyped-def]
    data = YouthData(name, "Berg", status=YouthStatus.ACTIVE, start_date=date(2026, 10, 1))
    return add_youth(s, data, today=TODAY).created_id


@pytest.fixture
def youth(caseload: Caseload) -> dict[str, int]:
    with caseload.session_scope() as s:
        ids = {"youth": _youth(s)}
        ids["police"] = add_actor(s, ActorData(ActorType.POLICE, "Polisen Söderort")).created_id
        ids["school"] = add_actor(s, ActorData(ActorType.SCHOOL, "Farstaskolan")).created_id
        for actor in ("police", "school"):
            add_to_network(s, ids["youth"], ids[actor], today=TODAY)
        ids["guardian"] = add_guardian(s, ids["youth"], GuardianData("Lena Berg")).created_id
        ids["goal"] = add_goal(
            s, ids["youth"], GoalData(LifeArea.SCHOOL, "Gå i skolan varje dag", "Klara nian")
        ).created_id
        ids["sub"] = add_subgoal(
            s, ids["goal"], SubGoalData("Närvaro 80 %", date(2026, 12, 20)), today=TODAY
        ).created_id
        ids["action"] = add_action(
            s,
            ids["goal"],
            ActionData("Väckarklocka och skjuts", ids["school"], "Mentor", date(2026, 12, 1)),
            today=TODAY,
        ).created_id
        ids["meeting"] = plan_meeting(
            s, ids["youth"], replace(MEETING, starts_at=datetime(2026, 11, 23, 14)), today=TODAY
        ).created_id
    return ids


def _outcome(s, ids: dict[str, int], status: PlanStatus = PlanStatus.PARTLY) -> MeetingOutcome:  # type: ignore[no-untyped-def]
    attendance = {p.participant: AttendanceStatus.PRESENT for p in participants_of(s, ids["youth"])}
    followups = {item: (status, "Bättre än förra månaden") for item in open_items(s, ids["youth"])}
    return MeetingOutcome(attendance, followups, {3: "Skolan rapporterar ökad närvaro"}, "Fortsätt")


def test_plan_move_cancel(caseload: Caseload, youth: dict[str, int]) -> None:
    with caseload.session_scope() as s:
        reschedule_meeting(
            s, youth["meeting"], replace(MEETING, starts_at=datetime(2026, 11, 25, 9)), today=TODAY
        )
        second = plan_meeting(
            s, youth["youth"], replace(MEETING, starts_at=datetime(2026, 12, 2, 9)), today=TODAY
        ).created_id
        cancel_meeting(s, second, reason="Sjukdom")
        rows = meetings_of(s, youth["youth"])
    assert [(r.starts_at, r.status) for r in rows] == [
        (datetime(2026, 12, 2, 9), MeetingStatus.CANCELLED),
        (datetime(2026, 11, 25, 9), MeetingStatus.PLANNED),
    ]
    with pytest.raises(ValidationError), caseload.session_scope() as s:
        cancel_meeting(s, second)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (replace(MEETING, duration_minutes=0), "Sluttid"),
        (replace(MEETING, duration_minutes=-30), "Sluttid"),
        (replace(MEETING, starts_at=datetime(1990, 1, 1, 9)), "Datum"),
        (replace(MEETING, starts_at=datetime(2031, 1, 1, 9)), "Datum"),
        (replace(MEETING, starts_at=datetime(2026, 11, 1, 9)), "Datum"),  # in the past
    ],
)
def test_bad_meeting_is_not_saved(
    caseload: Caseload, youth: dict[str, int], data: MeetingData, field: str
) -> None:
    with pytest.raises(ValidationError) as info, caseload.session_scope() as s:
        plan_meeting(s, youth["youth"], data, today=TODAY)
    assert info.value.field == field
    with caseload.session_scope() as s:
        assert len(meetings_of(s, youth["youth"])) == 1


def test_no_meeting_for_a_closed_youth(caseload: Caseload, youth: dict[str, int]) -> None:
    with caseload.session_scope() as s:
        close_youth(s, youth["youth"], closed_on=TODAY, reason=ClosureReason.GOALS_MET, today=TODAY)
    with pytest.raises(ValidationError) as info, caseload.session_scope() as s:
        plan_meeting(
            s, youth["youth"], replace(MEETING, starts_at=datetime(2026, 12, 1, 9)), today=TODAY
        )
    assert info.value.field == "Ungdom"


def test_holding_follows_up_every_open_item(caseload: Caseload, youth: dict[str, int]) -> None:
    held_on = date(2026, 11, 23)
    with caseload.session_scope() as s:
        assert len(open_items(s, youth["youth"])) == 3
        hold_meeting(s, youth["meeting"], _outcome(s, youth), today=held_on)
    with caseload.session_scope() as s:
        goal = plan_of(s, youth["youth"])[0]
        history = followup_history(s, youth["goal"])
        assert goal.status is PlanStatus.PARTLY
        assert goal.latest is not None and goal.latest.meeting_date == held_on
        assert goal.actions[0].responsible.startswith("Farstaskolan")
        assert {h.item.kind for h in history} == set(ItemKind)
        assert meetings_of(s, youth["youth"])[0].status is MeetingStatus.HELD
    # a second meeting: an achieved item is no longer open, the history grows
    with caseload.session_scope() as s:
        nxt = plan_meeting(
            s, youth["youth"], replace(MEETING, starts_at=datetime(2026, 11, 24, 9)), today=held_on
        ).created_id
        outcome = _outcome(s, youth, PlanStatus.ACHIEVED)
        hold_meeting(s, nxt, outcome, today=date(2026, 11, 24))
        assert open_items(s, youth["youth"]) == []
        assert len(followup_history(s, youth["goal"])) == 6


@pytest.mark.parametrize("missing", ["attendance", "followup"])
def test_incomplete_meeting_is_refused(
    caseload: Caseload, youth: dict[str, int], missing: str
) -> None:
    with caseload.session_scope() as s:
        outcome = _outcome(s, youth)
    if missing == "attendance":
        outcome = replace(outcome, attendance=dict(list(outcome.attendance.items())[1:]))
        field = "Närvaro"
    else:
        outcome = replace(outcome, followups=dict(list(outcome.followups.items())[1:]))
        field = "Uppföljning"
    with pytest.raises(ValidationError) as info, caseload.session_scope() as s:
        hold_meeting(s, youth["meeting"], outcome, today=date(2026, 11, 23))
    assert info.value.field == field
    with caseload.session_scope() as s:
        assert s.scalar(select(func.count(FollowUp.id))) == 0
        assert meetings_of(s, youth["youth"])[0].status is MeetingStatus.PLANNED


def test_follow_up_for_another_youths_goal_is_refused(
    caseload: Caseload, youth: dict[str, int]
) -> None:
    with caseload.session_scope() as s:
        other = _youth(s, "Annan")
        other_goal = add_goal(s, other, GoalData(LifeArea.LEISURE, "Träna")).created_id
        outcome = _outcome(s, youth)
    followups = dict(outcome.followups)
    followups[ItemRef(ItemKind.GOAL, other_goal)] = (PlanStatus.ONGOING, "")
    with pytest.raises(ValidationError) as info, caseload.session_scope() as s:
        hold_meeting(
            s, youth["meeting"], replace(outcome, followups=followups), today=date(2026, 11, 23)
        )
    assert info.value.field == "Uppföljning"


def test_future_meeting_cannot_be_held(caseload: Caseload, youth: dict[str, int]) -> None:
    with pytest.raises(ValidationError), caseload.session_scope() as s:
        hold_meeting(s, youth["meeting"], _outcome(s, youth), today=TODAY)


def test_goal_edits_keep_history_in_the_log(caseload: Caseload, youth: dict[str, int]) -> None:
    from sigdesk.eventlog import events_of

    with caseload.session_scope() as s:
        update_goal(s, youth["goal"], GoalData(LifeArea.SCHOOL, "Gå i skolan fyra dagar i veckan"))
        summaries = [e.summary for e in events_of(s, youth_id=youth["youth"])]
    assert any("Gå i skolan varje dag → Gå i skolan fyra dagar i veckan" in t for t in summaries)


def test_rename_changes_only_the_words(caseload: Caseload, youth: dict[str, int]) -> None:
    """The plan's in-place edit: the words change, every other field stays, it is logged."""
    from sigdesk.eventlog import events_of
    from sigdesk.plans import rename_item

    with caseload.session_scope() as s:
        before = plan_of(s, youth["youth"])[0]
        action = before.actions[0]
        goal = ItemRef(ItemKind.GOAL, youth["goal"])
        rename_item(s, goal, "Gå i skolan och trivas", today=TODAY)
        rename_item(s, ItemRef(ItemKind.ACTION, action.id), "Ringa hem varje fredag", today=TODAY)
        after = plan_of(s, youth["youth"])[0]
        summaries = [e.summary for e in events_of(s, youth_id=youth["youth"])]
    assert after.description == "Gå i skolan och trivas"
    assert (after.life_area, after.own_words, after.status) == (
        before.life_area,
        before.own_words,
        before.status,
    )
    renamed = after.actions[0]
    assert renamed.what == "Ringa hem varje fredag"
    assert (renamed.responsible_actor_id, renamed.due_date, renamed.subgoal_id) == (
        action.responsible_actor_id,
        action.due_date,
        action.subgoal_id,
    )
    assert any("→ Gå i skolan och trivas" in t for t in summaries)
    with pytest.raises(ValidationError), caseload.session_scope() as s:
        rename_item(s, goal, "  ", today=TODAY)


def test_action_responsible_must_be_in_the_network(
    caseload: Caseload, youth: dict[str, int]
) -> None:
    with caseload.session_scope() as s:
        outsider = add_actor(s, ActorData(ActorType.BUP, "BUP")).created_id
    with pytest.raises(ValidationError) as info, caseload.session_scope() as s:
        add_action(s, youth["goal"], ActionData("Bedömning", outsider), today=TODAY)
    assert info.value.field == "Ansvarig"
