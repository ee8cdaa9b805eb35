"""Gallring: closed youths whose closure is older than the setting, deleted securely.

The list comes from `sigdesk.gallring.due_for_gallring`; the deletion is one write
(`lifecycle.delete_youths`), then the file is rewritten on the worker
(`store.secure.secure_cleanup`: VACUUM, the -wal emptied) with its steps shown here.
A clean-up left over from an interrupted run is offered on its own.
"""

from __future__ import annotations

import queue
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sigdesk.ui.i18n import fmt_date
from sigdesk.ui.widgets import Banner

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sigdesk.changes import Changes
    from sigdesk.context import AppContext
    from sigdesk.gallring import GallringCandidate
    from sigdesk.store.secure import CleanupReport
    from sigdesk.ui.ops import Ops


@dataclass(frozen=True)
class GallringView:
    due: list[GallringCandidate]
    pending: int


def load_gallring(session: Session, today: object, months: int) -> GallringView:
    from sigdesk.gallring import due_for_gallring
    from sigdesk.lifecycle import deletions_pending_cleanup

    due = due_for_gallring(session, today=today, older_than_months=months)  # type: ignore[arg-type]
    return GallringView(due, deletions_pending_cleanup(session))


class GallringDialog(QDialog):
    """Lists the youths due, deletes the ticked ones and rewrites the file, with progress."""

    finished_cleanup = Signal()  # the file has been rewritten (tests)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.months = ops.ctx.settings.gallring_months
        self.setWindowTitle(self.tr("Gallring"))
        self.setMinimumWidth(560)
        self.heading = QLabel(self.tr("Looking for closed youths…"))
        self.heading.setWordWrap(True)
        self.youths = QStandardItemModel(self)
        self.list = QListView()
        self.list.setModel(self.youths)
        self.list.setMinimumHeight(180)
        note = Banner("info")
        note.show_text(
            self.tr(
                "Secure deletion: the youths are removed and the caseload file is rewritten "
                "so that nothing of them remains in it. Older backups still hold them until "
                "they rotate out (7 daily and 4 weekly)."
            )
        )
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.step = QLabel()
        self.step.setWordWrap(True)
        self.run_button = QPushButton(self.tr("Delete securely"))
        self.run_button.setEnabled(False)
        self.run_button.clicked.connect(self.run)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.run_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.list, note, self.progress, self.step, self.buttons):
            layout.addWidget(widget)
        self.view: GallringView | None = None
        self.running = False
        self._steps: queue.SimpleQueue[tuple[int, int, str]] = queue.SimpleQueue()
        self._poll = QTimer(self)
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._show_steps)
        today, months = ops.ctx.clock.today(), self.months
        ops.query(lambda s: load_gallring(s, today, months), self._show, owner=self)

    def _show(self, view: GallringView) -> None:
        self.view = view
        self.youths.clear()
        for c in view.due:
            item = QStandardItem(
                self.tr("{name} — closed on {day} ({reason})").format(
                    name=c.name, day=fmt_date(c.closed_on), reason=c.reason.label
                )
            )
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(c.youth_id, Qt.ItemDataRole.UserRole)
            self.youths.appendRow(item)
        self.list.setVisible(bool(view.due))
        if view.due:
            self.heading.setText(
                self.tr("{n} closed youths whose closure is older than {months} months:").format(
                    n=len(view.due), months=self.months
                )
            )
        elif view.pending:
            self.heading.setText(
                self.tr("An interrupted gallring has not rewritten the file yet: finish it now.")
            )
            self.run_button.setText(self.tr("Finish the gallring"))
        else:
            self.heading.setText(
                self.tr(
                    "Nothing to delete: no closed youth's closure is older than {months} months."
                ).format(months=self.months)
            )
        self.run_button.setEnabled(bool(view.due) or view.pending > 0)

    def ticked(self) -> list[int]:
        return [
            int(self.youths.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.youths.rowCount())
            if self.youths.item(row).checkState() == Qt.CheckState.Checked
        ]

    def run(self) -> None:
        from sigdesk.ui import widgets

        ids = self.ticked()
        if self.view is None or self.running or (not ids and not self.view.pending):
            return
        if ids:
            question = self.tr(
                "Delete {n} youths and everything about them? This cannot be undone."
            ).format(n=len(ids))
            if not widgets.ask(self, self.tr("Gallring"), question):
                return
        self._start(len(ids))
        if not ids:
            self._clean()
            return
        from sigdesk.catalogues import DeletionReason
        from sigdesk.lifecycle import delete_youths

        self.ops.write(
            lambda s: delete_youths(s, youth_ids=ids, reason=DeletionReason.GALLRING),
            self._deleted,
            failed=self._failed,
            owner=self,
        )

    def _start(self, count: int) -> None:
        self.running = True
        self.run_button.setEnabled(False)
        self.list.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 4)
        self.progress.setValue(0)
        self.step.setText(self.tr("Deleting {n} youths…").format(n=count))
        self._poll.start()

    def _deleted(self, _changes: Changes) -> None:
        self.progress.setValue(1)
        self._clean()

    def _clean(self) -> None:
        steps = self._steps

        def job(ctx: AppContext) -> CleanupReport:
            from sigdesk.ui.dialogs.lifecycle import secure_cleanup_job

            return secure_cleanup_job(ctx, progress=lambda *a: steps.put(a))

        self.ops.call(job, self._cleaned, failed=self._failed, owner=self)

    def _show_steps(self) -> None:
        while True:
            try:
                n, _of, text = self._steps.get_nowait()
            except queue.Empty:
                return
            self.progress.setValue(1 + n)
            self.step.setText(text + " …")

    def _cleaned(self, report: CleanupReport) -> None:
        self._poll.stop()
        self._show_steps()
        self.running = False
        self.progress.setValue(4)
        self.step.setText(
            self.tr(
                "Done: the file is rewritten ({before} → {after} pages) and holds nothing of "
                "the deleted youths."
            ).format(before=report.pages_before, after=report.pages_after)
        )
        self.finished_cleanup.emit()

    def _failed(self, exc: BaseException) -> None:
        from sigdesk.errors import SigdeskError

        self._poll.stop()
        self.running = False
        self.progress.setVisible(False)
        if isinstance(exc, SigdeskError):
            self.step.setText(exc.one_line())
        else:
            self.ops.presenter.present(exc)

    def reject(self) -> None:
        if self.running:  # the file is being rewritten: it finishes on the worker first
            return
        super().reject()
