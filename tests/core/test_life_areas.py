"""SPEC §3: Ekonomi is a livsområde of SIG unga vuxna; older goals under it stay editable."""

from __future__ import annotations

from datetime import date

import pytest

from sigdesk.caseload import YouthData, add_youth
from sigdesk.catalogues import LifeArea, Track, YouthStatus, life_areas_for
from sigdesk.errors import ValidationError
from sigdesk.models import Goal
from sigdesk.plans import GoalData, add_goal, plan_of, update_goal
from sigdesk.store.db import Caseload

TODAY = date(2026, 12, 17)


def test_the_offered_areas_follow_the_track() -> None:
    assert LifeArea.ECONOMY not in life_areas_for(Track.YOUTH)
    assert LifeArea.ECONOMY in life_areas_for(Track.YOUNG_ADULTS)
    assert LifeArea.ECONOMY in life_areas_for(Track.YOUTH, keep=LifeArea.ECONOMY)
    assert len(life_areas_for(Track.YOUTH)) == len(LifeArea) - 1


def _youth(s, track: Track) -> int:  # type: ignore[no-untyped-def]
    data = YouthData("Ebba", "Exempel", status=YouthStatus.ACTIVE, track=track, start_date=TODAY)
    created = add_youth(s, data, today=TODAY).created_id
    assert created is not None
    return created


def test_a_sig_unga_youth_gets_no_new_ekonomi_goal(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        young = _youth(s, Track.YOUTH)
        adult = _youth(s, Track.YOUNG_ADULTS)
        add_goal(s, adult, GoalData(LifeArea.ECONOMY, "Egna pengar"))
        school = add_goal(s, young, GoalData(LifeArea.SCHOOL, "Gå i skolan")).created_id
    with pytest.raises(ValidationError) as err, caseload.session_scope() as s:
        add_goal(s, young, GoalData(LifeArea.ECONOMY, "Sommarjobb"))
    assert err.value.field == "Livsområde" and "SIG unga vuxna" in err.value.field_message
    with pytest.raises(ValidationError), caseload.session_scope() as s:
        update_goal(s, school or 0, GoalData(LifeArea.ECONOMY, "Gå i skolan"))
    with caseload.session_scope() as s:
        assert [g.life_area for g in plan_of(s, young)] == [LifeArea.SCHOOL]


def test_an_older_ekonomi_goal_of_a_sig_unga_youth_stays_editable(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        young = _youth(s, Track.YOUTH)
        # written before the rule, as an older caseload holds it
        goal = Goal(
            youth_id=young, life_area=LifeArea.ECONOMY, description="Sommarjobb", position=1
        )
        s.add(goal)
        s.flush()
        goal_id = goal.id
    with caseload.session_scope() as s:
        update_goal(s, goal_id, GoalData(LifeArea.ECONOMY, "Sommarjobb och sparande"))
    with caseload.session_scope() as s:
        (shown,) = plan_of(s, young)
    assert (shown.life_area, shown.description) == (LifeArea.ECONOMY, "Sommarjobb och sparande")
