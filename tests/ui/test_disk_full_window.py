"""RELIABILITY 29 in the window: a full disk is "Disken är full" on the unlock page and in
the passphrase dialog, never "wrong key or damaged file"."""

from __future__ import annotations

import shutil
from pathlib import Path

from sigdesk.store import keystore
from sigdesk.ui.dialogs.passphrase import ChangePassphraseDialog
from sigdesk.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE, sha256
from tests.core.test_disk_full import fill, small_disk

__all__ = ["small_disk"]  # the fixture


def _on_disk(caseload_path: Path, disk: Path) -> Path:
    target = disk / caseload_path.name
    shutil.copyfile(caseload_path, target)
    shutil.copyfile(keystore.key_file_path(caseload_path), keystore.key_file_path(target))
    return target


def test_unlock_on_a_full_disk(qtbot, caseload_path: Path, small_disk: Path, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from sigdesk.ui.errors import ErrorPresenter
    from sigdesk.ui.ops import Ops

    path = _on_disk(caseload_path, small_disk)
    before = sha256(path)
    filler = fill(small_disk)
    ctx = make_ctx(path)
    presenter = ErrorPresenter()
    presenter.interactive = False
    ops = Ops(ctx, presenter)
    try:
        window = MainWindow(ctx, ops)
        qtbot.addWidget(window)
        window.show()
        window.start_open()
        qtbot.waitUntil(lambda: ops.pending == 0, timeout=20000)
        text = window.unlock_panel.problem.text()
        assert "Disken är full" in text and "Fel nyckel" not in text
        assert not ctx.is_open and sha256(path) == before
        filler.unlink()
        window.start_open()
        qtbot.waitUntil(lambda: ops.pending == 0, timeout=20000)
        assert ctx.is_open  # the same file opens once there is space
    finally:
        ops.shutdown()


def test_passphrase_change_on_a_full_disk(
    qtbot, caseload_path: Path, small_disk: Path, make_ctx
) -> None:  # type: ignore[no-untyped-def]
    """The key file lives on the full disk: the dialog says so and the old one stays."""
    from sigdesk.ui.errors import ErrorPresenter
    from sigdesk.ui.ops import Ops

    path = _on_disk(caseload_path, small_disk)
    ctx = make_ctx(path)
    presenter = ErrorPresenter()
    presenter.interactive = False
    ops = Ops(ctx, presenter)
    try:
        ops.call(lambda c: c.open(passphrase=PASSPHRASE))
        qtbot.waitUntil(lambda: ops.pending == 0, timeout=20000)
        assert ctx.is_open
        keys = sha256(keystore.key_file_path(path))
        fill(small_disk)
        dialog = ChangePassphraseDialog(ops)
        qtbot.addWidget(dialog)
        dialog.old.setText(PASSPHRASE)
        dialog.new.first.setText("en helt ny lång lösenfras")
        dialog.new.second.setText("en helt ny lång lösenfras")
        dialog.accept()
        qtbot.waitUntil(lambda: ops.pending == 0, timeout=20000)
        assert dialog.new.message.text().startswith("Disken är full")
        assert sha256(keystore.key_file_path(path)) == keys
    finally:
        ops.shutdown()


def test_a_save_on_a_full_disk_is_said_so(
    qtbot, caseload_path: Path, small_disk: Path, make_ctx
) -> None:  # type: ignore[no-untyped-def]
    from sigdesk.caseload import YouthData, add_youth
    from sigdesk.ui.errors import ErrorPresenter
    from sigdesk.ui.ops import Ops

    path = _on_disk(caseload_path, small_disk)
    ctx = make_ctx(path)
    presenter = ErrorPresenter()
    presenter.interactive = False
    ops = Ops(ctx, presenter)
    try:
        ops.call(lambda c: c.open(passphrase=PASSPHRASE))
        qtbot.waitUntil(lambda: ops.pending == 0, timeout=20000)
        fill(small_disk)
        for n in range(50):  # until the pages SQLite still holds are used up
            data = YouthData(f"Testa{n}", "Fyllnad", notes="lång anteckning " * 1200)
            ops.write(lambda s, d=data: add_youth(s, d, today=ctx.clock.today()))  # type: ignore[misc]
            qtbot.waitUntil(lambda: ops.pending == 0, timeout=20000)
            if presenter.last is not None:
                break
        assert presenter.last is not None
        title, body = presenter.last
        assert title == "The disk is full" and body.startswith("Disken är full")
        assert "Fel nyckel" not in body
    finally:
        ops.shutdown()
