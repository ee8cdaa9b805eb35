"""Arkiv → Säkerhetskopiera… / Återställ…, the automatic backup, the "Att göra" warning and
the restore button on the damaged-file page, driven in the real window."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog

from sigdesk.config import key_file_path
from sigdesk.store import backup as bk
from sigdesk.store.open import open_caseload
from sigdesk.ui import widgets
from sigdesk.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE, sha256
from tests.ui.test_unlock import start


def backups_in(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*{bk.BACKUP_SUFFIX}")) if folder.exists() else []


def todo_kinds(window: MainWindow) -> list[str]:
    return [item.kind.value for item in window.todo.model.rows]


def test_first_unlock_of_the_day_makes_a_backup_and_att_gora_is_quiet(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    folder = window.ctx.settings.backup_folder
    assert str(folder).startswith(os.environ["XDG_DATA_HOME"])
    qtbot.waitUntil(lambda: len(backups_in(folder)) == 1, timeout=20000)
    qtbot.waitUntil(lambda: window.ops.pending == 0, timeout=20000)
    assert "sakerhetskopia" not in todo_kinds(window)
    assert bk.read_header(backups_in(folder)[0]).caseload_id


def test_att_gora_warns_without_a_recent_backup(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from sigdesk.settings import BACKUP_FOLDER

    asked: list[str] = []

    def save_dialog(*args: object, **_kw: object) -> tuple[str, str]:
        asked.append(str(args[2]))  # the suggested name, in the backup folder
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    window.ctx.settings.set(BACKUP_FOLDER, str(tmp_path / "tom"))
    window.refresh_todo()
    qtbot.waitUntil(lambda: "sakerhetskopia" in todo_kinds(window), timeout=20000)
    item = window.todo.model.rows[todo_kinds(window).index("sakerhetskopia")]
    assert "Ingen säkerhetskopia" in item.text
    row = todo_kinds(window).index("sakerhetskopia")
    with qtbot.waitSignal(window.todo.backup_requested, timeout=5000):
        window.todo.table.activated.emit(window.todo.model.index(row, 0))
    assert len(asked) == 1 and asked[0].startswith(str(tmp_path / "tom"))


def test_back_up_asks_before_replacing(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "manuell.sigdesk-backup"
    window.backups.back_up_to(out)
    qtbot.waitUntil(lambda: out.exists() and window.ops.pending == 0, timeout=20000)
    assert "Backup written" in window.statusBar().currentMessage() or out.exists()
    first, first_file = sha256(out), out.stat().st_ino
    monkeypatch.setattr(widgets, "ask", lambda *_a: False)
    window.backups.back_up_to(out)
    qtbot.waitUntil(lambda: window.ops.pending == 0, timeout=20000)
    assert sha256(out) == first and out.stat().st_ino == first_file
    monkeypatch.setattr(widgets, "ask", lambda *_a: True)
    window.backups.back_up_to(out)
    # A new file in its place (its bytes may equal the first: the caseload did not change).
    qtbot.waitUntil(
        lambda: window.ops.pending == 0 and out.stat().st_ino != first_file, timeout=20000
    )
    assert bk.read_header(out).caseload_id  # whole: its size matches its header


def test_backup_onto_the_caseload_is_refused_in_swedish(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.ctx.caseload_path
    before = sha256(path), sha256(key_file_path(path))
    window.backups.back_up_to(key_file_path(path))
    qtbot.waitUntil(lambda: window.ops.presenter.last is not None, timeout=20000)
    title, body = window.ops.presenter.last
    assert title == "Choose another file"
    assert "aldrig" in body
    assert (sha256(path), sha256(key_file_path(path))) == before


def _make_backup(path: Path, out: Path) -> Path:
    caseload = open_caseload(path)
    try:
        bk.make_backup(caseload, out=out)
    finally:
        caseload.close()
    return out


def test_restore_over_the_open_caseload_keeps_it_beside(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "k.sigdesk-backup"
    qtbot.waitUntil(lambda: window.ops.pending == 0, timeout=20000)
    window.ops.call(lambda ctx: ctx.backup_to(out))
    qtbot.waitUntil(lambda: out.exists() and window.ops.pending == 0, timeout=20000)
    old = sha256(window.ctx.caseload_path)
    with qtbot.waitSignal(window.caseload_loaded, timeout=30000):
        window.backups.restore_from(out, PASSPHRASE)
    result = window.backups.last_result
    assert result is not None and result.kept is not None
    assert sha256(result.kept) == old and key_file_path(result.kept).exists()
    assert window.ctx.is_open
    assert "kept as" in window.statusBar().currentMessage() or result.kept.exists()


@pytest.mark.parametrize(
    ("case", "title"),
    [
        ("wrong", "Wrong passphrase"),
        ("truncated", "The backup is damaged"),
        ("newer", "Made by a newer sigdesk"),
        ("other", "A backup of another caseload"),
        ("not", "Not a sigdesk backup"),
    ],
)
def test_bad_backups_get_their_own_message_and_change_nothing(
    qtbot, window: MainWindow, tmp_path: Path, case: str, title: str
) -> None:  # type: ignore[no-untyped-def]
    from sigdesk.store.open import create_caseload
    from tests.conftest import TEST_KDF

    qtbot.waitUntil(lambda: window.ops.pending == 0, timeout=20000)
    out = tmp_path / "k.sigdesk-backup"
    window.ops.call(lambda ctx: ctx.backup_to(out))
    qtbot.waitUntil(lambda: out.exists() and window.ops.pending == 0, timeout=20000)
    passphrase = PASSPHRASE
    if case == "wrong":
        passphrase = "inte rätt lösenfras"
    elif case == "truncated":
        out.write_bytes(out.read_bytes()[:-5000])
    elif case == "newer":
        data = bytearray(out.read_bytes())
        data[16:20] = (bk.BACKUP_FORMAT + 1).to_bytes(4, "big")
        out.write_bytes(bytes(data))
    elif case == "other":
        other = tmp_path / "annan" / "b.sigdesk"
        other.parent.mkdir()
        create_caseload(other, passphrase=PASSPHRASE, kdf=TEST_KDF).close()
        _make_backup(other, out.with_name("b.sigdesk-backup")).replace(out)
    else:
        out.write_bytes(b"PK\x03\x04 ett word-dokument")
    folder = window.ctx.caseload_path.parent
    before = {
        p.name: sha256(p)
        for p in folder.iterdir()
        if p.is_file() and p.name[-4:] not in ("-wal", "-shm")
    }
    window.ops.presenter.last = None
    window.backups.restore_from(out, passphrase)
    qtbot.waitUntil(lambda: window.ops.presenter.last is not None, timeout=30000)
    qtbot.waitUntil(lambda: window.ops.pending == 0, timeout=30000)
    assert window.ops.presenter.last[0] == title
    after = {
        p.name: sha256(p)
        for p in folder.iterdir()
        if p.is_file() and p.name[-4:] not in ("-wal", "-shm")
    }
    assert after.keys() == before.keys()
    assert after[window.ctx.caseload_path.name] == before[window.ctx.caseload_path.name]
    assert window.ctx.is_open


def test_damaged_file_page_offers_restore(
    qtbot, caseload_path: Path, make_ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from sigdesk.ui.errors import ErrorPresenter
    from sigdesk.ui.ops import Ops

    out = _make_backup(caseload_path, tmp_path / "k.sigdesk-backup")
    damaged = caseload_path.read_bytes()[:-100]
    caseload_path.write_bytes(damaged)
    ctx = make_ctx(caseload_path)
    presenter = ErrorPresenter()
    presenter.interactive = False
    ops = Ops(ctx, presenter)
    try:
        window = start(qtbot, ctx, ops)
        panel = window.unlock_panel
        assert "avkortad" in panel.problem.text()
        assert panel.restore.isVisible()
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(out), ""))
        monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (PASSPHRASE, True))
        with qtbot.waitSignal(window.caseload_loaded, timeout=30000):
            panel.restore.click()
        kept = window.backups.last_result.kept
        assert kept is not None and kept.read_bytes() == damaged
        assert window.pages.currentWidget() is window.workspace
    finally:
        ops.shutdown()


def test_quitting_makes_a_backup_after_the_last_change(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """Session.stop: the backup at exit runs on the worker before the caseload closes."""
    import time

    from sigdesk.ui.startup import Session

    session = Session(ctx)
    session.presenter.interactive = False
    window = session.show_window()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.todo_loaded, timeout=20000):
        window.start_open()
    folder = ctx.settings.backup_folder
    qtbot.waitUntil(lambda: len(backups_in(folder)) == 1, timeout=20000)
    qtbot.waitUntil(lambda: session.ops.pending == 0, timeout=20000)
    at_unlock = backups_in(folder)[0]
    made_at_unlock = bk.read_header(at_unlock).created
    time.sleep(1.1)  # a new second, so a new name
    session.stop()
    (at_exit,) = backups_in(folder)  # the same day: the newest replaces the unlock one
    assert at_exit != at_unlock
    assert bk.read_header(at_exit).created > made_at_unlock
    assert not ctx.is_open
