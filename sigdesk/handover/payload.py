"""What a handover file carries: every row of the chosen youths, as stored.

The payload is JSON: the format, the schema revision, a random handover id, and for
each youth its rows table by table (`youth`, `guardian`, `network_member`, `consent`,
`consent_actor`, `goal`, `subgoal`, `action`, `meeting`, `attendance`, `meeting_note`,
`followup`, `closure`, `event`), plus the address-book actors any of them refers to.
Values are copied as SQLite stores them (text, numbers, null), so nothing is lost or
reformatted on the way; the receiver gives every row a new id.

Left out: the worker's profile (it is the sender's), and unfinished meeting-mode drafts
(typed text of a meeting still running on the sender's laptop; they are counted so
the sender can be told).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from sigdesk.models import Base
from sigdesk.store.dbfile import SCHEMA_HEAD

PAYLOAD_FORMAT = 1

_MEETINGS = "SELECT id FROM meeting WHERE youth_id = :y"
_GOALS = "SELECT id FROM goal WHERE youth_id = :y"
_CONSENTS = "SELECT id FROM consent WHERE youth_id = :y"
#: Each exported table and the rows of one youth (`:y`) in it.
YOUTH_TABLES: dict[str, str] = {
    "youth": "id = :y",
    "guardian": "youth_id = :y",
    "network_member": "youth_id = :y",
    "consent": "youth_id = :y",
    "consent_actor": f"consent_id IN ({_CONSENTS})",
    "goal": "youth_id = :y",
    "subgoal": f"goal_id IN ({_GOALS})",
    "meeting": "youth_id = :y",
    "action": f"goal_id IN ({_GOALS})",
    "followup": f"meeting_id IN ({_MEETINGS})",
    "attendance": f"meeting_id IN ({_MEETINGS})",
    "meeting_note": f"meeting_id IN ({_MEETINGS})",
    "closure": "youth_id = :y",
    "event": "youth_id = :y",
}
#: The actors one youth refers to: its network, consents, attendance and responsibilities.
ACTORS_OF_YOUTH = f"""
    SELECT actor_id FROM network_member WHERE youth_id = :y
    UNION SELECT actor_id FROM consent_actor WHERE consent_id IN ({_CONSENTS})
    UNION SELECT actor_id FROM attendance
        WHERE actor_id IS NOT NULL AND meeting_id IN ({_MEETINGS})
    UNION SELECT responsible_actor_id FROM action
        WHERE responsible_actor_id IS NOT NULL AND goal_id IN ({_GOALS})
"""
#: Tables a handover never carries, and why (a test checks every table is one or the other).
LEFT_OUT = {
    "worker_profile": "the sender's own details",
    "meeting_draft": "unfinished meeting-mode text on the sender's laptop",
    "alembic_version": "the file's schema stamp",
    "youth_deletion": "the caseload's own nameless deletion log",
}


@dataclass(frozen=True)
class TableRows:
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def as_json(self) -> dict[str, Any]:
        return {"columns": list(self.columns), "rows": [list(r) for r in self.rows]}

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


@dataclass(frozen=True)
class Payload:
    """The decrypted content of a handover file."""

    handover_id: str
    schema: str
    actors: TableRows
    youths: tuple[dict[str, TableRows], ...]

    def to_bytes(self) -> bytes:
        document = {
            "format": PAYLOAD_FORMAT,
            "schema": self.schema,
            "handover_id": self.handover_id,
            "actors": self.actors.as_json(),
            "youths": [{t: rows.as_json() for t, rows in y.items()} for y in self.youths],
        }
        return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def _select(session: Session, name: str, where: str, params: dict[str, Any]) -> TableRows:
    columns = tuple(c.name for c in table(name).columns)
    names = ", ".join(f'"{c}"' for c in columns)
    result = session.connection().exec_driver_sql(
        f'SELECT {names} FROM "{name}" WHERE {where} ORDER BY rowid',
        params,
    )
    return TableRows(columns, tuple(tuple(row) for row in result))


def youth_rows(session: Session, youth_id: int) -> dict[str, TableRows]:
    """Every row of one youth, table by table, as stored."""
    params = {"y": youth_id}
    return {name: _select(session, name, where, params) for name, where in YOUTH_TABLES.items()}


def actor_ids(session: Session, youth_ids: Iterable[int]) -> list[int]:
    found: set[int] = set()
    for youth_id in youth_ids:
        rows = session.connection().exec_driver_sql(ACTORS_OF_YOUTH, {"y": youth_id})
        found.update(int(r[0]) for r in rows)
    return sorted(found)


def collect(session: Session, youth_ids: Sequence[int]) -> Payload:
    """The payload for `youth_ids` (in that order), read in the caller's transaction."""
    youths = tuple(youth_rows(session, y) for y in youth_ids)
    ids = actor_ids(session, youth_ids)
    where = f"id IN ({', '.join(str(int(i)) for i in ids)})" if ids else "0"
    return Payload(
        handover_id=secrets.token_hex(8),
        schema=SCHEMA_HEAD,
        actors=_select(session, "actor", where, {}),
        youths=youths,
    )


def drafts_of(session: Session, youth_ids: Sequence[int]) -> int:
    """How many unfinished meeting-mode drafts the youths have (they stay behind)."""
    total = 0
    for youth_id in youth_ids:
        row = (
            session.connection()
            .exec_driver_sql(
                f"SELECT count(*) FROM meeting_draft WHERE meeting_id IN ({_MEETINGS})",
                {"y": youth_id},
            )
            .scalar()
        )
        total += int(row or 0)
    return total


class PayloadError(ValueError):
    """The decrypted payload does not have the expected shape."""


class PayloadNewerError(PayloadError):
    """The payload was written by a newer sigdesk (format, schema, a table or column)."""


def _rows(value: Any, name: str) -> TableRows:
    if not isinstance(value, dict):
        raise PayloadError(name)
    columns = tuple(value["columns"])
    known = {c.name for c in table(name).columns}
    if not set(columns) <= known:
        raise PayloadNewerError(name)
    rows = tuple(tuple(r) for r in value["rows"])
    if any(len(r) != len(columns) for r in rows):
        raise PayloadError(name)
    return TableRows(columns, rows)


def parse(data: bytes) -> Payload:
    """The payload from its JSON bytes; PayloadNewerError / PayloadError when unusable."""
    try:
        document = json.loads(data.decode("utf-8"))
        if int(document["format"]) > PAYLOAD_FORMAT or int(document["schema"]) > int(SCHEMA_HEAD):
            raise PayloadNewerError("format")
        youths = []
        for entry in document["youths"]:
            if not set(entry) <= set(YOUTH_TABLES):
                raise PayloadNewerError("table")
            youths.append({name: _rows(entry[name], name) for name in YOUTH_TABLES})
        return Payload(
            handover_id=str(document["handover_id"]),
            schema=str(document["schema"]),
            actors=_rows(document["actors"], "actor"),
            youths=tuple(youths),
        )
    except PayloadError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise PayloadError(type(exc).__name__) from None
