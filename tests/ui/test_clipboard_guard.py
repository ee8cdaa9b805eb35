"""RELIABILITY 28: a copied personnummer leaves the clipboard after 30 s and at a lock,
unless something else was copied since."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from sigdesk.caseload import YouthData, add_youth
from sigdesk.store.open import open_caseload
from sigdesk.ui import clipboard_guard
from sigdesk.ui.clipboard_guard import CLEAR_AFTER_MS, ClipboardGuard
from tests.conftest import TODAY

PNR = "20120703-9809"


@pytest.fixture
def guard(qapp):  # type: ignore[no-untyped-def]
    """A guard whose 30 seconds are 50 ms; the clipboard starts empty."""
    QGuiApplication.clipboard().clear()
    made = ClipboardGuard(clear_after_ms=50)
    yield made
    made.clipboard.dataChanged.disconnect(made._changed)
    QGuiApplication.clipboard().clear()


def test_the_default_is_thirty_seconds(qapp) -> None:  # type: ignore[no-untyped-def]
    assert CLEAR_AFTER_MS == 30_000
    made = ClipboardGuard()
    assert made.timer.interval() == 30_000
    made.clipboard.dataChanged.disconnect(made._changed)


def test_a_copied_personnummer_is_gone_after_the_time(qtbot, guard: ClipboardGuard) -> None:  # type: ignore[no-untyped-def]
    guard.copy(PNR)
    assert QGuiApplication.clipboard().text() == PNR
    assert guard.timer.isActive()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=5000)
    assert guard.held is None


def test_something_copied_since_is_left_alone(qtbot, guard: ClipboardGuard) -> None:  # type: ignore[no-untyped-def]
    guard.copy(PNR)
    QGuiApplication.clipboard().setText("mötesanteckning att klistra in")
    assert not guard.timer.isActive()
    qtbot.wait(200)  # four times the guard's time
    guard.clear()  # as at a lock
    assert QGuiApplication.clipboard().text() == "mötesanteckning att klistra in"


def test_ctrl_c_in_a_field_is_guarded_too(qtbot, guard: ClipboardGuard) -> None:  # type: ignore[no-untyped-def]
    field = QLineEdit(PNR)
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    qtbot.waitUntil(lambda: field.isActiveWindow(), timeout=5000)  # sigdesk is the active app
    field.selectAll()
    field.copy()
    assert QGuiApplication.clipboard().text() == PNR
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=5000)


def test_the_copy_carries_the_clipboard_managers_secret_hint(guard: ClipboardGuard) -> None:
    guard.copy(PNR)
    mime = QGuiApplication.clipboard().mimeData()
    assert bytes(mime.data("x-kde-passwordManagerHint").data()) == b"secret"


def test_copy_personnummer_on_the_overview_and_gone_at_lock(
    qtbot, caseload_path: Path, make_ctx, ops, ctx
) -> None:  # type: ignore[no-untyped-def]
    from sigdesk.ui.main_window import MainWindow

    caseload = open_caseload(caseload_path)
    with caseload.session_scope() as s:
        youth = add_youth(
            s,
            YouthData("Idun", "Exempel", personnummer=PNR, start_date=date(2026, 10, 1)),
            today=TODAY,
        ).created_id
    caseload.close()
    window = MainWindow(ctx, ops)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.caseload_loaded, timeout=20000):
        window.start_open()
    assert youth is not None
    window.open_youth(youth)
    overview = window.detail.overview
    qtbot.waitUntil(lambda: overview.copy_button.isEnabled(), timeout=20000)
    overview.copy_button.click()
    assert QGuiApplication.clipboard().text() == PNR
    guard = clipboard_guard.guard()
    assert guard.timer.isActive() and guard.timer.interval() == 30_000
    window.lock()
    assert QGuiApplication.clipboard().text() == ""
    assert not guard.timer.isActive()
