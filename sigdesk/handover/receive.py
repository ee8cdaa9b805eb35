"""Receiving a handover: open the file, preview it, import it in one transaction.

Every row gets a new id; references follow. A youth whose personnummer is already in
the caseload is left out (the preview says so, naming the youth here). Actors are
matched to the address book by type, organisation and contact person (case and outer
spaces aside) and reused; the others are added. Each received youth's log gets a row
"Mottagen genom överlämning" with the handover's id, so the same file cannot be
imported twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Enum, Table
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sigdesk.catalogues import ActorType, EventKind, YouthStatus
from sigdesk.changes import ChangeKind, Changes
from sigdesk.errors import SigdeskError
from sigdesk.eventlog import log_event
from sigdesk.handover import payload as pl
from sigdesk.handover.container import (
    Envelope,
    HandoverDamagedError,
    HandoverNewerError,
    open_envelope,
    read_envelope,
)
from sigdesk.idnumber import age_on
from sigdesk.models import Base

RECEIVED_SUMMARY = "Mottagen genom överlämning (överlämnings-id {id})"


class HandoverAlreadyReceivedError(SigdeskError):
    """This handover file has been imported into the caseload before."""


class NothingToImportError(SigdeskError):
    """Every youth in the file is already in the caseload."""


@dataclass(frozen=True)
class ReceivedHandover:
    """An opened (decrypted) handover file, not yet imported."""

    path: Path
    envelope: Envelope
    payload: pl.Payload


@dataclass(frozen=True)
class PreviewYouth:
    name: str
    age: int | None
    status: YouthStatus
    meetings: int
    #: The name of the youth already here with the same personnummer (left out), or None.
    already_here: str | None = None


@dataclass(frozen=True)
class PreviewActor:
    label: str
    #: Found in the address book (reused) rather than added.
    matched: bool


@dataclass(frozen=True)
class HandoverPreview:
    created: datetime
    youths: tuple[PreviewYouth, ...]
    actors: tuple[PreviewActor, ...]
    #: When this file was imported here before, or None.
    received_before: datetime | None = None

    @property
    def importable(self) -> int:
        return sum(1 for y in self.youths if y.already_here is None)


@dataclass(frozen=True)
class ImportResult:
    imported: tuple[str, ...]
    #: (the name in the file, the name already in the caseload) of youths left out.
    left_out: tuple[tuple[str, str], ...]
    actors_matched: int
    actors_added: int
    youth_ids: tuple[int, ...] = field(default=())
    changes: Changes = field(default_factory=lambda: Changes(frozenset({ChangeKind.YOUTH})))


def open_handover(path: Path, *, passphrase: str) -> ReceivedHandover:
    """Read, decrypt and parse a handover file (no caseload involved; one KDF).

    Raises NotAHandoverError, HandoverNewerError, HandoverDamagedError or
    HandoverPassphraseError; the file is only read.
    """
    envelope = read_envelope(path)
    data = open_envelope(envelope, passphrase=passphrase, path=path)
    try:
        payload = pl.parse(data)
    except pl.PayloadNewerError:
        raise HandoverNewerError(
            "Överlämningsfilen är gjord med en nyare version av sigdesk.",
            hint="Uppdatera sigdesk och försök igen.",
        ) from None
    except pl.PayloadError:
        raise HandoverDamagedError(
            f"Överlämningsfilen {Path(path).name} är skadad och kan inte läsas.",
            hint="Be avsändaren om en ny fil.",
        ) from None
    if not payload.youths or any(len(y["youth"].rows) != 1 for y in payload.youths):
        raise HandoverDamagedError(f"Överlämningsfilen {Path(path).name} är skadad.")
    return ReceivedHandover(Path(path), envelope, payload)


# --- matching against the caseload ----------------------------------------------------------


def _actor_key(actor_type: str, organisation: str, contact: str) -> tuple[str, str, str]:
    return (actor_type, organisation.strip().casefold(), contact.strip().casefold())


def _address_book(session: Session) -> dict[tuple[str, str, str], int]:
    rows = session.connection().exec_driver_sql(
        "SELECT id, actor_type, organisation, contact_person FROM actor ORDER BY id"
    )
    book: dict[tuple[str, str, str], int] = {}
    for actor_id, kind, organisation, contact in rows:
        book.setdefault(_actor_key(kind, organisation or "", contact or ""), int(actor_id))
    return book


def _youth_here(session: Session, personnummer: str | None) -> str | None:
    if not personnummer:
        return None
    row = (
        session.connection()
        .exec_driver_sql(
            "SELECT first_name, last_name FROM youth WHERE personnummer = ?", (personnummer,)
        )
        .first()
    )
    return None if row is None else f"{row[0]} {row[1]}".strip()


def received_before(session: Session, handover_id: str) -> datetime | None:
    from sigdesk.models import Event

    pattern = "%" + RECEIVED_SUMMARY.format(id=handover_id)
    found = (
        session.query(Event.at)
        .filter(Event.kind == EventKind.HANDOVER_RECEIVED, Event.summary.like(pattern))
        .order_by(Event.at)
        .first()
    )
    return None if found is None else found[0]


def _actor_refs(entry: dict[str, pl.TableRows]) -> set[int]:
    refs: set[int] = set()
    for name, rows in entry.items():
        columns = [
            c.parent.name for c in pl.table(name).foreign_keys if c.column.table.name == "actor"
        ]
        for row in rows.dicts():
            refs.update(int(row[c]) for c in columns if row.get(c) is not None)
    return refs


def _youth_of(entry: dict[str, pl.TableRows]) -> dict[str, Any]:
    return entry["youth"].dicts()[0]


def _name(youth: dict[str, Any]) -> str:
    return f"{youth['first_name']} {youth['last_name']}".strip()


def preview(session: Session, received: ReceivedHandover, *, today: date) -> HandoverPreview:
    """What an import would do, read from the caseload without changing it."""
    payload = received.payload
    book = _address_book(session)
    actors = {int(a["id"]): a for a in payload.actors.dicts()}
    youths, wanted = [], set()
    for entry in payload.youths:
        youth = _youth_of(entry)
        here = _youth_here(session, youth.get("personnummer"))
        birth = youth.get("birth_date")
        youths.append(
            PreviewYouth(
                name=_name(youth),
                age=age_on(date.fromisoformat(birth), today) if birth else None,
                status=YouthStatus.from_code(youth["status"]),
                meetings=len(entry["meeting"].rows),
                already_here=here,
            )
        )
        if here is None:
            wanted |= _actor_refs(entry)
    shown = []
    for actor_id in sorted(wanted, key=lambda i: _actor_label(actors[i]) if i in actors else ""):
        if actor_id in actors:
            a = actors[actor_id]
            key = _actor_key(a["actor_type"], a["organisation"] or "", a["contact_person"] or "")
            shown.append(PreviewActor(_actor_label(a), key in book))
    return HandoverPreview(
        created=received.envelope.created,
        youths=tuple(youths),
        actors=tuple(shown),
        received_before=received_before(session, payload.handover_id),
    )


def _actor_label(actor: dict[str, Any]) -> str:
    try:
        kind = ActorType.from_code(actor["actor_type"]).label
    except ValueError:
        kind = str(actor["actor_type"])
    person = f" ({actor['contact_person']})" if actor.get("contact_person") else ""
    return f"{kind} – {actor['organisation']}{person}"


# --- the import ---------------------------------------------------------------------------------


class _Ids:
    """New ids per table, after the largest one in the caseload."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._next: dict[str, int] = {}

    def take(self, name: str) -> int:
        if name not in self._next:
            top = (
                self._session.connection()
                .exec_driver_sql(f'SELECT coalesce(max(id), 0) FROM "{name}"')
                .scalar()
            )
            self._next[name] = int(top or 0) + 1
        value = self._next[name]
        self._next[name] = value + 1
        return value


