"""Youths and their guardians, the worker's profile, and closure (avslut)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date

from sqlalchemy.exc import IntegrityError as DbIntegrityError
from sqlalchemy.orm import Session

from sigdesk import validation as check
from sigdesk.catalogues import (
    ClosureReason,
    DecisionKind,
    DomTiming,
    EventKind,
    Gender,
    Track,
    WorkerRole,
    YouthStatus,
)
from sigdesk.changes import ChangeKind, Changes, changed
from sigdesk.errors import NotFoundError, ValidationError
from sigdesk.eventlog import log_event
from sigdesk.idnumber import age_on, display_form, parse_id_number
from sigdesk.models import Closure, Guardian, WorkerProfile, Youth
from sigdesk.models.youth import DEFAULT_INTERVAL_DAYS, MIN_INTERVAL_DAYS

SIG_AGE_BAND = {Track.YOUTH: (12, 20), Track.YOUNG_ADULTS: (18, 29)}
POST_CLOSURE_FOLLOWUP_MONTHS = 6

#: Swedish field names, for messages and the event log.
YOUTH_FIELD_LABELS = {
    "first_name": "Förnamn",
    "last_name": "Efternamn",
    "personnummer": "Personnummer",
    "birth_date": "Födelsedatum",
    "gender": "Kön",
    "track": "Spår",
    "school": "Skola",
    "stadsdel": "Stadsdel",
    "status": "Status",
    "proposed_by": "Föreslagen av",
    "assessment_date": "Bedömningsdatum",
    "decision_date": "Beslutsdatum",
    "decision_kind": "Beslutstyp",
    "court_statement": "Yttrande till tingsrätten",
    "dom_date": "Domdatum",
    "dom_timing": "Start före/efter dom",
    "start_date": "Startdatum",
    "meeting_interval_days": "Mötesintervall",
    "overall_goal": "Övergripande mål",
    "notes": "Anteckningar",
}


@dataclass(frozen=True)
class YouthData:
    """A youth as typed in a form; `personnummer` is the raw text (checked on save)."""

    first_name: str
    last_name: str
    personnummer: str = ""
    birth_date: date | None = None
    gender: Gender = Gender.UNKNOWN
    track: Track = Track.YOUTH
    school: str = ""
    stadsdel: str = ""
    status: YouthStatus = YouthStatus.PROPOSED
    proposed_by: str = ""
    assessment_date: date | None = None
    decision_date: date | None = None
    decision_kind: DecisionKind | None = None
    court_statement: bool = False
    dom_date: date | None = None
    dom_timing: DomTiming | None = None
    start_date: date | None = None
    meeting_interval_days: int = DEFAULT_INTERVAL_DAYS
    overall_goal: str = ""
    notes: str = ""


@dataclass(frozen=True)
class GuardianData:
    name: str
    relation: str = ""
    phone: str = ""
    email: str = ""
    has_custody: bool = True


@dataclass(frozen=True)
class ProfileData:
    name: str
    role: WorkerRole
    forvaltning: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class GuardianRow:
    id: int
    name: str
    relation: str
    phone: str
    email: str
    has_custody: bool


@dataclass(frozen=True)
class YouthDetail:
    id: int
    data: YouthData
    personnummer: str | None  # the stored 12 digits
    guardians: tuple[GuardianRow, ...] = field(default_factory=tuple)
    closed_on: date | None = None
    closure_reason: ClosureReason | None = None
    closure_comment: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.data.first_name} {self.data.last_name}"


def _validated(data: YouthData, *, today: date) -> tuple[YouthData, str | None, list[str]]:
    """Check every field; returns the cleaned data, the 12-digit number and warnings."""
    pnr: str | None = None
    birth = check.birth_date("Födelsedatum", data.birth_date, today=today)
    if data.personnummer.strip():
        number = parse_id_number(data.personnummer, today=today)
        pnr = number.digits
        if birth is not None and birth != number.birth_date:
            raise ValidationError("Födelsedatum", "Stämmer inte med personnumret.")
        birth = number.birth_date
    if not MIN_INTERVAL_DAYS <= data.meeting_interval_days <= DEFAULT_INTERVAL_DAYS:
        raise ValidationError(
            "Mötesintervall",
            f"Ange {MIN_INTERVAL_DAYS}–{DEFAULT_INTERVAL_DAYS} dagar (högst fem veckor).",
        )
    for name in ("assessment_date", "decision_date", "dom_date", "start_date"):
        check.case_date(YOUTH_FIELD_LABELS[name], getattr(data, name), today=today)
    if data.status is YouthStatus.ACTIVE and data.start_date is None:
        raise ValidationError("Startdatum", "En aktiv ungdom behöver ett startdatum.")
    cleaned = replace(
        data,
        first_name=check.required_text("Förnamn", data.first_name, max_length=100),
        last_name=check.required_text("Efternamn", data.last_name, max_length=100),
        personnummer=pnr or "",
        birth_date=birth,
        school=check.optional_text("Skola", data.school),
        stadsdel=check.optional_text("Stadsdel", data.stadsdel, max_length=100),
        proposed_by=check.optional_text("Föreslagen av", data.proposed_by),
        overall_goal=check.optional_text("Övergripande mål", data.overall_goal, max_length=5000),
        notes=check.optional_text("Anteckningar", data.notes, max_length=20000),
    )
    warnings = []
    if birth is not None:
        low, high = SIG_AGE_BAND[data.track]
        age = age_on(birth, data.start_date or today)
        if not low <= age <= high:
            warnings.append(f"Ålder {age} år ligger utanför {data.track.label} ({low}–{high} år).")
    return cleaned, pnr, warnings


def _write_youth(youth: Youth, data: YouthData, pnr: str | None) -> list[str]:
    """Copy the form onto the row; returns the Swedish names of the fields that changed."""
    changed_labels = []
    for f in fields(YouthData):
        value = pnr if f.name == "personnummer" else getattr(data, f.name)
        if getattr(youth, f.name) != value:
            setattr(youth, f.name, value)
            changed_labels.append(YOUTH_FIELD_LABELS[f.name])
    return changed_labels


def _flush_unique(session: Session) -> None:
    try:
        session.flush()
    except DbIntegrityError as exc:
        if "personnummer" in str(exc.orig):
            raise ValidationError(
                "Personnummer", "Det finns redan en ungdom med det numret."
            ) from None
        raise


def add_youth(session: Session, data: YouthData, *, today: date) -> Changes:
    cleaned, pnr, warnings = _validated(data, today=today)
    _check_status_change(False, data.status)
    youth = Youth()
    _write_youth(youth, cleaned, pnr)
    session.add(youth)
    _flush_unique(session)
    log_event(session, youth_id=youth.id, kind=EventKind.CREATED, summary="Ungdom registrerad")
    return changed(
        ChangeKind.YOUTH, youth_id=youth.id, created_id=youth.id, warnings=tuple(warnings)
    )


def update_youth(session: Session, youth_id: int, data: YouthData, *, today: date) -> Changes:
    youth = get_youth_row(session, youth_id)
    cleaned, pnr, warnings = _validated(data, today=today)
    _check_status_change(youth.closure is not None, data.status)
    labels = _write_youth(youth, cleaned, pnr)
    _flush_unique(session)
    if labels:
        log_event(
            session,
            youth_id=youth_id,
            kind=EventKind.CHANGED,
            summary="Ändrat: " + ", ".join(labels),
        )
    return changed(ChangeKind.YOUTH, youth_id=youth_id, warnings=tuple(warnings))


def _check_status_change(is_closed: bool, status: YouthStatus) -> None:
    """Closing and reopening each have their own service (a date and a reason or a note);
    the editor's status field is no way around them."""
    if status is YouthStatus.CLOSED and not is_closed:
        raise ValidationError("Status", "Avsluta ungdomen med Avsluta (datum och skäl).")
    if is_closed and status is not YouthStatus.CLOSED:
        raise ValidationError(
            "Status", "Återuppta SIG med Återuppta SIG… på Översikt (ny startdag och anteckning)."
        )


