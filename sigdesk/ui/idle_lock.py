"""Locks the caseload after a spell without keyboard or mouse use (SPEC §7)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


_WATCH_AFTER_MS = 1000


class IdleLock(QObject):
    """Calls `lock()` after `minutes` of no input anywhere in the app (0 = never)."""

    def __init__(self, lock: Callable[[], None], minutes: int) -> None:
        super().__init__()
        self._lock = lock
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._lock)
        self.set_minutes(minutes)
        self.watching = False
        # Watching starts a second later: an application-wide filter makes PySide6 wrap
        # every widget that receives an event, which would slow the first paint by ~20 ms.
        QTimer.singleShot(_WATCH_AFTER_MS, self, self._watch)

    def _watch(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            self.watching = True

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        if minutes <= 0:
            self.timer.stop()
        else:
            self.timer.start(minutes * 60_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.minutes > 0:
            self.timer.start(self.minutes * 60_000)
        return False
