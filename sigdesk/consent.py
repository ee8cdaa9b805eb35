"""Samtycke: who consented, for which actors, from when, until when, and withdrawals.

Whose consent counts: before the youth turns 18, a consent given by the youth or by
a guardian covers the actors it names; from 18 on, only the youth's own consent
counts (SPEC §2). A youth without a known birth date is treated as under 18.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sigdesk.caseload import get_youth_row
from sigdesk.catalogues import ConsentGiver, EventKind
from sigdesk.changes import ChangeKind, Changes, changed
from sigdesk.errors import NotFoundError, ValidationError
from sigdesk.eventlog import log_event
from sigdesk.idnumber import age_on
from sigdesk.models import Actor, Consent, Guardian, NetworkMember
from sigdesk.validation import case_date, optional_text

ADULT_AGE = 18


@dataclass(frozen=True)
class ConsentRow:
    id: int
    given_by: ConsentGiver
    guardian_id: int | None
    guardian_name: str | None
    signed_on: date
    form_version: str
    valid_until: date | None
    withdrawn_on: date | None
    actor_ids: tuple[int, ...]

    def is_valid_on(self, day: date) -> bool:
        if self.signed_on > day:
            return False
        if self.valid_until is not None and day > self.valid_until:
            return False
        return self.withdrawn_on is None or day < self.withdrawn_on


@dataclass(frozen=True)
class ConsentCoverage:
    """Which network actors a valid consent covers on one day."""

    day: date
    covered_actor_ids: frozenset[int]
    uncovered_actor_ids: frozenset[int]


def consents_of(session: Session, youth_id: int) -> list[ConsentRow]:
    """The youth's consents, newest signing first, with guardian names."""
    consents = session.scalars(
        select(Consent)
        .where(Consent.youth_id == youth_id)
        .options(selectinload(Consent.actors))
        .order_by(Consent.signed_on.desc(), Consent.id.desc())
    ).all()
    names = dict(
        session.execute(
            select(Guardian.id, Guardian.name).where(Guardian.youth_id == youth_id)
        ).all()
    )
    return [
        ConsentRow(
            c.id,
            c.given_by,
            c.guardian_id,
            names.get(c.guardian_id) if c.guardian_id else None,
            c.signed_on,
            c.form_version,
            c.valid_until,
            c.withdrawn_on,
            tuple(a.id for a in c.actors),
        )
        for c in consents
    ]


def record_consent(
    session: Session,
    youth_id: int,
    *,
    given_by: ConsentGiver,
    signed_on: date,
    actor_ids: Sequence[int],
    guardian_id: int | None = None,
    form_version: str = "",
    valid_until: date | None = None,
    today: date,
) -> Changes:
    """Record a signed consent form covering actors of the youth's network."""
    get_youth_row(session, youth_id)
    case_date("Undertecknat", signed_on, today=today, years_ahead=0)
    case_date("Giltigt till", valid_until, today=today, years_ahead=10)
    if valid_until is not None and valid_until < signed_on:
        raise ValidationError("Giltigt till", "Kan inte ligga före undertecknandet.")
    if (given_by is ConsentGiver.GUARDIAN) != (guardian_id is not None):
        raise ValidationError("Lämnat av", "Välj vilken vårdnadshavare som samtycker.")
    if guardian_id is not None:
        guardian = session.get(Guardian, guardian_id)
        if guardian is None or guardian.youth_id != youth_id:
            raise ValidationError("Lämnat av", "Vårdnadshavaren hör inte till ungdomen.")
    if not actor_ids:
        raise ValidationError("Aktörer", "Välj minst en aktör som samtycket gäller.")
    network = set(
        session.scalars(select(NetworkMember.actor_id).where(NetworkMember.youth_id == youth_id))
    )
    outside = set(actor_ids) - network
    if outside:
        raise ValidationError("Aktörer", "Samtycket kan bara gälla aktörer i ungdomens nätverk.")
    actors = list(session.scalars(select(Actor).where(Actor.id.in_(actor_ids))))
    consent = Consent(
        youth_id=youth_id,
        given_by=given_by,
        guardian_id=guardian_id,
        signed_on=signed_on,
        form_version=optional_text("Blankettversion", form_version, max_length=50),
        valid_until=valid_until,
        actors=actors,
    )
    session.add(consent)
    session.flush()
    log_event(
        session,
        youth_id=youth_id,
        kind=EventKind.CONSENT_CHANGED,
        summary=f"Samtycke från {given_by.label.lower()} ({len(actors)} aktörer)",
    )
    return changed(ChangeKind.CONSENT, youth_id=youth_id, created_id=consent.id)


def withdraw_consent(session: Session, consent_id: int, *, on: date, today: date) -> Changes:
    """Record that a consent was withdrawn; it stops covering anyone from `on`."""
    consent = session.get(Consent, consent_id)
    if consent is None:
        raise NotFoundError(f"Samtycke {consent_id} finns inte.")
    case_date("Återkallat", on, today=today, years_ahead=0)
    if on < consent.signed_on:
        raise ValidationError("Återkallat", "Kan inte ligga före undertecknandet.")
    if consent.withdrawn_on is not None:
        raise ValidationError("Återkallat", "Samtycket är redan återkallat.")
    consent.withdrawn_on = on
    log_event(
        session,
        youth_id=consent.youth_id,
        kind=EventKind.CONSENT_CHANGED,
        summary="Samtycke återkallat",
    )
    return changed(ChangeKind.CONSENT, youth_id=consent.youth_id)


def counts_for(row: ConsentRow, *, birth_date: date | None, day: date) -> bool:
    """Whether this consent counts on `day` given the youth's age then."""
    if not row.is_valid_on(day):
        return False
    adult = birth_date is not None and age_on(birth_date, day) >= ADULT_AGE
    return row.given_by is ConsentGiver.YOUTH or not adult


def coverage_on(session: Session, youth_id: int, day: date) -> ConsentCoverage:
    """Which of the youth's network actors are covered by a consent valid on `day`."""
    youth = get_youth_row(session, youth_id)
    network = set(
        session.scalars(select(NetworkMember.actor_id).where(NetworkMember.youth_id == youth_id))
    )
    covered: set[int] = set()
    for row in consents_of(session, youth_id):
        if counts_for(row, birth_date=youth.birth_date, day=day):
            covered.update(row.actor_ids)
    covered &= network
    return ConsentCoverage(day, frozenset(covered), frozenset(network - covered))
