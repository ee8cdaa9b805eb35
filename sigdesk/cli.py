"""The subcommands of SPEC §8, each a thin call into the services.

Every error is one line on stderr, no traceback. Exit codes: 0 ok, 1 a problem
found (e.g. damage), 2 usage or unlock error.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sigdesk import __version__
from sigdesk.cli_stats import MERGE_COMMAND, add_report_options, add_stats_parsers
from sigdesk.cli_text import SwedishParser, count, use_swedish_argparse
from sigdesk.errors import (
    KeyringWrongKeyError,
    PassphraseRequiredError,
    SigdeskError,
    ValidationError,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

PASSPHRASE_ENV = "SIGDESK_PASSPHRASE"
T = TypeVar("T")


class UsageError(SigdeskError):
    exit_code = 2


# --- unlocking without a window -----------------------------------------------------------


def _read_passphrase_file(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"Lösenfrasfilen kan inte läsas: {path} ({exc.strerror}).") from None
    except UnicodeDecodeError:
        raise UsageError(f"Lösenfrasfilen är inte UTF-8-text: {path}.") from None
    return text.rstrip("\r\n")


def given_passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase from --passphrase-file or SIGDESK_PASSPHRASE, if either is set."""
    if args.passphrase_file is not None:
        return _read_passphrase_file(args.passphrase_file)
    return os.environ.get(PASSPHRASE_ENV) or None


