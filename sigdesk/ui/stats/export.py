"""The view's exports of the shown period, through the existing services: the
Uppföljningsrapport (sigdesk.documents.report), CSV and JSON (sigdesk.stats.files).

The save dialog and its rules are the window's usual ones (sigdesk/ui/save_target.py):
never a caseload or its key file, an existing file replaced only after a yes. The files
hold no name, personnummer or id; the report hides counts of 1–2 unless the setting says
otherwise. The writing runs on the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from sigdesk.ui.save_folder import remember_export_folder, start_path
from sigdesk.ui.save_target import ask_save_path, confirm_outputs

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sigdesk.ui.ops import Ops


class ExportKind(StrEnum):
    REPORT = "docx"
    CSV = "csv"
    JSON = "json"


@dataclass(frozen=True)
class StatsExport:
    ops: Ops
    parent: QWidget
    start: date
    end: date

    def suggested_name(self, kind: ExportKind) -> str:
        return f"uppfoljning-{self.start.isoformat()}-{self.end.isoformat()}.{kind.value}"

    def ask(self, kind: ExportKind) -> Path | None:
        filters = {
            ExportKind.REPORT: QCoreApplication.translate("StatsExport", "Word documents (*.docx)"),
            ExportKind.CSV: QCoreApplication.translate("StatsExport", "CSV files (*.csv)"),
            ExportKind.JSON: QCoreApplication.translate("StatsExport", "JSON files (*.json)"),
        }[kind]
        settings = self.ops.ctx.settings
        path = ask_save_path(
            self.parent,
            QCoreApplication.translate("StatsExport", "Export the follow-up"),
            start_path(settings, self.suggested_name(kind)),
            filters,
        )
        if path is not None and path.suffix.lower() != f".{kind.value}":
            path = path.with_name(f"{path.name}.{kind.value}")
        return path

    def write(self, kind: ExportKind, path: Path, done: Callable[[str], None]) -> None:
        """Write the period's file to `path` (after the save-target rules) on the worker;
        `done(message)` on the GUI thread once it is written."""
        overwrite = confirm_outputs(self.parent, self.ops, [path])
        if overwrite is None:
            return
        remember_export_folder(self.ops.ctx.settings, path)
        write = self._writer(kind, path, overwrite)
        message = QCoreApplication.translate(
            "StatsExport", "Wrote {file}. The file is not encrypted; it holds no names."
        )
        self.ops.query(write, lambda out: done(message.format(file=out.name)), owner=self.parent)

    def _writer(self, kind: ExportKind, path: Path, overwrite: bool) -> Callable[[Session], Path]:
        from sigdesk import settings as s

        ctx, start, end = self.ops.ctx, self.start, self.end
        protect = (ctx.caseload_path,)
        folder = str(ctx.settings.get(s.TEMPLATE_FOLDER) or "").strip()
        hide_small = not ctx.settings.report_small_counts
        today = ctx.clock.today()

        def write(session: Session) -> Path:
            from sigdesk.documents.render import write_document

            if kind is ExportKind.REPORT:
                from sigdesk.documents.report import ReportRequest, export_report

                request = ReportRequest(
                    template_dir=Path(folder) if folder else None, hide_small=hide_small
                )
                return export_report(
                    session, start=start, end=end, out=path, request=request,
                    overwrite=overwrite, protect=protect, made_on=today,
                )  # fmt: skip
            from sigdesk.stats import period_stats
            from sigdesk.stats.files import to_csv, to_json

            stats = period_stats(session, start=start, end=end)
            data = to_csv(stats) if kind is ExportKind.CSV else to_json(stats)
            return write_document(data, path, overwrite=overwrite, protect=protect)

        return write
