"""UI fixtures: a context on a real encrypted caseload, the worker, and a shown window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sigdesk.clock import Clock
from sigdesk.context import AppContext
from sigdesk.settings import CONFIG_DIR_ENV, Settings
from tests.conftest import TEST_KDF, TODAY

pytest.importorskip("pytestqt")


@pytest.fixture(autouse=True)
def _no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """UI tests never read or write the user's own settings file."""
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "config"))
    # …nor the user's data folder (the automatic backups' default folder)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture(autouse=True)
def _answer_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Yes/no questions answer yes instead of blocking the test in a modal box."""
    from sigdesk.ui import widgets

    monkeypatch.setattr(widgets, "ask", lambda *_args: True)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(path=tmp_path / "config" / "settings.json")


@pytest.fixture
def make_ctx(settings: Settings):  # type: ignore[no-untyped-def]
    def make(path: Path) -> AppContext:
        return AppContext(path, settings, clock=Clock(TODAY), kdf=TEST_KDF)

    return make


@pytest.fixture
def ctx(caseload_path: Path, make_ctx) -> AppContext:  # type: ignore[no-untyped-def]
    return make_ctx(caseload_path)


@pytest.fixture
def ops(qapp, ctx: AppContext) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from sigdesk.ui.errors import ErrorPresenter
    from sigdesk.ui.ops import Ops

    presenter = ErrorPresenter()
    presenter.interactive = False
    worker = Ops(ctx, presenter)
    yield worker
    worker.shutdown()


@pytest.fixture
def window(qtbot, ctx: AppContext, ops):  # type: ignore[no-untyped-def]
    """The main window on the (empty) test caseload, unlocked through the keyring."""
    from sigdesk.ui.main_window import MainWindow

    win = MainWindow(ctx, ops)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignals([win.caseload_loaded, win.todo_loaded], timeout=20000):
        win.start_open()
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=20000)
    return win


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_gui_thread() -> Iterator[None]:
    """As the app does (sigdesk/ui/gc_guard.py): Python's cyclic GC must not run on the
    worker thread, where collecting a Qt wrapper deletes a QObject on the wrong thread
    (without this, about one run in four crashed)."""
    import gc

    gc.collect()
    gc.disable()
    yield
    gc.unfreeze()  # a window of this process froze what existed when its start was over
    gc.collect()
    gc.enable()
