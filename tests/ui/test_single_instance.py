"""RELIABILITY 18, the window side: a second start on a held caseload focuses the first.

The first window is this test's (qtbot, offscreen) with the real FocusServer; the
second start is a real `python -m sigdesk --caseload PATH` process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow

from sigdesk.store.lock import hold
from sigdesk.ui.single_instance import (
    FocusServer,
    ask_first_to_focus,
    bring_forward,
    second_start,
    server_name,
)

ROOT = Path(__file__).resolve().parents[2]


def second_sigdesk(caseload: Path, tmp_path: Path) -> subprocess.Popen[str]:
    env = os.environ | {
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "SIGDESK_CONFIG_DIR": str(tmp_path / "config"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "sigdesk", "--caseload", str(caseload)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )


def test_server_name_is_a_hash_not_the_path(tmp_path: Path) -> None:
    path = tmp_path / "Elias ärenden.sigdesk"
    name = server_name(path)
    assert name == server_name(tmp_path / "." / "Elias ärenden.sigdesk")
    assert name != server_name(tmp_path / "annan.sigdesk")
    assert "Elias" not in name and name.split("-")[0] == "sigdesk"
    assert str(tmp_path.name) not in name


def test_a_second_start_brings_the_first_window_forward(qtbot, tmp_path: Path) -> None:
    caseload = tmp_path / "a.sigdesk"
    lock = hold(caseload)
    first, other = QMainWindow(), QMainWindow()
    for window in (first, other):
        qtbot.addWidget(window)
        window.show()
    first.showMinimized()
    other.activateWindow()
    server = FocusServer(caseload, lambda: bring_forward(first))
    try:
        assert server.listen()
        child = second_sigdesk(caseload, tmp_path)
        with qtbot.waitSignal(server.focus_requested, timeout=60_000):
            pass
        qtbot.waitUntil(lambda: child.poll() is not None, timeout=60_000)
        _, err = child.communicate()
        assert child.returncode == 0, err
        assert err == ""
        assert not first.isMinimized()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is first, timeout=5000)
    finally:
        server.close()
        lock.release()


def test_no_answer_says_the_caseload_is_open_elsewhere(qapp, tmp_path: Path) -> None:
    caseload = tmp_path / "b.sigdesk"
    assert not ask_first_to_focus(caseload, wait_ms=200)
    told: list[bool] = []
    assert second_start(caseload, tell=lambda: told.append(True)) == 2
    assert told == [True]


def test_a_socket_left_by_a_killed_run_is_replaced(qtbot, tmp_path: Path) -> None:
    caseload = tmp_path / "c.sigdesk"
    stale = FocusServer(caseload, lambda: None)
    assert stale.listen()
    # A killed run never closes its server; the next holder listens on the same name.
    fresh = FocusServer(caseload, lambda: None)
    try:
        assert fresh.listen()
    finally:
        fresh.close()
        stale.close()
