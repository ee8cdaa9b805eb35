"""What a write changed, so the UI can refresh exactly the views it touches.

Every service that writes returns a `Changes`; no service tells a widget what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ChangeKind(StrEnum):
    PROFILE = "profile"
    YOUTH = "youth"
    GUARDIAN = "guardian"
    ACTOR = "actor"
    NETWORK = "network"
    CONSENT = "consent"
    MEETING = "meeting"
    PLAN = "plan"
    EVENTS = "events"
    #: The youths in `youth_ids` are gone from the caseload (deleted, gallrad).
    DELETED = "deleted"


@dataclass(frozen=True)
class Changes:
    kinds: frozenset[ChangeKind]
    youth_ids: frozenset[int] = frozenset()
    #: The id of the record a create made, for the caller to select it.
    created_id: int | None = None
    #: Things worth telling the user that did not stop the write (Swedish).
    warnings: tuple[str, ...] = ()

    def touches(self, *kinds: ChangeKind) -> bool:
        return bool(self.kinds.intersection(kinds))


def changed(
    *kinds: ChangeKind,
    youth_id: int | None = None,
    created_id: int | None = None,
    warnings: tuple[str, ...] = (),
) -> Changes:
    """Shorthand for the common case of one youth's records changing."""
    youths = frozenset() if youth_id is None else frozenset({youth_id})
    all_kinds = frozenset(kinds) | ({ChangeKind.EVENTS} if youth_id is not None else set())
    return Changes(all_kinds, youths, created_id, warnings)