def _prompt(text: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(text)
    except (EOFError, KeyboardInterrupt):
        return None


@contextlib.contextmanager
def holding(path: Path, *, write: bool, create_folder: bool = False) -> Iterator[bool]:
    """The caseload's process lock for this command's run (sigdesk/store/lock.py).

    A writing command is refused (CaseloadInUseError, exit 2) while another process,
    such as the window, holds the caseload; a reading one runs beside it without the
    lock (SQLite lets readers in while the window writes) and yields False, so the
    file is then opened without any upgrade. A folder where no lock file can be made
    (read-only, missing) is fine for reading, and refused for writing.
    """
    from sigdesk.store.lock import CaseloadInUseError, LockUnavailableError, hold

    try:
        lock = hold(path, create_folder=create_folder)
    except (CaseloadInUseError, LockUnavailableError):
        if write or not path.exists():
            raise
        yield False
        return
    try:
        yield True
    finally:
        lock.release()


def _unlocked(args: argparse.Namespace, attempt: Callable[[str | None], T]) -> T:
    """`attempt(passphrase)` as SPEC §8 says: passphrase file or variable, else keyring
    (None), else a prompt."""
    passphrase = given_passphrase(args)
    if passphrase is not None:
        return attempt(passphrase)
    try:
        return attempt(None)
    except (PassphraseRequiredError, KeyringWrongKeyError) as exc:
        typed = _prompt("Lösenfras: ")
        if typed is None:
            raise UsageError(
                f"{exc.message} Ange lösenfrasen med --passphrase-file eller {PASSPHRASE_ENV}."
            ) from None
        return attempt(typed)


def open_for_cli(  # type: ignore[no-untyped-def]
    path: Path, args: argparse.Namespace, *, allow_upgrade: bool = True
):
    """Unlock as SPEC §8 says: passphrase file or variable, else keyring, else a prompt."""
    from sigdesk.store.open import open_caseload

    return _unlocked(
        args,
        lambda passphrase: open_caseload(path, passphrase=passphrase, allow_upgrade=allow_upgrade),
    )


def in_caseload(args: argparse.Namespace, work: Callable[[Session], T], *, write: bool) -> T:
    """Unlock the caseload at args.path, run one unit of work in a session, close it.

    `write`: the work changes the caseload, so it needs the process lock (see `holding`).
    """
    with holding(args.path, write=write) as held:
        caseload = open_for_cli(args.path, args, allow_upgrade=held)
        try:
            with caseload.session_scope() as session:
                return work(session)
        finally:
            caseload.close()


def _new_passphrase(args: argparse.Namespace) -> str:
    passphrase = given_passphrase(args)
    if passphrase is not None:
        return passphrase
    first = _prompt("Ny lösenfras: ")
    if first is None:
        raise UsageError(
            "Ange en lösenfras för den nya ärendefilen med --passphrase-file eller "
            f"{PASSPHRASE_ENV}."
        )
    if _prompt("Upprepa lösenfrasen: ") != first:
        raise UsageError("Lösenfraserna är inte lika.")
    return first


# --- the subcommands ---------------------------------------------------------------------


def cmd_demo_data(args: argparse.Namespace) -> int:
    from sigdesk import demo
    from sigdesk.store.open import create_caseload

    if args.youths < 1 or args.youths > 20000:
        raise UsageError("--youths ska vara 1–20000.")
    passphrase = _new_passphrase(args)
    with holding(args.path, write=True, create_folder=True):
        # Fictional data only: SQLCipher's memory wiping is off for this bulk write.
        caseload = create_caseload(args.path, passphrase=passphrase)
        try:
            with caseload.session_scope() as session:
                demo.build(session, youths=args.youths, seed=args.seed, today=args.today)
        finally:
            caseload.close()
    youths = count(args.youths, "påhittad ungdom", "påhittade ungdomar")
    print(f"Skrev {youths} till {args.path}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from sigdesk.store.check import check_file
    from sigdesk.store.open import unlock

    key = _unlocked(args, lambda passphrase: unlock(args.path, passphrase=passphrase))
    report = check_file(args.path, key)
    if not report.ok:
        print(f"sigdesk: {report.summary(args.path)}", file=sys.stderr)
        return 1
    counts = [count(report.pages, "sida", "sidor")]
    if report.youths is not None:
        counts.insert(0, count(report.youths, "ungdom", "ungdomar"))
    print(f"OK: {args.path} — schemaversion {report.schema_version}, {', '.join(counts)}")
    return 0


def cmd_deadlines(args: argparse.Namespace) -> int:
    import json

    from sigdesk.overview import deadline_overview

    rows = in_caseload(
        args, lambda session: deadline_overview(session, today=args.today), write=False
    )
    if args.json:
        json.dump([r.as_json() for r in rows], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for r in rows:
        nxt = r.info.next_meeting
        planned = f"nästa möte {nxt:%Y-%m-%d %H:%M}" if nxt is not None else "inget möte planerat"
        print(
            f"{r.info.status.label:<18} {r.info.deadline}  {r.info.days_left:>4} d  "
            f"{r.name} (id {r.youth_id}), {planned}"
        )
    return 0


def cmd_propose(args: argparse.Namespace) -> int:
    from sigdesk.schedule import propose_for_youth
    from sigdesk.settings import Settings
    from sigdesk.workdays import WEEKDAYS_SV

    margin = Settings.load().proposal_margin_days if args.margin is None else args.margin
    proposal = in_caseload(
        args,
        lambda session: propose_for_youth(
            session, args.youth, today=args.today, margin_days=margin
        ),
        write=False,
    )
    if proposal.starts_at is None:
        print(f"Inget datum föreslaget: {proposal.reason}")
        return 0
    day = WEEKDAYS_SV[proposal.starts_at.weekday()]
    print(f"{day} {proposal.starts_at:%Y-%m-%d %H:%M} — {proposal.reason}")
    return 0


def cmd_calendar(args: argparse.Namespace) -> int:
    from sigdesk.documents.ics import write_calendar
    from sigdesk.schedule import calendar_entries
    from sigdesk.store.outputs import check_output_path

    check_output_path(args.out, overwrite=args.force, protect=[args.path])
    entries = in_caseload(
        args, lambda session: calendar_entries(session, youth_id=args.youth), write=False
    )
    write_calendar(args.out, entries, overwrite=args.force, protect=[args.path])
    print(f"Skrev {count(len(entries), 'planerat möte', 'planerade möten')} till {args.out}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.kind == "report":
        return _export_report(args)
    if args.youth is None:  # required for every KIND but report
        args.export_parser.error("följande argument saknas: --youth")
    from sigdesk.documents.builders import ExportRequest, export
    from sigdesk.documents.render import DocumentKind
    from sigdesk.store.outputs import check_output_path

    request = ExportRequest(
        kind=DocumentKind(args.kind),
        youth_id=args.youth,
        out=args.out,
        meeting_id=args.meeting,
        overwrite=args.force,
        template_dir=args.templates,
        include_personnummer=args.personnummer,
        protect=(args.path,),
    )
    check_output_path(request.out, overwrite=request.overwrite, protect=[args.path])
    # The export is noted in the youth's event log: a write.
    result = in_caseload(
        args, lambda session: export(session, request, today=args.today), write=True
    )
    print(f"Skrev {result.path} (Word-filen är inte krypterad)")
    if result.withheld:
        print(result.notice())
    return 0


def _export_report(args: argparse.Namespace) -> int:
    from sigdesk.cli_stats import cmd_report

    missing = [name for name in ("from", "to") if getattr(args, f"date_{name}") is None]
    if missing:
        args.export_parser.error(
            "följande argument saknas: " + ", ".join(f"--{name}" for name in missing)
        )
    if args.youth is not None or args.meeting is not None:
        raise UsageError(
            "Uppföljningsrapporten gäller hela ärendelistan: utan --youth och --meeting."
        )
    return cmd_report(args)


def cmd_backup(args: argparse.Namespace) -> int:
    from sigdesk.store.backup import check_backup_target, make_backup

    # A refused target is refused before anything is unlocked.
    check_backup_target(args.out, args.path, force=args.force)
    # A backup reads the caseload (SQLite's online backup): it may run beside the window.
    with holding(args.path, write=False) as held:
        caseload = open_for_cli(args.path, args, allow_upgrade=held)
        try:
            header = make_backup(caseload, out=args.out, force=args.force)
        finally:
            caseload.close()
    size = (header.db_offset + header.db_size) / 1e6
    print(f"Skrev säkerhetskopian {args.out} ({size:.1f} MB); den återställs med lösenfrasen.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from sigdesk.store.backup import read_header
    from sigdesk.store.restore import check_restore_target, restore_backup

    check_restore_target(args.path, read_header(args.backup), force=args.force)
    passphrase = given_passphrase(args) or _prompt("Säkerhetskopians lösenfras: ")
    if passphrase is None:
        raise UsageError(
            f"Ange säkerhetskopians lösenfras med --passphrase-file eller {PASSPHRASE_ENV}."
        )
    # Restoring writes the caseload: never under a window that has it open.
    with holding(args.path, write=True, create_folder=True):
        result = restore_backup(args.backup, args.path, passphrase=passphrase, force=args.force)
    made = result.created.astimezone().strftime("%Y-%m-%d %H:%M")
    print(f"Återställde {args.path} från säkerhetskopian gjord {made} (kontrollerad, OK).")
    if result.kept is not None:
        print(f"Den tidigare filen finns kvar som {result.kept}")
    if not result.in_keyring:
        print("Ingen nyckelring kunde användas: ärendefilen öppnas med lösenfrasen.")
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    from sigdesk.store.rekey import rekey

    passphrase = given_passphrase(args) or _prompt("Lösenfras: ")
    if passphrase is None:
        raise UsageError(
            "Byte av datanyckel kräver lösenfrasen: ange den med --passphrase-file eller "
            f"{PASSPHRASE_ENV}."
        )
    # Re-encrypting writes every page: never under a window that has the caseload open.
    with holding(args.path, write=True):
        rekey(args.path, passphrase=passphrase)
    print(f"Datanyckeln är bytt: {args.path} är krypterad med en ny nyckel.")
    return 0


# --- parsing -----------------------------------------------------------------------------


def _iso_date(text: str) -> date:
    from sigdesk.validation import date_problem

    problem = date_problem(text)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem.message)
    return date.fromisoformat(text.strip())


def _add_unlock(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FIL",
        help=f"läs lösenfrasen från FIL (eller sätt {PASSPHRASE_ENV})",
    )


def _add_caseload(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, metavar="ÄRENDEFIL", help="den krypterade ärendefilen")


def _add_today(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today",
        type=_iso_date,
        default=None,
        metavar="ÅÅÅÅ-MM-DD",
        help="räkna som om det vore den dagen (standard: i dag)",
    )


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The command line's parser; without `commands`, only the window's options."""
    use_swedish_argparse()
    parser = SwedishParser(
        prog="sigdesk",
        description="Ärenden, nätverksmöten och åtgärdsplaner för SIG. Utan KOMMANDO öppnas "
        "fönstret.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"sigdesk {__version__}",
        help="visa versionen och avsluta",
    )
    parser.add_argument(
        "--demo", action="store_true", help="öppna en tillfällig demo med påhittade ungdomar"
    )
    parser.add_argument(
        "--caseload", type=Path, metavar="ÄRENDEFIL", help="öppna en annan ärendefil"
    )
    if not commands:
        return parser
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO")

    p = sub.add_parser("demo-data", help="skriv en ny ärendefil med påhittade ungdomar")
    _add_caseload(p)
    p.add_argument("--youths", type=int, default=25, metavar="N", help="antal (standard 25)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="slumpfrö (standard 1)")
    _add_today(p)
    _add_unlock(p)
    p.set_defaults(run=cmd_demo_data)

    p = sub.add_parser("check", help="kontrollera kryptering och integritet; slutkod 1 vid skada")
    _add_caseload(p)
    _add_unlock(p)
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("deadlines", help="femveckorsgränsen för varje aktiv ungdom")
    _add_caseload(p)
    _add_today(p)
    p.add_argument("--json", action="store_true", help="som JSON-lista (nycklar enligt SPEC §8)")
    _add_unlock(p)
    p.set_defaults(run=cmd_deadlines)

    p = sub.add_parser("propose", help="föreslå nästa möte för en ungdom (femveckorsregeln)")
    _add_caseload(p)
    p.add_argument("--youth", type=int, required=True, metavar="ID", help="ungdomens id")
    _add_today(p)
    p.add_argument(
        "--margin",
        type=int,
        choices=range(29),
        default=None,
        metavar="DAGAR",
        help="dagars marginal före tidsgränsen, 0–28 (standard: inställningen, 7)",
    )
    _add_unlock(p)
    p.set_defaults(run=cmd_propose)

    p = sub.add_parser("calendar", help="planerade möten som .ics-fil för Outlook")
    _add_caseload(p)
    p.add_argument("--out", type=Path, required=True, metavar="FIL.ics", help="filen som skrivs")
    p.add_argument("--youth", type=int, metavar="ID", help="bara den här ungdomens möten")
    p.add_argument("--force", action="store_true", help="ersätt en befintlig fil")
    _add_unlock(p)
    p.set_defaults(run=cmd_calendar)

    p = sub.add_parser("export", help="skriv ett Word-dokument (plan, kallelse, anteckningar …)")
    p.add_argument(
        "kind",
        choices=["plan", "plan-short", "kallelse", "agenda", "minutes", "report"],
        metavar="DOKUMENT",
        help="plan, plan-short (kort plan), kallelse, agenda (dagordning), minutes "
        "(minnesanteckningar) eller report (uppföljningsrapporten för en period)",
    )
    _add_caseload(p)
    p.add_argument("--youth", type=int, metavar="ID", help="ungdomens id (inte för report)")
    p.add_argument(
        "--meeting",
        type=int,
        metavar="ID",
        help="mötet (standard: nästa planerade, för anteckningar det senast genomförda)",
    )
    p.add_argument(
        "--out", type=Path, required=True, metavar="FIL.docx", help="dokumentet som skrivs"
    )
    p.add_argument("--force", action="store_true", help="ersätt en befintlig fil")
    p.add_argument("--templates", type=Path, metavar="MAPP", help="en mapp med egna mallar")
    p.add_argument(
        "--personnummer", action="store_true", help="skriv personnumret i den fullständiga planen"
    )
    p.add_argument(
        "--from", dest="date_from", type=_iso_date, metavar="ÅÅÅÅ-MM-DD", help="report: första dag"
    )
    p.add_argument(
        "--to", dest="date_to", type=_iso_date, metavar="ÅÅÅÅ-MM-DD", help="report: sista dag"
    )
    add_report_options(p)
    _add_today(p)
    _add_unlock(p)
    p.set_defaults(run=cmd_export, export_parser=p)

    add_stats_parsers(sub, date_type=_iso_date, caseload=_add_caseload, unlock=_add_unlock)

    p = sub.add_parser("backup", help="skriv en fristående krypterad säkerhetskopia")
    _add_caseload(p)
    p.add_argument("out", type=Path, metavar="KOPIA", help="säkerhetskopian som skrivs")
    p.add_argument("--force", action="store_true", help="ersätt en befintlig säkerhetskopia")
    _add_unlock(p)
    p.set_defaults(run=cmd_backup)

    p = sub.add_parser("restore", help="kontrollera en säkerhetskopia och återställ ÄRENDEFIL")
    p.add_argument("backup", type=Path, metavar="KOPIA", help="säkerhetskopian")
    p.add_argument("path", type=Path, metavar="ÄRENDEFIL", help="ärendefilen som återställs")
    p.add_argument(
        "--force", action="store_true", help="ersätt ÄRENDEFIL (den gamla sparas bredvid)"
    )
    _add_unlock(p)
    p.set_defaults(run=cmd_restore)

    p = sub.add_parser("rekey", help="byt datanyckeln (kraschsäkert); kräver lösenfrasen")
    _add_caseload(p)
    _add_unlock(p)
    p.set_defaults(run=cmd_rekey)

    from sigdesk.cli_lifecycle import add_lifecycle_commands

    add_lifecycle_commands(sub)

    from sigdesk.cli_handover import add_parser as add_handover

    add_handover(sub, add_caseload=_add_caseload, add_unlock=_add_unlock, add_today=_add_today)
    return parser


def _error_line(exc: SigdeskError) -> str:
    from sigdesk.store.outputs import OutputExistsError

    if isinstance(exc, OutputExistsError):
        return f"{exc.message} (använd --force för att skriva över)."
    return exc.one_line()


def _window_only(argv: Sequence[str]) -> bool:
    """Whether `argv` can only start the window (no command word, no help): its parse
    then skips building the commands' parsers, a few milliseconds of the start."""
    words = [
        arg
        for i, arg in enumerate(argv)
        if not arg.startswith("-") and (i == 0 or argv[i - 1] != "--caseload")
    ]
    return not words and not {"-h", "--help"} & set(argv)


def run(argv: Sequence[str]) -> int:
    """Parse and run one subcommand; returns the exit code."""
    parser = build_parser(commands=not _window_only(argv))
    if list(argv[:2]) == ["stats", "merge"]:
        argv = [MERGE_COMMAND, *argv[2:]]
    args = parser.parse_args(argv)
    if getattr(args, "today", "absent") is None:
        from sigdesk.clock import local_today

        args.today = local_today()
    runner: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if runner is None:
        from sigdesk.app import run_gui

        return run_gui(args)
    try:
        return runner(args)
    except ValidationError as exc:
        print(f"sigdesk: {exc.one_line()}", file=sys.stderr)
        return 2
    except SigdeskError as exc:
        print(f"sigdesk: {_error_line(exc)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("sigdesk: avbrutet", file=sys.stderr)
        return 130
