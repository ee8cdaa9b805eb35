"""`sigdesk youths` and `sigdesk gallring` (SPEC §8), thin calls into the lifecycle services."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from sigdesk.cli_text import count

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sigdesk.gallring import GallringCandidate

BACKUPS_NOTE = (
    "Äldre säkerhetskopior innehåller dem fortfarande tills de roteras bort "
    "(7 dagliga och 4 veckovisa)."
)


def cmd_youths(args: argparse.Namespace) -> int:
    from sigdesk.cli import in_caseload
    from sigdesk.lifecycle import youth_summaries

    rows = in_caseload(
        args, lambda session: youth_summaries(session, include_all=args.all), write=False
    )
    if args.json:
        json.dump([r.as_json() for r in rows], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for r in rows:
        reason = f" ({r.closure_reason.label})" if r.closure_reason else ""
        closed = f", avslutad {r.closed}{reason}" if r.closed else ""
        start = f", start {r.start}" if r.start else ""
        print(f"{r.youth_id:>5}  {r.name} — {r.status.label}{start}{closed}")
    return 0


def _months(args: argparse.Namespace) -> int:
    from sigdesk.settings import Settings

    return (
        Settings.load().gallring_months
        if args.older_than_months is None
        else args.older_than_months
    )


def _listed(candidates: list[GallringCandidate], months: int) -> None:
    word = count(len(candidates), "avslutad ungdom", "avslutade ungdomar")
    print(f"{word} med avslut äldre än {months} månader:")
    for c in candidates:
        print(f"{c.youth_id:>5}  {c.name} — avslutad {c.closed_on} ({c.reason.label})")


def _print_step(step: int, steps: int, text: str) -> None:
    print(f"[{step}/{steps}] {text} …", flush=True)


def cmd_gallring(args: argparse.Namespace) -> int:
    from sigdesk.cli import holding, open_for_cli
    from sigdesk.gallring import due_for_gallring, run_gallring
    from sigdesk.lifecycle import deletions_pending_cleanup

    months = _months(args)

    def read(session: Session) -> tuple[list[GallringCandidate], int]:
        due = due_for_gallring(session, today=args.today, older_than_months=months)
        return due, deletions_pending_cleanup(session)

    with holding(args.path, write=args.yes) as held:
        caseload = open_for_cli(args.path, args, allow_upgrade=held)
        try:
            with caseload.session_scope() as session:
                due, pending = read(session)
            if not due and not pending:
                print(
                    f"Inget att gallra: ingen avslutad ungdom har avslut äldre än {months} månader."
                )
                return 0
            if due:
                _listed(due, months)
            if not args.yes:
                if pending:
                    print("En avbruten gallring behöver slutföras.")
                print("Kör igen med --yes för att radera dem säkert.")
                return 0
            result = run_gallring(
                caseload, youth_ids=[c.youth_id for c in due], progress=_print_step
            )
        finally:
            caseload.close()
    if result.finished_earlier:
        earlier = count(result.finished_earlier, "ungdom", "ungdomar")
        print(f"Slutförde en avbruten gallring ({earlier}).")
    if result.deleted:
        print(
            f"Raderade {count(result.deleted, 'ungdom', 'ungdomar')} säkert "
            "(secure_delete och VACUUM: inga spår kvar i filen)."
        )
        print(BACKUPS_NOTE)
    return 0


def _months_arg(text: str) -> int:
    try:
        months = int(text)
    except ValueError:
        months = 0
    if not 1 <= months <= 1200:
        raise argparse.ArgumentTypeError(f"ange ett antal månader 1–1200, inte {text!r}")
    return months


def add_lifecycle_commands(sub: argparse._SubParsersAction[Any]) -> None:
    """The parsers of `youths` and `gallring` (called by `sigdesk.cli.build_parser`)."""
    from sigdesk.cli import _add_caseload, _add_today, _add_unlock

    p = sub.add_parser("youths", help="lista ungdomarna (aktiva, eller alla med --all)")
    _add_caseload(p)
    p.add_argument("--all", action="store_true", help="alla ungdomar, även avslutade och förslag")
    p.add_argument("--json", action="store_true", help="som JSON-lista (nycklar enligt SPEC §8)")
    _add_unlock(p)
    p.set_defaults(run=cmd_youths)

    p = sub.add_parser(
        "gallring", help="lista avslutade ungdomar som ska gallras; --yes raderar dem säkert"
    )
    _add_caseload(p)
    p.add_argument(
        "--older-than-months",
        type=_months_arg,
        default=None,
        metavar="N",
        help="avslut äldre än N månader, 1–1200 (standard: inställningen, 24)",
    )
    p.add_argument("--yes", action="store_true", help="radera dem säkert (går inte att ångra)")
    _add_today(p)
    _add_unlock(p)
    p.set_defaults(run=cmd_gallring)
