"""What locks the window (SPEC §7): idle time, Ctrl+L anywhere, the OS locking or sleeping.

Made once per window by the start-up; the OS watcher and the clipboard guard connect
after the first paint, so the start does not wait for D-Bus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from sigdesk.ui import clipboard_guard, meeting_mode
from sigdesk.ui.idle_lock import IdleLock
from sigdesk.ui.os_lock import OsLockWatcher

if TYPE_CHECKING:
    from sigdesk.settings import Settings
    from sigdesk.ui.main_window import MainWindow

_OS_WATCH_AFTER_MS = 1500


class LockTriggers(QObject):
    def __init__(self, window: MainWindow, settings: Settings) -> None:
        super().__init__(window)
        self.window, self.settings = window, settings
        self.idle = IdleLock(
            window.lock,
            settings.idle_lock_minutes,
            meeting_minutes=settings.meeting_idle_lock_minutes,
            in_meeting=lambda: bool(meeting_mode.open_views()),
        )
        self.os_lock = OsLockWatcher()
        self.os_lock.lock_requested.connect(self._os_locked)
        window.settings_changed.connect(self.settings_changed)
        QTimer.singleShot(_OS_WATCH_AFTER_MS, self, self._start_watching)

    def _start_watching(self) -> None:
        clipboard_guard.guard()  # notices a personnummer copied with Ctrl+C from now on
        self.os_lock.start(window_id=int(self.window.winId()))

    def settings_changed(self) -> None:
        self.idle.set_minutes(
            self.settings.idle_lock_minutes, self.settings.meeting_idle_lock_minutes
        )

    def _os_locked(self, reason: str) -> None:
        import logging

        logging.getLogger(__name__).info("locking: the OS said %s", reason)
        self.window.lock()
