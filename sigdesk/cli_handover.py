"""`sigdesk handover export|import` (SPEC §8): a thin layer over sigdesk.handover.

Export prints the one-time passphrase once, alone on stdout (what it wrote goes to
stderr, so `PHRASE=$(sigdesk handover export …)` works). Import reads the passphrase
from `--handover-passphrase-file`, else `SIGDESK_HANDOVER_PASSPHRASE`, else a prompt
on a terminal; with none of these it stops with exit 2 before the caseload is touched.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sigdesk.cli_text import count

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

HANDOVER_PASSPHRASE_ENV = "SIGDESK_HANDOVER_PASSPHRASE"


def cmd_handover_export(args: argparse.Namespace) -> int:
    from sigdesk.cli import holding, open_for_cli
    from sigdesk.handover import close_handed_over, delete_handed_over, export_handover
    from sigdesk.store.outputs import check_output_path

    check_output_path(args.out, overwrite=args.force, protect=[args.path])
    closed = deleted = None
    with holding(args.path, write=True):
        caseload = open_for_cli(args.path, args)
        try:
            with caseload.session_scope() as session:
                sent = export_handover(
                    session,
                    youth_ids=args.youth,
                    out=args.out,
                    overwrite=args.force,
                    protect=[args.path],
                )
                if args.close:
                    closed = close_handed_over(session, youth_ids=sent.youth_ids, today=args.today)
            if args.delete:  # after the file is written and the export committed
                deleted = delete_handed_over(caseload, youth_ids=sent.youth_ids)
        finally:
            caseload.close()
    youths = count(len(sent.youth_ids), "ungdom", "ungdomar")
    print(f"Skrev överlämningsfilen {sent.path} ({youths}).", file=sys.stderr)
    if sent.drafts_left_out:
        drafts = count(sent.drafts_left_out, "oavslutat mötesutkast", "oavslutade mötesutkast")
        print(f"{drafts} följer inte med.", file=sys.stderr)
    if closed is not None:
        done = count(len(closed.closed), "ungdom", "ungdomar")
        print(f"Avslutade {done} som överlämnade till annan handläggare.", file=sys.stderr)
    if deleted is not None:
        gone = count(deleted.deleted, "ungdom", "ungdomar")
        print(f"Raderade {gone} ur ärendefilen (säkert, inga spår kvar).", file=sys.stderr)
    print(
        "Engångslösenfrasen visas bara nu. Ge den till mottagaren på annat sätt än filen:",
        file=sys.stderr,
    )
    print(sent.passphrase)
    return 0


def _handover_passphrase(args: argparse.Namespace) -> str:
    from sigdesk.cli import UsageError, _prompt

    if args.handover_passphrase_file is not None:
        try:
            return str(args.handover_passphrase_file.read_text(encoding="utf-8")).strip()
        except OSError as exc:
            raise UsageError(
                f"Lösenfrasfilen kan inte läsas: {args.handover_passphrase_file} ({exc.strerror})."
            ) from None
        except UnicodeDecodeError:
            raise UsageError(
                f"Lösenfrasfilen är inte UTF-8-text: {args.handover_passphrase_file}."
            ) from None
    given = os.environ.get(HANDOVER_PASSPHRASE_ENV)
    if given:
        return given
    typed = _prompt("Överlämningens lösenfras (sex ord): ")
    if typed is None:
        raise UsageError(
            "Ange överlämningens lösenfras med --handover-passphrase-file eller "
            f"{HANDOVER_PASSPHRASE_ENV}."
        )
    return typed


def cmd_handover_import(args: argparse.Namespace) -> int:
    from sigdesk.cli import in_caseload
    from sigdesk.handover import import_handover, open_handover, preview
    from sigdesk.handover.container import read_envelope

    read_envelope(args.file)  # a file that is no handover, or newer, before any prompt
    received = open_handover(args.file, passphrase=_handover_passphrase(args))

    def work(session: Session) -> tuple[Any, Any]:
        shown = preview(session, received, today=args.today)
        if args.dry_run:
            return shown, None
        return shown, import_handover(session, received, today=args.today)

    shown, result = in_caseload(args, work, write=not args.dry_run)
    for youth in shown.youths:
        age = f", {youth.age} år" if youth.age is not None else ""
        note = f" — finns redan ({youth.already_here}), tas inte med" if youth.already_here else ""
        print(f"Ungdom: {youth.name}{age}{note}")
    for actor in shown.actors:
        print(f"Aktör: {actor.label} — {'finns i adressboken' if actor.matched else 'läggs till'}")
    if result is None:
        print(f"Provkörning: {count(shown.importable, 'ungdom', 'ungdomar')} skulle tas emot.")
        return 0
    print(
        f"Tog emot {count(len(result.imported), 'ungdom', 'ungdomar')}; "
        f"{count(result.actors_added, 'aktör', 'aktörer')} tillagda, "
        f"{result.actors_matched} fanns redan i adressboken."
    )
    return 0


def add_parser(sub: Any, *, add_caseload: Any, add_unlock: Any, add_today: Any) -> None:
    """`handover export` and `handover import` under the main parser's subcommands."""
    p = sub.add_parser("handover", help="överlämning av ungdomar till en kollegas ärendefil")
    inner = p.add_subparsers(dest="handover_command", metavar="export|import", required=True)

    e = inner.add_parser("export", help="skriv en krypterad överlämningsfil")
    add_caseload(e)
    e.add_argument(
        "--youth", type=int, action="append", required=True, metavar="ID", help="ungdomens id"
    )
    e.add_argument("--out", type=Path, required=True, metavar="FIL", help="filen som skrivs")
    e.add_argument("--force", action="store_true", help="ersätt en befintlig fil")
    after = e.add_mutually_exclusive_group()
    after.add_argument(
        "--close",
        action="store_true",
        help="avsluta ungdomarna som 'Överlämnad till annan handläggare' efteråt "
        "(planerade möten ställs in)",
    )
    after.add_argument(
        "--delete",
        action="store_true",
        help="radera ungdomarna ur ärendefilen efteråt (säkert, som gallring)",
    )
    add_today(e)
    add_unlock(e)
    e.set_defaults(run=cmd_handover_export)

    i = inner.add_parser("import", help="ta emot en överlämningsfil")
    i.add_argument("file", type=Path, metavar="FIL", help="överlämningsfilen")
    add_caseload(i)
    i.add_argument(
        "--handover-passphrase-file",
        type=Path,
        metavar="FIL",
        help=f"läs överlämningens lösenfras från FIL (eller sätt {HANDOVER_PASSPHRASE_ENV})",
    )
    i.add_argument(
        "--dry-run", action="store_true", help="visa vad som skulle tas emot, ändra inget"
    )
    add_today(i)
    add_unlock(i)
    i.set_defaults(run=cmd_handover_import)
