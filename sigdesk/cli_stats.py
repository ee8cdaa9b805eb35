"""The statistics subcommands (SPEC §8): `sigdesk stats`, `sigdesk stats merge` and
`sigdesk export report`, thin calls into sigdesk.stats and sigdesk.documents.report."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sigdesk.cli_text import count
from sigdesk.errors import SigdeskError

#: `sigdesk stats merge …` is parsed as this subcommand (argparse has no optional nesting).
MERGE_COMMAND = "stats-merge"


class PeriodError(SigdeskError):
    exit_code = 2


def _period(args: argparse.Namespace) -> tuple[Any, Any]:
    if args.date_from > args.date_to:
        raise PeriodError(
            f"--from ({args.date_from}) ligger efter --to ({args.date_to}); vänd på datumen."
        )
    return args.date_from, args.date_to


def cmd_stats(args: argparse.Namespace) -> int:
    from sigdesk.cli import in_caseload
    from sigdesk.stats import period_stats
    from sigdesk.stats.files import to_csv, to_json
    from sigdesk.stats.text import text_table

    start, end = _period(args)
    stats = in_caseload(
        args, lambda session: period_stats(session, start=start, end=end), write=False
    )
    if args.json or args.csv:
        sys.stdout.flush()
        sys.stdout.buffer.write(to_json(stats) if args.json else to_csv(stats))
        sys.stdout.buffer.flush()
    else:
        print(text_table(stats))
    return 0


def _forvaltning(args: argparse.Namespace) -> str:
    return str(args.forvaltning or "").strip()


def _hide_small(args: argparse.Namespace) -> bool:
    """Counts of 1–2 as "<3" unless --show-small or the setting says otherwise."""
    from sigdesk.settings import Settings

    return not (args.show_small or Settings.load().report_small_counts)


def cmd_merge(args: argparse.Namespace) -> int:
    from sigdesk.documents.render import write_document
    from sigdesk.stats.files import merge_files, to_csv, to_json
    from sigdesk.store.outputs import check_output_path

    suffix = args.out.suffix.lower()
    if suffix not in (".json", ".csv", ".docx"):
        raise PeriodError(f"--out ska sluta på .json, .csv eller .docx, inte {args.out.name}.")
    check_output_path(args.out, overwrite=args.force)
    merged = merge_files(args.files)
    if suffix == ".docx":
        from sigdesk.documents.report import ReportRequest, report_bytes

        request = ReportRequest(
            forvaltning=_forvaltning(args),
            sources=len(args.files),
            template_dir=args.templates,
            hide_small=_hide_small(args),
        )
        data = report_bytes(merged, request=request, monthly=None)
    else:
        data = to_json(merged) if suffix == ".json" else to_csv(merged)
    write_document(data, args.out, overwrite=args.force)
    print(f"Skrev {args.out}: {count(len(args.files), 'fil', 'filer')} sammanlagda")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from sigdesk.cli import in_caseload
    from sigdesk.documents.report import ReportRequest, export_report
    from sigdesk.store.outputs import check_output_path

    start, end = _period(args)
    check_output_path(args.out, overwrite=args.force, protect=[args.path])
    request = ReportRequest(
        template_dir=args.templates,
        hide_small=_hide_small(args),
        forvaltning=_forvaltning(args),
    )
    path = in_caseload(
        args,
        lambda session: export_report(
            session,
            start=start,
            end=end,
            out=args.out,
            request=request,
            overwrite=args.force,
            protect=(args.path,),
        ),
        write=False,
    )
    print(f"Skrev {path} (Word-filen är inte krypterad)")
    return 0


def add_period(parser: argparse.ArgumentParser, date_type: Callable[[str], Any]) -> None:
    parser.add_argument(
        "--from", dest="date_from", type=date_type, required=True, metavar="ÅÅÅÅ-MM-DD",
        help="periodens första dag",
    )  # fmt: skip
    parser.add_argument(
        "--to", dest="date_to", type=date_type, required=True, metavar="ÅÅÅÅ-MM-DD",
        help="periodens sista dag (räknas med)",
    )  # fmt: skip


def add_report_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--forvaltning",
        metavar="TEXT",
        help="förvaltningens namn i rapporten (standard: Mina uppgifter)",
    )
    parser.add_argument(
        "--show-small",
        action="store_true",
        help="visa antal 1–2 som de är (standard: <3)",
    )


def add_stats_parsers(
    sub: Any, *, date_type: Callable[[str], Any], caseload: Callable[[Any], None],
    unlock: Callable[[Any], None],
) -> None:  # fmt: skip
    """`stats` and `stats merge` on the main parser's subcommands."""
    p = sub.add_parser(
        "stats",
        help="uppföljningsstatistik för en period (sigdesk stats merge: lägg ihop flera)",
        description="Periodens siffror (SPEC §6) per kön och spår. "
        "Flera handläggares JSON-filer läggs ihop med kommandot sigdesk stats merge.",
    )
    caseload(p)
    add_period(p, date_type)
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="som JSON (exakta täljare och nämnare)")
    form.add_argument("--csv", action="store_true", help="som CSV (semikolon, UTF-8 med BOM)")
    unlock(p)
    p.set_defaults(run=cmd_stats)

    p = sub.add_parser(
        MERGE_COMMAND,
        prog="sigdesk stats merge",
        help="lägg ihop flera handläggares statistik (JSON) till en distriktsrapport",
    )
    p.add_argument("files", type=Path, nargs="+", metavar="FIL.json", help="statistikfilerna")
    p.add_argument(
        "--out", type=Path, required=True, metavar="FIL", help="resultatet: .json, .csv eller .docx"
    )
    p.add_argument("--force", action="store_true", help="ersätt en befintlig fil")
    p.add_argument("--templates", type=Path, metavar="MAPP", help="en mapp med egna mallar")
    add_report_options(p)
    p.set_defaults(run=cmd_merge)
