"""The lock always wins (RELIABILITY 19, 27): no window, widget or model keeps case text.

A youth whose name, personnummer and notes are canaries is on screen with an edit
dialog holding unsaved typing, its "discard the changes?" box waiting in `exec()`,
meeting mode with unsaved notes and the address book; the lock fires inside that box
(idle time on a clock the test moves, Ctrl+L, or the OS through `OsLockWatcher`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from sigdesk.caseload import YouthData, add_youth
from sigdesk.catalogues import YouthStatus
from sigdesk.meetings import MeetingData, plan_meeting
from sigdesk.store.open import open_caseload
from sigdesk.ui.lockdown import menu_actions
from sigdesk.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE, TODAY

PNR = "20120703-9809"
LAST_NAME = "Åkerblöm-Ängsäter"


class FakeClock:
    """Monotonic seconds that only the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def canaries(caseload_path: Path) -> dict[str, object]:
    """A youth whose name, personnummer and notes are canaries, with a meeting today."""
    notes = f"anteckning {uuid.uuid4()}"
    caseload = open_caseload(caseload_path)
    with caseload.session_scope() as s:
        data = YouthData(
            "Idun",
            LAST_NAME,
            personnummer=PNR,
            status=YouthStatus.ACTIVE,
            start_date=date(2026, 10, 1),
            notes=notes,
        )
        youth = add_youth(s, data, today=TODAY).created_id
        meeting = plan_meeting(
            s,
            youth,
            MeetingData(datetime(2026, 11, 22, 9, 0), 60, "Farstaskolan", "Sam", "Sam"),
            today=date(2026, 11, 1),
        ).created_id
    caseload.close()
    return {"youth": youth, "meeting": meeting, "notes": notes}


def texts_of(widget: QWidget) -> Iterator[str]:
    yield widget.windowTitle()
    yield widget.toolTip()
    yield widget.accessibleName()
    if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        yield widget.toPlainText()
    if isinstance(widget, QMessageBox):
        yield widget.text() + widget.informativeText() + widget.detailedText()
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QTabBar):
        yield from (widget.tabText(i) for i in range(widget.count()))


def model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[str]:
    parent = parent or QModelIndex()
    roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.EditRole]
    roles += [Qt.ItemDataRole.UserRole + n for n in range(6)]
    flat = isinstance(model, QAbstractListModel | QAbstractTableModel)
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    for row in range(model.rowCount(parent)):
        for column in range(max(1, columns)):
            index = model.index(row, column, parent)
            yield from (str(model.data(index, role)) for role in roles)
            if column == 0 and not flat and model.hasChildren(index):
                yield from model_texts(model, index)


def canary_hits(canaries: list[str]) -> list[str]:
    """Every widget and every model (of every view, and every model object) holding one."""
    hits: list[str] = []
    models: set[int] = set()
    found: list[QAbstractItemModel] = []
    for widget in QApplication.allWidgets():
        for text in texts_of(widget):
            hits += [f"{type(widget).__name__}: {c}" for c in canaries if c in text]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found.append(widget.model())
        found += widget.findChildren(QAbstractItemModel)
    for model in found:
        if id(model) not in models and shiboken6.isValid(model):
            models.add(id(model))
            for text in model_texts(model):
                hits += [f"{type(model).__name__}: {c}" for c in canaries if c in text]
    return hits


def open_everything(qtbot, window: MainWindow, ids: dict[str, object]) -> dict[str, QWidget]:  # type: ignore[no-untyped-def]
    """The youth on screen, its edit dialog with unsaved text, meeting mode typed in, the
    address book: the canaries are in widgets and models before the lock."""
    youth, meeting = ids["youth"], ids["meeting"]
    window.open_youth(youth, 3)  # type: ignore[arg-type]
    tab = window.detail.meetings
    qtbot.waitUntil(lambda: tab.data is not None, timeout=20000)
    with qtbot.waitSignal(tab.meeting_started, timeout=20000) as started:
        tab.start_meeting()
    view = started.args[0]
    assert view.start.meeting_id == meeting
    view.pages[1].notes.setPlainText(f"mötesanteckning {ids['typed_meeting']}")
    window.detail.tabs.setCurrentIndex(0)
    overview = window.detail.overview
    qtbot.waitUntil(lambda: overview.data is not None, timeout=20000)
    dialog = overview.edit_youth()
    assert dialog is not None
    dialog.notes.setPlainText(f"osparat {ids['typed_dialog']}")
    assert dialog.dirty
    book = window.open_address_book()
    qtbot.waitUntil(lambda: window.ops.pending == 0, timeout=20000)
    return {"meeting": view, "dialog": dialog, "book": book}


