"""After "Avsluta möte": the minutes, the updated plan and the next meeting's .ics in one step."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sigdesk.documents.render import DocumentKind
from sigdesk.ui.i18n import weekday
from sigdesk.ui.meeting_mode.exports import DocJob, DocumentExporter, suggested_name
from sigdesk.ui.meeting_mode.state import document_file_name
from sigdesk.ui.save_target import confirm_outputs
from sigdesk.ui.widgets import Banner

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sigdesk.changes import Changes
    from sigdesk.ui.meeting_mode.state import MeetingStart
    from sigdesk.ui.ops import Ops


class FinishPanel(QWidget):
    close_requested = Signal()
    files_written = Signal(list)  # every path written (documents and .ics)

    def __init__(
        self,
        ops: Ops,
        start: MeetingStart,
        payload: dict[str, Any],
        changes: Changes,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops, self.start = ops, start
        self.next_meeting_id = changes.created_id
        self.exporter = DocumentExporter(ops, self)
        self.exporter.written.connect(self._documents_written)
        title = QLabel(self.tr("The meeting is recorded."))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        nxt = payload.get("next") or {}
        self.next_day = _iso(nxt.get("date", ""))
        if self.next_meeting_id is not None:
            when = f"{nxt.get('date', '')} {nxt.get('time', '')}"
            if self.next_day is not None:
                when = f"{weekday(self.next_day)} {when}"
            text = self.tr("Next meeting: {when}, {place}.").format(
                when=when, place=nxt.get("place") or "–"
            )
        else:
            text = self.tr("No next meeting was planned here.")
        self.next_label = QLabel(text)
        warning = Banner("warning")
        warning.show_text(
            self.tr(
                "Word and calendar files are not encrypted: they leave the caseload's "
                "protection. Save them where your city's rules allow, and file the minutes "
                "in the journal system."
            )
        )
        self.minutes = QCheckBox(self.tr("&Minutes (Word)"))
        self.minutes.setChecked(True)
        self.plan = QCheckBox(self.tr("Updated action &plan (Word)"))
        self.plan_short = QCheckBox(self.tr("Updated action plan, &short version (Word)"))
        self.ics = QCheckBox(self.tr("Next meeting for the &calendar (.ics)"))
        self.ics.setChecked(self.next_meeting_id is not None)
        self.ics.setEnabled(self.next_meeting_id is not None)
        self.save_button = QPushButton(self.tr("&Save the files…"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.clicked.connect(self.close_requested.emit)
        self.result = QLabel()
        self.result.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.setSpacing(12)
        for widget in (title, self.next_label, warning, self.minutes, self.plan):
            layout.addWidget(widget)
        for widget in (self.plan_short, self.ics):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.written: list[Path] = []

    def _jobs(self, folder: Path) -> list[DocJob]:
        s, today = self.start, self.ops.ctx.clock.today()
        jobs = []
        if self.minutes.isChecked():
            name = suggested_name(DocumentKind.MINUTES, s.first_name, s.starts_at.date())
            jobs.append(DocJob(DocumentKind.MINUTES, folder / name, s.meeting_id))
        for box, kind in (
            (self.plan, DocumentKind.PLAN),
            (self.plan_short, DocumentKind.PLAN_SHORT),
        ):
            if box.isChecked():
                jobs.append(DocJob(kind, folder / suggested_name(kind, s.first_name, today)))
        return jobs

    def save(self) -> None:
        """Ask where (the minutes' file name suggested); the rest goes beside it."""
        jobs = self._jobs(self.exporter.folder)
        if not jobs and not self.ics.isChecked():
            return
        first = jobs[0].out if jobs else self.exporter.folder / self._ics_name()
        chosen = self.exporter.choose_path(first)
        if chosen is None:
            return
        folder = chosen.parent
        jobs = self._jobs(folder)
        if jobs:
            jobs[0] = DocJob(jobs[0].kind, chosen, jobs[0].meeting_id)
            self.exporter.export(self.start.youth_id, jobs, offer_open=self.minutes.isChecked())
        else:
            self.exporter.use_folder(folder)
            self._documents_written([])

    def _ics_name(self) -> str:
        day = self.next_day or self.start.today
        return document_file_name("Nästa möte", self.start.first_name, day)[:-5] + ".ics"

    def _documents_written(self, paths: list[Path]) -> None:
        self.written = list(paths)
        if not (self.ics.isChecked() and self.next_meeting_id is not None):
            self._report()
            return
        target = self.exporter.folder / self._ics_name()
        meeting_id = self.next_meeting_id
        overwrite = confirm_outputs(self, self.ops, [target])
        if overwrite is None:
            self._report()
            return
        protect = [self.ops.ctx.caseload_path]

        def write(session: Session) -> Path:
            from sigdesk.documents.ics import write_calendar
            from sigdesk.schedule import calendar_entries

            entries = calendar_entries(session, youth_id=self.start.youth_id)
            mine = [e for e in entries if e.uid_key.startswith(f"meeting/{meeting_id}/")]
            write_calendar(target, mine, overwrite=overwrite, protect=protect)
            return target

        self.ops.query(write, self._ics_written, owner=self)

    def _ics_written(self, path: Path) -> None:
        self.written.append(path)
        self._report()

    def _report(self) -> None:
        names = "\n".join(f"• {p}" for p in self.written)
        text = self.tr("Saved:\n{files}").format(files=names)
        withheld = self.exporter.last_withheld  # what SPEC §5's rule left out, and why
        self.result.setText(f"{text}\n\n{withheld}" if withheld else text)
        self.files_written.emit(list(self.written))


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
