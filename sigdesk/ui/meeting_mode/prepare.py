"""Förbered möte: the kallelse and the dagordning in one step, and who gets them.

Actors without a valid consent on the meeting day are shown and left off the
distribution: no information about the youth goes to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sigdesk.documents.render import DocumentKind
from sigdesk.ui.i18n import fmt_day_and_date
from sigdesk.ui.meeting_mode.exports import DocJob, DocumentExporter, suggested_name
from sigdesk.ui.widgets import Banner

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sigdesk.meetings import MeetingRow
    from sigdesk.schedule import Proposal
    from sigdesk.ui.ops import Ops


@dataclass(frozen=True)
class Invited:
    send_to: list[str]
    left_off: list[str]
    agenda: tuple[str, ...] = ()


def load_invited(session: Session, youth_id: int, day: date, meeting_id: int) -> Invited:
    """Who the documents name and go to (SPEC §5's rule), and the meeting's own items."""
    from sigdesk.catalogues import ParticipantKind
    from sigdesk.consent import disclosure_on
    from sigdesk.meetings import meeting_agenda, participants_of

    rule = disclosure_on(session, youth_id, day)
    send_to, left_off = [], []
    for p in participants_of(session, youth_id):
        line = f"{p.name} — {p.role}"
        kind, ident = p.participant.kind, p.participant.id
        if kind is ParticipantKind.ACTOR and not rule.names(ident):
            left_off.append(line)
        else:
            send_to.append(line)
    return Invited(send_to, left_off, tuple(meeting_agenda(session, meeting_id)))


class PrepareDialog(QDialog):
    def __init__(
        self, ops: Ops, youth_id: int, meeting: MeetingRow, first_name: str, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.ops, self.youth_id, self.meeting, self.first_name = ops, youth_id, meeting, first_name
        self.setWindowTitle(self.tr("Prepare the meeting"))
        self.setMinimumWidth(560)
        title = QLabel(
            self.tr("Meeting {when}, {place}").format(
                when=fmt_day_and_date(meeting.starts_at), place=meeting.place or "–"
            )
        )
        title.setStyleSheet("font-weight:bold;")
        self.send_to = QListWidget()
        self.left_off = Banner("warning")
        note = Banner("info")
        note.show_text(
            self.tr(
                "Writes the invitation (kallelse) and the agenda (dagordning) as Word files. "
                "They are not encrypted; send them only to those listed."
            )
        )
        self.agenda = QPlainTextEdit()
        self.agenda.setPlaceholderText(
            self.tr("Items of your own for this meeting, one per line (taken up under Övrigt)")
        )
        self.agenda.setMaximumHeight(70)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.write_button = self.buttons.addButton(
            self.tr("&Write invitation and agenda…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.rejected.connect(self.reject)
        self.write_button.clicked.connect(self.write_documents)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("Invited (send to):")))
        layout.addWidget(self.send_to)
        layout.addWidget(self.left_off)
        layout.addWidget(QLabel(self.tr("Extra agenda items:")))
        layout.addWidget(self.agenda)
        layout.addWidget(note)
        self.next_date = Banner("info")
        layout.addWidget(self.next_date)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        self.exporter = DocumentExporter(ops, self)
        self.exporter.written.connect(self._written)
        day, meeting_id = meeting.starts_at.date(), meeting.id
        ops.query(lambda s: load_invited(s, youth_id, day, meeting_id), self._show, owner=self)
        self._load_next_date()

    def _load_next_date(self) -> None:
        """The date the meeting after this one will be proposed for (agenda item 8)."""
        from sigdesk.schedule import propose_after_meeting

        meeting_id, today = self.meeting.id, self.ops.ctx.clock.today()
        margin = self.ops.ctx.settings.proposal_margin_days
        self.ops.query(
            lambda s: propose_after_meeting(s, meeting_id, today=today, margin_days=margin),
            self._show_next_date,
            owner=self,
        )

    def _show_next_date(self, proposal: Proposal) -> None:
        if proposal.starts_at is None:
            return
        self.next_date.show_text(
            self.tr("Proposed meeting after this one (item 8): {when}. {reason}").format(
                when=fmt_day_and_date(proposal.starts_at), reason=proposal.reason
            )
        )

    def _show(self, invited: Invited) -> None:
        self.send_to.clear()
        self.send_to.addItems(invited.send_to)
        self.left_off.show_text(
            self.tr(
                "No valid consent on the meeting day — left off the distribution:\n{actors}"
            ).format(actors="\n".join(invited.left_off))
            if invited.left_off
            else ""
        )
        self.agenda.setPlainText("\n".join(invited.agenda))
        self.invited = invited

    def write_documents(self) -> None:
        """Keep the extra agenda items, then ask where and write both documents."""
        day = self.meeting.starts_at.date()
        first = self.exporter.folder / suggested_name(DocumentKind.INVITATION, self.first_name, day)
        chosen = self.exporter.choose_path(first)
        if chosen is None:
            return
        agenda = chosen.parent / suggested_name(DocumentKind.AGENDA, self.first_name, day)
        jobs = [
            DocJob(DocumentKind.INVITATION, chosen, self.meeting.id),
            DocJob(DocumentKind.AGENDA, agenda, self.meeting.id),
        ]
        from sigdesk.meetings import set_agenda

        items, meeting_id = self.agenda.toPlainText().splitlines(), self.meeting.id
        self.ops.write(
            lambda s: set_agenda(s, meeting_id, items),
            lambda _c: self.exporter.export(self.youth_id, jobs),
            owner=self,
        )

    def _written(self, paths: list[Path]) -> None:
        self.written = paths
        lines = []
        if paths:
            names = ", ".join(p.name for p in paths)
            lines.append(self.tr("Written: {files}").format(files=names))
        if self.exporter.skipped:
            names = ", ".join(p.name for p in self.exporter.skipped)
            lines.append(
                self.tr("Not written (you kept the existing file): {files}").format(files=names)
            )
        if paths and self.exporter.last_withheld:
            lines.append(self.exporter.last_withheld)
        self.result.setText("\n".join(lines))
        self.adjustSize()  # room for the result, however many lines
        self.write_button.setText(self.tr("&Write again…"))
