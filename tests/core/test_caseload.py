"""Youths, guardians, closure and the profile, on a real encrypted caseload."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from sigdesk.caseload import (
    GuardianData,
    ProfileData,
    YouthData,
    add_guardian,
    add_youth,
    close_youth,
    get_profile,
    remove_guardian,
    save_profile,
    update_youth,
    youth_detail,
)
from sigdesk.catalogues import ClosureReason, EventKind, Track, WorkerRole, YouthStatus
from sigdesk.changes import ChangeKind
from sigdesk.errors import ValidationError
from sigdesk.eventlog import events_of
from sigdesk.lifecycle import reopen_youth
from sigdesk.models import Youth
from sigdesk.store.db import Caseload
from tests.conftest import TODAY

ELIAS = YouthData(
    "Elias",
    "Lindqvist",
    personnummer="20100315-9819",
    status=YouthStatus.ACTIVE,
    start_date=date(2026, 9, 1),
    school="Västbergaskolan",
)


def _count(caseload: Caseload) -> int:
    with caseload.session_scope() as s:
        return s.scalar(select(func.count(Youth.id))) or 0


def test_add_youth_stores_12_digits_and_logs(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        changes = add_youth(s, replace(ELIAS, personnummer="100315-9819"), today=TODAY)
    assert changes.touches(ChangeKind.YOUTH, ChangeKind.EVENTS)
    assert changes.created_id is not None
    assert changes.youth_ids == {changes.created_id}
    with caseload.session_scope() as s:
        detail = youth_detail(s, changes.created_id)
        events = events_of(s, youth_id=changes.created_id)
    assert detail.personnummer == "201003159819"
    assert detail.data.birth_date == date(2010, 3, 15)
    assert [e.kind for e in events] == [EventKind.CREATED]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"personnummer": "20100315-9818"}, "Personnummer"),
        ({"personnummer": "20100345-9818"}, "Personnummer"),
        ({"first_name": "  "}, "Förnamn"),
        ({"meeting_interval_days": 36}, "Mötesintervall"),
        ({"meeting_interval_days": 6}, "Mötesintervall"),
        ({"start_date": None}, "Startdatum"),
        ({"start_date": date(1899, 1, 1)}, "Startdatum"),
        ({"decision_date": date(2099, 1, 1)}, "Beslutsdatum"),
        ({"birth_date": date(2011, 1, 1)}, "Födelsedatum"),
        ({"status": YouthStatus.CLOSED}, "Status"),
    ],
)
def test_invalid_youth_is_not_saved(caseload: Caseload, change: dict, field: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValidationError) as info, caseload.session_scope() as s:
        add_youth(s, replace(ELIAS, **change), today=TODAY)
    assert info.value.field == field
    assert _count(caseload) == 0


def test_duplicate_personnummer_is_a_field_error(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        add_youth(s, ELIAS, today=TODAY)
    with pytest.raises(ValidationError) as info, caseload.session_scope() as s:
        add_youth(s, replace(ELIAS, first_name="Annan"), today=TODAY)
    assert info.value.field == "Personnummer"
    assert _count(caseload) == 1


def test_age_outside_the_band_warns_but_saves(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        changes = add_youth(
            s, replace(ELIAS, personnummer="", birth_date=date(2016, 1, 1)), today=TODAY
        )
    assert changes.warnings and "SIG unga" in changes.warnings[0]
    with caseload.session_scope() as s:
        changes = add_youth(
            s,
            YouthData("Vuxen", "Ung", birth_date=date(2004, 5, 1), track=Track.YOUNG_ADULTS),
            today=TODAY,
        )
    assert changes.warnings == ()
    assert _count(caseload) == 2


def test_update_logs_the_changed_fields_only(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        youth_id = add_youth(s, ELIAS, today=TODAY).created_id or 0
    with caseload.session_scope() as s:
        detail = youth_detail(s, youth_id)
        update_youth(s, youth_id, replace(detail.data, school="Farstaskolan"), today=TODAY)
        update_youth(s, youth_id, replace(detail.data, school="Farstaskolan"), today=TODAY)
        events = events_of(s, youth_id=youth_id)
    assert [e.summary for e in events if e.kind is EventKind.CHANGED] == ["Ändrat: Skola"]


def test_guardians_and_closure(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        youth_id = add_youth(s, ELIAS, today=TODAY).created_id or 0
        gid = add_guardian(s, youth_id, GuardianData("Maria Lindqvist", "Mamma")).created_id
        add_guardian(s, youth_id, GuardianData("Johan Lindqvist", "Pappa", phone="070-1740605"))
    with pytest.raises(ValidationError), caseload.session_scope() as s:
        add_guardian(s, youth_id, GuardianData("X", email="inte-en-adress"))
    with caseload.session_scope() as s:
        remove_guardian(s, gid or 0)
        close_youth(
            s, youth_id, closed_on=date(2026, 11, 20), reason=ClosureReason.GOALS_MET, today=TODAY
        )
    with caseload.session_scope() as s:
        detail = youth_detail(s, youth_id)
    assert [g.name for g in detail.guardians] == ["Johan Lindqvist"]
    assert detail.data.status is YouthStatus.CLOSED
    assert detail.closure_reason is ClosureReason.GOALS_MET
    with pytest.raises(ValidationError), caseload.session_scope() as s:  # reopen has its own
        update_youth(s, youth_id, replace(detail.data, status=YouthStatus.ACTIVE), today=TODAY)
    with caseload.session_scope() as s:
        reopen_youth(s, youth_id=youth_id, start_on=date(2026, 11, 21), today=TODAY)
    with caseload.session_scope() as s:
        assert youth_detail(s, youth_id).closed_on is None


def test_closure_before_start_is_refused(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        youth_id = add_youth(s, ELIAS, today=TODAY).created_id or 0
    with pytest.raises(ValidationError) as info, caseload.session_scope() as s:
        close_youth(
            s, youth_id, closed_on=date(2026, 8, 1), reason=ClosureReason.OTHER, today=TODAY
        )
    assert info.value.field == "Avslutsdatum"


def test_profile(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        assert get_profile(s) is None
        save_profile(s, ProfileData("Sam Exempelsson", WorkerRole.BOTH, "Farsta sdf"))
        save_profile(s, ProfileData("Sam Exempelsson", WorkerRole.LOTS, "Farsta sdf"))
    with caseload.session_scope() as s:
        assert get_profile(s) == ProfileData("Sam Exempelsson", WorkerRole.LOTS, "Farsta sdf")
