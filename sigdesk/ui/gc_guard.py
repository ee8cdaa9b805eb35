"""Python's cyclic garbage collector runs only on the GUI thread.

Left automatic, the collector runs in whichever thread happens to allocate — often the
database worker. Collecting a cycle that holds a Qt wrapper there deletes a QObject on
the wrong thread, and the app crashes later at random (seen in the UI tests). As Anki
does, automatic collection is switched off and a timer collects on the GUI thread.

When the start is over (the window, the caseload list and "Att göra" made), what exists
then lives as long as the window: `start_over` moves it out of the collector's sight
(`gc.freeze`). Otherwise every collection that reaches those ~100,000 objects walks them
all again, 40–70 ms on the GUI thread on 2,000 youths, and the first ones came in the
middle of the user's first clicks (switching youth).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

_installed: list[GuiThreadCollector] = []


class GuiThreadCollector(QObject):
    def __init__(self, interval_ms: int = 1000) -> None:
        super().__init__()
        self.frozen = False
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(interval_ms)

    def collect(self) -> None:
        """Collect the generations whose allocation counts passed their thresholds."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return


def install(interval_ms: int = 1000) -> GuiThreadCollector:
    """Once per process, after the QApplication exists."""
    if not _installed:
        _installed.append(GuiThreadCollector(interval_ms))
    return _installed[0]


def start_over() -> None:
    """Once, when the start is over: the objects alive now are no longer collected.

    Only where the collector runs (the app; not a window made alone, as in the UI tests).
    A cycle among them that becomes garbage later is kept: bounded by what the start
    made, none found at this point on 2,000 youths (`gc.collect()` found 0 unreachable).
    """
    if _installed and not _installed[0].frozen:
        _installed[0].frozen = True
        gc.freeze()
