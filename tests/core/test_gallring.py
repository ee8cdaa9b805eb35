"""Gallring: due youths listed, deleted securely — no byte of theirs in a decrypted copy
(RELIABILITY 24), free pages and the -wal included."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from sigdesk.caseload import GuardianData, YouthData, add_guardian, add_youth
from sigdesk.catalogues import (
    AttendanceStatus,
    ClosureReason,
    DeletionReason,
    LifeArea,
    YouthStatus,
)
from sigdesk.errors import ValidationError
from sigdesk.gallring import due_for_gallring, run_gallring
from sigdesk.lifecycle import close_sig, delete_youths, deletions_pending_cleanup
from sigdesk.meeting_drafts import save_draft
from sigdesk.meetings import (
    MeetingData,
    MeetingOutcome,
    Participant,
    ParticipantKind,
    hold_meeting,
    plan_meeting,
)
from sigdesk.models import YouthDeletion
from sigdesk.overview import TodoKind, todo_list
from sigdesk.plans import GoalData, add_goal
from sigdesk.store.db import Caseload, check_caseload
from tests.conftest import TODAY
from tests.pagescan import decrypted_pages, exported_plaintext, hits

LATER = date(2029, 11, 22)  # three years on


def canaries(n: int) -> list[str]:
    return [f"Kanariefagel{n}xq7", f"Gruvgang{n}zv3", f"Lampolja{n}kw9"]


def add_canary_youth(s, n: int, *, closed_on: date | None) -> int:  # type: ignore[no-untyped-def]
    """A youth whose name, notes, guardian, goal, meeting notes and draft carry canaries."""
    name, note, extra = canaries(n)
    youth = add_youth(
        s,
        YouthData(
            name,
            "Testsson",
            status=YouthStatus.ACTIVE,
            start_date=date(2026, 1, 5),
            notes=f"Anteckning {note} " * 40,  # long enough to spill onto overflow pages
        ),
        today=TODAY,
    ).created_id
    meeting = plan_meeting(
        s, youth, MeetingData(datetime(2026, 2, 2, 10, 0)), today=date(2026, 2, 1)
    ).created_id
    hold_meeting(
        s,
        meeting,
        MeetingOutcome(
            {Participant(ParticipantKind.YOUTH): AttendanceStatus.PRESENT},
            {},
            notes={1: f"Mötesanteckning {extra}"},
        ),
        today=TODAY,
    )
    add_guardian(s, youth, GuardianData(f"{name} Förälder", "Mamma"))
    add_goal(s, youth, GoalData(LifeArea.SCHOOL, f"Mål för {name}", extra))
    if closed_on is None:
        running = plan_meeting(s, youth, MeetingData(datetime(2026, 12, 1, 10, 0)), today=TODAY)
        save_draft(s, running.created_id or 0, {"notes": {"1": f"Utkast {note}"}})
        return youth
    close_sig(
        s,
        youth_id=youth,
        closed_on=closed_on,
        reason=ClosureReason.MOVED,
        comment=f"Avslut {note}",
        today=TODAY,
    )
    return youth


@pytest.fixture
def filled(caseload: Caseload) -> dict[str, list[int]]:
    with caseload.session_scope() as s:
        due = [add_canary_youth(s, n, closed_on=date(2026, 3, 1)) for n in range(3)]
        recent = [add_canary_youth(s, 3, closed_on=date(2026, 11, 1))]
        active = [add_canary_youth(s, 4, closed_on=None)]
    return {"due": due, "recent": recent, "active": active}


def test_due_youths_are_listed_and_offered_in_todo(
    caseload: Caseload, filled: dict[str, list[int]]
) -> None:
    with caseload.session_scope() as s:
        assert due_for_gallring(s, today=TODAY) == []
        due = due_for_gallring(s, today=LATER)
        short = due_for_gallring(s, today=date(2027, 3, 1), older_than_months=12)
        items = [i for i in todo_list(s, today=LATER) if i.kind is TodoKind.GALLRING]
    assert [c.youth_id for c in due] == filled["due"] + filled["recent"]
    assert [c.youth_id for c in short] == filled["due"]
    assert {i.youth_id for i in items} == set(filled["due"] + filled["recent"])
    assert all("kan gallras" in i.text for i in items)


def test_gallring_leaves_no_trace_in_a_decrypted_copy(
    caseload: Caseload, filled: dict[str, list[int]], tmp_path: Path
) -> None:
    gone = [c for n in range(3) for c in canaries(n)]
    kept = canaries(3) + canaries(4)
    before = decrypted_pages(caseload.path, caseload.key)
    assert hits(before, gone) == gone  # the scan sees them while they are there
    steps: list[tuple[int, int, str]] = []
    with caseload.session_scope() as s:
        ids = [c.youth_id for c in due_for_gallring(s, today=LATER, older_than_months=40)]
    assert ids == filled["due"]
    result = run_gallring(caseload, youth_ids=ids, progress=lambda *a: steps.append(a))
    assert result.deleted == 3 and result.cleanup is not None
    assert [n for n, _, _ in steps] == list(range(1, len(steps) + 1))
    assert any("VACUUM" in t for _, _, t in steps)
    pages = decrypted_pages(caseload.path, caseload.key)
    exported = exported_plaintext(caseload.path, caseload.key, tmp_path / "klartext.db")
    assert hits(pages, gone) == []  # RELIABILITY 24: 0 residual hits, free pages included
    assert hits(exported, gone) == []
    assert hits(pages, kept) == kept and hits(exported, kept) == kept
    assert check_caseload(caseload).ok
    with caseload.session_scope() as s:
        rows = list(s.scalars(select(YouthDeletion)))
        assert deletions_pending_cleanup(s) == 0
    assert [r.reason for r in rows] == [DeletionReason.GALLRING] * 3
    assert all(r.cleaned_at is not None for r in rows)


def test_without_the_clean_up_the_deleted_bytes_are_still_there(
    caseload: Caseload, filled: dict[str, list[int]]
) -> None:
    """The control: deleting alone (secure_delete, no VACUUM) leaves old WAL frames."""
    with caseload.session_scope() as s:
        delete_youths(s, youth_ids=filled["due"], reason=DeletionReason.GALLRING)
    with caseload.session_scope() as s:
        assert deletions_pending_cleanup(s) == 3
    assert hits(decrypted_pages(caseload.path, caseload.key), canaries(0))
    # a rerun with nothing due finishes the clean-up
    result = run_gallring(caseload, youth_ids=[])
    assert (result.deleted, result.finished_earlier) == (0, 3)
    assert hits(decrypted_pages(caseload.path, caseload.key), canaries(0)) == []


def test_gallring_with_nothing_due_says_so_and_touches_nothing(caseload: Caseload) -> None:
    data = caseload.path.read_bytes()
    with pytest.raises(ValidationError) as info:
        run_gallring(caseload, youth_ids=[])
    assert info.value.message == "Gallring: Det finns inget att gallra."
    assert caseload.path.read_bytes() == data
