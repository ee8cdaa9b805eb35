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
from sigdesk.catalogues import ActorType, ConsentGiver, EventKind
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


# --- who a document may name (SPEC §5) ----------------------------------------------------

#: What a document prints for an action whose responsible actor no valid consent covers.
NOT_COVERED = "Aktör utan samtycke"
#: Network actors every document may name without a consent: socialtjänsten itself.
ALWAYS_NAMED = frozenset({ActorType.SOCIAL_SERVICES})


@dataclass(frozen=True)
class WithheldActor:
    """A network actor a document leaves out, and how the worker knows it."""

    actor_id: int
    label: str  # "BUP – BUP Järva (Eva Bupsson)"


@dataclass(frozen=True)
class Disclosure:
    """The confidentiality rule for one youth's documents dated `day`.

    A document may name the youth, the guardians, the worker, socialtjänsten and only
    those network actors a consent valid on `day` covers; everyone else is `withheld`.
    """

    day: date
    named_actor_ids: frozenset[int]
    withheld: tuple[WithheldActor, ...]

    def names(self, actor_id: int | None) -> bool:
        """Whether the document may name this actor (None, no actor, is never named)."""
        return actor_id is not None and actor_id in self.named_actor_ids

    def notice(self) -> str:
        """One Swedish line for the worker: what was left out and why ("" when nothing)."""
        if not self.withheld:
            return ""
        who = "; ".join(w.label for w in self.withheld)
        return f"Utelämnat (inget giltigt samtycke {self.day.isoformat()}): {who}"


def disclosure_on(session: Session, youth_id: int, day: date) -> Disclosure:
    """Who the youth's documents dated `day` may name: `coverage_on` plus socialtjänsten."""
    cover = coverage_on(session, youth_id, day)
    actors = session.scalars(
        select(Actor)
        .join(NetworkMember, NetworkMember.actor_id == Actor.id)
        .where(NetworkMember.youth_id == youth_id)
        .order_by(Actor.actor_type, Actor.organisation)
    )
    named: set[int] = set()
    withheld: list[WithheldActor] = []
    for actor in actors:
        if actor.id in cover.covered_actor_ids or actor.actor_type in ALWAYS_NAMED:
            named.add(actor.id)
        else:
            person = f" ({actor.contact_person})" if actor.contact_person else ""
            label = f"{actor.actor_type.label} – {actor.organisation}{person}"
            withheld.append(WithheldActor(actor.id, label))
    return Disclosure(day, frozenset(named), tuple(withheld))


# --- consents that ended and were not replaced ----------------------------------------------


@dataclass(frozen=True)
class LapsedConsent:
    """A consent that expired or was withdrawn, leaving actors of the network uncovered."""

    consent_id: int
    giver: str  # "Ungdomen" or the guardian's name
    ended_on: date
    withdrawn: bool
    actor_ids: tuple[int, ...]  # the network actors it covered that nothing covers now

    def text(self) -> str:
        """ "Samtycket från Karin Ek upphörde 2026-12-10 och är inte ersatt (2 aktörer)"."""
        how = "återkallades" if self.withdrawn else "upphörde"
        n = len(self.actor_ids)
        return (
            f"Samtycket från {self.giver} {how} {self.ended_on.isoformat()} och är inte "
            f"ersatt ({n} aktör{'er' if n != 1 else ''} utan samtycke)"
        )


def ended_on(row: ConsentRow) -> date | None:
    """When a consent ended: its withdrawal or its last valid day, whichever came first."""
    ends = [d for d in (row.withdrawn_on, row.valid_until) if d is not None]
    return min(ends) if ends else None


def lapsed_consents(session: Session, youth_id: int, day: date) -> list[LapsedConsent]:
    """Consents expired or withdrawn by `day` whose actors no consent valid on `day` covers.

    Only consents that would still count on `day` (a guardian's, before 18) are asked
    about; from 18 a guardian's consent no longer counts in any case.
    """
    youth = get_youth_row(session, youth_id)
    cover = coverage_on(session, youth_id, day)
    lapsed = []
    for row in consents_of(session, youth_id):
        end = ended_on(row)
        if end is None or row.is_valid_on(day) or row.signed_on > day:
            continue
        adult = youth.birth_date is not None and age_on(youth.birth_date, day) >= ADULT_AGE
        if adult and row.given_by is not ConsentGiver.YOUTH:
            continue
        open_ids = tuple(a for a in row.actor_ids if a in cover.uncovered_actor_ids)
        if open_ids:
            giver = row.guardian_name or row.given_by.label
            lapsed.append(LapsedConsent(row.id, giver, end, row.withdrawn_on == end, open_ids))
    return lapsed
