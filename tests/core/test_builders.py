"""Documents built from a real caseload: every value from the database reaches the file."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from sigdesk import demo
from sigdesk.actors import ActorData, add_actor, add_to_network
from sigdesk.caseload import (
    GuardianData,
    ProfileData,
    YouthData,
    add_guardian,
    add_youth,
    save_profile,
)
from sigdesk.catalogues import (
    ActorType,
    AttendanceStatus,
    ConsentGiver,
    EventKind,
    LifeArea,
    PlanStatus,
    WorkerRole,
    YouthStatus,
)
from sigdesk.consent import record_consent
from sigdesk.documents.builders import ExportRequest, build_context, export, minutes_doc
from sigdesk.documents.render import DocumentKind
from sigdesk.errors import SigdeskError, ValidationError
from sigdesk.eventlog import events_of
from sigdesk.meetings import (
    MeetingData,
    MeetingOutcome,
    hold_meeting,
    participants_of,
    plan_meeting,
)
from sigdesk.plans import ActionData, GoalData, add_action, add_goal, open_items
from sigdesk.store.db import Caseload
from tests.conftest import TODAY
from tests.core.test_render import document_text


@pytest.fixture
def held(caseload: Caseload) -> dict[str, int]:
    """A youth with a network, consent for the police only, a plan and a held meeting."""
    with caseload.session_scope() as s:
        save_profile(
            s,
            ProfileData(
                "Sam Exempelsson", WorkerRole.COORDINATOR, "Farsta sdf", email="sam@exempel.se"
            ),
        )
        youth = add_youth(
            s,
            YouthData(
                "Selma",
                "Ek",
                personnummer="20110204-9804",
                status=YouthStatus.ACTIVE,
                start_date=date(2026, 9, 1),
                overall_goal="Selma går i skolan & mår bra",
            ),
            today=TODAY,
        ).created_id
        add_guardian(s, youth, GuardianData("Karin Ek", "Mamma"))
        police = add_actor(
            s, ActorData(ActorType.POLICE, "Polisen Söderort", "Kim Berg")
        ).created_id
        school = add_actor(s, ActorData(ActorType.SCHOOL, "Farstaskolan", "Ola Lind")).created_id
        for actor in (police, school):
            add_to_network(s, youth, actor, today=TODAY)
        record_consent(
            s,
            youth,
            given_by=ConsentGiver.YOUTH,
            signed_on=date(2026, 9, 1),
            actor_ids=[police],
            today=TODAY,
        )
        goal = add_goal(
            s, youth, GoalData(LifeArea.SCHOOL, "Gå i skolan <varje> dag", "Klara nian")
        ).created_id
        add_action(
            s,
            goal,
            ActionData("Väckning kl. 7", school, "Ola Lind", date(2026, 12, 1)),
            today=TODAY,
        )
        meeting = plan_meeting(
            s,
            youth,
            MeetingData(datetime(2026, 11, 20, 13, 0), 60, "Farstaskolan"),
            today=date(2026, 11, 1),
        ).created_id
        outcome = MeetingOutcome(
            {p.participant: AttendanceStatus.PRESENT for p in participants_of(s, youth)},
            {i: (PlanStatus.ONGOING, "Går bättre") for i in open_items(s, youth)},
            {3: "Närvaron har ökat"},
            "Skolan ordnar läxhjälp",
        )
        hold_meeting(s, meeting, outcome, today=TODAY)
        plan_meeting(
            s, youth, MeetingData(datetime(2026, 12, 18, 13, 0), 60, "Farstaskolan"), today=TODAY
        )
    return {"youth": youth, "meeting": meeting}


def test_minutes_distribution_has_only_consented_actors(
    caseload: Caseload, held: dict[str, int]
) -> None:
    with caseload.session_scope() as s:
        doc = minutes_doc(s, held["meeting"], today=TODAY)
    assert [p.name for p in doc.distribution] == ["Kim Berg"]
    # the school has no consent: left out of the Närvaro table too (SPEC §5)
    assert {a.name for a in doc.attendance} == {"Selma Ek", "Karin Ek", "Kim Berg"}
    assert [n.text for n in doc.notes] == ["Närvaron har ökat"]
    assert doc.decisions == ["Skolan ordnar läxhjälp"]
    assert doc.next_meeting is not None and doc.next_meeting.day == date(2026, 12, 18)
    assert doc.new_actions == []  # added in the plan before the meeting, not agreed there
    # the follow-ups in plan order: the goal before its action
    assert [f.what.split(":")[0] for f in doc.followups] == ["Mål", "Åtgärd"]


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_every_document_from_the_caseload(
    caseload: Caseload, held: dict[str, int], kind: DocumentKind, tmp_path: Path
) -> None:
    folder = tmp_path / "ut"
    folder.mkdir()
    out = folder / f"{kind.value}.docx"
    request = ExportRequest(kind, held["youth"], out, include_personnummer=True)
    with caseload.session_scope() as s:
        path = export(s, request, today=TODAY).path
        logged = [e.kind for e in events_of(s, youth_id=held["youth"])]
    text = document_text(path)
    assert "{{" not in text and "{%" not in text
    assert "Sam Exempelsson" in text and "Farsta sdf" in text
    assert "Selma" in text
    if kind in (DocumentKind.INVITATION, DocumentKind.AGENDA):
        assert "Selma Ek" not in text  # first name only
    if kind is DocumentKind.PLAN:
        assert "20110204-9804" in text and "Selma går i skolan & mår bra" in text
        assert "Gå i skolan <varje> dag" in text
    else:
        assert "9804" not in text
    if kind is DocumentKind.MINUTES:
        assert "Kim Berg" in text and "Närvaron har ökat" in text
    assert EventKind.DOCUMENT_EXPORTED in logged
    assert [p.name for p in folder.iterdir()] == [out.name]


def test_personnummer_left_out_unless_the_setting_allows(
    caseload: Caseload, held: dict[str, int]
) -> None:
    with caseload.session_scope() as s:
        plan = build_context(
            s, ExportRequest(DocumentKind.PLAN, held["youth"], Path("x")), today=TODAY
        )
    assert plan.personnummer is None  # type: ignore[union-attr]


def test_minutes_need_a_held_meeting(caseload: Caseload, tmp_path: Path) -> None:
    tmp_path = tmp_path / "ut"
    tmp_path.mkdir()
    with caseload.session_scope() as s:
        youth = add_youth(s, YouthData("Ny", "Ung"), today=TODAY).created_id
    with pytest.raises(ValidationError), caseload.session_scope() as s:
        export(s, ExportRequest(DocumentKind.MINUTES, youth, tmp_path / "m.docx"), today=TODAY)
    assert list(tmp_path.iterdir()) == []


def test_existing_file_is_kept(caseload: Caseload, held: dict[str, int], tmp_path: Path) -> None:
    out = tmp_path / "plan.docx"
    out.write_bytes(b"mitt eget dokument")
    with pytest.raises(SigdeskError), caseload.session_scope() as s:
        export(s, ExportRequest(DocumentKind.PLAN, held["youth"], out), today=TODAY)
    assert out.read_bytes() == b"mitt eget dokument"


def test_demo_caseload_exports_every_kind(caseload: Caseload, tmp_path: Path) -> None:
    tmp_path = tmp_path / "ut"
    tmp_path.mkdir()
    with caseload.session_scope() as s:
        demo.build(s, youths=8, seed=2, today=TODAY)
    with caseload.session_scope() as s:
        for kind in DocumentKind:
            export(s, ExportRequest(kind, 3, tmp_path / f"{kind.value}.docx"), today=TODAY)
    assert len(list(tmp_path.iterdir())) == len(DocumentKind)
