"""From a context to a running window: language, presenter, worker, wizard or unlock.

The window shows before SQLAlchemy and the keyring load: they are imported by the
worker thread while Qt draws, and the list fills in when they are ready.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from sigdesk.context import AppContext
from sigdesk.ui import gc_guard
from sigdesk.ui.errors import ErrorPresenter
from sigdesk.ui.i18n import install_language
from sigdesk.ui.lock_triggers import LockTriggers
from sigdesk.ui.main_window import MainWindow
from sigdesk.ui.ops import Ops

#: The second-start listener (QtNetwork) starts this long after the window shows.
_LISTEN_AFTER_MS = 1000


class Session:
    """Everything one run of the app holds on to (so nothing is garbage-collected early)."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        worker: Executor | None = None,
        first_open: Future[Any] | None = None,
    ) -> None:
        gc_guard.install()
        self.ctx = ctx
        self.presenter = ErrorPresenter()
        self.ops = Ops(ctx, self.presenter, worker=worker)
        #: The unlock already running on `worker` (started before Qt loaded), if any.
        self.first_open = first_open
        self.window: MainWindow | None = None
        self.lock_triggers: LockTriggers | None = None
        self.wizard: QWidget | None = None
        self.crash_reporter: object = None
        self.focus_server: Any = None

    def start(self, *, demo_youths: int = 25) -> None:
        ctx = self.ctx
        if ctx.is_demo:
            self.show_window().start_demo(demo_youths)
        elif ctx.has_caseload():
            self.show_window().start_open(self.first_open)
        else:
            self.run_wizard()
        # QtNetwork loads after the first paint: the start stays as fast as before.
        QTimer.singleShot(_LISTEN_AFTER_MS, self.listen_for_second_start)

    def listen_for_second_start(self) -> None:
        """Answer a second `sigdesk` start on this caseload by coming forward."""
        if self.ctx.is_demo or not self.ctx.holds_caseload():
            return
        from sigdesk.ui.single_instance import FocusServer

        if self.focus_server is not None:
            self.focus_server.close()
        self.focus_server = FocusServer(self.ctx.caseload_path, self.bring_forward)
        self.focus_server.listen()

    def bring_forward(self) -> None:
        from sigdesk.ui.single_instance import bring_forward

        for widget in (self.window or self.wizard, QApplication.activeModalWidget()):
            if widget is not None:
                bring_forward(widget)

    def show_window(self) -> MainWindow:
        window = MainWindow(self.ctx, self.ops)
        self.presenter.set_parent_window(lambda: QApplication.activeWindow() or window)
        window.show()
        self.window = window
        self.lock_triggers = LockTriggers(window, self.ctx.settings)
        return window

    def run_wizard(self) -> None:
        from sigdesk.ui.wizard import FirstRunWizard

        wizard = FirstRunWizard(self.ctx, self.ops)
        self.wizard = wizard

        def done(result: int) -> None:
            if result:
                self.show_window().opened()
                self.listen_for_second_start()  # the wizard may have chosen another path
            else:
                QApplication.quit()

        wizard.finished.connect(done)
        wizard.show()

    def stop(self) -> None:
        if self.window is not None and not self.ctx.is_demo:
            self.ops.call(_backup_at_exit)  # runs before the worker closes the caseload
        if self.focus_server is not None:
            self.focus_server.close()
        self.ops.shutdown()
        self.ctx.remove_demo()


def _backup_at_exit(ctx: AppContext) -> None:
    """The automatic backup at exit; a failure is logged (by kind) — the next start's
    "Att göra" warns if backups keep failing."""
    try:
        ctx.auto_backup(at_exit=True)
    except Exception as exc:
        logging.getLogger(__name__).warning("backup at exit failed: %s", type(exc).__name__)


def run(
    ctx: AppContext,
    *,
    worker: Executor | None = None,
    first_open: Future[Any] | None = None,
    held: Future[Any] | None = None,
    on_ready: Callable[[MainWindow], None] | None = None,
) -> int:
    """Run the app until the last window closes; returns the exit code.

    `worker` is the database thread, `held` the caseload's process lock being taken on
    it and `first_open` the `ctx.open_list` submitted after it (sigdesk/app.py starts
    them before Qt is imported). A caseload held by another process brings that
    process's window forward instead (sigdesk/ui/single_instance.py).
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("sigdesk")
    app.setQuitOnLastWindowClosed(True)
    install_language(ctx.settings.language)
    if held is not None:
        refused = _not_held(ctx, held)
        if refused is not None:
            return refused
    session = Session(ctx, worker=worker, first_open=first_open)
    # Unhandled exceptions: the crash dialog (logged report, Copy button) where it is
    # available; SigdeskErrors raised on purpose still go to the presenter via Ops.
    try:
        from sigdesk.ui.crash import install_crash_dialog
    except ImportError:
        session.presenter.install_excepthook()
    else:
        session.crash_reporter = install_crash_dialog(app)
    if on_ready is not None:
        _call_when_filled(session, on_ready)
    session.start()
    try:
        return app.exec()
    finally:
        session.stop()


def _not_held(ctx: AppContext, held: Future[Any]) -> int | None:
    """None when this process holds the caseload; else the exit code of a second start."""
    from sigdesk.errors import SigdeskError
    from sigdesk.store.lock import CaseloadInUseError

    try:
        held.result()
    except CaseloadInUseError:
        from sigdesk.ui.single_instance import second_start

        return second_start(ctx.caseload_path)
    except SigdeskError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(None, "sigdesk", exc.one_line())
        return 2
    return None


def _call_when_filled(session: Session, on_ready: Callable[[MainWindow], None]) -> None:
    """For benchmarks: call `on_ready(window)` once the list is filled and painted."""
    original = session.show_window

    def show_window() -> MainWindow:
        window = original()
        window.caseload_loaded.connect(lambda: QTimer.singleShot(0, lambda: on_ready(window)))
        return window

    session.show_window = show_window  # type: ignore[method-assign]
