"""Python's cyclic garbage collector runs only on the GUI thread.

Left automatic, the collector runs in whichever thread happens to allocate — often the
database worker. Collecting a cycle that holds a Qt wrapper there deletes a QObject on
the wrong thread, and the app crashes later at random (seen in the UI tests). As Anki
does, automatic collection is switched off and a timer collects on the GUI thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

_installed: list[GuiThreadCollector] = []


class GuiThreadCollector(QObject):
    def __init__(self, interval_ms: int = 1000) -> None:
        super().__init__()
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
