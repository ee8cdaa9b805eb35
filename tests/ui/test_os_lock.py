"""The OS locking or sleeping locks sigdesk (RELIABILITY 27, "OS lock").

On Linux the signals are sent for real on a private `dbus-daemon --session` (skipped where
there is none); the Windows message decoding is plain Python and runs everywhere.
"""

from __future__ import annotations

import shutil
import subprocess
import uuid
from collections.abc import Iterator

import pytest

from sigdesk.ui import os_lock
from sigdesk.ui.os_lock import DBusLockWatcher, OsLockWatcher, logind_session_path


@pytest.fixture
def private_bus(qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The address of a private D-Bus daemon, stopped after the test."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("no dbus-daemon here")
    proc = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        address = proc.stdout.readline().strip()
        if not address:
            pytest.skip("dbus-daemon did not start")
        yield address
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _connect(address: str, name: str):  # type: ignore[no-untyped-def]
    from PySide6.QtDBus import QDBusConnection

    # Qt keeps connections by name for the whole process: a fresh name per bus.
    connection = QDBusConnection.connectToBus(address, f"{name}-{uuid.uuid4()}")
    if not connection.isConnected():
        pytest.skip("cannot connect to the private bus")
    return connection


def _settle(listener) -> None:  # type: ignore[no-untyped-def]
    """Wait until the bus has the watcher's match rules: Qt sends them without waiting,
    and a blocking call on the same connection is answered only after them."""
    assert listener.interface().registeredServiceNames().isValid()


def _emit(sender, path: str, interface: str, name: str, *args: object) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtDBus import QDBusMessage

    message = QDBusMessage.createSignal(path, interface, name)
    message.setArguments(list(args))
    assert sender.send(message)


@pytest.mark.parametrize(
    ("path", "interface"),
    [
        ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
        ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ],
)
def test_a_screensaver_turning_on_asks_for_the_lock(
    qtbot, private_bus: str, path, interface
) -> None:  # type: ignore[no-untyped-def]
    listener = _connect(private_bus, "sigdesk-listener")
    sender = _connect(private_bus, "desktop")
    reasons: list[str] = []
    watcher = DBusLockWatcher(reasons.append, session=listener)
    assert f"{interface} {path}" in watcher.watched
    _settle(listener)
    _emit(sender, path, interface, "ActiveChanged", False)  # the screensaver ending: nothing
    _emit(sender, path, interface, "ActiveChanged", True)
    qtbot.waitUntil(lambda: reasons == ["screensaver"], timeout=5000)


def test_logind_suspend_and_session_lock(qtbot, private_bus: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_SESSION_ID", "2")
    listener = _connect(private_bus, "sigdesk-system")
    logind = _connect(private_bus, "logind")
    assert logind.registerService("org.freedesktop.login1")  # signals come from logind only
    reasons: list[str] = []
    watcher = DBusLockWatcher(reasons.append, system=listener)
    assert watcher.watched == ["logind PrepareForSleep", "logind Lock"]
    _settle(listener)
    manager = ("/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep")
    _emit(logind, *manager, False)  # waking up: nothing
    _emit(logind, *manager, True)
    qtbot.waitUntil(lambda: reasons == ["suspend"], timeout=5000)
    session = "org.freedesktop.login1.Session"
    _emit(logind, logind_session_path("3"), session, "Lock")  # another session: nothing
    _emit(logind, logind_session_path("2"), session, "Lock")
    qtbot.waitUntil(lambda: reasons == ["suspend", "lock"], timeout=5000)


def test_an_os_signal_locks_the_window_through_the_watcher(
    qtbot, private_bus: str, window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The whole path: a D-Bus signal → OsLockWatcher.lock_requested → the window locks."""
    listener = _connect(private_bus, "sigdesk-session")
    sender = _connect(private_bus, "screensaver")
    watcher = OsLockWatcher()

    def on_private_bus(emit):  # type: ignore[no-untyped-def]
        return DBusLockWatcher(emit, session=listener)

    monkeypatch.setattr(os_lock, "_linux", on_private_bus)
    monkeypatch.setattr(os_lock.sys, "platform", "linux")
    watcher.lock_requested.connect(lambda _reason: window.lock())
    watcher.start()
    assert watcher.watched
    _settle(listener)
    _emit(
        sender, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged", True
    )
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.unlock_panel, timeout=5000)
    qtbot.waitUntil(lambda: not window.ctx.is_open, timeout=20000)


def test_logind_session_paths_are_escaped_as_sd_bus_does() -> None:
    assert logind_session_path("2") == "/org/freedesktop/login1/session/_32"
    assert logind_session_path("c12") == "/org/freedesktop/login1/session/c12"
    assert logind_session_path("a_b") == "/org/freedesktop/login1/session/a_5fb"


def test_windows_messages_that_lock() -> None:
    assert os_lock.windows_reason(os_lock.WM_WTSSESSION_CHANGE, os_lock.WTS_SESSION_LOCK) == "lock"
    assert os_lock.windows_reason(os_lock.WM_WTSSESSION_CHANGE, 0x8) is None  # unlock
    assert os_lock.windows_reason(os_lock.WM_POWERBROADCAST, os_lock.PBT_APMSUSPEND) == "suspend"
    assert os_lock.windows_reason(os_lock.WM_POWERBROADCAST, 0x12) is None  # resume
    assert os_lock.windows_reason(0x0100, os_lock.WTS_SESSION_LOCK) is None  # a key press


def test_starting_the_watcher_on_this_os_never_fails(qapp) -> None:  # type: ignore[no-untyped-def]
    watcher = OsLockWatcher()
    watcher.start()  # here: no session bus, or one without a screensaver: nothing watched
    watcher.start()  # twice is harmless
    assert isinstance(watcher.watched, list)