def fire_inside_the_discard_box(
    qtbot, dialog: QWidget, trigger: Callable[[], None]
) -> list[object]:  # type: ignore[no-untyped-def]
    """Close the dirty dialog: its "discard?" box runs `exec()`; the lock fires inside it."""
    seen: list[object] = []

    def inside() -> None:
        box = QApplication.activeModalWidget()
        seen.append(box)
        if isinstance(box, QMessageBox):
            seen.append(box.text())
        trigger()

    QTimer.singleShot(0, dialog.close)
    QTimer.singleShot(400, inside)
    qtbot.waitUntil(lambda: len(seen) >= 1, timeout=10000)
    return seen


@pytest.fixture
def shown(qtbot, ctx, ops, canaries):  # type: ignore[no-untyped-def]
    from sigdesk.ui.lock_triggers import LockTriggers

    window = MainWindow(ctx, ops)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignals([window.caseload_loaded, window.todo_loaded], timeout=20000):
        window.start_open()
    triggers = LockTriggers(window, ctx.settings)
    clock = FakeClock()
    triggers.idle._clock = clock
    triggers.idle.last_input = clock.now
    triggers.idle.check()  # its timer was first set on the real clock: set it on the test's
    ids = dict(canaries, typed_meeting=str(uuid.uuid4()), typed_dialog=str(uuid.uuid4()))
    return window, triggers, clock, ids


def _no_questions() -> None:
    """A failed test must not wait on a "discard?" question when qtbot closes the windows."""
    from sigdesk.ui.dialogs.base import FormDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, FormDialog):
            widget.dirty = False


def _trigger(kind: str, qtbot, triggers, clock: FakeClock) -> Callable[[], None]:  # type: ignore[no-untyped-def]
    def idle() -> None:
        clock.now += 60 * 60 + 1  # meeting mode's idle time (60 min) is over too
        triggers.idle.check()

    def ctrl_l() -> None:  # through the window system's path, as a user's keys come
        target = QApplication.activeModalWidget() or QApplication.focusWidget()
        window = target.window().windowHandle()
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    def os_lock() -> None:
        triggers.os_lock.lock_requested.emit("suspend")

    return {"idle": idle, "ctrl_l": ctrl_l, "os": os_lock}[kind]


@pytest.mark.parametrize("kind", ["idle", "ctrl_l", "os"])
def test_the_lock_wins_over_every_window_and_leaves_no_canary(qtbot, shown, kind: str) -> None:  # type: ignore[no-untyped-def]
    try:
        _lock_wins(qtbot, shown, kind)
    finally:
        _no_questions()


