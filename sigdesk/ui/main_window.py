"""The main window: caseload list and "Att göra" on the left, the selected youth on the right.

It shows at once; the caseload is opened and the list filled by the worker (ops.py), so
a slow import or a passphrase never freezes the window. Views refresh from the one
`Ops.changed` signal, each only for what it shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sigdesk.changes import ChangeKind, Changes
from sigdesk.errors import SigdeskError
from sigdesk.ui import gc_guard
from sigdesk.ui.backup_ui import install_backup_actions
from sigdesk.ui.caseload_pane import CaseloadPane
from sigdesk.ui.handover_ui import install_handover_actions
from sigdesk.ui.lockdown import LockDown, menu_actions
from sigdesk.ui.screen_fit import fit_to_screen
from sigdesk.ui.todo_panel import TodoPanel
from sigdesk.ui.widgets import Banner, EmptyState
from sigdesk.ui.youth.detail import YouthDetailView

if TYPE_CHECKING:
    from concurrent.futures import Future

    from sigdesk.caseload_list import CaseloadRow
    from sigdesk.context import AppContext
    from sigdesk.overview import TodoItem
    from sigdesk.ui.ops import Ops
    from sigdesk.ui.stats.view import FollowupView
    from sigdesk.ui.unlock import UnlockPanel

LIST_KINDS = (ChangeKind.YOUTH, ChangeKind.MEETING)
TODO_KINDS = (
    ChangeKind.YOUTH,
    ChangeKind.MEETING,
    ChangeKind.NETWORK,
    ChangeKind.CONSENT,
    ChangeKind.ACTOR,
    ChangeKind.GUARDIAN,
)


class MainWindow(QMainWindow):
    caseload_loaded = Signal()  # the list was (re)filled from the worker
    todo_loaded = Signal()
    locked = Signal()
    settings_changed = Signal()

    def __init__(self, ctx: AppContext, ops: Ops) -> None:
        super().__init__()
        self.ctx, self.ops = ctx, ops
        self.setWindowTitle(self.tr("sigdesk — SIG caseload"))
        self.caseload = CaseloadPane(ctx.clock.today())
        self.todo = TodoPanel()
        self.detail = YouthDetailView(ops)
        self._unlock_panel: UnlockPanel | None = None  # built if the keyring cannot open
        self._followup: FollowupView | None = None  # the Uppföljning window, once opened
        self.opening = EmptyState(self.tr("Opening the caseload…"))
        self.demo_banner = Banner("info")
        self.lockdown = LockDown(self)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.opening)
        self.pages.addWidget(self._workspace())
        self.setCentralWidget(self.pages)
        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status)
        self.backups = install_backup_actions(self)
        self.handover = install_handover_actions(self)
        self._build_menus()
        self.caseload.youth_selected.connect(self._youth_selected)
        self.todo.youth_activated.connect(self.open_youth)
        self.todo.followup_requested.connect(self.record_followup)
        self.todo.gallring_requested.connect(self.open_gallring)
        self.detail.message.connect(self.show_message)
        ops.changed.connect(self.on_changes)
        ops.busy_changed.connect(self._busy)
        fit_to_screen(self, 1366, 768)

    def _workspace(self) -> QWidget:
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.caseload)
        left.addWidget(self.todo)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 6)
        split.setSizes([700, 660])
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.demo_banner)
        layout.addWidget(self.lockdown.notice)
        layout.addWidget(split, 1)
        self.workspace = page
        return page

    def _action(self, text: str, slot: object, shortcut: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        self.new_youth_action = self._action(self.tr("&New youth…"), self.new_youth, "Ctrl+N")
        self.find_action = self._action(self.tr("&Find youth"), self.focus_search, "Ctrl+F")
        self.lock_action = self._action(self.tr("&Lock"), self.lock, "Ctrl+L")
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action = self._action(self.tr("&Quit"), self.close, "Ctrl+Q")
        self.about_action = self._action(self.tr("&About sigdesk"), self.about)
        #: The actions that work while the caseload is locked; every other one is disabled.
        self.free_actions = {self.quit_action, self.about_action}
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.new_youth_action)
        file_menu.addAction(self.find_action)
        file_menu.addAction(self._action(self.tr("&Address book…"), self.open_address_book))
        file_menu.addAction(
            self._action(self.tr("&Export planned meetings (.ics)…"), self.export_all_ics)
        )
        file_menu.addAction(self.backups.backup_action)
        file_menu.addAction(self.backups.restore_action)
        file_menu.addAction(self._action(self.tr("&Gallring…"), self.open_gallring))
        self.followup_action = self._action(
            self.tr("Follow-&up and statistics…"), self.open_followup, "Alt+4"
        )
        file_menu.addAction(self.followup_action)
        file_menu.addSeparator()
        file_menu.addAction(self.handover.send_action)
        file_menu.addAction(self.handover.receive_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Settings…"), self.open_settings, "Ctrl+,"))
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        go = self.menuBar().addMenu(self.tr("&Go"))
        go.addAction(self._action(self.tr("Caseload &list"), self.caseload.table.setFocus, "Alt+1"))
        go.addAction(self._action(self.tr("&To do"), self.todo.table.setFocus, "Alt+2"))
        go.addAction(self._action(self.tr("&Youth detail"), self.detail.focus_tabs, "Alt+3"))
        go.addAction(self.followup_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        self.set_caseload_actions_enabled(False)

    def set_caseload_actions_enabled(self, enabled: bool) -> None:
        """Every menu action that needs the open caseload (all but `free_actions`)."""
        for action in menu_actions(self.menuBar()):
            if action not in self.free_actions:
                action.setEnabled(enabled)

    # --- opening, locking -----------------------------------------------------------

    @property
    def unlock_panel(self) -> UnlockPanel:
        """The passphrase page, made the first time it is needed."""
        if self._unlock_panel is None:
            from sigdesk.ui.unlock import UnlockPanel

            panel = UnlockPanel()
            panel.unlock_requested.connect(self.unlock)
            panel.restore_requested.connect(self.backups.restore)
            self.pages.addWidget(panel)
            self._unlock_panel = panel
        return self._unlock_panel

    def start_open(self, running: Future[list[CaseloadRow] | None] | None = None) -> None:
        """Try the keyring on the worker; ask for the passphrase if it cannot open.

        `running` is that same `ctx.open_list()` when the app already started it.
        """
        self.pages.setCurrentWidget(self.opening)
        if running is not None:
            self.ops.adopt(running, self._list_read, failed=self._open_failed)
        else:
            self.ops.call(lambda ctx: ctx.open_list(), self._list_read, failed=self._open_failed)

    def start_demo(self, youths: int = 25) -> None:
        self.pages.setCurrentWidget(self.opening)
        self.ops.call(lambda ctx: ctx.create_demo(youths=youths), lambda _: self.opened())

    def _open_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, SigdeskError):
            self.ops.presenter.present(exc)
            return
        from sigdesk.ui.unlock import RETRYABLE

        self.pages.setCurrentWidget(self.unlock_panel)
        if isinstance(exc, RETRYABLE):
            self.unlock_panel.reset(path=str(self.ctx.caseload_path), reason=exc)
        else:
            self.unlock_panel.reset(path=str(self.ctx.caseload_path))
            self.unlock_panel.show_error(exc)

    def unlock(self, passphrase: str, remember: bool = False) -> None:
        """Open with the passphrase; `remember` also stores the key in the OS keyring."""

        def read(rows: list[CaseloadRow] | None) -> None:
            if remember:
                note = self.ctx.keyring_note
                self.show_message(
                    self.tr(
                        "The key is stored in the system keyring: the next start opens "
                        "without the passphrase."
                    )
                    if note is None
                    else self.tr("Opened, but the key could not be stored: {why}").format(why=note)
                )
            self._list_read(rows)

        self.ops.call(
            lambda ctx: ctx.open_list(passphrase=passphrase, remember=remember),
            read,
            failed=self._unlock_failed,
        )

    def _list_read(self, rows: list[CaseloadRow] | None) -> None:
        """Unlocked, and the list read without the ORM: show it; the ORM loads after."""
        if rows is None:  # an older file: upgraded (after a backup) before anything shows
            self.ops.call(
                lambda ctx: ctx.finish_open(), lambda _: self.opened(), failed=self._open_failed
            )
        else:
            self.opened(rows)

    def _unlock_failed(self, exc: BaseException) -> None:
        if isinstance(exc, SigdeskError):
            self.unlock_panel.show_error(exc)
        else:
            self.unlock_panel.set_busy(False)
            self.ops.presenter.present(exc)

    def opened(self, rows: list[CaseloadRow] | None = None) -> None:
        """The caseload is open: show the workspace and fill it (`rows` if already read).

        "Att göra" is asked for once the list is on screen: its queries are the first
        to need SQLAlchemy, which then loads on the worker while the user reads the list.
        """
        self.pages.setCurrentWidget(self.workspace)
        self.set_caseload_actions_enabled(True)
        self.lockdown.unlocked()
        if self.ctx.is_demo:
            self.setWindowTitle(self.tr("sigdesk — DEMO with fictional youths"))
            self.demo_banner.show_text(
                self.tr("Demo: every person here is fictional. Nothing is saved after you quit.")
            )
        if rows is None:
            self.refresh_caseload()
        else:
            self._show_rows(rows)
        QTimer.singleShot(0, self.refresh_todo)
        if not self.ctx.is_demo:  # after "Att göra": the first backup of the day
            QTimer.singleShot(0, self.backups.auto_backup)
        self.caseload.search.setFocus()

    def lock(self) -> None:
        """Lock now, whatever is open (sigdesk/ui/lockdown.py); the passphrase unlocks again."""
        self.lockdown.lock()

    # --- filling the views ----------------------------------------------------------

    def refresh_caseload(self) -> None:
        from sigdesk.ui.queries import load_caseload_rows

        today, warn = self.ctx.clock.today(), self.ctx.settings.warning_days
        self.ops.query(lambda s: load_caseload_rows(s, today, warn), self._show_rows, owner=self)

    def _show_rows(self, rows: list[CaseloadRow]) -> None:
        self.caseload.set_rows(rows, self.ctx.clock.today())
        self.detail.set_caseload_empty(not rows)
        current = self.caseload.current_youth_id()
        row = self.caseload.row_for(current) if current is not None else None
        if row is not None:
            self.detail.update_row(row)
        self.caseload_loaded.emit()

    def refresh_todo(self) -> None:
        from sigdesk.ui.queries import load_todo

        today, warn, ctx = self.ctx.clock.today(), self.ctx.settings.warning_days, self.ctx
        months = ctx.settings.gallring_months
        self.ops.query(
            lambda s: load_todo(s, today, warn, ctx.backup_warning(), months),
            self._show_todo,
            owner=self,
        )

    def _show_todo(self, items: list[TodoItem]) -> None:
        self.todo.set_items(items)
        # The start is over (list, SQLAlchemy, "Att göra"): what exists now stays, out of
        # the collector's way; build the youth tabs now, so the first youth opens as fast
        # as every later one.
        gc_guard.start_over()
        QTimer.singleShot(200, self.detail.prepare)
        overdue = sum(1 for i in items if i.kind.value == "forsenat")
        soon = sum(1 for i in items if i.kind.value == "snart")
        # A summary, unless the status bar is saying something else (e.g. about the keyring).
        if (overdue or soon) and not self.statusBar().currentMessage():
            self.show_message(
                self.tr("{overdue} overdue and {soon} soon: see To do.").format(
                    overdue=overdue, soon=soon
                )
            )
        self.todo_loaded.emit()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(*LIST_KINDS):
            self.refresh_caseload()
        if changes.touches(*TODO_KINDS):
            self.refresh_todo()
        if changes.warnings:
            self.show_message(" ".join(changes.warnings))
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, self.tr("Note"), "\n".join(changes.warnings))

    def _youth_selected(self, row: CaseloadRow | None) -> None:
        self.detail.show_youth(row)

    def open_youth(self, youth_id: int, tab: int = 0) -> None:
        if self.caseload.select_youth(youth_id):
            self.detail.show_tab(tab)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    def _busy(self, busy: bool) -> None:
        self.status.setText(self.tr("Working…") if busy else "")

    # --- commands -------------------------------------------------------------------

    def focus_search(self) -> None:
        self.caseload.search.setFocus()
        self.caseload.search.selectAll()

    def new_youth(self) -> QWidget:
        from sigdesk.ui.dialogs.youth_dialog import YouthDialog

        dialog = YouthDialog(
            self.ops, default_interval=self.ctx.settings.meeting_interval_days, parent=self
        )
        dialog.saved.connect(self._youth_added)
        dialog.open()
        return dialog

    def _youth_added(self, changes: Changes) -> None:
        youth_id = changes.created_id
        if youth_id is None:
            return

        # Select it once the refreshed list (queued behind this write) has arrived.
        def select() -> None:
            self.caseload_loaded.disconnect(select)
            self.open_youth(youth_id)

        self.caseload_loaded.connect(select)

    def open_address_book(self) -> QWidget:
        from sigdesk.ui.dialogs.address_book import AddressBookDialog

        dialog = AddressBookDialog(self.ops, parent=self)
        dialog.open()
        return dialog

    def export_all_ics(self) -> None:
        from sigdesk.ui.save_folder import remember_export_folder, start_path
        from sigdesk.ui.save_target import ask_save_path
        from sigdesk.ui.youth.meetings_tab import export_calendar

        path = ask_save_path(
            self,
            self.tr("Export all planned meetings"),
            start_path(self.ctx.settings, "sig-moten.ics"),
            self.tr("Calendar files (*.ics)"),
        )
        if path is not None:
            remember_export_folder(self.ctx.settings, path)
            export_calendar(self.ops, path, youth_id=None, done=self.show_message, parent=self)

    def record_followup(self, youth_id: int) -> QWidget:
        from sigdesk.ui.dialogs.lifecycle import FollowupDialog

        dialog = FollowupDialog(self.ops, youth_id, parent=self)
        dialog.open()
        return dialog

    def open_gallring(self) -> QWidget:
        from sigdesk.ui.dialogs.gallring import GallringDialog

        dialog = GallringDialog(self.ops, parent=self)
        dialog.open()
        return dialog

    def open_followup(self) -> QWidget:
        """The Uppföljning window (one at a time; matplotlib loads with it)."""
        from sigdesk.ui.stats.view import FollowupView

        view = self._followup
        if view is None or not shiboken6.isValid(view) or not view.isVisible():
            view = self._followup = FollowupView(self.ops, parent=self)
            view.youth_activated.connect(self.open_youth)
        view.show()
        view.raise_()
        view.activateWindow()
        return view

    def open_settings(self) -> QWidget:
        from sigdesk.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ops, parent=self)
        dialog.settings_saved.connect(self._settings_saved)
        dialog.open()
        return dialog

    def _settings_saved(self) -> None:
        self.settings_changed.emit()
        self.refresh_caseload()
        self.refresh_todo()

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from sigdesk import __version__

        QMessageBox.about(
            self,
            self.tr("About sigdesk"),
            self.tr(
                "sigdesk {version}\n\nA working tool for SIG network meetings: caseload, "
                "network, consent, action plans and the five-week deadline.\n\n"
                "sigdesk is not the official record. The official record is the journal "
                "system; file the exported documents there. Exported documents are not "
                "encrypted."
            ).format(version=__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        for widget in self.findChildren(QWidget):
            is_open_dialog = widget.isWindow() and widget is not self and widget.isVisible()
            if is_open_dialog and not widget.close():
                event.ignore()
                return
        super().closeEvent(event)
