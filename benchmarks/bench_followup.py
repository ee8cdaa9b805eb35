"""SPEC §9: opening the Uppföljning view ≤ 1 s the first time, matplotlib's import included.

Each round is a fresh process (matplotlib is imported once per process) on the 2,000-youth
caseload: the window starts, its list fills, and then the view is opened through the menu
action and timed until its figures (this year so far) and its three charts are drawn on
screen. The floor is the same view opened a second time in the same process (nothing left
to import), so the row shows what the first opening costs beyond it.

Alone: .venv/bin/python -m benchmarks.bench_followup [--quick] [--rounds N]
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from benchmarks.common import Fixtures
from benchmarks.harness import Samples, Spec

CHILD = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from sigdesk.context import AppContext
    from sigdesk.settings import Settings
    from sigdesk.ui.startup import Session

    app = QApplication(sys.argv[:1])
    session = Session(AppContext(Path(sys.argv[1]), Settings()))
    session.start()
    window = session.window
    window.resize(1366, 768)

    def pump_until(cond, timeout=60.0):
        end = time.perf_counter() + timeout
        while not cond():
            app.processEvents()
            if time.perf_counter() > end:
                raise TimeoutError
            time.sleep(0.0005)

    pump_until(lambda: window.caseload.model.rowCount() > 0 and session.ops.pending == 0)
    assert "matplotlib" not in sys.modules

    def open_view():
        shown = []
        t0 = time.perf_counter()
        window.followup_action.trigger()
        view = window._followup
        view.loaded.connect(lambda: shown.append(True))
        pump_until(lambda: bool(shown))
        view.repaint()  # the tables and the charts painted
        app.processEvents()
        elapsed = time.perf_counter() - t0
        view.close()
        app.processEvents()
        return elapsed

    first = open_view()
    second = open_view()
    print(json.dumps({"first": first * 1000, "second": second * 1000}), flush=True)
    window.close()
    session.stop()
    """
)


class FollowupPart:
    name = "followup"
    specs = (
        Spec(
            "open Uppföljning the first time, 2,000 youths",
            "first",
            1000.0,
            floor="second",
            limit="value",
        ),
    )

    def setup(self, fx: Fixtures, *, quick: bool) -> None:
        self.env, self.path = fx.env, fx.caseload(2000, copy="followup")
        self.max_rounds = 2 if quick else 5  # a process of a few seconds a round
        self._child()  # warm the OS file cache and the .pyc files

    def _child(self) -> dict[str, float]:
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(self.path)],
            env=self.env,
            check=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        ).stdout
        result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
        return result

    def round(self, number: int) -> Samples:
        return dict(self._child())

    def close(self) -> None:
        pass


PART = FollowupPart()

if __name__ == "__main__":
    from benchmarks.__main__ import main

    main(only=[PART])
