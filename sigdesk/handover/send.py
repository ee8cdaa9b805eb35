"""Sending a handover: the encrypted file, its one-time passphrase, and closing after."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from sigdesk.gallring import GallringResult
    from sigdesk.store.db import Caseload

from sigdesk.caseload import get_youth_row
from sigdesk.catalogues import ClosureReason, DeletionReason, EventKind
from sigdesk.changes import ChangeKind, Changes
from sigdesk.errors import SigdeskError, ValidationError
from sigdesk.eventlog import log_event
from sigdesk.handover import payload as pl
from sigdesk.handover.container import seal
from sigdesk.handover.words import new_passphrase
from sigdesk.lifecycle import close_sig, meetings_to_cancel
from sigdesk.store.fileutil import atomic_write_bytes, full_disk_reported
from sigdesk.store.keystore import DEFAULT_KDF, KdfParams
from sigdesk.store.outputs import check_output_path

SENT_SUMMARY = "Överlämningsfil skapad (överlämnings-id {id})"


@dataclass(frozen=True)
class HandoverExport:
    path: Path
    #: The one-time passphrase: shown once, never stored or logged.
    passphrase: str
    youth_ids: tuple[int, ...]
    names: tuple[str, ...]
    #: Unfinished meeting-mode drafts of these youths, which the file does not carry.
    drafts_left_out: int

    def __repr__(self) -> str:  # the passphrase stays out of any log or traceback
        return f"HandoverExport(path={self.path!r}, youths={len(self.youth_ids)})"


def export_handover(
    session: Session,
    *,
    youth_ids: Sequence[int],
    out: Path,
    overwrite: bool = False,
    protect: Iterable[Path] = (),
    kdf: KdfParams = DEFAULT_KDF,
) -> HandoverExport:
    """Write everything of `youth_ids` to `out`, encrypted under a new six-word passphrase.

    The output path rules apply (never a caseload file; an existing file only with
    `overwrite`); the file is written atomically, owner-only. Each youth's log notes the
    export in the caller's transaction, so the note exists only if the file does.
    """
    ids = tuple(dict.fromkeys(int(i) for i in youth_ids))
    if not ids:
        raise SigdeskError("Välj minst en ungdom att överlämna.")
    youths = [get_youth_row(session, y) for y in ids]
    out = check_output_path(Path(out), overwrite=overwrite, protect=protect)
    payload = pl.collect(session, ids)
    passphrase = new_passphrase()
    data = seal(payload.to_bytes(), passphrase=passphrase, kdf=kdf)
    with full_disk_reported(out.parent, "överlämningsfilen kunde inte skrivas"):
        try:
            atomic_write_bytes(out, data, overwrite=overwrite)
        except FileExistsError:
            raise SigdeskError(f"Filen finns redan: {out}") from None
        except OSError as exc:
            raise SigdeskError(
                f"Överlämningsfilen kunde inte skrivas: {out} ({exc.strerror})."
            ) from None
    summary = SENT_SUMMARY.format(id=payload.handover_id)
    for youth_id in ids:
        log_event(session, youth_id=youth_id, kind=EventKind.HANDOVER_SENT, summary=summary)
    return HandoverExport(
        path=out,
        passphrase=passphrase,
        youth_ids=ids,
        names=tuple(y.full_name for y in youths),
        drafts_left_out=pl.drafts_of(session, ids),
    )


@dataclass(frozen=True)
class ClosedAfterHandover:
    closed: tuple[int, ...]
    #: (youth id, why not) for youths left as they were (already closed, a later start).
    not_closed: tuple[tuple[int, str], ...]
    changes: Changes


def close_handed_over(
    session: Session, *, youth_ids: Sequence[int], today: date, comment: str = ""
) -> ClosedAfterHandover:
    """Close the youths' SIG as "Överlämnad till annan handläggare", dated today, and
    cancel their planned meetings (the colleague holds them now).

    A youth already closed, or one that cannot be closed today (a start date later than
    today), is left as it is and reported.
    """
    closed: list[int] = []
    not_closed: list[tuple[int, str]] = []
    for youth_id in dict.fromkeys(youth_ids):
        youth = get_youth_row(session, youth_id)
        if youth.closure is not None:
            not_closed.append((youth_id, "redan avslutad"))
            continue
        planned = [m.id for m in meetings_to_cancel(session, youth_id=youth_id)]
        try:
            with session.begin_nested():
                close_sig(
                    session,
                    youth_id=youth_id,
                    closed_on=today,
                    reason=ClosureReason.HANDED_OVER,
                    comment=comment,
                    cancel_meeting_ids=planned,
                    today=today,
                )
        except ValidationError as exc:
            not_closed.append((youth_id, exc.field_message))
            continue
        closed.append(youth_id)
    return ClosedAfterHandover(
        closed=tuple(closed),
        not_closed=tuple(not_closed),
        changes=Changes(
            frozenset({ChangeKind.YOUTH, ChangeKind.MEETING}), youth_ids=frozenset(closed)
        ),
    )


def delete_handed_over(caseload: Caseload, *, youth_ids: Sequence[int]) -> GallringResult:
    """Delete the handed-over youths from this caseload, securely (as gallring does:
    one transaction, then VACUUM, so no trace stays in the file); the deletion log keeps
    one nameless row each, with the reason "Överlämnad till annan handläggare"."""
    from sigdesk.gallring import run_gallring

    if not youth_ids:
        raise SigdeskError("Inga ungdomar att radera.")
    return run_gallring(caseload, youth_ids=youth_ids, reason=DeletionReason.HANDED_OVER)