@dataclass
class _Importer:
    session: Session
    payload: pl.Payload
    ids: _Ids
    book: dict[tuple[str, str, str], int]
    maps: dict[str, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))
    matched: int = 0
    added: int = 0

    @property
    def file_actors(self) -> dict[int, dict[str, Any]]:
        if not hasattr(self, "_file_actors"):
            self._file_actors = {int(a["id"]): a for a in self.payload.actors.dicts()}
        return self._file_actors

    def actor(self, old: int) -> int:
        mapped = self.maps["actor"].get(old)
        if mapped is not None:
            return mapped
        a = self.file_actors.get(old)
        if a is None:
            raise pl.PayloadError("actor")
        key = _actor_key(a["actor_type"], a["organisation"] or "", a["contact_person"] or "")
        if key in self.book:
            self.matched += 1
            new = self.book[key]
        else:
            self.added += 1
            new = self._insert("actor", [self._remap("actor", a)])[0]
            self.book[key] = new
        self.maps["actor"][old] = new
        return new

    def _remap(self, name: str, row: dict[str, Any]) -> dict[str, Any]:
        tbl = pl.table(name)
        out: dict[str, Any] = {}
        for column in tbl.columns:
            if column.name not in row:
                continue
            value = row[column.name]
            if (
                isinstance(column.type, Enum)
                and value is not None
                and value not in column.type.enums
            ):
                raise pl.PayloadNewerError(f"{name}.{column.name}")
            if column.name == "id" and column.primary_key:
                new = self.ids.take(name)
                self.maps[name][int(value)] = new
                value = new
            elif column.foreign_keys and value is not None:
                value = self._reference(next(iter(column.foreign_keys)).column.table.name, value)
            out[column.name] = value
        return out

    def _reference(self, target: str, old: Any) -> int:
        if target == "actor":
            return self.actor(int(old))
        try:
            return self.maps[target][int(old)]
        except KeyError:
            raise pl.PayloadError(target) from None

    def _insert(self, name: str, rows: list[dict[str, Any]]) -> list[int]:
        if not rows:
            return []
        columns = list(rows[0])
        ignore = " OR IGNORE" if name in ("consent_actor", "network_member") else ""
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        self.session.connection().exec_driver_sql(
            f'INSERT{ignore} INTO "{name}" ({names}) VALUES ({marks})',
            [tuple(r[c] for c in columns) for r in rows],
        )
        return [int(r["id"]) for r in rows if "id" in r]

    def youth(self, entry: dict[str, pl.TableRows]) -> int:
        for tbl in _insert_order():
            remapped = [self._remap(tbl.name, row) for row in entry[tbl.name].dicts()]
            self._insert(tbl.name, remapped)
        return self.maps["youth"][int(_youth_of(entry)["id"])]


