"""The lock always wins (SPEC §7): every window closes without asking, no widget keeps case text.

`MainWindow.lock()` — idle time, Ctrl+L, an OS screen lock or suspend — calls `LockDown.lock()`,
which does all of this at once, on the GUI thread, before it returns:

1. the worker is fenced: what jobs asked for before the lock is dropped on arrival (their
   rows would fill the emptied views again);
2. every other window and dialog closes without a question: an edit dialog's unsaved edits
   are discarded (and named after the unlock), message and file dialogs are rejected,
   meeting mode hands over its unsaved draft and closes;
3. the views are emptied, the youth detail (header, tabs, their models) is destroyed;
4. every action that needs the caseload is disabled, a copied personnummer leaves the
   clipboard, the passphrase page shows;
5. one job on the worker saves the meeting drafts into the caseload and closes the connection.

The windows sigdesk made are destroyed as soon as no event loop of theirs is running: the
lock may fire inside a "discard the changes?" box, whose `exec()` must return first.
After the unlock a banner says what was discarded and what was kept.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMenuBar, QWidget

from sigdesk.ui import clipboard_guard, meeting_mode
from sigdesk.ui.widgets import Banner

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QMouseEvent

    from sigdesk.context import AppContext
    from sigdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)
Draft = tuple[int, dict[str, Any]]
_POPUPS = (Qt.WindowType.Popup, Qt.WindowType.ToolTip)


@dataclass
class LockReport:
    """What the lock closed, for the notice after the unlock."""

    discarded: list[str] = field(default_factory=list)  # titles of edit dialogs
    meetings: int = 0  # meeting windows closed (their drafts kept)
    drafts_saved: bool = True


def menu_actions(bar: QMenuBar | QMenu) -> Iterator[QAction]:
    """Every action in the menus, submenus included."""
    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield from menu_actions(menu)
        elif not action.isSeparator():
            yield action


class LockNotice(Banner):
    """What the last lock discarded or kept; a click closes it."""

    def __init__(self) -> None:
        super().__init__("warning")
        self.setToolTip(self.tr("Click to close"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.show_text("")
        event.accept()


class LockDown(QObject):
    """Locks the window; `settled` once the connection is closed and the windows destroyed."""

    settled = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        #: Shown above the workspace after an unlock that discarded or kept something.
        self.notice = LockNotice()
        self.is_locked = False
        self.connection_closed = False
        self.report: LockReport | None = None
        self._doomed: list[QWidget] = []
        self._base_level = 1
        self._reaper = QTimer(self)
        self._reaper.setInterval(20)
        self._reaper.timeout.connect(self._reap)
        QTimer.singleShot(0, self, self._measure_base)

    def _measure_base(self) -> None:
        """The main event loop's level (a nested `exec()` runs one level deeper)."""
        self._base_level = QThread.currentThread().loopLevel()

    @property
    def is_settled(self) -> bool:
        return self.connection_closed and not any(shiboken6.isValid(w) for w in self._doomed)

    # --- locking --------------------------------------------------------------------

    def lock(self) -> None:
        window = self.window
        if self.is_locked or not window.ctx.is_open:
            return
        self.is_locked = True
        self.connection_closed = False
        window.ops.fence()
        report = LockReport()
        drafts = self._close_windows(report)
        self._clear_views()
        window.set_caseload_actions_enabled(False)
        clipboard_guard.clear_now()
        self.report = report
        window.ops.call(
            lambda ctx: save_drafts_and_close(ctx, drafts),
            self._closed,
            failed=self._close_failed,
        )
        self._show_unlock_page()
        self._reaper.start()
        self._reap()

    def _close_windows(self, report: LockReport) -> list[Draft]:
        """Close every other window now, asking nothing; returns the unsaved meeting drafts."""
        from sigdesk.ui.dialogs.base import FormDialog

        drafts: list[Draft] = []
        for view in meeting_mode.open_views():
            report.meetings += 1
            payload = view.take_draft()
            if payload is not None:
                drafts.append((view.start.meeting_id, payload))
        meeting_mode.forget_all()
        for widget in QApplication.topLevelWidgets():
            if widget is self.window or not shiboken6.isValid(widget):
                continue
            if isinstance(widget, FormDialog):
                if widget.dirty and widget.isVisible():
                    report.discarded.append(widget.windowTitle())
                widget.dirty = False
            if widget.isVisible():
                if isinstance(widget, QDialog):
                    widget.done(QDialog.DialogCode.Rejected)  # also ends its exec()
                else:
                    widget.close()
                widget.hide()
            # Popups (menus, lists) are kept for reuse; C++-made dialogs (QMessageBox and
            # QFileDialog's static functions) are destroyed by their own code on return.
            if widget.windowType() not in _POPUPS and shiboken6.createdByPython(widget):
                self._doomed.append(widget)
        return drafts

    def _clear_views(self) -> None:
        window = self.window
        window.caseload.search.setText("")  # a name may have been typed there
        window.caseload.set_rows([], window.ctx.clock.today())
        window.todo.set_items(None)
        window.statusBar().clearMessage()
        self.notice.show_text("")
        detail = window.detail
        detail.youth_id = None
        detail.declined.clear()
        detail.setCurrentWidget(detail.empty)
        page = detail.page
        if page is not None:  # header, five tabs and their models: built again when needed
            detail.removeWidget(page)
            detail.page = None
            page.hide()
            self._doomed.append(page)

    def _show_unlock_page(self) -> None:
        window = self.window
        panel = window.unlock_panel
        window.pages.setCurrentWidget(panel)
        panel.reset(path=str(window.ctx.caseload_path))
        if window.ctx.is_demo:
            panel.problem.show_text(self.tr("Demo: the passphrase is “sigdesk-demo”."), "info")
        window.locked.emit()

    def _reap(self) -> None:
        """Destroy the closed windows once no nested event loop can still be using them;
        settled once they are gone (a deferred delete runs on a later pass of the loop)."""
        self._doomed = [w for w in self._doomed if shiboken6.isValid(w)]
        if not self._doomed:
            self._reaper.stop()
            if self.connection_closed:
                self.settled.emit()
            return
        if QThread.currentThread().loopLevel() <= self._base_level:
            for widget in self._doomed:
                widget.deleteLater()  # again on a later tick: harmless, Qt deletes once

    def _closed(self, drafts_saved: bool) -> None:
        self.connection_closed = True
        if self.report is not None:
            self.report.drafts_saved = drafts_saved
        if not any(shiboken6.isValid(w) for w in self._doomed):
            self.settled.emit()

    def _close_failed(self, exc: BaseException) -> None:
        log.error("closing the caseload at a lock failed (%s)", type(exc).__name__)
        self._closed(False)

    # --- unlocking ------------------------------------------------------------------

    def unlocked(self) -> None:
        """The caseload is open again: say what the lock discarded or kept."""
        self.window.ops.locked = False
        if not self.is_locked:
            return
        self.is_locked = False
        report, self.report = self.report, None
        if report is not None:
            text = self.describe(report)
            self.notice.show_text(text, "warning" if report.discarded else "info")

    def describe(self, report: LockReport) -> str:
        lines = [
            self.tr("The changes in “{title}” were discarded when sigdesk locked.").format(
                title=title
            )
            for title in report.discarded
        ]
        if report.meetings and report.drafts_saved:
            lines.append(
                self.tr(
                    "Meeting mode was closed when sigdesk locked. Everything typed is kept as "
                    "a draft in the caseload: start the meeting again to go on."
                )
            )
        elif report.meetings:
            lines.append(
                self.tr(
                    "Meeting mode was closed when sigdesk locked; its last changes could not "
                    "be saved."
                )
            )
        return "\n".join(lines)


def save_drafts_and_close(ctx: AppContext, drafts: list[Draft]) -> bool:
    """On the worker: the meeting drafts into the caseload, then close. False if a draft failed."""
    saved = True
    if drafts:
        from sigdesk.meeting_drafts import save_draft

        try:
            with ctx.session_scope() as session:
                for meeting_id, payload in drafts:
                    save_draft(session, meeting_id, payload)
        except Exception as exc:  # the connection closes whatever happened
            log.error("a meeting draft could not be saved at a lock (%s)", type(exc).__name__)
            saved = False
    ctx.close()
    return saved
