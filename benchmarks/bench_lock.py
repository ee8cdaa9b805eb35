"""SPEC §7 / RELIABILITY 27: locked within 1 s of the trigger, on the 2,000-youth caseload.

Alone: .venv/bin/python -m benchmarks.bench_lock [--quick]

Each round unlocks with the passphrase, shows a youth, opens its edit dialog with unsaved
text and the address book, then locks: timed to the passphrase page (every window closed,
every view emptied: what the screen shows) and to "settled" (the windows destroyed and
the connection closed on the worker). The budget is on the slowest lock of the run.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable
from typing import Any

from benchmarks.common import PASSPHRASE, Fixtures
from benchmarks.harness import Samples, Spec


def _wait(app: object, done: Callable[[], bool], timeout: float = 60.0) -> None:
    """Run the event loop until done(): a real loop (qWait), as deferred deletes need."""
    from PySide6.QtTest import QTest

    end = time.perf_counter() + timeout
    while not done():
        QTest.qWait(1)
        if time.perf_counter() > end:
            raise TimeoutError


class LockPart:
    name = "lock"
    specs = (
        Spec("lock → passphrase page, 2,000 youths (max)", "shown", 1000.0, stat="max"),
        Spec("lock → connection closed (max)", "settled", 1000.0, stat="max"),
    )

    def setup(self, fx: Fixtures, *, quick: bool) -> None:
        self.max_rounds = 2 if quick else None  # a passphrase KDF or more a round
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from sigdesk.context import AppContext
        from sigdesk.settings import Settings
        from sigdesk.ui.errors import ErrorPresenter
        from sigdesk.ui.main_window import MainWindow
        from sigdesk.ui.ops import Ops

        self.app = QApplication.instance() or QApplication([])
        settings = Settings(path=fx.folder("lock-settings") / "settings.json")
        ctx = AppContext(fx.caseload(2000, copy="lock"), settings)
        presenter = ErrorPresenter()
        presenter.interactive = False
        self.ops = Ops(ctx, presenter)
        self.window: Any = MainWindow(ctx, self.ops)
        self.window.show()

    def round(self, number: int) -> Samples:
        app, window, ops = self.app, self.window, self.ops
        filled: list[bool] = []
        window.caseload_loaded.connect(functools.partial(filled.append, True))
        window.unlock(PASSPHRASE)
        _wait(app, lambda: bool(filled) and ops.pending == 0)
        window.caseload_loaded.disconnect()
        window.caseload.table.selectRow(0)
        _wait(app, lambda: window.detail.overview.data is not None and ops.pending == 0)
        dialog = window.detail.overview.edit_youth()
        dialog.notes.setPlainText("osparad text")
        window.open_address_book()
        _wait(app, lambda: ops.pending == 0)
        start = time.perf_counter()
        window.lock()
        shown = (time.perf_counter() - start) * 1000
        _wait(app, lambda: window.lockdown.is_settled)
        return {"shown": shown, "settled": (time.perf_counter() - start) * 1000}

    def close(self) -> None:
        self.window.close()
        self.ops.shutdown()


PART = LockPart()

if __name__ == "__main__":
    from benchmarks.__main__ import main

    main(only=[PART])
