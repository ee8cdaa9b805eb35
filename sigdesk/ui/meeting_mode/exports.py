"""Writing Word documents from the UI: file names, the save dialog, templates, opening.

One helper for every export button: the file name is suggested from the youth's first
name, the document and the date; a broken custom template offers the built-in one; an
existing file is replaced only after asking; afterwards the document can be opened.
The user is reminded that Word files leave the caseload's encryption behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from sigdesk.documents.render import DocumentKind
from sigdesk.ui import widgets
from sigdesk.ui.meeting_mode.state import document_file_name
from sigdesk.ui.save_folder import export_folder, remember_export_folder
from sigdesk.ui.save_target import ask_save_path, outputs_allowed

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sigdesk.changes import Changes
    from sigdesk.ui.ops import Ops

LABELS = {
    DocumentKind.PLAN: "Åtgärdsplan",
    DocumentKind.PLAN_SHORT: "Åtgärdsplan kort",
    DocumentKind.INVITATION: "Kallelse",
    DocumentKind.AGENDA: "Dagordning",
    DocumentKind.MINUTES: "Minnesanteckningar",
}


@dataclass(frozen=True)
class DocJob:
    kind: DocumentKind
    out: Path
    meeting_id: int | None = None


def suggested_name(kind: DocumentKind, first_name: str, day: date) -> str:
    return document_file_name(LABELS[kind], first_name, day)


def open_with_default_program(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class DocumentExporter(QObject):
    """Exports on the worker; `written` carries the paths. Tests replace the two callables."""

    written = Signal(list)
    failed = Signal(str)
    #: What the confidentiality rule left out of the documents just written ("" if nothing).
    withheld = Signal(str)

    def __init__(self, ops: Ops, parent: QWidget) -> None:
        super().__init__(parent)
        self.ops = ops
        self.widget = parent
        self.folder = export_folder(ops.ctx.settings)
        self.last_withheld = ""
        self.skipped: list[Path] = []
        #: Asks where to save (suggested file path) → the chosen path or None.
        self.choose_path: Callable[[Path], Path | None] = self._ask_path
        #: Opens a written document in the default program (Word).
        self.open_url: Callable[[Path], None] = open_with_default_program

    def use_folder(self, folder: Path) -> None:
        """Save here from now on, and start the next save dialog here."""
        self.folder = folder
        remember_export_folder(self.ops.ctx.settings, folder)

    def _ask_path(self, suggested: Path) -> Path | None:
        return ask_save_path(
            self.widget,
            self.tr("Save the Word document (not encrypted)"),
            suggested,
            self.tr("Word documents (*.docx)"),
        )

    def ask_and_export(
        self,
        youth_id: int,
        kind: DocumentKind,
        first_name: str,
        *,
        meeting_id: int | None = None,
        day: date | None = None,
        offer_open: bool = True,
    ) -> None:
        """Ask for the file (name suggested), then write one document."""
        today = self.ops.ctx.clock.today()
        suggested = self.folder / suggested_name(kind, first_name, day or today)
        path = self.choose_path(suggested)
        if path is None:
            return
        self.export(youth_id, [DocJob(kind, path, meeting_id)], offer_open=offer_open)

    def export(self, youth_id: int, jobs: list[DocJob], *, offer_open: bool = True) -> None:
        """Write the jobs; an existing file is replaced only after a yes, asked file by file.

        A file the user keeps is skipped and the others are still written; `skipped`
        names what was left as it was.
        """
        from sigdesk import settings as s

        if not jobs:
            return
        # Never a caseload or its key file (refused with a message, nothing asked).
        if not outputs_allowed(self.ops, [j.out for j in jobs]):
            return
        self.use_folder(jobs[0].out.parent)
        kept = [j for j in jobs if j.out.exists() and not self._replace(j.out)]
        self.skipped = [j.out for j in kept]
        todo = [j for j in jobs if j not in kept]
        overwrite = any(j.out.exists() for j in todo)
        if not todo:
            self.written.emit([])
            return
        folder = str(self.ops.ctx.settings.get(s.TEMPLATE_FOLDER) or "").strip()
        template_dir = Path(folder) if folder else None
        pnr = bool(self.ops.ctx.settings.get(s.PERSONNUMMER_IN_DOCUMENTS))
        self._run(youth_id, todo, overwrite, template_dir, pnr, offer_open)

    def _replace(self, path: Path) -> bool:
        return widgets.ask(
            self.widget,
            self.tr("Replace the file?"),
            self.tr("{files} already exists. Replace it?").format(files=path.name),
        )

    def _run(
        self,
        youth_id: int,
        jobs: list[DocJob],
        overwrite: bool,
        template_dir: Path | None,
        pnr: bool,
        offer_open: bool,
    ) -> None:
        from sigdesk.changes import ChangeKind, changed
        from sigdesk.documents.builders import ExportRequest, export

        today = self.ops.ctx.clock.today()
        paths: list[Path] = []
        notices: list[str] = []

        def write(session: Session) -> Changes:
            for job in jobs:
                request = ExportRequest(
                    job.kind,
                    youth_id,
                    job.out,
                    meeting_id=job.meeting_id,
                    overwrite=overwrite,
                    template_dir=template_dir,
                    include_personnummer=pnr,
                    protect=(self.ops.ctx.caseload_path,),
                )
                result = export(session, request, today=today)
                paths.append(result.path)
                notice = result.notice()
                if notice and notice not in notices:
                    notices.append(notice)
            return changed(ChangeKind.EVENTS, youth_id=youth_id)

        def failed(exc: BaseException) -> None:
            from sigdesk.documents.render import TemplateError

            if isinstance(exc, TemplateError) and template_dir is not None:
                use_builtin = widgets.ask(
                    self.widget,
                    self.tr("The template cannot be used"),
                    exc.one_line() + "\n\n" + self.tr("Use the built-in template this time?"),
                )
                if use_builtin:
                    self._run(youth_id, jobs, overwrite, None, pnr, offer_open)
                return
            self.failed.emit(getattr(exc, "message", ""))
            self.ops.presenter.present(exc)

        self.ops.write(
            write,
            lambda _c: self._done(list(paths), offer_open, "\n".join(notices)),
            failed=failed,
            owner=self,
        )

    def withheld_text(self, notices: str) -> str:
        """The worker's note on who the documents leave out and why, or "" when nobody.

        The service's own line ("Utelämnat (inget giltigt samtycke 2026-12-18): …"), in
        Swedish like the documents it describes.
        """
        return notices

    def _done(self, paths: list[Path], offer_open: bool, notices: str = "") -> None:
        self.last_withheld = self.withheld_text(notices)
        self.withheld.emit(self.last_withheld)
        self.written.emit(paths)
        if not offer_open or not paths:
            return
        first = paths[0]
        left_out = f"{self.last_withheld}\n\n" if self.last_withheld else ""
        if widgets.ask(
            self.widget,
            self.tr("Document saved"),
            self.tr(
                "Saved {name}.\n\nThe Word file is not encrypted: keep it where your "
                "city's rules allow and file it in the journal system."
            ).format(name=first.name)
            + "\n\n"
            + left_out
            + self.tr("Open it now?"),
        ):
            self.open_url(first)
