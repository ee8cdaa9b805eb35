"""The statistics fixture of issue 14: a dozen fictional youths built through the services,
for the period 2026-01-01 – 2026-06-30 (the DST change on 2026-03-29 inside it).

Every figure the tests assert is worked out by hand in tests/core/test_stats.py from the
story below; where no service exists yet (reopening, the follow-up after closure done),
the lifecycle services record them (reopening, the follow-up after closure).
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date, datetime

from sqlalchemy.orm import Session

from sigdesk.actors import ActorData, add_actor, add_to_network
from sigdesk.caseload import (
    GuardianData,
    YouthData,
    add_guardian,
    add_youth,
    close_youth,
)
from sigdesk.catalogues import (
    ActorType,
    AttendanceStatus,
    ClosureReason,
    FollowupOutcome,
    Gender,
    LifeArea,
    ParticipantKind,
    PlanStatus,
    Track,
    YouthStatus,
)
from sigdesk.demo import fictional_personnummer
from sigdesk.lifecycle import record_followup, reopen_youth
from sigdesk.meetings import (
    MeetingData,
    MeetingOutcome,
    Participant,
    cancel_meeting,
    hold_meeting,
    participants_of,
    plan_meeting,
)
from sigdesk.plans import GoalData, ItemKind, ItemRef, SubGoalData, add_goal, add_subgoal

F, T = date(2026, 1, 1), date(2026, 6, 30)
TODAY = date(2026, 12, 5)
YOUTH = Participant(ParticipantKind.YOUTH)
PRESENT, ABSENT, EXCUSED = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.ABSENT,
    AttendanceStatus.EXCUSED,
)

#: Every fictional name, organisation and number of the fixture: none may reach a file.
SECRETS: list[str] = []

G, P, A, U = Gender.GIRL, Gender.BOY, Gender.OTHER, Gender.UNKNOWN
YOUNG, ADULT = Track.YOUTH, Track.YOUNG_ADULTS


def _youth(
    s: Session,
    name: str,
    gender: Gender,
    track: Track,
    born: date | None,
    start: date | None,
    *,
    interval: int = 35,
    status: YouthStatus = YouthStatus.ACTIVE,
    personnummer: str = "",
) -> int:
    first, last = name.split()
    SECRETS.extend([first, last, *([personnummer] if personnummer else [])])
    data = YouthData(
        first,
        last,
        personnummer=personnummer,
        birth_date=born,
        gender=gender,
        track=track,
        status=status,
        start_date=start,
        meeting_interval_days=interval,
    )
    created = add_youth(s, data, today=TODAY).created_id
    assert created is not None
    return created


def _held(
    s: Session,
    youth_id: int,
    at: datetime,
    attendance: Mapping[Participant, AttendanceStatus] | None = None,
    followups: Mapping[ItemRef, tuple[PlanStatus, str]] | None = None,
) -> None:
    """A meeting planned and held on its own day (everyone present unless said)."""
    meeting = plan_meeting(s, youth_id, MeetingData(at), today=at.date()).created_id
    assert meeting is not None
    everyone = {p.participant: PRESENT for p in participants_of(s, youth_id)}
    outcome = MeetingOutcome(everyone | dict(attendance or {}), dict(followups or {}))
    hold_meeting(s, meeting, outcome, today=at.date())


def _close(s: Session, youth_id: int, on: date, reason: ClosureReason, **kw: object) -> None:
    close_youth(s, youth_id, closed_on=on, reason=reason, today=TODAY, **kw)  # type: ignore[arg-type]


def _tindra(s: Session, seed: int) -> int:
    """A girl started in the period; a meeting across the DST change and one on its last day."""
    pnr = fictional_personnummer(random.Random(seed), date(2012, 5, 10), girl=True)
    y = _youth(s, "Tindra Ekvall", G, YOUNG, date(2012, 5, 10), date(2026, 2, 2), personnummer=pnr)
    guardian = add_guardian(s, y, GuardianData("Rakel Ekvall", "mamma")).created_id
    police = add_actor(s, ActorData(ActorType.POLICE, "Polisen Västerort", "Iris Tallgren"))
    school = add_actor(s, ActorData(ActorType.SCHOOL, "Grönsångarskolan", "Per Vallin"))
    SECRETS.extend(["Rakel", "Grönsångarskolan", "Tallgren", "Vallin"])
    for actor in (police.created_id, school.created_id):
        assert actor is not None
        add_to_network(s, y, actor, today=TODAY)
    g = Participant(ParticipantKind.GUARDIAN, guardian)
    sc = Participant(ParticipantKind.ACTOR, school.created_id)
    _held(s, y, datetime(2026, 3, 2, 9), {sc: ABSENT})
    _held(s, y, datetime(2026, 3, 30, 10))  # the day after the clocks went forward
    _held(s, y, datetime(2026, 4, 27, 9), {g: EXCUSED})
    _held(s, y, datetime(2026, 6, 30, 15), {sc: ABSENT})
    return y


def _otto(s: Session) -> int:
    """A boy with a plan: delmål A reached in the period, delmål B not."""
    y = _youth(s, "Otto Berglund", P, YOUNG, date(2011, 4, 4), date(2026, 1, 20))
    goal = add_goal(s, y, GoalData(LifeArea.SCHOOL, "Gå i skolan varje dag")).created_id
    assert goal is not None
    a = add_subgoal(s, goal, SubGoalData("Närvaro över 80 %"), today=TODAY).created_id
    b = add_subgoal(s, goal, SubGoalData("Godkänt i matematik"), today=TODAY).created_id
    refs = [ItemRef(ItemKind.GOAL, goal), ItemRef(ItemKind.SUBGOAL, a or 0)]
    sub_b = ItemRef(ItemKind.SUBGOAL, b or 0)
    first = {refs[0]: (PlanStatus.ONGOING, ""), refs[1]: (PlanStatus.ONGOING, "")}
    _held(s, y, datetime(2026, 2, 16, 13), followups=first | {sub_b: (PlanStatus.PARTLY, "")})
    second = {refs[0]: (PlanStatus.ONGOING, ""), refs[1]: (PlanStatus.ACHIEVED, "")}
    _held(
        s, y, datetime(2026, 3, 16, 13), followups=second | {sub_b: (PlanStatus.NOT_ACHIEVED, "")}
    )
    return y


def build(s: Session, *, seed: int = 14) -> dict[str, int]:
    """The caseload of the issue's Tests section; returns the youths' ids by first name.
    (A second build into the same caseload needs another `seed`: Tindra's personnummer.)"""
    ids = {"Tindra": _tindra(s, seed), "Otto": _otto(s)}

    y = ids["Vilgot"] = _youth(
        s, "Vilgot Strandberg", P, YOUNG, date(2009, 8, 20), date(2025, 10, 1)
    )
    _held(s, y, datetime(2025, 12, 15, 10))
    _held(s, y, datetime(2026, 1, 12, 10), {YOUTH: ABSENT})
    _held(s, y, datetime(2026, 2, 9, 10))
    _close(s, y, date(2026, 8, 15), ClosureReason.GOALS_MET)  # after T

    y = ids["Alva"] = _youth(s, "Alva Lindqvist", G, ADULT, date(2006, 3, 1), date(2026, 1, 15))
    _held(s, y, datetime(2026, 2, 10, 14))
    _close(s, y, date(2026, 5, 20), ClosureReason.PLACED)

    y = ids["Melker"] = _youth(s, "Melker Åhlund", P, ADULT, date(2004, 11, 11), date(2025, 3, 1))
    _close(s, y, date(2025, 12, 20), ClosureReason.MOVED, followup_on=date(2026, 6, 20))
    outcome = FollowupOutcome.NO_NEW_SUSPICION
    record_followup(s, youth_id=y, done_on=date(2026, 6, 25), outcome=outcome, today=TODAY)

    y = ids["Saga"] = _youth(s, "Saga Björklund", U, YOUNG, None, date(2026, 3, 10), interval=21)
    _held(s, y, datetime(2026, 3, 31, 9))
    _held(s, y, datetime(2026, 4, 28, 9))

    ids["Elton"] = _youth(
        s, "Elton Fagerlund", P, YOUNG, date(2013, 1, 5), None, status=YouthStatus.PROPOSED
    )

    y = ids["Wilma"] = _youth(s, "Wilma Norrgård", A, YOUNG, date(2011, 6, 30), date(2025, 6, 1))
    _held(s, y, datetime(2025, 11, 10, 9))
    _close(s, y, date(2025, 11, 30), ClosureReason.OTHER)  # follow-up due 2026-05-30
    reopen_youth(s, youth_id=y, start_on=date(2026, 4, 1), today=TODAY)
    _held(s, y, datetime(2026, 4, 20, 9))
    _held(s, y, datetime(2026, 5, 18, 9))

    ids["Ture"] = _youth(s, "Ture Hallberg", P, YOUNG, date(2010, 2, 2), date(2026, 6, 30))
    ids["Nora"] = _youth(s, "Nora Sjödin", G, YOUNG, date(2010, 9, 9), date(2026, 7, 1))

    y = ids["Idun"] = _youth(s, "Idun Karlsson", G, YOUNG, date(2008, 1, 1), date(2025, 9, 1))
    _held(s, y, datetime(2025, 12, 20, 9))
    _close(s, y, date(2026, 1, 1), ClosureReason.CONSENT_WITHDRAWN)

    y = ids["Liv"] = _youth(s, "Liv Åström", G, YOUNG, date(2014, 8, 1), date(2026, 5, 5))
    cancelled = plan_meeting(s, y, MeetingData(datetime(2026, 6, 1, 9)), today=date(2026, 5, 6))
    cancel_meeting(s, cancelled.created_id or 0, reason="Sjukdom")

    ids["Kim"] = _youth(s, "Kim Falk", P, ADULT, date(2003, 1, 1), date(2026, 4, 10))
    s.flush()
    return ids
