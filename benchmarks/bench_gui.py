"""GUI budgets of SPEC §9: start to a filled window, switching youth, filtering per keystroke,
peak memory.

Each start is a fresh subprocess running `sigdesk --caseload PATH` through the real entry
point (logging, argument parsing, the unlock that starts before Qt loads), timed from
launch until the child reports the window shown and then painted with its list filled.
The floor is a bare QMainWindow with a 500-row QTableView; each round starts the floor and
the app with 25 and with 2,000 youths once (in a turning order), so all see the same
machine load, and the budgets are ratios of the medians (≤ 2 × floor with 25 youths,
≤ 2.5 × with 2,000). The caseloads are fictional (`sigdesk demo-data`) and unlock through
a file-backed test keyring, as a real start unlocks through the OS keyring; the children
run from compiled bytecode, as an installed sigdesk does. Switching youth (p95 ≤ 50 ms),
filtering per keystroke on 2,000 rows (≤ 16 ms) and the peak memory (≤ 250 MB) are timed
in one process a round.

Alone: .venv/bin/python -m benchmarks.bench_gui [--quick] [--rounds N]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import textwrap
import time

from benchmarks.common import Fixtures
from benchmarks.harness import Samples, Spec

FLOOR_CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    model = QStandardItemModel(500, 6)
    for r in range(500):
        for c in range(6):
            model.setItem(r, c, QStandardItem(f"rad {r} kolumn {c}"))
    window = QMainWindow()
    view = QTableView()
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1366, 768)
    window.show()
    QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
    app.exec()
    """
)

START_CHILD = textwrap.dedent(
    """
    # `sigdesk --caseload PATH` as a user starts it (logging, argument parsing, the early
    # unlock before Qt loads), with two marks: the window shown, and the list filled.
    import sys, types
    import sigdesk.app as app

    real_import = app.importlib.import_module

    def import_module(name):
        module = real_import(name)
        if name == "sigdesk.ui.startup":
            show_window = module.Session.show_window

            def shown(self):
                from PySide6.QtCore import QTimer
                window = show_window(self)
                QTimer.singleShot(0, lambda: print("SHOWN", flush=True))
                return window

            module.Session.show_window = shown
        return module

    app.importlib = types.SimpleNamespace(import_module=import_module)

    def ready(window):
        from PySide6.QtWidgets import QApplication
        print("READY", window.caseload.model.rowCount(), flush=True)
        QApplication.quit()

    run_gui = app.run_gui
    app.run_gui = lambda args: run_gui(args, on_ready=ready)
    from sigdesk.__main__ import main
    sys.exit(main(["--caseload", sys.argv[1]]))
    """
)

INTERACTION_CHILD = textwrap.dedent(
    """
    import json, random, sys, time
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
    pane, detail = window.caseload, window.detail
    pane.scope.setCurrentIndex(2)  # all youths
    rng = random.Random(int(sys.argv[3]))
    rows = pane.proxy.rowCount()
    switches, done = [], []
    count = int(sys.argv[2])
    pane.table.setCurrentIndex(pane.proxy.index(0, 0))  # builds the youth tabs
    detail.overview.loaded.connect(lambda youth_id: done.append(youth_id))
    for _ in range(count + 5):
        index = pane.proxy.index(rng.randrange(rows), 0)
        target = index.data(0x0100 + 2)  # YOUTH_ID_ROLE
        done.clear()
        t0 = time.perf_counter()
        pane.table.setCurrentIndex(index)
        pump_until(lambda: target in done)
        switches.append(time.perf_counter() - t0)
    keystrokes = []
    words = ["andersson", "ek", "lindqvist", "mohammed", "sa"]
    turn = int(sys.argv[3]) % len(words)
    for word in (words[turn:] + words[:turn])[: max(1, count // 10)]:
        for n in range(1, len(word) + 1):
            t0 = time.perf_counter()
            pane.search.setText(word[:n])
            app.processEvents()
            keystrokes.append(time.perf_counter() - t0)
        pane.search.clear()
        app.processEvents()
    # This process's own high-water mark (ru_maxrss would carry the parent's over the fork)
    status = Path("/proc/self/status").read_text().splitlines()
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
    result = {"switch": switches[5:], "keystroke": keystrokes, "rows": rows, "peak_mb": peak}
    print(json.dumps(result), flush=True)
    window.close()
    session.stop()
    """
)