def _lock_wins(qtbot, shown, kind: str) -> None:  # type: ignore[no-untyped-def]
    window, triggers, clock, ids = shown
    opened = open_everything(qtbot, window, ids)
    clock.now += 9 * 60  # meeting mode is open: its longer idle time applies
    triggers.idle.check()
    assert not window.lockdown.is_locked
    canaries = [ids["notes"], PNR, PNR[2:], LAST_NAME, ids["typed_meeting"], ids["typed_dialog"]]
    before = canary_hits(canaries)
    assert any(ids["typed_dialog"] in h or PNR in h for h in before), before  # the walk sees
    if kind == "ctrl_l":
        qtbot.waitUntil(lambda: triggers.idle.watching, timeout=5000)

    seen = fire_inside_the_discard_box(
        qtbot, opened["dialog"], _trigger(kind, qtbot, triggers, clock)
    )
    assert isinstance(seen[0], QMessageBox), seen  # the lock fired inside the question
    assert window.lockdown.is_locked
    assert window.pages.currentWidget() is window.unlock_panel
    qtbot.waitUntil(lambda: window.lockdown.is_settled, timeout=20000)
    qtbot.waitUntil(lambda: not shiboken6.isValid(opened["dialog"]), timeout=5000)
    assert canary_hits(canaries) == []
    for name in ("meeting", "book"):
        assert not shiboken6.isValid(opened[name])
    assert not window.ctx.is_open and window.ctx.caseload is None
    enabled = [a.text() for a in menu_actions(window.menuBar()) if a.isEnabled()]
    assert sorted(enabled) == sorted(a.text() for a in window.free_actions)

    with qtbot.waitSignal(window.caseload_loaded, timeout=20000):
        window.unlock_panel.passphrase.setText(PASSPHRASE)
        window.unlock_panel.button.click()
    notice = window.lockdown.notice
    assert notice.isVisible()
    assert "were discarded when sigdesk locked" in notice.text() or "kastades" in notice.text()
    assert window.windowTitle() != ""  # the window itself is still there
    assert all(a.isEnabled() for a in menu_actions(window.menuBar()))
    _assert_draft_kept(qtbot, window, ids)


def _assert_draft_kept(qtbot, window: MainWindow, ids: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    from sigdesk.meeting_drafts import load_draft

    got: list[object] = []
    meeting = ids["meeting"]
    window.ops.query(lambda s: load_draft(s, meeting), got.append)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(got), timeout=20000)
    draft = got[0]
    assert isinstance(draft, dict)
    assert ids["typed_meeting"] in draft["notes"]["2"]  # flushed before the connection closed


def test_results_asked_for_before_the_lock_do_not_refill_the_views(qtbot, shown) -> None:  # type: ignore[no-untyped-def]
    window, _triggers, _clock, ids = shown
    window.open_youth(ids["youth"])
    window.refresh_caseload()  # on the worker: its rows arrive after the lock
    window.refresh_todo()
    window.lock()
    qtbot.waitUntil(lambda: window.lockdown.is_settled, timeout=20000)
    qtbot.waitUntil(lambda: window.ops.pending == 0, timeout=20000)
    assert window.caseload.model.rowCount() == 0
    assert canary_hits([PNR, LAST_NAME]) == []


# --- RELIABILITY 19: the idle time, on a clock the test moves -----------------------------


def test_idle_lock_after_the_set_minutes_empties_every_view(qtbot, shown) -> None:  # type: ignore[no-untyped-def]
    window, triggers, clock, ids = shown
    window.open_youth(ids["youth"])
    qtbot.waitUntil(lambda: window.detail.overview.data is not None, timeout=20000)
    idle = triggers.idle
    assert idle.minutes == 10
    assert idle.timer.isActive() and idle.timer.interval() == 10 * 60_000
    clock.now += 10 * 60 - 1
    idle.check()
    assert not window.lockdown.is_locked  # one second short
    clock.now += 1
    idle.check()
    assert window.lockdown.is_locked
    qtbot.waitUntil(lambda: window.lockdown.is_settled, timeout=20000)
    assert canary_hits([ids["notes"], PNR, LAST_NAME]) == []  # type: ignore[list-item]
    assert not window.ctx.is_open


def test_input_restarts_the_idle_time(qtbot, shown) -> None:  # type: ignore[no-untyped-def]
    window, triggers, clock, _ids = shown
    idle = triggers.idle
    qtbot.waitUntil(lambda: idle.watching, timeout=5000)
    clock.now += 9 * 60
    window.caseload.search.setFocus()
    qtbot.keyClick(window.windowHandle(), "a")  # as the window system delivers a key
    assert window.caseload.search.text() == "a"
    clock.now += 9 * 60
    idle.check()  # 18 minutes since the start, 9 since the key
    assert not window.lockdown.is_locked
    assert idle.timer.remainingTime() > 30_000  # looks again when the 10 minutes are up
    clock.now += 61
    idle.check()
    assert window.lockdown.is_locked


