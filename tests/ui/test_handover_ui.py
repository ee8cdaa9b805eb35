"""Arkiv → Överlämna… and Ta emot överlämning… between two windows on two caseload files,
and the caseload list's multi-select."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from sigdesk import demo
from sigdesk.catalogues import ClosureReason
from sigdesk.clock import Clock
from sigdesk.context import AppContext
from sigdesk.store.open import create_caseload, open_caseload
from sigdesk.ui.dialogs.handover import PassphraseShownDialog, PreviewDialog
from sigdesk.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE, TEST_KDF, TODAY


def _open_window(qtbot, ctx: AppContext):  # type: ignore[no-untyped-def]
    from sigdesk.ui.errors import ErrorPresenter
    from sigdesk.ui.ops import Ops

    presenter = ErrorPresenter()
    presenter.interactive = False
    ops = Ops(ctx, presenter)
    win = MainWindow(ctx, ops)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignals([win.caseload_loaded, win.todo_loaded], timeout=30000):
        win.start_open()
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=30000)
    return win


@pytest.fixture
def sender(qtbot, caseload_path: Path, settings):  # type: ignore[no-untyped-def]
    caseload = open_caseload(caseload_path)
    with caseload.session_scope() as session:
        demo.build(session, youths=6, seed=5, today=TODAY)
    caseload.close()
    win = _open_window(qtbot, AppContext(caseload_path, settings, clock=Clock(TODAY), kdf=TEST_KDF))
    yield win
    win.ops.shutdown()


@pytest.fixture
def receiver(qtbot, tmp_path: Path, settings, memory_keyring):  # type: ignore[no-untyped-def]
    path = tmp_path / "kollega" / "kollega.sigdesk"
    create_caseload(path, passphrase=PASSPHRASE, kdf=TEST_KDF).close()
    win = _open_window(qtbot, AppContext(path, settings, clock=Clock(TODAY), kdf=TEST_KDF))
    yield win
    win.ops.shutdown()


def _select(window: MainWindow, *rows: int) -> None:
    table = window.caseload.table
    flags = QItemSelectionModel.SelectionFlag
    table.setCurrentIndex(window.caseload.proxy.index(rows[0], 0))
    for row in rows[1:]:
        table.selectionModel().setCurrentIndex(
            window.caseload.proxy.index(row, 0), flags.Select | flags.Rows
        )


def _dialog(kind: type) -> object | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


def test_one_row_still_opens_the_youth_and_several_can_be_selected(qtbot, sender) -> None:  # type: ignore[no-untyped-def]
    window = sender
    _select(window, 0)
    first = window.caseload.current_youth_id()
    qtbot.waitUntil(lambda: window.detail.youth_id == first, timeout=10000)
    assert window.caseload.selected_youth_ids() == [first]
    _select(window, 1, 2)
    chosen = window.caseload.selected_youth_ids()
    assert len(chosen) == 2
    # The detail pane shows the current (last chosen) youth.
    qtbot.waitUntil(
        lambda: window.detail.youth_id == window.caseload.current_youth_id(), timeout=10000
    )
    qtbot.mouseClick(
        window.caseload.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.caseload.table.visualRect(window.caseload.proxy.index(0, 0)).center(),
    )
    assert window.caseload.selected_youth_ids() == [first]
    qtbot.waitUntil(lambda: window.detail.youth_id == first, timeout=10000)


def test_hand_over_between_two_windows(qtbot, sender, receiver, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _select(sender, 0, 1)
    ids = sender.caseload.selected_youth_ids()
    out = tmp_path / "till-kollega.sigdesk-handover"
    sender.handover.send_to(out, ids)
    qtbot.waitUntil(lambda: _dialog(PassphraseShownDialog) is not None, timeout=30000)
    shown = _dialog(PassphraseShownDialog)
    sent = sender.handover.last_export
    assert sent is not None and out.exists()
    assert shown.words.text().split() == sent.passphrase.split()
    assert shown.words.font().pointSize() >= 20
    shown.accept()
    assert shown.words.text() == ""
    qtbot.waitUntil(lambda: _dialog(QMessageBox) is not None, timeout=10000)
    question = _dialog(QMessageBox)
    close = next(b for b in question.buttons() if "handed over" in b.text())
    close.click()
    qtbot.waitUntil(lambda: sender.ops.pending == 0, timeout=20000)
    with sender.ctx.session_scope() as session:
        from sigdesk.caseload import youth_detail

        reasons = {youth_detail(session, y).closure_reason for y in ids}
    assert reasons == {ClosureReason.HANDED_OVER}

    receiver.handover.open_file(out, sent.passphrase.upper())
    qtbot.waitUntil(lambda: _dialog(PreviewDialog) is not None, timeout=30000)
    preview = _dialog(PreviewDialog)
    assert preview.youths.count() == 2 and preview.actors.count() >= 2
    assert preview.import_button.isEnabled()
    preview.import_button.click()
    qtbot.waitUntil(lambda: receiver.handover.last_import is not None, timeout=30000)
    qtbot.waitUntil(lambda: receiver.caseload.model.rowCount() == 2, timeout=30000)
    assert set(receiver.handover.last_import.imported) == set(sent.names)

    # The same file again: the preview says so and offers no import.
    receiver.handover.open_file(out, sent.passphrase)
    qtbot.waitUntil(
        lambda: (p := _dialog(PreviewDialog)) is not None and p is not preview, timeout=30000
    )
    again = _dialog(PreviewDialog)
    assert not again.import_button.isEnabled() and "already received" in again.note.text()
    again.reject()


def test_a_wrong_passphrase_is_told_and_nothing_opens(  # type: ignore[no-untyped-def]
    qtbot, sender, receiver, tmp_path: Path
) -> None:
    _select(sender, 0)
    out = tmp_path / "x.sigdesk-handover"
    sender.handover.send_to(out, sender.caseload.selected_youth_ids())
    qtbot.waitUntil(lambda: _dialog(PassphraseShownDialog) is not None, timeout=30000)
    _dialog(PassphraseShownDialog).reject()
    receiver.handover.open_file(out, "qqq qqq qqq qqq qqq qqq")
    qtbot.waitUntil(lambda: receiver.ops.presenter.last is not None, timeout=30000)
    _title, body = receiver.ops.presenter.last
    assert "finns inte i ordlistan" in body
    assert _dialog(PreviewDialog) is None


def test_the_lock_disables_both_actions(qtbot, sender, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _select(sender, 0)
    sender.handover.send_to(tmp_path / "x.sigdesk-handover", sender.caseload.selected_youth_ids())
    qtbot.waitUntil(lambda: _dialog(PassphraseShownDialog) is not None, timeout=30000)
    assert sender.handover.send_action.isEnabled()
    assert sender.handover.receive_action.isEnabled()
    sender.lock()
    assert not sender.handover.send_action.isEnabled()
    assert not sender.handover.receive_action.isEnabled()
    # The words are gone with the lock: the dialog closed, nothing keeps them.
    qtbot.waitUntil(lambda: _dialog(PassphraseShownDialog) is None, timeout=10000)
    assert sender.handover.last_export is None
    assert _dialog(QMessageBox) is None  # and no question about closing while locked


def test_nothing_selected_says_what_to_do(qtbot, sender, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    sender.caseload.table.selectionModel().clear()
    sender.caseload.table.setCurrentIndex(sender.caseload.proxy.index(-1, -1))
    sender.handover.send()
    assert told and "Select the youths" in told[0]


def test_delete_after_the_handover(qtbot, sender, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _select(sender, 0, 1)
    ids = sender.caseload.selected_youth_ids()
    before = sender.caseload.model.rowCount()
    sender.handover.send_to(tmp_path / "x.sigdesk-handover", ids)
    qtbot.waitUntil(lambda: _dialog(PassphraseShownDialog) is not None, timeout=30000)
    _dialog(PassphraseShownDialog).accept()
    qtbot.waitUntil(lambda: _dialog(QMessageBox) is not None, timeout=10000)
    delete = next(b for b in _dialog(QMessageBox).buttons() if "Delete" in b.text())
    delete.click()  # the confirmation answers yes (tests/ui/conftest.py)
    qtbot.waitUntil(lambda: sender.caseload.model.rowCount() == before - 2, timeout=30000)
    assert not set(ids) & {r.youth_id for r in sender.caseload.model.rows}
