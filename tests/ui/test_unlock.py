"""Unlocking: silent through the keyring, else the passphrase, with one message per error."""

from __future__ import annotations

from pathlib import Path

from sigdesk.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.keyrings import MemoryKeyring


def start(qtbot, ctx, ops) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx, ops)
    qtbot.addWidget(window)
    window.show()
    window.start_open()
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=20000)
    return window


def test_keyring_opens_without_a_prompt(window: MainWindow) -> None:
    assert window.pages.currentWidget() is window.workspace
    assert window.ctx.is_open


def test_youth_tabs_are_built_after_the_start_not_during_it(qtbot, ctx, ops) -> None:  # type: ignore[no-untyped-def]
    """The list shows without the five tabs; they are built once "Att göra" is in, so the
    first youth opens as fast as any other."""
    window = MainWindow(ctx, ops)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.caseload_loaded, timeout=20000):
        window.start_open()
    assert window.detail.page is None
    qtbot.waitUntil(lambda: window.detail.page is not None, timeout=20000)
    assert window.detail.currentWidget() is window.detail.empty  # built, not shown


def test_empty_keyring_asks_for_the_passphrase(
    qtbot, ctx, ops, memory_keyring: MemoryKeyring
) -> None:  # type: ignore[no-untyped-def]
    memory_keyring.store.clear()
    window = start(qtbot, ctx, ops)
    panel = window.unlock_panel
    assert window.pages.currentWidget() is panel
    assert "Nyckelringen kan inte låsa upp" in panel.problem.text()
    panel.passphrase.setText("fel lösenfras")
    panel.button.click()
    qtbot.waitUntil(lambda: panel.button.isEnabled(), timeout=20000)
    assert "Fel lösenfras." in panel.problem.text()
    assert panel.passphrase.isVisible()  # the user may try again
    assert not ctx.is_open
    with qtbot.waitSignal(window.caseload_loaded, timeout=20000):
        panel.passphrase.setText(PASSPHRASE)
        panel.button.click()
    assert window.pages.currentWidget() is window.workspace


def test_remember_stores_the_key_so_the_next_start_asks_nothing(
    qtbot, ctx, ops, memory_keyring: MemoryKeyring
) -> None:  # type: ignore[no-untyped-def]
    """A new laptop: the keyring has no key; the passphrase opens and, ticked, stores it."""
    from sigdesk.store import keystore

    memory_keyring.store.clear()
    window = start(qtbot, ctx, ops)
    panel = window.unlock_panel
    assert panel.remember.isVisible() and panel.remember.isChecked()
    with qtbot.waitSignal(window.caseload_loaded, timeout=20000):
        panel.passphrase.setText(PASSPHRASE)
        panel.button.click()
    with qtbot.waitSignal(window.todo_loaded, timeout=20000):
        pass  # "Att göra" arrives after the list; its summary must not hide this message
    message = window.statusBar().currentMessage().lower()
    assert "keyring" in message or "nyckelring" in message
    assert len(memory_keyring.store) == 1
    assert keystore.unlock(ctx.caseload_path)  # through the keyring, no passphrase


def test_unticked_remember_leaves_the_keyring_alone(
    qtbot, ctx, ops, memory_keyring: MemoryKeyring
) -> None:  # type: ignore[no-untyped-def]
    memory_keyring.store.clear()
    window = start(qtbot, ctx, ops)
    window.unlock_panel.remember.setChecked(False)
    with qtbot.waitSignal(window.caseload_loaded, timeout=20000):
        window.unlock_panel.passphrase.setText(PASSPHRASE)
        window.unlock_panel.button.click()
    assert memory_keyring.store == {}


def test_a_file_that_is_no_caseload_gets_its_own_message(
    qtbot, tmp_path: Path, make_ctx, qapp
) -> None:  # type: ignore[no-untyped-def]
    from sigdesk.ui.errors import ErrorPresenter
    from sigdesk.ui.ops import Ops

    bogus = tmp_path / "brev.sigdesk"
    bogus.write_bytes(b"PK\x03\x04" + b"\0" * 4092)
    before = bogus.read_bytes()
    ctx = make_ctx(bogus)
    presenter = ErrorPresenter()
    presenter.interactive = False
    ops = Ops(ctx, presenter)
    window = start(qtbot, ctx, ops)
    panel = window.unlock_panel
    assert window.pages.currentWidget() is panel
    assert "zip-arkiv" in panel.problem.text()
    assert not panel.passphrase.isVisible()  # a passphrase cannot help here
    assert bogus.read_bytes() == before
    ops.shutdown()


def test_lock_clears_every_view_and_the_passphrase_unlocks(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.lock()
    qtbot.waitUntil(lambda: not window.ctx.is_open, timeout=20000)
    assert window.pages.currentWidget() is window.unlock_panel
    assert not window.unlock_panel.remember.isVisible()  # the keyring still has the key
    assert window.caseload.model.rowCount() == 0
    assert window.todo.model.rowCount() == 0
    assert window.detail.youth_id is None
    with qtbot.waitSignal(window.caseload_loaded, timeout=20000):
        window.unlock_panel.passphrase.setText(PASSPHRASE)
        window.unlock_panel.button.click()
    assert window.ctx.is_open
