"""The OS locks the screen or goes to sleep: sigdesk locks too (SPEC §7), where detectable.

One small interface, `OsLockWatcher.lock_requested(reason)`, over three backends:

- Linux: over QtDBus, logind's `PrepareForSleep(true)` (system bus) and its session `Lock`,
  and `ActiveChanged(true)` of `org.freedesktop.ScreenSaver` (KDE, Xfce, …) and
  `org.gnome.ScreenSaver` (session bus).
- Windows: `WTSRegisterSessionNotification` on the main window and a native event filter
  for `WM_WTSSESSION_CHANGE`/`WTS_SESSION_LOCK` and `WM_POWERBROADCAST`/`PBT_APMSUSPEND`.
- macOS: the distributed notification `com.apple.screenIsLocked` (CoreFoundation).

The Windows and macOS parts load their system libraries only on their own OS; the message
decoding is plain Python, tested everywhere. `start()` is meant to run after the first paint.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, QObject, Signal, Slot

log = logging.getLogger(__name__)

Emit = Callable[[str], None]

# --- Linux: D-Bus ---------------------------------------------------------------------

SCREENSAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)
LOGIND = "org.freedesktop.login1"


def logind_session_path(session_id: str) -> str:
    """The object path of a logind session, escaped as sd-bus does ("2" → ".../_32")."""
    escaped = "".join(
        c if c.isascii() and (c.isalpha() or (c.isdigit() and i > 0)) else f"_{ord(c):02x}"
        for i, c in enumerate(session_id)
    )
    return f"/org/freedesktop/login1/session/{escaped or '_'}"


class DBusLockWatcher(QObject):
    """Listens on the session and system buses (either may be missing)."""

    def __init__(self, emit: Emit, *, session: Any = None, system: Any = None) -> None:
        super().__init__()
        self._emit = emit
        self.watched: list[str] = []
        from PySide6.QtCore import SLOT

        if session is not None and session.isConnected():
            for path, interface in SCREENSAVERS:
                if session.connect(
                    "", path, interface, "ActiveChanged", self, SLOT("screensaver(bool)")
                ):
                    self.watched.append(f"{interface} {path}")
        if system is not None and system.isConnected():
            manager = "org.freedesktop.login1.Manager"
            if system.connect(
                LOGIND,
                "/org/freedesktop/login1",
                manager,
                "PrepareForSleep",
                self,
                SLOT("sleeping(bool)"),
            ):
                self.watched.append("logind PrepareForSleep")
            session_id = os.environ.get("XDG_SESSION_ID", "")
            if session_id and system.connect(
                LOGIND,
                logind_session_path(session_id),
                "org.freedesktop.login1.Session",
                "Lock",
                self,
                SLOT("session_locked()"),
            ):
                self.watched.append("logind Lock")

    @Slot(bool)
    def screensaver(self, active: bool) -> None:
        if active:
            self._emit("screensaver")

    @Slot(bool)
    def sleeping(self, before: bool) -> None:
        if before:
            self._emit("suspend")

    @Slot()
    def session_locked(self) -> None:
        self._emit("lock")


def _linux(emit: Emit) -> DBusLockWatcher | None:
    try:
        from PySide6.QtDBus import QDBusConnection
    except ImportError:  # a Qt build without D-Bus
        return None
    watcher = DBusLockWatcher(
        emit, session=QDBusConnection.sessionBus(), system=QDBusConnection.systemBus()
    )
    return watcher if watcher.watched else None


# --- Windows: session notifications ------------------------------------------------------

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x4
NOTIFY_FOR_THIS_SESSION = 0


def windows_reason(message: int, wparam: int) -> str | None:
    """Why a window message means "lock now" (None: it does not)."""
    if message == WM_WTSSESSION_CHANGE and wparam == WTS_SESSION_LOCK:
        return "lock"
    if message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND:
        return "suspend"
    return None


class WindowsSessionFilter(QAbstractNativeEventFilter):
    """Reads every native message of the app; says "lock" for a session lock or a suspend."""

    def __init__(self, emit: Emit) -> None:
        super().__init__()
        self._emit = emit

    def nativeEventFilter(self, event_type: Any, message: Any) -> tuple[bool, int]:
        if bytes(event_type) == b"windows_generic_MSG":
            from ctypes import wintypes  # type: ignore[attr-defined,unused-ignore]

            msg = wintypes.MSG.from_address(int(message))
            reason = windows_reason(int(msg.message), int(msg.wParam))
            if reason is not None:
                self._emit(reason)
        return False, 0


def _windows(emit: Emit, window_id: int) -> WindowsSessionFilter | None:
    import ctypes

    from PySide6.QtCore import QCoreApplication

    wtsapi32 = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined,unused-ignore]
    if not wtsapi32.WTSRegisterSessionNotification(
        ctypes.c_void_p(window_id), NOTIFY_FOR_THIS_SESSION
    ):
        log.warning("session notifications are not available")
    event_filter = WindowsSessionFilter(emit)
    app = QCoreApplication.instance()
    if app is None:
        return None
    app.installNativeEventFilter(event_filter)
    return event_filter


# --- macOS: distributed notification ----------------------------------------------------

MAC_SCREEN_LOCKED = b"com.apple.screenIsLocked"
_CF_UTF8 = 0x08000100
_DELIVER_IMMEDIATELY = 4


def _macos(emit: Emit) -> object | None:
    import ctypes
    import ctypes.util

    path = ctypes.util.find_library("CoreFoundation")
    if path is None:
        return None
    cf = ctypes.CDLL(path)
    cf.CFNotificationCenterGetDistributedCenter.restype = ctypes.c_void_p
    cf.CFStringCreateWithCString.restype = ctypes.c_void_p
    cf.CFStringCreateWithCString.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32]
    callback_type = ctypes.CFUNCTYPE(
        None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p
    )
    cf.CFNotificationCenterAddObserver.argtypes = [
        ctypes.c_void_p,
        ctypes.c_void_p,
        callback_type,
        ctypes.c_void_p,
        ctypes.c_void_p,
        ctypes.c_long,
    ]
    callback = callback_type(lambda *_args: emit("lock"))
    name = cf.CFStringCreateWithCString(None, MAC_SCREEN_LOCKED, _CF_UTF8)
    center = cf.CFNotificationCenterGetDistributedCenter()
    # Delivered on the main thread's run loop, which Qt's event loop runs.
    cf.CFNotificationCenterAddObserver(
        center, ctypes.c_void_p(id(callback)), callback, name, None, _DELIVER_IMMEDIATELY
    )
    return callback  # kept alive by the watcher, or the C side calls freed memory


# --- the interface ------------------------------------------------------------------------


class OsLockWatcher(QObject):
    """`lock_requested(reason)` when the OS locks the screen or suspends ("lock", "suspend",
    "screensaver"); `watched` names what could be watched here (empty: nothing)."""

    lock_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.backend: object | None = None
        self.watched: list[str] = []

    def start(self, *, window_id: int = 0) -> None:
        """Connect to the OS (`window_id`: the main window's handle, used on Windows)."""
        if self.backend is not None:
            return
        try:
            if sys.platform.startswith("linux") or "bsd" in sys.platform:
                dbus = _linux(self.lock_requested.emit)
                self.backend, self.watched = dbus, (dbus.watched if dbus else [])
            elif sys.platform == "win32":
                self.backend = _windows(self.lock_requested.emit, window_id)
                self.watched = ["WTS session lock", "power suspend"] if self.backend else []
            elif sys.platform == "darwin":
                self.backend = _macos(self.lock_requested.emit)
                self.watched = ["com.apple.screenIsLocked"] if self.backend else []
        except (OSError, AttributeError, ImportError) as exc:  # an OS without the service
            log.warning("OS screen lock is not watched (%s)", type(exc).__name__)
        log.info("OS lock watched: %s", ", ".join(self.watched) or "nothing")
