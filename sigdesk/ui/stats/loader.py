"""matplotlib for the Uppföljning view, imported on a thread of its own.

matplotlib's import is most of the view's first opening (≈ 0.7 s on a quiet 2-core machine,
over 1 s under load). The view starts it once its tables are filled: on the GUI thread it
froze the window that long, and started beside the worker it slowed the figures down (the
interpreter's lock: the worker gives it up at every row SQLite reads). Python's imports are
thread-safe; nothing Qt is made on this thread (the modules only define their classes), and
the result reaches the GUI thread through `Ops.adopt`.
"""

from __future__ import annotations

import importlib
import threading
from concurrent.futures import Future

#: What sigdesk.stats.charts draws with, then the view's QtAgg canvas (never pyplot).
MODULES = ("matplotlib.figure", "matplotlib.patches", "matplotlib.ticker",
           "sigdesk.ui.stats.charts_panel")  # fmt: skip

_loading: Future[None] | None = None
_lock = threading.Lock()


def load_charts() -> Future[None]:
    """The import of the charts' modules, started once per process (done at once after)."""
    global _loading
    with _lock:
        if _loading is None or (_loading.done() and _loading.exception() is not None):
            _loading = Future()
            thread = threading.Thread(
                target=_load, args=(_loading,), name="sigdesk-charts", daemon=True
            )
            thread.start()
        return _loading


def _load(future: Future[None]) -> None:
    try:
        from sigdesk.stats.charts import configure_matplotlib

        configure_matplotlib()
        for module in MODULES:
            importlib.import_module(module)
    except BaseException as exc:  # shown in the chart area; a later opening tries again
        future.set_exception(exc)
    else:
        future.set_result(None)
