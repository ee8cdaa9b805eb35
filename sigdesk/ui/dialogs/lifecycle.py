"""Closing a youth's SIG, the follow-up after it, reopening, and deleting a youth.

Each dialog calls one service of `sigdesk.lifecycle` on the worker; its messages come
back to the field they name. Deleting also rewrites the file afterwards (VACUUM, on the
worker) so that nothing of the youth stays in it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
)

from sigdesk.ui.dialogs.base import FormDialog, WriteFn
from sigdesk.ui.forms import DateField, EnumCombo
from sigdesk.ui.i18n import fmt_date

if TYPE_CHECKING:
    from datetime import date

    from PySide6.QtWidgets import QWidget

    from sigdesk.caseload import YouthDetail
    from sigdesk.changes import Changes
    from sigdesk.context import AppContext
    from sigdesk.lifecycle import PlannedMeeting
    from sigdesk.store.secure import CleanupReport, Progress
    from sigdesk.ui.ops import Ops


def _above_form(dialog: FormDialog, label: QLabel) -> None:
    """A wrapped text over the whole width (a form row would clip its second paragraph)."""
    layout = dialog.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(1, label)


def _comment_box(height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


class CloseYouthDialog(FormDialog):
    """Avslut: date, reason, comment, the follow-up date, and which planned meetings to cancel."""

    def __init__(self, ops: Ops, youth_id: int, parent: QWidget | None = None) -> None:
        from sigdesk.catalogues import ClosureReason

        super().__init__(ops, "", parent)
        self.setWindowTitle(self.tr("Close the youth's SIG"))
        self.youth_id = youth_id
        self.closed_on = DateField(required=True)
        self.closed_on.set_value(ops.ctx.clock.today())
        self.reason = EnumCombo(ClosureReason)
        self.comment = _comment_box(80)
        self.followup_on = DateField()
        self.followup_on.setPlaceholderText(
            self.tr("empty = six months after closure (none when handed over)")
        )
        self.meetings = QStandardItemModel(self)
        self.meetings.itemChanged.connect(self.mark_dirty)
        self.meeting_list = QListView()
        self.meeting_list.setModel(self.meetings)
        self.meeting_list.setWordWrap(True)
        self.meeting_list.setMinimumHeight(60)
        self.meeting_list.setMaximumHeight(130)
        self.setMinimumWidth(640)
        self.meeting_note = QLabel(self.tr("Looking for planned meetings…"))
        self.add_row(self.tr("Closed on *"), self.closed_on, fields=["Avslutsdatum"])
        self.add_row(self.tr("Reason"), self.reason, fields=["Status"])
        self.add_row(self.tr("Comment"), self.comment, fields=["Kommentar"])
        self.add_row(self.tr("Follow-up on"), self.followup_on)
        self.add_row(self.tr("Planned meetings"), self.meeting_note)
        self.form.addRow("", self.meeting_list)
        from sigdesk.lifecycle import meetings_to_cancel

        ops.query(
            lambda s: meetings_to_cancel(s, youth_id=youth_id), self._show_meetings, owner=self
        )

    def _show_meetings(self, meetings: list[PlannedMeeting]) -> None:
        self.meetings.clear()
        for m in meetings:
            text = f"{fmt_date(m.starts_at.date())} {m.starts_at:%H:%M}"
            if m.place:
                text += f" — {m.place}"
            if m.has_draft:
                text += " " + self.tr("(unfinished meeting notes: discarded)")
            item = QStandardItem(text)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(m.id, Qt.ItemDataRole.UserRole)
            self.meetings.appendRow(item)
        self.form.setRowVisible(self.meeting_list, bool(meetings))
        self.meeting_note.setText(
            self.tr("Ticked meetings are cancelled (no longer exported to the calendar).")
            if meetings
            else self.tr("No planned meetings.")
        )
        self.adjustSize()

    def ticked_meetings(self) -> list[int]:
        return [
            int(self.meetings.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.meetings.rowCount())
            if self.meetings.item(row).checkState() == Qt.CheckState.Checked
        ]

    def build_write(self) -> WriteFn:
        from sigdesk.lifecycle import close_sig

        closed_on = self.closed_on.value_or_none()
        assert closed_on is not None
        reason, comment = self.reason.value(), self.comment.toPlainText()
        followup, today = self.followup_on.value_or_none(), self.ops.ctx.clock.today()
        youth_id, cancel = self.youth_id, self.ticked_meetings()
        return lambda s: close_sig(
            s,
            youth_id=youth_id,
            closed_on=closed_on,
            reason=reason,
            comment=comment,
            followup_on=followup,
            cancel_meeting_ids=cancel,
            today=today,
        )


class FollowupDialog(FormDialog):
    """Uppföljning efter avslut: the day it was done, what it found, a comment."""

    def __init__(self, ops: Ops, youth_id: int, parent: QWidget | None = None) -> None:
        from sigdesk.caseload import youth_detail
        from sigdesk.catalogues import FollowupOutcome

        super().__init__(ops, "", parent)
        self.setWindowTitle(self.tr("Follow-up after closure"))
        self.youth_id = youth_id
        self.intro = QLabel()
        self.form.addRow(self.intro)
        self.done_on = DateField(required=True)
        self.done_on.set_value(ops.ctx.clock.today())
        self.outcome = EnumCombo(FollowupOutcome)
        self.comment = _comment_box()
        self.add_row(self.tr("Done on *"), self.done_on, fields=["Uppföljd"])
        self.add_row(self.tr("Outcome"), self.outcome)
        self.add_row(self.tr("Comment"), self.comment, fields=["Kommentar"])
        ops.query(lambda s: youth_detail(s, youth_id), self._show_youth, owner=self)

    def _show_youth(self, detail: YouthDetail) -> None:
        if detail.closed_on is None:
            self.intro.setText(self.tr("{name} is not closed.").format(name=detail.full_name))
            return
        self.intro.setText(
            self.tr("{name}, closed on {day} ({reason}).").format(
                name=detail.full_name,
                day=fmt_date(detail.closed_on),
                reason=detail.closure_reason.label if detail.closure_reason else "",
            )
        )

    def build_write(self) -> WriteFn:
        from sigdesk.lifecycle import record_followup

        done_on = self.done_on.value_or_none()
        assert done_on is not None
        outcome, comment = self.outcome.value(), self.comment.toPlainText()
        youth_id, today = self.youth_id, self.ops.ctx.clock.today()
        return lambda s: record_followup(
            s, youth_id=youth_id, done_on=done_on, outcome=outcome, comment=comment, today=today
        )


class ReopenDialog(FormDialog):
    """Återuppta SIG: a new period from a start date; the closure stays in the history."""

    def __init__(
        self, ops: Ops, youth_id: int, *, closed_on: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(ops, "", parent)
        self.setWindowTitle(self.tr("Reopen SIG"))
        self.youth_id = youth_id
        intro = QLabel(
            self.tr(
                "A new SIG period begins. The period that ended on {day} stays in the "
                "history; the five-week deadline counts from the new start."
            ).format(day=fmt_date(closed_on))
        )
        intro.setWordWrap(True)
        _above_form(self, intro)
        self.start_on = DateField(required=True)
        self.start_on.set_value(ops.ctx.clock.today())
        self.note = _comment_box()
        self.add_row(self.tr("New start *"), self.start_on, fields=["Ny start"])
        self.add_row(self.tr("Note on the new period"), self.note, fields=["Anteckning"])

    def build_write(self) -> WriteFn:
        from sigdesk.lifecycle import reopen_youth

        start_on = self.start_on.value_or_none()
        assert start_on is not None
        note, youth_id, today = self.note.toPlainText(), self.youth_id, self.ops.ctx.clock.today()
        return lambda s: reopen_youth(
            s, youth_id=youth_id, start_on=start_on, note=note, today=today
        )


def secure_cleanup_job(ctx: AppContext, progress: Progress | None = None) -> CleanupReport:
    """The file rewritten after a deletion (worker); refused while the caseload is locked."""
    from sigdesk.context import NotOpenError
    from sigdesk.store.secure import secure_cleanup

    if ctx.caseload is None:
        raise NotOpenError("Ärendefilen är låst; rensningen görs vid nästa gallring.")
    return secure_cleanup(ctx.caseload, progress=progress)


class DeleteYouthDialog(FormDialog):
    """Delete a youth entered by mistake: the full name typed to confirm; then a clean file."""

    def __init__(
        self, ops: Ops, youth_id: int, *, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ops, "", parent)
        self.setWindowTitle(self.tr("Delete youth"))
        self.youth_id, self.name = youth_id, name
        warning = QLabel(
            self.tr(
                "Delete {name} and everything about them: guardians, network, consent, "
                "plan, meetings with notes, an unfinished meeting, closures and the event "
                "log. This cannot be undone. The event log keeps only that a youth was "
                "deleted, without a name.\n\nOlder backups still hold the youth until they "
                "rotate out."
            ).format(name=name)
        )
        warning.setWordWrap(True)
        self.setMinimumWidth(560)
        _above_form(self, warning)
        self.typed = QLineEdit()
        self.typed.setPlaceholderText(name)
        self.add_row(self.tr("Type the full name *"), self.typed, fields=["Namn"])
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Delete"))
        self.cleaned: CleanupReport | None = None
        self.typed.setFocus()

    def build_write(self) -> WriteFn:
        from sigdesk.catalogues import DeletionReason
        from sigdesk.errors import ValidationError
        from sigdesk.lifecycle import delete_youth
        from sigdesk.ui.meeting_mode import open_views

        if any(view.start.youth_id == self.youth_id for view in open_views()):
            raise ValidationError(
                "Namn",
                "Mötesläget är öppet för ungdomen: avsluta eller stäng mötet först. "
                "Ingenting har raderats.",
            )
        youth_id, typed = self.youth_id, self.typed.text()
        return lambda s: delete_youth(
            s, youth_id=youth_id, typed_name=typed, reason=DeletionReason.MISTAKE
        )

    def _on_saved(self, changes: Changes) -> None:
        self.ops.call(secure_cleanup_job, self._cleaned, owner=self.parent())
        super()._on_saved(changes)

    def _cleaned(self, report: CleanupReport) -> None:
        self.cleaned = report