def get_youth_row(session: Session, youth_id: int) -> Youth:
    youth = session.get(Youth, youth_id)
    if youth is None:
        raise NotFoundError(f"Ungdom {youth_id} finns inte.")
    return youth


def youth_detail(session: Session, youth_id: int) -> YouthDetail:
    youth = get_youth_row(session, youth_id)
    values = {f.name: getattr(youth, f.name) for f in fields(YouthData)}
    values["personnummer"] = display_form(youth.personnummer) if youth.personnummer else ""
    data = YouthData(**values)
    guardians = tuple(
        GuardianRow(g.id, g.name, g.relation, g.phone, g.email, g.has_custody)
        for g in youth.guardians
    )
    closure = youth.closure
    return YouthDetail(
        id=youth.id,
        data=data,
        personnummer=youth.personnummer,
        guardians=guardians,
        closed_on=closure.closed_on if closure else None,
        closure_reason=closure.reason if closure else None,
        closure_comment=closure.comment if closure else "",
    )


# --- guardians ------------------------------------------------------------------------


def _clean_guardian(data: GuardianData) -> GuardianData:
    return GuardianData(
        name=check.required_text("Namn", data.name),
        relation=check.optional_text("Relation", data.relation, max_length=100),
        phone=check.phone("Telefon", data.phone),
        email=check.email("E-post", data.email),
        has_custody=data.has_custody,
    )


