"""A fictional caseload for demos, screenshots and benchmarks.

Every person is invented: names are drawn from common Swedish first and last names
at random, personnummer use the födelsenummer 980–999 that Skatteverket's test
personnummer use, and phone numbers are in the 070-1740 6xx range that PTS keeps for
fiction. Dates are relative to `today`, so the same seed gives the same mix of
deadline situations (overdue, due soon, planned in time, planned too late) any day.

Rows are written with bulk inserts (one statement per table) so a district-sized
caseload of 2,000 youths is made in seconds; the services' checks are covered by
their own tests and the demo's values are valid by construction.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from sigdesk.catalogues import (
    ActorType,
    AttendanceStatus,
    ClosureReason,
    ConsentGiver,
    DecisionKind,
    EventKind,
    Gender,
    LifeArea,
    MeetingStatus,
    ParticipantKind,
    PlanStatus,
    Track,
    WorkerRole,
    YouthStatus,
)
from sigdesk.idnumber import luhn_digit
from sigdesk.meetings import AGENDA
from sigdesk.models import (
    Action,
    Actor,
    Attendance,
    Closure,
    Consent,
    Event,
    FollowUp,
    Goal,
    Guardian,
    Meeting,
    MeetingNote,
    NetworkMember,
    SubGoal,
    WorkerProfile,
    Youth,
    consent_actor,
)

GIRLS = [
    "Alva",
    "Elsa",
    "Maja",
    "Ella",
    "Wilma",
    "Ebba",
    "Saga",
    "Nora",
    "Ines",
    "Selma",
    "Amira",
    "Leah",
    "Juni",
    "Hanna",
    "Tilda",
    "Meja",
]
BOYS = [
    "Elias",
    "Liam",
    "Hugo",
    "Noah",
    "Lucas",
    "Oscar",
    "William",
    "Adam",
    "Ali",
    "Leo",
    "Vincent",
    "Malik",
    "Theo",
    "Isak",
    "Omar",
    "Viggo",
]
ADULTS = [
    "Anna",
    "Maria",
    "Karin",
    "Sara",
    "Fatima",
    "Lena",
    "Johan",
    "Mikael",
    "Ahmed",
    "Peter",
    "Daniel",
    "Nadia",
    "Eva",
    "Jonas",
]
MOTHERS = ["Anna", "Maria", "Karin", "Sara", "Fatima", "Lena", "Nadia", "Eva"]
FATHERS = ["Johan", "Mikael", "Ahmed", "Peter", "Daniel", "Jonas"]


def _parent_name(rng: random.Random, relation: str) -> str:
    """A first name that fits Mamma or Pappa (one draw, as `rng.choice(ADULTS)` took)."""
    names = MOTHERS if relation == "Mamma" else FATHERS
    return names[rng.randrange(len(ADULTS)) % len(names)]


LAST = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Lindberg",
    "Lindqvist",
    "Berg",
    "Holm",
    "Ahmadi",
    "Mohammed",
    "Hassan",
    "Yilmaz",
    "Nyström",
    "Ek",
]
STADSDELAR = ["Farsta", "Skärholmen", "Rinkeby-Kista", "Enskede-Årsta-Vantör", "Hägersten-Älvsjö"]
SCHOOLS = ["Västbergaskolan", "Farstaskolan", "Rinkebyskolan", "Sjöängsskolan", "Årstaskolan"]
GOAL_TEXTS = {
    LifeArea.CRIME: ("Inte begå nya brott", "Jag vill inte åka fast igen"),
    LifeArea.SCHOOL: ("Gå i skolan varje dag", "Jag vill klara matte och svenska"),
    LifeArea.LEISURE: ("Ha en meningsfull fritid", "Jag vill börja träna igen"),
    LifeArea.FAMILY: ("Bättre stämning hemma", "Mindre bråk med mamma"),
    LifeArea.FRIENDS: ("Umgås med kompisar som är bra för mig", "Hitta nya vänner"),
    LifeArea.HEALTH: ("Sova bättre och må bättre", "Jag vill orka mer"),
    LifeArea.DRUGS: ("Sluta använda cannabis", "Jag vill vara drogfri"),
    LifeArea.HOUSING: ("Ha ett stabilt boende", "Bo kvar hemma"),
    LifeArea.ECONOMY: ("Få ordning på ekonomin", "Ha egna pengar"),
}
ACTION_TEXTS = (
    "Ringa varje måndag och stämma av",
    "Boka möte med elevhälsan",
    "Följa med till första träningen",
    "Samtal om droger och risker",
    "Ta fram schema för skolgång",
    "Hembesök varannan vecka",
    "Kontakt med fritidsgården",
)
FICTION_PHONE = "070-1740 6{:02d}"
GOAL_FOLLOWUPS = (PlanStatus.ONGOING, PlanStatus.PARTLY)
ACTION_FOLLOWUPS = (PlanStatus.ONGOING, PlanStatus.ONGOING, PlanStatus.PARTLY, PlanStatus.ACHIEVED)
SUBGOAL_STEPS = ("Första steget: {} två veckor i rad", "{} en hel månad", "{} hela terminen")
OVERALL_GOALS = (
    "{} ska ha en fungerande skolgång och en trygg fritid utan kriminalitet.",
    "{} ska bo kvar hemma, gå i skolan och hitta vänner som är bra för hen.",
    "{} ska få stöd att bryta med kriminella kamrater och må bättre.",
)
NOTES = {
    1: "Alla hälsades välkomna. Syftet med mötet gicks igenom.",
    3: "Skolan berättar om bättre närvaro. Familjen upplever att det är lugnare hemma.",
    6: "Inget övrigt.",
}
DECISIONS = "Skolan bjuder in till elevhälsomöte.\nNästa möte bokas inom fem veckor."


def fictional_personnummer(rng: random.Random, born: date, *, girl: bool) -> str:
    """12 digits with a födelsenummer in 980–999 (Skatteverket's test range)."""
    serial = rng.randint(980, 999)
    if (serial % 2 == 0) != girl:  # the third digit is even for women
        serial = serial + 1 if serial < 999 else serial - 1
    nine = f"{born:%y%m%d}{serial:03d}"
    return f"{born:%Y%m%d}{serial:03d}{luhn_digit(nine)}"


@dataclass
class _Rows:
    """Rows per table with ids handed out in order, so inserts need no round trips."""

    tables: dict[Any, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    next_ids: dict[Any, int] = field(default_factory=lambda: defaultdict(lambda: 1))
    personnummer: set[str] = field(default_factory=set)

    def unique_personnummer(self, rng: random.Random, born: date, *, girl: bool) -> str:
        while True:
            number = fictional_personnummer(rng, born, girl=girl)
            if number not in self.personnummer:
                self.personnummer.add(number)
                return number
            born += timedelta(days=1)

    def add(self, table: Any, **values: Any) -> int:
        if "id" not in values and table is not consent_actor:
            values["id"] = self.next_ids[table]
            self.next_ids[table] += 1
        self.tables[table].append(values)
        return int(values.get("id", 0))

    def set_status(self, table: Any, row_id: int, status: PlanStatus) -> PlanStatus:
        """A follow-up's status becomes its item's status, as hold_meeting does."""
        self.tables[table][row_id - 1]["status"] = status
        return status


def _address_book(rows: _Rows, rng: random.Random) -> dict[ActorType, list[int]]:
    book: dict[ActorType, list[int]] = defaultdict(list)
    entries = [
        (ActorType.POLICE, "Polisen Söderort", 3),
        (ActorType.POLICE, "Polisen Västerort", 2),
        (ActorType.SOCIAL_SERVICES, "Socialtjänsten, barn och unga", 2),
        (ActorType.FIELD_WORKERS, "Fältassistenterna", 2),
        (ActorType.MARIA_UNGDOM, "Maria Ungdom", 1),
        (ActorType.BUP, "BUP Söder", 1),
        (ActorType.FAMILY_TREATMENT, "Familjebehandlarna", 1),
        (ActorType.LABOUR_MARKET, "Jobbtorg Stockholm", 1),
    ] + [(ActorType.SCHOOL, school, 1) for school in SCHOOLS]
    for actor_type, org, count in entries:
        for _ in range(count):
            n = rows.next_ids[Actor]
            book[actor_type].append(
                rows.add(
                    Actor,
                    actor_type=actor_type,
                    organisation=org,
                    contact_person=f"{rng.choice(ADULTS)} {rng.choice(LAST)}",
                    phone=FICTION_PHONE.format(n % 100),
                    email=f"kontakt{n}@exempel.se",
                    active=True,
                )
            )
    return book


def _situation(rng: random.Random, index: int) -> str:
    """Which deadline situation youth number `index` is in (a fixed, varied mix)."""
    situations = ["forsenat", "snart", "i_tid", "planerat_for_sent", "ok", "avslutad", "forslag"]
    if index < len(situations):  # every situation even in a tiny caseload
        return situations[index]
    return rng.choices(situations, weights=[12, 12, 45, 6, 10, 10, 5])[0]


def build(session: Session, *, youths: int, seed: int, today: date) -> None:
    """Write a fictional caseload of `youths` youths into an empty, migrated database."""
    rng = random.Random(seed)
    rows = _Rows()
    rows.add(
        WorkerProfile,
        id=1,
        name="Sam Exempelsson",
        role=WorkerRole.BOTH,
        forvaltning="Exempelstadens stadsdelsförvaltning",
        phone=FICTION_PHONE.format(99),
        email="sam.exempelsson@exempel.se",
    )
    book = _address_book(rows, rng)
    for index in range(youths):
        _youth(rows, rng, book, index=index, today=today)
    for table, values in rows.tables.items():
        core_table = getattr(table, "__table__", table)
        for chunk in _chunks(values, 5000):
            session.execute(insert(core_table), chunk)


def _chunks(values: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _youth(
    rows: _Rows, rng: random.Random, book: dict[ActorType, list[int]], *, index: int, today: date
) -> None:
    situation = _situation(rng, index)
    girl = rng.random() < 0.4
    track = Track.YOUNG_ADULTS if rng.random() < 0.12 else Track.YOUTH
    age = rng.randint(18, 23) if track is Track.YOUNG_ADULTS else rng.randint(13, 17)
    pnr = rows.unique_personnummer(
        rng, today - timedelta(days=age * 365 + rng.randint(0, 364)), girl=girl
    )
    born = date(int(pnr[:4]), int(pnr[4:6]), int(pnr[6:8]))
    interval = 35 if rng.random() < 0.85 else rng.choice([21, 28])
    months = rng.randint(4, 44)
    start = today - timedelta(days=months * 30)
    status = {"avslutad": YouthStatus.CLOSED, "forslag": YouthStatus.PROPOSED}.get(
        situation, YouthStatus.ACTIVE
    )
    first = rng.choice(GIRLS if girl else BOYS)
    last = rng.choice(LAST)
    youth_id = rows.add(
        Youth,
        first_name=first,
        last_name=last,
        personnummer=pnr,
        birth_date=born,
        gender=Gender.GIRL if girl else Gender.BOY,
        track=track,
        school=rng.choice(SCHOOLS) if track is Track.YOUTH else "",
        stadsdel=rng.choice(STADSDELAR),
        status=status,
        proposed_by=rng.choice(["Polis", "Socialtjänst", "Skola"]),
        assessment_date=start - timedelta(days=20),
        decision_date=start - timedelta(days=7),
        decision_kind=rng.choice(list(DecisionKind)),
        court_statement=rng.random() < 0.2,
        start_date=start if status is not YouthStatus.PROPOSED else None,
        meeting_interval_days=interval,
        overall_goal=rng.choice(OVERALL_GOALS).format(first),
        notes="",
        created_at=_utc(start - timedelta(days=25)),
        updated_at=_utc(start),
    )
    rows.add(
        Event,
        youth_id=youth_id,
        at=_utc(start - timedelta(days=25)),
        kind=EventKind.CREATED,
        summary="Ungdom registrerad",
    )
    guardians = [
        rows.add(
            Guardian,
            youth_id=youth_id,
            name=f"{_parent_name(rng, relation)} {last}",
            relation=relation,
            phone=FICTION_PHONE.format(rng.randint(0, 98)),
            email="",
            has_custody=True,
        )
        for relation in (["Mamma", "Pappa"] if rng.random() < 0.6 else ["Mamma"])
    ]
    if status is YouthStatus.PROPOSED:
        return
    network = _network(rows, rng, book, youth_id=youth_id, start=start, index=index)
    _consents(
        rows, rng, youth_id=youth_id, guardians=guardians, network=network, start=start, today=today
    )
    plan = _plan(rows, rng, youth_id=youth_id, track=track, network=network, start=start)
    last_held = _meetings(
        rows,
        rng,
        youth_id=youth_id,
        start=start,
        interval=interval,
        situation=situation,
        today=today,
        network=network,
        guardians=guardians,
        plan=plan,
    )
    if status is YouthStatus.CLOSED:
        closed_on = min(today - timedelta(days=1), (last_held or start) + timedelta(days=3))
        rows.add(
            Closure,
            youth_id=youth_id,
            started_on=start,
            closed_on=closed_on,
            reason=rng.choice(list(ClosureReason)),
            comment="",
            followup_on=closed_on + timedelta(days=182),
            followup_comment="",
        )
        rows.add(
            Event, youth_id=youth_id, at=_utc(closed_on), kind=EventKind.CLOSED, summary="Avslutad"
        )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _utc(day: date) -> datetime:
    return datetime.combine(day, time(9, 0), tzinfo=UTC)


def _network(
    rows: _Rows,
    rng: random.Random,
    book: dict[ActorType, list[int]],
    *,
    youth_id: int,
    start: date,
    index: int,
) -> list[int]:
    types = [ActorType.SOCIAL_SERVICES, ActorType.POLICE, ActorType.SCHOOL]
    if index % 9 == 8:  # now and then polis or skola is missing: a warning to show
        types.remove(rng.choice([ActorType.POLICE, ActorType.SCHOOL]))
    types += rng.sample(
        [
            ActorType.FIELD_WORKERS,
            ActorType.MARIA_UNGDOM,
            ActorType.BUP,
            ActorType.FAMILY_TREATMENT,
            ActorType.LABOUR_MARKET,
        ],
        k=rng.randint(0, 3),
    )
    actors = [rng.choice(book[t]) for t in types]
    for actor_id in actors:
        rows.add(NetworkMember, youth_id=youth_id, actor_id=actor_id, added_on=start, note="")
    return actors


def _consents(
    rows: _Rows,
    rng: random.Random,
    *,
    youth_id: int,
    guardians: list[int],
    network: list[int],
    start: date,
    today: date,
) -> None:
    signed = start - timedelta(days=5)
    covered = network if rng.random() < 0.85 else network[:-1]  # sometimes one actor is not covered
    expiring = rng.random() < 0.15
    valid_until = today + timedelta(days=rng.randint(1, 13)) if expiring else None
    givers = [(ConsentGiver.YOUTH, None)] + [(ConsentGiver.GUARDIAN, g) for g in guardians]
    for giver, guardian_id in givers:
        consent_id = rows.add(
            Consent,
            youth_id=youth_id,
            given_by=giver,
            guardian_id=guardian_id,
            signed_on=signed,
            form_version="SIG 2024:1",
            valid_until=max(valid_until, signed) if valid_until else None,
            withdrawn_on=None,
        )
        for actor_id in covered:
            rows.add(consent_actor, consent_id=consent_id, actor_id=actor_id)


@dataclass
class _Plan:
    goals: list[int]
    actions: list[int]


def _plan(
    rows: _Rows, rng: random.Random, *, youth_id: int, track: Track, network: list[int], start: date
) -> _Plan:
    areas = [a for a in LifeArea if a is not LifeArea.ECONOMY or track is Track.YOUNG_ADULTS]
    plan = _Plan([], [])
    for position, area in enumerate(rng.sample(areas, k=rng.randint(4, 6))):
        text, own = GOAL_TEXTS[area]
        goal_id = rows.add(
            Goal,
            youth_id=youth_id,
            life_area=area,
            current_situation="Beskrivs vid första nätverksmötet.",
            own_words=own,
            description=text,
            status=PlanStatus.ONGOING,
            position=position,
            created_at=_utc(start),
        )
        plan.goals.append(goal_id)
        for sub_pos in range(rng.randint(2, 3)):
            sub_id = rows.add(
                SubGoal,
                goal_id=goal_id,
                description=_capitalised(SUBGOAL_STEPS[sub_pos].format(text.lower())),
                target_date=start + timedelta(days=60 * (sub_pos + 1)),
                status=PlanStatus.ONGOING,
                position=sub_pos,
            )
            for act_pos in range(rng.randint(1, 3)):
                plan.actions.append(
                    rows.add(
                        Action,
                        goal_id=goal_id,
                        subgoal_id=sub_id,
                        what=rng.choice(ACTION_TEXTS),
                        responsible_actor_id=rng.choice(network),
                        responsible_person="",
                        due_date=start + timedelta(days=30 * (act_pos + 1)),
                        status=PlanStatus.ONGOING,
                        position=act_pos,
                    )
                )
    return plan


def _last_held_for(situation: str, rng: random.Random, interval: int, today: date) -> date:
    """The latest held meeting, on a weekday, that puts the youth in its deadline situation."""
    for _ in range(50):
        day = _last_held_candidate(situation, rng, interval, today)
        if day.weekday() < 5:
            return day
    return day


def _last_held_candidate(situation: str, rng: random.Random, interval: int, today: date) -> date:
    if situation == "forsenat":
        return today - timedelta(days=interval + rng.randint(1, 12))
    if situation == "snart":
        return today - timedelta(days=interval - rng.randint(0, 6))
    if situation == "ok":
        return today - timedelta(days=rng.randint(2, max(3, interval - 10)))
    return today - timedelta(days=rng.randint(3, max(4, interval - 8)))


def _meetings(
    rows: _Rows,
    rng: random.Random,
    *,
    youth_id: int,
    start: date,
    interval: int,
    situation: str,
    today: date,
    network: list[int],
    guardians: list[int],
    plan: _Plan,
) -> date | None:
    """Held meetings from the start up to the chosen latest one, then maybe a planned one."""
    last = max(_last_held_for(situation, rng, interval, today), start + timedelta(days=7))
    held_days = [last]
    while held_days[-1] - timedelta(days=interval) > start:
        earlier = held_days[-1] - timedelta(days=rng.randint(interval - 10, interval))
        held_days.append(earlier - timedelta(days=max(0, earlier.weekday() - 4)))  # a weekday
    held_days.reverse()
    at = time(rng.choice([9, 10, 13, 14]), rng.choice([0, 30]))
    for n, day in enumerate(held_days):
        meeting_id = _meeting(rows, youth_id, day, at, MeetingStatus.HELD)
        rows.add(
            Event,
            youth_id=youth_id,
            at=_utc(day),
            kind=EventKind.MEETING_HELD,
            summary="Nätverksmöte genomfört",
        )
        for actor_id in network:
            status = AttendanceStatus.PRESENT if rng.random() < 0.85 else AttendanceStatus.EXCUSED
            rows.add(
                Attendance,
                meeting_id=meeting_id,
                participant=ParticipantKind.ACTOR,
                actor_id=actor_id,
                guardian_id=None,
                status=status,
            )
        rows.add(
            Attendance,
            meeting_id=meeting_id,
            participant=ParticipantKind.YOUTH,
            actor_id=None,
            guardian_id=None,
            status=AttendanceStatus.PRESENT,
        )
        for guardian_id in guardians:
            rows.add(
                Attendance,
                meeting_id=meeting_id,
                participant=ParticipantKind.GUARDIAN,
                actor_id=None,
                guardian_id=guardian_id,
                status=AttendanceStatus.PRESENT,
            )
        if n >= len(held_days) - 3:  # the recent follow-ups; older history is in the minutes
            for item, text in NOTES.items():
                rows.add(
                    MeetingNote,
                    meeting_id=meeting_id,
                    item=item,
                    heading=AGENDA[item - 1],
                    text=text,
                )
            for goal_id in plan.goals:
                rows.add(
                    FollowUp,
                    meeting_id=meeting_id,
                    goal_id=goal_id,
                    subgoal_id=None,
                    action_id=None,
                    status=rows.set_status(Goal, goal_id, rng.choice(GOAL_FOLLOWUPS)),
                    comment="Följdes upp på mötet.",
                    created_at=_utc(day),
                )
            for action_id in plan.actions:
                rows.add(
                    FollowUp,
                    meeting_id=meeting_id,
                    goal_id=None,
                    subgoal_id=None,
                    action_id=action_id,
                    status=rows.set_status(Action, action_id, rng.choice(ACTION_FOLLOWUPS)),
                    comment="",
                    created_at=_utc(day),
                )
    if rng.random() < 0.3:
        cancelled = last + timedelta(days=14)
        if cancelled < today:
            _meeting(rows, youth_id, cancelled, at, MeetingStatus.CANCELLED)
    deadline = last + timedelta(days=interval)
    planned = {
        "i_tid": deadline - timedelta(days=rng.randint(0, 6)),
        "planerat_for_sent": deadline + timedelta(days=rng.randint(2, 9)),
    }.get(situation)
    if planned is not None:
        planned = max(planned, today)
        step = timedelta(days=-1 if situation == "i_tid" else 1)
        while planned.weekday() >= 5 and (planned + step >= today):
            planned += step
        _meeting(rows, youth_id, planned, at, MeetingStatus.PLANNED)
    return last


def _meeting(rows: _Rows, youth_id: int, day: date, at: time, status: MeetingStatus) -> int:
    return rows.add(
        Meeting,
        youth_id=youth_id,
        starts_at=datetime.combine(day, at),
        duration_minutes=90,
        place="Stadsdelsförvaltningen, rum Ekorren",
        status=status,
        chair="Sam Exempelsson",
        note_taker="Sam Exempelsson",
        agenda="",
        decisions=DECISIONS if status is MeetingStatus.HELD else "",
        cancel_reason="Sjukdom" if status is MeetingStatus.CANCELLED else "",
        created_at=_utc(day - timedelta(days=30)),
    )
