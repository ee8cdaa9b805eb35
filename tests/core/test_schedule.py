"""Every screen proposes through one function: the Möten tab, meeting mode and the CLI agree."""

from __future__ import annotations

from datetime import date, datetime

from sigdesk.caseload import YouthData, add_youth
from sigdesk.catalogues import AttendanceStatus, YouthStatus
from sigdesk.meeting_drafts import MeetingFinish, finish_meeting, next_meeting_proposal
from sigdesk.meetings import MeetingData, MeetingOutcome, participants_of, plan_meeting
from sigdesk.schedule import propose_after_meeting, propose_for_youth
from sigdesk.store.db import Caseload

MEETING_DAY = date(2026, 12, 17)  # Thu; + 35 days = Thu 2027-01-21 (D); D − 7 = 2027-01-14


def _youth(s, first: str, start: date) -> int:  # type: ignore[no-untyped-def]
    data = YouthData(first, "Exempel", status=YouthStatus.ACTIVE, start_date=start)
    created = add_youth(s, data, today=start).created_id
    assert created is not None
    return created


def _hold(s, youth: int, meeting: int) -> None:  # type: ignore[no-untyped-def]
    present = {p.participant: AttendanceStatus.PRESENT for p in participants_of(s, youth)}
    finish_meeting(s, meeting, MeetingFinish(MeetingOutcome(present, {})), today=MEETING_DAY)


def test_meeting_mode_and_the_meetings_tab_propose_the_same_date(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        youth = _youth(s, "Alva", date(2026, 11, 19))
        at = datetime.combine(MEETING_DAY, datetime.min.time().replace(hour=10))
        meeting = plan_meeting(s, youth, MeetingData(at, 90, "Skolan"), today=date(2026, 12, 1))
        running = next_meeting_proposal(s, meeting.created_id or 0, today=MEETING_DAY)
        prepared = propose_after_meeting(s, meeting.created_id or 0, today=date(2026, 12, 10))
        _hold(s, youth, meeting.created_id or 0)
        held = propose_for_youth(s, youth, today=MEETING_DAY)
    assert running.deadline == date(2027, 1, 21)
    assert running.proposal == held == prepared
    assert held.starts_at == datetime(2027, 1, 14, 10, 0)  # a week of margin, same weekday


def test_an_overdue_youth_is_proposed_the_first_workable_day(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        youth = _youth(s, "Bo", date(2026, 11, 2))  # D = 2026-12-07, passed on 2026-12-23
        proposal = propose_for_youth(s, youth, today=date(2026, 12, 23))
    assert proposal.starts_at == datetime(2026, 12, 28, 9, 0)  # after julafton and the weekend
    assert proposal.after_deadline
    assert proposal.reason.startswith("Tidsgränsen 2026-12-07 har passerat")


def test_another_youths_meeting_and_the_margin_setting_are_respected(caseload: Caseload) -> None:
    with caseload.session_scope() as s:
        first = _youth(s, "Cilla", date(2026, 11, 23))  # Mon; D = Mon 2026-12-28
        other = _youth(s, "Dani", date(2026, 11, 23))
        assert propose_for_youth(s, first, today=date(2026, 11, 23)).starts_at == datetime(
            2026, 12, 21, 9, 0
        )
        clash = MeetingData(datetime(2026, 12, 21, 9, 30), 60, "Skolan")
        plan_meeting(s, other, clash, today=date(2026, 11, 23))
        moved = propose_for_youth(s, first, today=date(2026, 11, 23))
        no_margin = propose_for_youth(s, first, today=date(2026, 11, 23), margin_days=0)
    assert moved.starts_at == datetime(2026, 12, 18, 9, 0)  # Fri before; Mon 12-14 is earlier
    assert no_margin.starts_at is not None
    assert no_margin.starts_at.date() == date(2026, 12, 28)  # the deadline itself