def add_guardian(session: Session, youth_id: int, data: GuardianData) -> Changes:
    get_youth_row(session, youth_id)
    g = _clean_guardian(data)
    guardian = Guardian(youth_id=youth_id, **g.__dict__)
    session.add(guardian)
    session.flush()
    log_event(session, youth_id=youth_id, kind=EventKind.CHANGED, summary="Vårdnadshavare tillagd")
    return changed(ChangeKind.GUARDIAN, youth_id=youth_id, created_id=guardian.id)


def update_guardian(session: Session, guardian_id: int, data: GuardianData) -> Changes:
    guardian = session.get(Guardian, guardian_id)
    if guardian is None:
        raise NotFoundError(f"Vårdnadshavare {guardian_id} finns inte.")
    for name, value in _clean_guardian(data).__dict__.items():
        setattr(guardian, name, value)
    log_event(
        session, youth_id=guardian.youth_id, kind=EventKind.CHANGED, summary="Vårdnadshavare ändrad"
    )
    return changed(ChangeKind.GUARDIAN, youth_id=guardian.youth_id)


def remove_guardian(session: Session, guardian_id: int) -> Changes:
    guardian = session.get(Guardian, guardian_id)
    if guardian is None:
        raise NotFoundError(f"Vårdnadshavare {guardian_id} finns inte.")
    youth_id = guardian.youth_id
    session.delete(guardian)
    log_event(
        session, youth_id=youth_id, kind=EventKind.CHANGED, summary="Vårdnadshavare borttagen"
    )
    return changed(ChangeKind.GUARDIAN, ChangeKind.CONSENT, youth_id=youth_id)


# --- closure --------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def close_youth(
    session: Session,
    youth_id: int,
    *,
    closed_on: date,
    reason: ClosureReason,
    comment: str = "",
    followup_on: date | None = None,
    today: date,
) -> Changes:
    """End the youth's SIG; a follow-up after closure is planned (default +6 months).

    A youth handed over to a colleague gets no follow-up here unless one is asked for:
    the SIG goes on in the colleague's caseload, which follows it up.
    """
    youth = get_youth_row(session, youth_id)
    check.case_date("Avslutsdatum", closed_on, today=today, years_ahead=0)
    if youth.start_date and closed_on < youth.start_date:
        raise ValidationError("Avslutsdatum", "Kan inte ligga före startdatum.")
    if youth.closure is not None:
        raise ValidationError("Status", "Ungdomen är redan avslutad.")
    youth.closures.append(
        Closure(
            started_on=youth.start_date,
            closed_on=closed_on,
            reason=reason,
            comment=check.optional_text("Kommentar", comment, max_length=5000),
            followup_on=followup_on or _default_followup(closed_on, reason),
        )
    )
    youth.status = YouthStatus.CLOSED
    log_event(session, youth_id=youth_id, kind=EventKind.CLOSED, summary=reason.label)
    return changed(ChangeKind.YOUTH, youth_id=youth_id)


def _default_followup(closed_on: date, reason: ClosureReason) -> date | None:
    if reason is ClosureReason.HANDED_OVER:
        return None
    return add_months(closed_on, POST_CLOSURE_FOLLOWUP_MONTHS)


# --- the worker's profile ---------------------------------------------------------------


def get_profile(session: Session) -> ProfileData | None:
    row = session.get(WorkerProfile, 1)
    if row is None:
        return None
    return ProfileData(row.name, row.role, row.forvaltning, row.phone, row.email)


def save_profile(session: Session, data: ProfileData) -> Changes:
    cleaned = ProfileData(
        name=check.required_text("Namn", data.name),
        role=data.role,
        forvaltning=check.optional_text("Förvaltning", data.forvaltning),
        phone=check.phone("Telefon", data.phone),
        email=check.email("E-post", data.email),
    )
    row = session.get(WorkerProfile, 1) or WorkerProfile(id=1)
    for name, value in cleaned.__dict__.items():
        setattr(row, name, value)
    session.add(row)
    return Changes(frozenset({ChangeKind.PROFILE}))
