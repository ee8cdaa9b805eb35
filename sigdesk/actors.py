"""The worker's address book of actors, and each youth's network drawn from it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sigdesk import validation as check
from sigdesk.caseload import get_youth_row
from sigdesk.catalogues import REQUIRED_ACTOR_TYPES, ActorType, EventKind
from sigdesk.changes import ChangeKind, Changes, changed
from sigdesk.errors import NotFoundError, ValidationError
from sigdesk.eventlog import log_event
from sigdesk.models import Actor, NetworkMember


@dataclass(frozen=True)
class ActorData:
    actor_type: ActorType
    organisation: str
    contact_person: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class ActorRow:
    id: int
    actor_type: ActorType
    organisation: str
    contact_person: str
    phone: str
    email: str
    active: bool

    @property
    def label(self) -> str:
        """How the actor is named in lists: "Polis – Polisen Söderort (Kim Berg)"."""
        person = f" ({self.contact_person})" if self.contact_person else ""
        return f"{self.actor_type.label} – {self.organisation}{person}"


def organisation_label(actor_type: ActorType, organisation: str) -> str:
    """Where an actor comes from, as documents print it: "BUP Järva (BUP)", "Polisen Söderort".

    The type is added in brackets only when the organisation's name does not already say
    it, so "BUP Järva" never reads "BUP, BUP Järva".
    """
    org = organisation.strip()
    if not org:
        return actor_type.label
    if actor_type.label.casefold() in org.casefold():
        return org
    return f"{org} ({actor_type.label})"


def _row(actor: Actor) -> ActorRow:
    return ActorRow(
        actor.id,
        actor.actor_type,
        actor.organisation,
        actor.contact_person,
        actor.phone,
        actor.email,
        actor.active,
    )


def _clean(data: ActorData) -> dict[str, object]:
    return {
        "actor_type": data.actor_type,
        "organisation": check.required_text("Organisation", data.organisation),
        "contact_person": check.optional_text("Kontaktperson", data.contact_person),
        "phone": check.phone("Telefon", data.phone),
        "email": check.email("E-post", data.email),
    }


def get_actor_row(session: Session, actor_id: int) -> Actor:
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise NotFoundError(f"Aktör {actor_id} finns inte.")
    return actor


def add_actor(session: Session, data: ActorData) -> Changes:
    actor = Actor(**_clean(data))
    session.add(actor)
    session.flush()
    return Changes(frozenset({ChangeKind.ACTOR}), created_id=actor.id)


def update_actor(session: Session, actor_id: int, data: ActorData) -> Changes:
    """Edit an address-book entry; every youth whose network holds it sees the change."""
    actor = get_actor_row(session, actor_id)
    for name, value in _clean(data).items():
        setattr(actor, name, value)
    youths = frozenset(
        session.scalars(select(NetworkMember.youth_id).where(NetworkMember.actor_id == actor_id))
    )
    return Changes(frozenset({ChangeKind.ACTOR, ChangeKind.NETWORK}), youths)


def list_actors(session: Session, *, include_inactive: bool = False) -> list[ActorRow]:
    query = select(Actor).order_by(Actor.actor_type, Actor.organisation, Actor.contact_person)
    if not include_inactive:
        query = query.where(Actor.active.is_(True))
    return [_row(a) for a in session.scalars(query)]


# --- a youth's network ------------------------------------------------------------------


def add_to_network(session: Session, youth_id: int, actor_id: int, *, today: date) -> Changes:
    get_youth_row(session, youth_id)
    actor = get_actor_row(session, actor_id)
    exists = session.scalar(
        select(NetworkMember.id).where(
            NetworkMember.youth_id == youth_id, NetworkMember.actor_id == actor_id
        )
    )
    if exists is not None:
        raise ValidationError("Nätverk", "Aktören finns redan i nätverket.")
    session.add(NetworkMember(youth_id=youth_id, actor_id=actor_id, added_on=today))
    log_event(
        session,
        youth_id=youth_id,
        kind=EventKind.NETWORK_CHANGED,
        summary=f"{actor.actor_type.label} tillagd i nätverket",
    )
    return changed(ChangeKind.NETWORK, youth_id=youth_id)


def remove_from_network(session: Session, youth_id: int, actor_id: int) -> Changes:
    member = session.scalar(
        select(NetworkMember).where(
            NetworkMember.youth_id == youth_id, NetworkMember.actor_id == actor_id
        )
    )
    if member is None:
        raise NotFoundError("Aktören finns inte i nätverket.")
    actor = get_actor_row(session, actor_id)
    session.delete(member)
    log_event(
        session,
        youth_id=youth_id,
        kind=EventKind.NETWORK_CHANGED,
        summary=f"{actor.actor_type.label} borttagen ur nätverket",
    )
    return changed(ChangeKind.NETWORK, youth_id=youth_id)


def network_of(session: Session, youth_id: int) -> list[ActorRow]:
    """The actors in the youth's network, in catalogue order."""
    query = (
        select(Actor)
        .join(NetworkMember, NetworkMember.actor_id == Actor.id)
        .where(NetworkMember.youth_id == youth_id)
        .order_by(Actor.actor_type, Actor.organisation)
    )
    return [_row(a) for a in session.scalars(query)]


def missing_required_actors(network: list[ActorRow]) -> list[ActorType]:
    """Polis and skola must take part in SIG; the ones this network lacks."""
    present = {a.actor_type for a in network}
    return [t for t in REQUIRED_ACTOR_TYPES if t not in present]