def _insert_order() -> Iterator[Table]:
    return (t for t in Base.metadata.sorted_tables if t.name in pl.YOUTH_TABLES)


def import_handover(session: Session, received: ReceivedHandover, *, today: date) -> ImportResult:
    """Add the file's youths (those not already here) in the caller's transaction.

    Raises HandoverAlreadyReceivedError, NothingToImportError, HandoverNewerError or
    HandoverDamagedError; on any error the caller's transaction rolls back whole.
    """
    payload = received.payload
    before = received_before(session, payload.handover_id)
    if before is not None:
        raise HandoverAlreadyReceivedError(
            f"Den här överlämningen togs redan emot {before.astimezone():%Y-%m-%d}; "
            "inget importerades en gång till."
        )
    importer = _Importer(session, payload, _Ids(session), _address_book(session))
    imported, left_out, new_ids = [], [], []
    for entry in payload.youths:
        youth = _youth_of(entry)
        here = _youth_here(session, youth.get("personnummer"))
        if here is not None:
            left_out.append((_name(youth), here))
            continue
        new_ids.append(_guarded(received.path, importer.youth, entry))
        imported.append(_name(youth))
    if not imported:
        raise NothingToImportError(
            "Alla ungdomar i överlämningsfilen finns redan i ärendefilen (samma personnummer); "
            "inget importerades."
        )
    summary = RECEIVED_SUMMARY.format(id=payload.handover_id)
    for youth_id in new_ids:
        log_event(session, youth_id=youth_id, kind=EventKind.HANDOVER_RECEIVED, summary=summary)
    session.flush()
    return ImportResult(
        imported=tuple(imported),
        left_out=tuple(left_out),
        actors_matched=importer.matched,
        actors_added=importer.added,
        youth_ids=tuple(new_ids),
        changes=Changes(frozenset({ChangeKind.YOUTH, ChangeKind.NETWORK})),
    )


def _guarded(
    path: Path, work: Callable[[dict[str, pl.TableRows]], int], entry: dict[str, pl.TableRows]
) -> int:
    try:
        return work(entry)
    except pl.PayloadNewerError:
        raise HandoverNewerError(
            "Överlämningsfilen är gjord med en nyare version av sigdesk.",
            hint="Uppdatera sigdesk och försök igen.",
        ) from None
    except (pl.PayloadError, IntegrityError, ValueError):
        raise HandoverDamagedError(
            f"Överlämningsfilen {path.name} innehåller något som inte går att importera.",
            hint="Inget importerades. Be avsändaren om en ny fil.",
        ) from None