def test_meeting_mode_waits_its_own_longer_idle_time(qtbot, shown) -> None:  # type: ignore[no-untyped-def]
    window, triggers, clock, _ids = shown
    idle = triggers.idle
    assert idle.meeting_minutes == 60
    in_meeting = [True]
    idle._in_meeting = lambda: in_meeting[0]
    clock.now += 59 * 60
    idle.check()
    assert not window.lockdown.is_locked
    clock.now += 60
    idle.check()
    assert window.lockdown.is_locked


def test_idle_time_zero_never_locks_and_settings_change_it(qtbot, shown) -> None:  # type: ignore[no-untyped-def]
    from sigdesk import settings as s

    window, triggers, clock, _ids = shown
    window.ctx.settings.set(s.IDLE_LOCK_MINUTES, 0)
    window.ctx.settings.set(s.MEETING_IDLE_LOCK_MINUTES, 90)
    window.settings_changed.emit()
    assert triggers.idle.meeting_minutes == 90
    assert not triggers.idle.timer.isActive()
    clock.now += 24 * 3600
    triggers.idle.check()
    assert not window.lockdown.is_locked


def test_a_locked_demo_opens_again_with_the_demo_passphrase(
    qtbot, tmp_path: Path, settings, ops
) -> None:  # type: ignore[no-untyped-def]
    from sigdesk.clock import Clock
    from sigdesk.context import DEMO_PASSPHRASE, AppContext

    demo = AppContext(tmp_path / "demo" / "demo.sigdesk", settings, clock=Clock(TODAY))
    demo.demo_dir = tmp_path / "demo"
    demo.demo_dir.mkdir()
    ops.ctx = demo
    window = MainWindow(demo, ops)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.caseload_loaded, timeout=30000):
        window.start_demo(youths=3)
    window.lock()
    qtbot.waitUntil(lambda: window.lockdown.is_settled, timeout=20000)
    assert not demo.is_open
    assert DEMO_PASSPHRASE in window.unlock_panel.problem.text()
    with qtbot.waitSignal(window.caseload_loaded, timeout=30000):
        window.unlock_panel.passphrase.setText(DEMO_PASSPHRASE)
        window.unlock_panel.button.click()
    assert window.caseload.model.rowCount() == 3


@pytest.mark.parametrize("what", ["file dialog", "message box", "settings"])
def test_a_file_dialog_a_message_box_or_the_settings_close_at_the_lock(
    qtbot, shown, what: str
) -> None:  # type: ignore[no-untyped-def]
    """Static dialogs (made and destroyed by Qt's own code) are rejected, and their callers
    carry on as after a Cancel; the settings dialog (the worker's profile) closes too."""
    from PySide6.QtWidgets import QFileDialog

    window, _triggers, _clock, ids = shown
    window.open_youth(ids["youth"])
    qtbot.waitUntil(lambda: window.detail.overview.data is not None, timeout=20000)
    answers: list[object] = []

    def open_it() -> None:
        if what == "file dialog":
            window.export_all_ics()  # returns once the dialog is gone
            answers.append("export returned")
        elif what == "message box":
            answer = QMessageBox.question(window, "Fråga", f"Ta bort {LAST_NAME}?")
            answers.append(answer)
        else:
            answers.append(window.open_settings())

    def kind_open() -> bool:
        wanted = {"file dialog": QFileDialog, "message box": QMessageBox}.get(what)
        if wanted is None:
            return bool(answers)
        return any(isinstance(w, wanted) and w.isVisible() for w in QApplication.topLevelWidgets())

    seen: list[bool] = []

    def lock_when_open() -> None:  # runs inside the dialog's exec() for the first two
        if kind_open():
            seen.append(True)
            window.lock()
        else:
            QTimer.singleShot(50, lock_when_open)

    QTimer.singleShot(0, open_it)
    QTimer.singleShot(50, lock_when_open)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    qtbot.waitUntil(lambda: window.lockdown.is_settled, timeout=20000)
    qtbot.waitUntil(lambda: bool(answers), timeout=10000)
    if what == "message box":
        assert answers == [QMessageBox.StandardButton.NoButton]  # not a yes
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    assert visible == []
    assert not any(isinstance(w, QFileDialog | QMessageBox) for w in QApplication.allWidgets())
    assert canary_hits([LAST_NAME, PNR]) == []
    assert not window.ctx.is_open
