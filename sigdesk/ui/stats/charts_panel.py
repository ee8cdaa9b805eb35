"""The view's three charts, drawn by sigdesk.stats.charts (the report's own look) on
matplotlib's QtAgg canvas. matplotlib is imported by this module: only when the view opens."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStackedLayout, QTabWidget, QWidget

from sigdesk.stats import PeriodStats, charts
from sigdesk.ui.widgets import EmptyState

charts.configure_matplotlib()  # before matplotlib's first import: its font list kept
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg  # noqa: E402

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Dots per inch on screen: the report's 150 would draw the labels twice too large.
SCREEN_DPI = 96


class ChartSlot(QWidget):
    """One tab: a canvas, or a note when there is nothing to draw."""

    def __init__(self, empty_text: str) -> None:
        super().__init__()
        self.stack = QStackedLayout(self)
        self.empty = EmptyState(empty_text)
        self.stack.addWidget(self.empty)
        self.canvas: FigureCanvasQTAgg | None = None

    def show_figure(self, figure: Figure | None) -> None:
        self.clear()
        if figure is None:
            return
        figure.set_dpi(SCREEN_DPI)
        self.canvas = FigureCanvasQTAgg(figure)
        self.stack.addWidget(self.canvas)
        self.stack.setCurrentWidget(self.canvas)

    def clear(self) -> None:
        if self.canvas is not None:
            self.stack.removeWidget(self.canvas)
            self.canvas.deleteLater()
            self.canvas = None
        self.stack.setCurrentWidget(self.empty)


class ChartsPanel(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        nothing = self.tr("Nothing to show for this period.")
        self.flow = ChartSlot(nothing)
        self.compliance = ChartSlot(nothing)
        self.attendance = ChartSlot(self.tr("No meeting was held in this period."))
        self.slots = (self.flow, self.compliance, self.attendance)
        self.addTab(self.flow, self.tr("Started and closed"))
        self.addTab(self.compliance, self.tr("Five-week rule"))
        self.addTab(self.attendance, self.tr("Attendance"))
        self._data: tuple[PeriodStats, list[PeriodStats]] | None = None
        self._drawn: set[int] = set()
        self.currentChanged.connect(self._draw_current)

    def show_stats(self, stats: PeriodStats, monthly: Sequence[PeriodStats]) -> None:
        """Draw the chart on show now, the others when their tab is first chosen."""
        self.clear()
        self._data = (stats, list(monthly) or [stats])
        self._draw_current()

    def _draw_current(self) -> None:
        index = self.currentIndex()
        if self._data is None or index in self._drawn or index < 0:
            return
        self._drawn.add(index)
        stats, series = self._data
        slot = self.slots[index]
        if slot is self.flow:
            slot.show_figure(charts.flow_chart(series, hide_small=False))
        elif slot is self.compliance:
            slot.show_figure(charts.compliance_chart(series))
        else:
            slot.show_figure(charts.attendance_chart(stats))

    def draw_all(self) -> None:
        """Every chart now (the screenshots and the tests)."""
        current = self.currentIndex()
        for index in range(self.count()):
            self.setCurrentIndex(index)
        self.setCurrentIndex(current)

    def clear(self) -> None:
        self._data = None
        self._drawn.clear()
        for slot in self.slots:
            slot.clear()
