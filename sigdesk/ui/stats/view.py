"""The Uppföljning window (SPEC §6): the period picker, the figures in tables by total,
gender and track, the charts, and the youths behind a clicked count.

Figures are read on the worker (`period_and_facts`: the tables first; then the charts'
monthly series from the same facts in a second job, while matplotlib loads on a thread of
its own);
a click on a count asks the worker for `youths_behind` that cell, so the list and the count
come from the same tally. The list holds names: the window is one of those the
lock closes and destroys (sigdesk/ui/lockdown.py), and closing it empties every view first.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sigdesk.stats import (
    FIGURES,
    PeriodStats,
    TracedYouth,
    monthly_from_facts,
    period_and_facts,
    youths_behind,
)
from sigdesk.stats.codes import dimension_label, long_label
from sigdesk.stats.periods import period_label
from sigdesk.ui.rows_model import Column, RowsModel
from sigdesk.ui.screen_fit import fit_to_screen
from sigdesk.ui.stats.export import ExportKind, StatsExport
from sigdesk.ui.stats.loader import load_charts
from sigdesk.ui.stats.period_picker import PeriodPicker
from sigdesk.ui.stats.table_model import CELL_ROLE, StatsTableModel
from sigdesk.ui.widgets import Banner, EmptyState, make_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sigdesk.context import AppContext
    from sigdesk.stats.facts import Facts
    from sigdesk.ui.ops import Ops
    from sigdesk.ui.stats.charts_panel import ChartsPanel

log = logging.getLogger(__name__)


def _group(prefix: str) -> list[str]:
    return [f for f in FIGURES if f.startswith(prefix)]


#: The tables, each a tab: its title and its figures (rows).
TABLES: tuple[tuple[str, Sequence[str]], ...] = (
    (QT_TRANSLATE_NOOP("FollowupView", "Youths"), ("active", "started", "closed")),
    (QT_TRANSLATE_NOOP("FollowupView", "Closure reasons"), _group("closure_reason:")),
    (QT_TRANSLATE_NOOP("FollowupView", "Age at start"), _group("age_band:")),
    (
        QT_TRANSLATE_NOOP("FollowupView", "Meetings"),
        ("meetings_held", "meetings_per_youth", "compliance", "breaches", "mean_interval_days"),
    ),
    (QT_TRANSLATE_NOOP("FollowupView", "Attendance"), _group("attendance:")),
    (
        QT_TRANSLATE_NOOP("FollowupView", "Delmål and after closure"),
        ("delmal_reached", *_group("after_closure:")),
    ),
)


def _name_column() -> Column[TracedYouth]:
    return Column(QT_TRANSLATE_NOOP("FollowupView", "Name"), lambda y: y.name)


class FollowupView(QWidget):
    """A window of its own beside the main window (it is found under Arkiv and Gå till)."""

    figures_shown = Signal()  # the chosen period's figures are in the tables
    loaded = Signal()  # figures and the chart on show are on screen
    traced = Signal()  # the youths behind a clicked count are listed
    youth_activated = Signal(int)  # a listed youth double-clicked: open them in the window

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ops = ops
        self.setWindowTitle(self.tr("Follow-up — sigdesk"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.stats: PeriodStats | None = None
        self.monthly: list[PeriodStats] | None = None  # the charts' series, once worked out
        self.traced_cell: tuple[str, str] | None = None
        self.picker = PeriodPicker(ops.ctx.clock.today())
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.message = Banner("info")
        self.models = [StatsTableModel(figures, self) for _, figures in TABLES]
        self.tables = QTabWidget()
        self.views: list[QTableView] = []
        for (title, _), model in zip(TABLES, self.models, strict=True):
            view = self._table(model)
            self.views.append(view)
            self.tables.addTab(view, self.tr(title))
        self.youths: RowsModel[TracedYouth] = RowsModel("FollowupView", [_name_column()], self)
        self.youth_list = make_table(self.youths)
        self.youth_list.doubleClicked.connect(self._youth_double_clicked)
        self.trace_title = QLabel(self.tr("Click a count to list the youths behind it."))
        self.trace_title.setWordWrap(True)
        self.charts: ChartsPanel | None = None  # made once the window shows (matplotlib)
        self.chart_area = QWidget()
        QVBoxLayout(self.chart_area).setContentsMargins(0, 0, 0, 0)
        self.export_button = self._export_button()
        self._layout()
        self.picker.period_changed.connect(self.load)
        close = QAction(self)
        close.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
        close.triggered.connect(self.close)
        self.addAction(close)
        fit_to_screen(self, 1366, 768)
        self.load(*self._picked())

    def _charts_loaded(self, _: None) -> None:
        if shiboken6.isValid(self) and self.charts is None:
            self._make_charts()

    def _charts_failed(self, error: BaseException) -> None:
        log.warning("the charts could not be loaded (%s)", type(error).__name__)
        if shiboken6.isValid(self):
            self.chart_area.layout().addWidget(  # type: ignore[union-attr]
                EmptyState(self.tr("The charts could not be shown; the figures are complete."))
            )

    def _make_charts(self) -> None:
        from sigdesk.ui.stats.charts_panel import ChartsPanel

        self.charts = ChartsPanel()
        layout = self.chart_area.layout()
        assert layout is not None
        layout.addWidget(self.charts)
        if self.stats is not None and self.monthly is not None:
            self.charts.show_stats(self.stats, self.monthly)
            self.loaded.emit()

    def _picked(self) -> tuple[date, date]:
        period = self.picker.period()
        assert period is not None  # the default (this year so far) is always valid
        return period

    def _table(self, model: StatsTableModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().setDefaultSectionSize(26)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(56)
        header.setHighlightSections(False)
        view.clicked.connect(self._cell_clicked)
        view.activated.connect(self._cell_clicked)
        return view

    def _export_button(self) -> QToolButton:
        button = QToolButton()
        button.setText(self.tr("Export…"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(button)
        items = (
            (ExportKind.REPORT, self.tr("Uppföljningsrapport (Word)…")),
            (ExportKind.CSV, self.tr("Figures as CSV (Excel)…")),
            (ExportKind.JSON, self.tr("Figures as JSON (for the district's merge)…")),
        )
        for kind, text in items:
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, k=kind: self.export(k))
        button.setMenu(menu)
        button.setEnabled(False)
        return button

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period:")))
        top.addWidget(self.picker, 1)
        top.addWidget(self.export_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tables, 3)
        left_layout.addWidget(self.trace_title)
        left_layout.addWidget(self.youth_list, 2)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.chart_area)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([780, 540])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

    # --- figures ----------------------------------------------------------------------

    def load(self, start: date, end: date) -> None:
        """Read the period's figures on the worker; a result for another period is dropped.

        The tables come first; the charts' monthly series is worked out from the same facts
        in a second worker job (no second reading), while matplotlib may still be loading."""
        self.heading.setText(self.tr("Reading the figures…"))
        self.export_button.setEnabled(False)

        def read(session: Session) -> tuple[PeriodStats, Facts]:
            return period_and_facts(session, start=start, end=end)

        self.ops.query(read, self._show, owner=self)

    def _show(self, result: tuple[PeriodStats, Facts]) -> None:
        stats, facts = result
        if (stats.start, stats.end) != self.picker.period():
            return  # the picker moved on while the worker read
        self.stats, self.monthly = stats, None
        for model in self.models:
            model.set_stats(stats)
        self._clear_trace()
        label = period_label(stats.start, stats.end)
        if label[:1].isdigit() and "–" in label:  # not a whole year, half-year, quarter, month
            self.heading.setText(self.tr("Follow-up {period}").format(period=label))
        else:
            self.heading.setText(
                self.tr("Follow-up {period} ({start} – {end})").format(
                    period=label, start=stats.start, end=stats.end
                )
            )
        self.export_button.setEnabled(True)
        self.figures_shown.emit()
        if self.charts is None:
            # matplotlib loads on a thread of its own once the tables are in: started with
            # the view, it competed with the worker for the interpreter and held back the
            # figures (A/B in benchmarks/bench_followup.py's docstring)
            self.ops.adopt(load_charts(), self._charts_loaded, failed=self._charts_failed)

        def series(_ctx: AppContext) -> list[PeriodStats]:
            return monthly_from_facts(facts)

        self.ops.call(series, lambda monthly: self._show_series(stats, monthly), owner=self)

    def _show_series(self, stats: PeriodStats, monthly: list[PeriodStats]) -> None:
        if self.stats is not stats:
            return  # another period (or none: closed) since
        self.monthly = monthly
        if self.charts is not None:
            self.charts.show_stats(stats, monthly)
            self.loaded.emit()

    # --- the youths behind a count ----------------------------------------------------

    def _cell_clicked(self, index: QModelIndex) -> None:
        cell = index.data(CELL_ROLE)
        if self.stats is None:
            return
        if cell is None:
            self._clear_trace(self.tr("No youth stands behind this figure."))
            return
        self.trace(*cell)

    def trace(self, figure: str, dimension: str = "total") -> None:
        """List the youths behind one cell of the shown period."""
        if self.stats is None:
            return
        start, end = self.stats.start, self.stats.end
        self.traced_cell = (figure, dimension)

        def read(session: Session) -> list[TracedYouth]:
            return youths_behind(session, start=start, end=end, figure=figure, dimension=dimension)

        def show(found: list[TracedYouth]) -> None:
            if self.stats is None or self.traced_cell != (figure, dimension):
                return
            self.youths.set_rows(found)
            text = (
                self.tr("{figure}, {dimension}: 1 youth (double-click opens it)")
                if len(found) == 1
                else self.tr("{figure}, {dimension}: {n} youths (double-click opens one)")
            )
            self.trace_title.setText(
                text.format(
                    figure=long_label(figure), dimension=dimension_label(dimension), n=len(found)
                )
            )
            self.traced.emit()

        self.ops.query(read, show, owner=self)

    def _clear_trace(self, text: str = "") -> None:
        self.traced_cell = None
        self.youths.set_rows([])
        self.trace_title.setText(text or self.tr("Click a count to list the youths behind it."))

    def _youth_double_clicked(self, index: QModelIndex) -> None:
        youth = self.youths.row_at(index)
        if youth is not None:
            self.youth_activated.emit(youth.id)

    # --- export -----------------------------------------------------------------------

    def exporter(self) -> StatsExport | None:
        if self.stats is None:
            return None
        return StatsExport(self.ops, self, self.stats.start, self.stats.end)

    def export(self, kind: ExportKind) -> None:
        exporter = self.exporter()
        path = exporter.ask(kind) if exporter is not None else None
        if exporter is not None and path is not None:
            exporter.write(kind, path, self._written)

    def _written(self, text: str) -> None:
        self.message.show_text(text, "info")

    # --- closing: nothing is kept ------------------------------------------------------

    def clear(self) -> None:
        """Empty every view: the tables, the charts and the list of names."""
        self.stats, self.monthly = None, None
        for model in self.models:
            model.set_stats(None)
        self._clear_trace()
        if self.charts is not None:
            self.charts.clear()
        self.message.show_text("")
        self.heading.setText("")
        self.export_button.setEnabled(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.clear()
        super().closeEvent(event)
