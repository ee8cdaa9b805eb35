"""A running meeting's draft: kept inside the encrypted file, dropped when the meeting is held."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from sigdesk.actors import ActorData, add_actor, add_to_network
from sigdesk.caseload import GuardianData, YouthData, add_guardian, add_youth
from sigdesk.catalogues import (
    ActorType,
    AttendanceStatus,
    LifeArea,
    MeetingStatus,
    PlanStatus,
    YouthStatus,
)
from sigdesk.errors import ValidationError
from sigdesk.meeting_drafts import (
    MeetingFinish,
    NewAction,
    NewGoal,
    discard_draft,
    drafts_for_youth,
    finish_meeting,
    load_draft,
    next_meeting_proposal,
    save_draft,
)
from sigdesk.meetings import (
    MeetingData,
    MeetingOutcome,
    get_meeting,
    participants_of,
    plan_meeting,
    planned_meetings,
)
from sigdesk.models import MeetingDraft
from sigdesk.plans import ActionData, GoalData, add_goal, open_items, plan_of
from sigdesk.store.db import Caseload
from tests.conftest import TODAY

CANARY = "Kanariefågel-7f3a9 sjunger i gruvan"


@pytest.fixture
def running(caseload: Caseload) -> dict[str, int]:
    with caseload.session_scope() as s:
        youth = add_youth(
            s,
            YouthData("Elias", "Exempel", status=YouthStatus.ACTIVE, start_date=date(2026, 10, 1)),
            today=TODAY,
        ).created_id
        add_guardian(s, youth, GuardianData("Lena Exempel", "Mamma"))
        police = add_actor(s, ActorData(ActorType.POLICE, "Polisen Söderort", "Kim")).created_id
        add_to_network(s, youth, police, today=TODAY)
        goal = add_goal(s, youth, GoalData(LifeArea.SCHOOL, "Gå i skolan")).created_id
        meeting = plan_meeting(
            s,
            youth,
            MeetingData(datetime(2026, 11, 20, 14, 0), 90, "Skolan"),
            today=date(2026, 11, 1),
        ).created_id
    return {"youth": youth, "meeting": meeting, "police": police, "goal": goal}


def test_round_trip_and_listing(caseload: Caseload, running: dict[str, int]) -> None:
    payload = {"notes": {"3": "Bra vecka åäö"}, "decisions": "Läxhjälp", "n": [1, 2]}
    with caseload.session_scope() as s:
        assert load_draft(s, running["meeting"]) is None
        first = save_draft(s, running["meeting"], payload)
    assert first.youth_ids == {running["youth"]}  # the first save shows "unfinished meeting"
    with caseload.session_scope() as s:
        assert load_draft(s, running["meeting"]) == payload
        again = save_draft(s, running["meeting"], {**payload, "decisions": "Ändrat"})
    assert not again.kinds  # later saves refresh nothing
    with caseload.session_scope() as s:
        assert load_draft(s, running["meeting"])["decisions"] == "Ändrat"  # type: ignore[index]
        assert s.scalar(select(func.count()).select_from(MeetingDraft)) == 1
        [info] = drafts_for_youth(s, running["youth"])
        assert info.meeting_id == running["meeting"]
        discard_draft(s, running["meeting"])
    with caseload.session_scope() as s:
        assert load_draft(s, running["meeting"]) is None
        assert drafts_for_youth(s, running["youth"]) == []


def _finish(s, running: dict[str, int], next_day: date) -> MeetingFinish:  # type: ignore[no-untyped-def]
    attendance = {
        p.participant: AttendanceStatus.PRESENT for p in participants_of(s, running["youth"])
    }
    followups = {i: (PlanStatus.ONGOING, "Bättre") for i in open_items(s, running["youth"])}
    return MeetingFinish(
        MeetingOutcome(attendance, followups, {3: "Bra"}, "Beslut"),
        new_goals=(NewGoal("n1", GoalData(LifeArea.LEISURE, "Börja med fotboll")),),
        new_actions=(
            NewAction(
                ActionData("Kolla klubbar", running["police"], "", date(2026, 12, 10)),
                new_goal_key="n1",
            ),
            NewAction(ActionData("Läxhjälp", None, "Mamma"), goal_id=running["goal"]),
        ),
        next_meeting=MeetingData(
            datetime.combine(next_day, datetime.min.time().replace(hour=14)), 90, "Skolan"
        ),
    )


def test_finishing_holds_plans_adds_and_discards_the_draft(
    caseload: Caseload, running: dict[str, int]
) -> None:
    with caseload.session_scope() as s:
        save_draft(s, running["meeting"], {"x": 1})
    with caseload.session_scope() as s:
        changes = finish_meeting(
            s, running["meeting"], _finish(s, running, date(2026, 12, 18)), today=TODAY
        )
    with caseload.session_scope() as s:
        assert get_meeting(s, running["meeting"]).status is MeetingStatus.HELD
        assert load_draft(s, running["meeting"]) is None
        [planned] = planned_meetings(s, youth_id=running["youth"])
        assert planned.id == changes.created_id and planned.starts_at.date() == date(2026, 12, 18)
        plan = plan_of(s, running["youth"])
        assert {g.description for g in plan} == {"Gå i skolan", "Börja med fotboll"}
        assert sorted(a.what for g in plan for a in g.actions) == ["Kolla klubbar", "Läxhjälp"]
        assert all(a.latest is not None for g in plan for a in g.actions)


def test_a_refused_finish_changes_nothing(caseload: Caseload, running: dict[str, int]) -> None:
    with caseload.session_scope() as s:
        save_draft(s, running["meeting"], {"x": 1})
    with pytest.raises(ValidationError) as err, caseload.session_scope() as s:
        finish_meeting(s, running["meeting"], _finish(s, running, date(2026, 11, 2)), today=TODAY)
    assert err.value.field == "Datum"
    with caseload.session_scope() as s:
        assert get_meeting(s, running["meeting"]).status is MeetingStatus.PLANNED
        assert load_draft(s, running["meeting"]) == {"x": 1}
        assert len(plan_of(s, running["youth"])) == 1


def test_the_next_date_is_proposed_from_this_meeting(
    caseload: Caseload, running: dict[str, int]
) -> None:
    with caseload.session_scope() as s:
        nxt = next_meeting_proposal(s, running["meeting"], today=TODAY)
    assert nxt.deadline == date(2026, 12, 25)
    assert nxt.proposal.starts_at is not None
    assert date(2026, 12, 11) <= nxt.proposal.starts_at.date() <= date(2026, 12, 25)
    assert nxt.already_planned is None


def test_drafts_stay_inside_the_encrypted_file(
    caseload: Caseload, running: dict[str, int], caseload_path
) -> None:  # type: ignore[no-untyped-def]
    with caseload.session_scope() as s:
        save_draft(s, running["meeting"], {"notes": {"1": CANARY}})
    caseload.close()
    folder = caseload_path.parent
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert CANARY.encode() not in data, path.name
            assert CANARY.encode("utf-16-le") not in data, path.name