def time_start(code: str, args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Milliseconds from launching a fresh Python until it prints SHOWN (if it does) and READY.

    A child that ends without READY raises, with the end of its stderr: a start that
    crashes is a finding, not noise (the stderr goes to a temporary file meanwhile, so a
    full pipe can never stall the child).
    """
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as errors:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
        assert proc.stdout is not None
        marks: dict[str, float] = {}
        for line in proc.stdout:
            word = line.split()[0] if line.strip() else ""
            if word in ("SHOWN", "READY"):
                marks[word] = (time.perf_counter() - t0) * 1000
            if word == "READY":
                break
        if "READY" not in marks:
            code_ = proc.wait()
            errors.seek(0)
            tail = "\n".join(errors.read().splitlines()[-15:])
            raise RuntimeError(f"child ended without READY (exit {code_}):\n{tail}")
        proc.wait(timeout=60)
    return marks


class StartPart:
    """The start, with 25 and with 2,000 youths, against the bare-window floor."""

    name = "start"
    specs = (
        Spec("start → list filled, 25 youths", "25", 2.0, floor="floor", limit="ratio"),
        Spec("start → window shown, 25 youths", "25 shown", 2.0, floor="floor", limit="ratio"),
        Spec("start → list filled, 2,000 youths", "2000", 2.5, floor="floor", limit="ratio"),
        Spec("start → window shown, 2,000 youths", "2000 shown", 2.5, floor="floor", limit="ratio"),
    )

    def setup(self, fx: Fixtures, *, quick: bool) -> None:
        self.env = fx.env
        self.children = {
            "floor": (FLOOR_CHILD, []),
            "25": (START_CHILD, [str(fx.caseload(25))]),
            "2000": (START_CHILD, [str(fx.caseload(2000))]),
        }
        for code, args in self.children.values():
            time_start(code, args, self.env)  # warm the OS file cache, write the .pyc files

    def round(self, number: int) -> Samples:
        names = list(self.children)
        turn = number % len(names)
        samples: dict[str, float] = {}
        for name in names[turn:] + names[:turn]:
            code, args = self.children[name]
            marks = time_start(code, args, self.env)
            samples[name] = marks["READY"]
            if "SHOWN" in marks:
                samples[f"{name} shown"] = marks["SHOWN"]
        return samples

    def close(self) -> None:
        pass


class InteractionPart:
    """Switching youth, filtering and memory in a window on 2,000 youths, a process a round."""

    name = "interaction"
    specs = (
        Spec("switch youth, 2,000 youths (p95)", "switch", 50.0, stat="p95"),
        Spec("filter per keystroke, 2,000 rows (p95)", "keystroke", 16.0, stat="p95"),
        Spec("peak memory, 2,000 youths", "peak", 250.0, unit="MB", stat="max"),
    )

    def setup(self, fx: Fixtures, *, quick: bool) -> None:
        self.env, self.path = fx.env, fx.caseload(2000)
        self.switches = 10 if quick else 20

    def round(self, number: int) -> Samples:
        args = [str(self.path), str(self.switches), str(number)]
        out = subprocess.run(
            [sys.executable, "-c", INTERACTION_CHILD, *args],
            env=self.env,
            check=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        ).stdout
        result = json.loads(out.strip().splitlines()[-1])
        return {
            "switch": [s * 1000 for s in result["switch"]],
            "keystroke": [k * 1000 for k in result["keystroke"]],
            "peak": result["peak_mb"],
        }

    def close(self) -> None:
        pass


START = StartPart()
INTERACTION = InteractionPart()

if __name__ == "__main__":
    from benchmarks.__main__ import main

    sys.exit(main(only=[START, INTERACTION]))
