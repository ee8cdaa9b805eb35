"""The Möten tab's "Dokument" menu: every Word document of the youth, names suggested."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMenu, QToolButton

from sigdesk.documents.render import DocumentKind

if TYPE_CHECKING:
    from sigdesk.ui.youth.meetings_tab import MeetingsTab


class DocumentsButton(QToolButton):
    def __init__(self, tab: MeetingsTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.setText(self.tr("&Documents"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        entries = (
            (self.tr("Action plan (Word)…"), DocumentKind.PLAN),
            (self.tr("Action plan, short (Word)…"), DocumentKind.PLAN_SHORT),
            (self.tr("Invitation to the next meeting (Word)…"), DocumentKind.INVITATION),
            (self.tr("Agenda of the next meeting (Word)…"), DocumentKind.AGENDA),
            (self.tr("Minutes of the selected held meeting (Word)…"), DocumentKind.MINUTES),
        )
        for text, kind in entries:
            menu.addAction(text, lambda kind=kind: self.export_document(kind))
        menu.addSeparator()
        note = menu.addAction(self.tr("Word files are not encrypted."))
        note.setEnabled(False)
        self.setMenu(menu)
        self.exporter: Any = None

    def _meeting_for(self, kind: DocumentKind) -> tuple[int | None, Any]:
        tab = self.tab
        if kind in (DocumentKind.INVITATION, DocumentKind.AGENDA):
            nxt = tab.upcoming_meeting()
            return (nxt.id, nxt.starts_at.date()) if nxt is not None else (None, None)
        if kind is not DocumentKind.MINUTES or tab.data is None:
            return None, None
        selected = tab.selected_meeting()
        if selected is not None and selected.status.value == "genomfort":
            return selected.id, selected.starts_at.date()
        held = [m for m in tab.data.meetings if m.status.value == "genomfort"]
        return (held[0].id, held[0].starts_at.date()) if held else (None, None)

    def export_document(self, kind: DocumentKind) -> None:
        """Ask where (the name suggested from first name, document and date), then write."""
        tab = self.tab
        if tab.youth_id is None or tab.data is None:
            return
        from sigdesk.ui.meeting_mode.exports import DocumentExporter

        meeting_id, day = self._meeting_for(kind)
        self.exporter = DocumentExporter(tab.ops, tab)
        self.exporter.written.connect(self._written)
        self.exporter.ask_and_export(
            tab.youth_id, kind, tab.data.first_name, meeting_id=meeting_id, day=day
        )

    def _written(self, paths: list[Any]) -> None:
        if not paths:
            return
        text = self.tr("Saved {file}. The Word file is not encrypted.").format(file=paths[0].name)
        withheld = getattr(self.exporter, "last_withheld", "")
        self.tab.exported.emit(f"{text} {withheld}".strip().replace("\n", " "))
