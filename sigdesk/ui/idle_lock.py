"""Locks the caseload after a spell without keyboard or mouse use, or on Ctrl+L (SPEC §7).

Idle time is measured on a clock (monotonic seconds; tests pass their own and move it),
so input only notes the time: no timer is restarted per mouse move. One single-shot
timer wakes when the idle time could be over and looks at the clock. In meeting mode
(`in_meeting()` true) the longer meeting idle time applies, since the worker listens
more than types.

Input is watched on the application's windows (`QWindow`, where the window system
delivers every key, click and mouse move before Qt hands it to a widget), not with an
application-wide filter: that one is called from C++ into Python for every event of every
object (paints, layouts, timers, new child objects) — ~300 per switch of youth, ~4 ms of
the GUI thread on 2,000 youths. A window is watched from when it first gets the focus
(a dialog, a message box, meeting mode) or from the start, for those already open.
The same watch catches Ctrl+L in every window, also in a modal dialog, where the main
window's shortcut cannot fire.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QWindow

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
        # Watching starts a second later, when the windows shown at the start have theirs.
        QTimer.singleShot(_WATCH_AFTER_MS, self, self._watch)

    def _watch(self) -> None:
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            for window in app.topLevelWindows():
                window.installEventFilter(self)
            app.focusWindowChanged.connect(self._watch_window)
            self.watching = True

    def _watch_window(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # once: Qt moves a filter installed again

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
            if (
                kind == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and QKeySequence(event.keyCombination()) == LOCK_KEYS
            ):
                self._lock()  # no shortcut of this window took the keys
                return True
        return False
