"""The append-only chronology of each youth (Händelselogg)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sigdesk.catalogues import EventKind, LifeArea
from sigdesk.models import Event

#: The labels of the plan's edit dialogs, by the field's code name.
ACTION_FIELDS = {
    "what": "Åtgärd",
    "subgoal_id": "Delmål",
    "responsible_actor_id": "Ansvarig",
    "responsible_person": "Ansvarig person",
    "due_date": "Klart senast",
}
GOAL_FIELDS = {
    "life_area": "Livsområde",
    "description": "Mål",
    "own_words": "Med egna ord",
    "current_situation": "Nuläge",
}
#: Summaries whose parts are "field: old → new", and the labels of their fields.
_CHANGE_SUMMARIES = {"Åtgärd ändrad: ": ACTION_FIELDS, "Mål ändrat: ": GOAL_FIELDS}
_ID_WORDS = {"subgoal_id": "delmål", "responsible_actor_id": "aktör"}


@dataclass(frozen=True)
class EventRow:
    id: int
    at: datetime
    kind: EventKind
    summary: str


def log_event(session: Session, *, youth_id: int, kind: EventKind, summary: str = "") -> None:
    """Append one event in the caller's transaction (it commits or rolls back with it)."""
    session.add(Event(youth_id=youth_id, kind=kind, summary=summary))


def events_of(session: Session, *, youth_id: int) -> list[EventRow]:
    """The youth's events, newest first."""
    rows = session.scalars(
        select(Event).where(Event.youth_id == youth_id).order_by(Event.at.desc(), Event.id.desc())
    )
    return [EventRow(e.id, e.at, e.kind, readable_summary(e.summary)) for e in rows]


def shown_value(value: object) -> str:
    """A changed value as the log shows it: a catalogue's label, "—" for nothing."""
    if value is None or value == "":
        return "—"
    label = getattr(value, "label", None)
    return label if isinstance(label, str) else str(value)


def readable_summary(summary: str) -> str:
    """The summary with the dialogs' field labels.

    Rows written before the labels were used name fields by code
    ("responsible_person: Lina → None"); they are shown as "Ansvarig person: Lina → —".
    """
    for prefix, labels in _CHANGE_SUMMARIES.items():
        if summary.startswith(prefix):
            parts = summary[len(prefix) :].split("; ")
            return prefix + "; ".join(_readable_part(part, labels) for part in parts)
    return summary


def _readable_part(part: str, labels: dict[str, str]) -> str:
    code, colon, change = part.partition(": ")
    old, arrow, new = change.partition(" → ")
    if not colon or not arrow or code not in labels:
        return part
    return f"{labels[code]}: {_old_value(code, old)} → {_old_value(code, new)}"


def _old_value(code: str, text: str) -> str:
    if text in ("None", ""):
        return "—"
    if code == "life_area":
        try:
            return LifeArea.from_code(text).label
        except ValueError:
            return text
    if code in _ID_WORDS and text.isdigit():
        return f"{_ID_WORDS[code]} {text}"
    return text
