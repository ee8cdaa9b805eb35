"""Locks the caseload after a spell without keyboard or mouse use, or on Ctrl+L (SPEC §7).

Idle time is measured on a clock (monotonic seconds; tests pass their own and move it),
so input only notes the time: no timer is restarted per mouse move. One single-shot
timer wakes when the idle time could be over and looks at the clock. In meeting mode
(`in_meeting()` true) the longer meeting idle time applies, since the worker listens
more than types.

The same application-wide filter catches Ctrl+L in every window, also in a modal
dialog, where the main window's shortcut cannot fire.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}

_WATCH_AFTER_MS = 1000
LOCK_KEYS = QKeySequence("Ctrl+L")


class IdleLock(QObject):
    """Calls `lock()` after `minutes` of no input anywhere in the app (0 = never)."""

    def __init__(
        self,
        lock: Callable[[], None],
        minutes: int,
        *,
        meeting_minutes: int = 0,
        in_meeting: Callable[[], bool] = lambda: False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self._lock = lock
        self._in_meeting = in_meeting
        self._clock = clock
        self.last_input = clock()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self.minutes, self.meeting_minutes = minutes, meeting_minutes
        self.set_minutes(minutes, meeting_minutes)
        self.watching = False
        # Watching starts a second later: an application-wide filter makes PySide6 wrap
        # every widget that receives an event, which would slow the first paint by ~20 ms.
        QTimer.singleShot(_WATCH_AFTER_MS, self, self._watch)

    def _watch(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            self.watching = True

    def set_minutes(self, minutes: int, meeting_minutes: int | None = None) -> None:
        self.minutes = minutes
        if meeting_minutes is not None:
            self.meeting_minutes = meeting_minutes
        self._schedule()

    def limit_seconds(self) -> float:
        """The idle time that locks now (meeting mode's while a meeting is open); 0 = never."""
        return 60.0 * (self.meeting_minutes if self._in_meeting() else self.minutes)

    def idle_seconds(self) -> float:
        return self._clock() - self.last_input

    def _schedule(self) -> None:
        limit = self.limit_seconds()
        if limit <= 0:
            self.timer.stop()
            return
        remaining = max(0.0, limit - self.idle_seconds())
        self.timer.start(min(2**31 - 1, math.ceil(remaining * 1000)))

    def check(self) -> None:
        """Lock if the idle time is over; else look again when it could be."""
        limit = self.limit_seconds()
        if limit > 0 and self.idle_seconds() >= limit:
            self.timer.stop()  # until the next input: locking twice does nothing
            self._lock()
        else:
            self._schedule()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _ACTIVITY:
            self.last_input = self._clock()
            if not self.timer.isActive():
                self._schedule()
        elif (
            kind == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()) == LOCK_KEYS
        ):
            self._lock()
            return True
        return False
