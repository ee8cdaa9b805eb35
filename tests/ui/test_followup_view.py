"""The Uppföljning window on the statistics fixture (tests/core/stats_fixture.py): the
figures equal the service's, the period picker changes them, a click lists the youths
behind a count, the exports write the shown period, and the lock empties and closes it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt

from sigdesk.stats import DIMENSIONS, PeriodStats, period_stats
from sigdesk.stats.periods import PeriodKind
from sigdesk.stats.text import shown
from sigdesk.store.open import open_caseload
from sigdesk.ui.stats.export import ExportKind
from sigdesk.ui.stats.period_picker import CUSTOM
from sigdesk.ui.stats.view import FollowupView
from tests.conftest import TODAY
from tests.core import stats_fixture
from tests.core.stats_fixture import F, T
from tests.ui.test_lockdown import canary_hits


@pytest.fixture
def ids(caseload_path: Path) -> dict[str, int]:
    """The fixture's youths, built through the services before the window opens."""
    caseload = open_caseload(caseload_path)
    try:
        with caseload.session_scope() as s:
            return stats_fixture.build(s)
    finally:
        caseload.close()


@pytest.fixture
def view(qtbot, ids: dict[str, int], window) -> FollowupView:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.followup_action.triggered, timeout=5000):
        window.followup_action.trigger()
    found = window._followup
    assert isinstance(found, FollowupView)
    qtbot.waitUntil(lambda: None not in (found.stats, found.charts, found.monthly), timeout=30000)
    return found


def table_texts(view: FollowupView) -> dict[tuple[str, str], str]:
    texts = {}
    for model in view.models:
        for row, figure in enumerate(model.figures):
            for column, dimension in enumerate(DIMENSIONS):
                texts[(figure, dimension)] = model.index(row, column).data()
    return texts


def expected_texts(stats: PeriodStats, view: FollowupView) -> dict[tuple[str, str], str]:
    return {
        (f, d): shown(stats.get(f, d)) for model in view.models for f in model.figures
        for d in DIMENSIONS
    }  # fmt: skip


def read_stats(qtbot, window, start: date, end: date) -> PeriodStats:  # type: ignore[no-untyped-def]
    got: list[PeriodStats] = []
    window.ops.query(lambda s: period_stats(s, start=start, end=end), got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=20000)
    return got[0]


def choose(qtbot, view: FollowupView, kind: str, **kw: object) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(view.loaded, timeout=30000):
        view.picker.choose(kind, **kw)  # type: ignore[arg-type]


def test_the_view_opens_on_this_year_so_far(qtbot, window, view: FollowupView) -> None:  # type: ignore[no-untyped-def]
    assert view.isVisible()
    assert window.followup_action.isEnabled()
    assert view.stats is not None
    assert (view.stats.start, view.stats.end) == (date(TODAY.year, 1, 1), TODAY)
    expected = read_stats(qtbot, window, date(TODAY.year, 1, 1), TODAY)
    assert table_texts(view) == expected_texts(expected, view)
    assert table_texts(view)[("started", "total")] == str(expected.value("started"))
    # the three charts are drawn (attendance: meetings were held this year)
    assert view.charts is not None
    assert view.charts.flow.canvas is not None  # the tab on show is drawn at once
    view.charts.draw_all()
    for slot in (view.charts.flow, view.charts.compliance, view.charts.attendance):
        assert slot.canvas is not None
    assert view.monthly is not None and len(view.monthly) == TODAY.month
    assert view.export_button.isEnabled()


def test_the_figures_come_first_and_the_charts_never_load_pyplot(qtbot, window, ids) -> None:  # type: ignore[no-untyped-def]
    """The tables are filled before the charts are drawn (matplotlib loads on a thread of
    its own meanwhile); the charts use the Figure and the QtAgg canvas only."""
    import sys

    from sigdesk.ui.stats.loader import load_charts

    order: list[str] = []
    window.followup_action.trigger()
    view = window._followup
    assert isinstance(view, FollowupView)
    view.figures_shown.connect(lambda: order.append("figures"))
    view.loaded.connect(lambda: order.append("charts"))
    qtbot.waitUntil(lambda: "charts" in order, timeout=30000)
    assert order == ["figures", "charts"]
    assert load_charts().done() and load_charts().exception() is None
    assert view.charts is not None and view.charts.flow.canvas is not None
    assert "matplotlib.pyplot" not in sys.modules


def test_the_period_picker_changes_the_figures(qtbot, window, view: FollowupView) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, view, PeriodKind.HALF_YEAR, year=2026, index=1)
    assert view.stats is not None and (view.stats.start, view.stats.end) == (F, T)
    expected = read_stats(qtbot, window, F, T)
    texts = table_texts(view)
    assert texts == expected_texts(expected, view)
    # figures worked out by hand in tests/core/test_stats.py
    assert texts[("active", "total")] == "10"
    assert texts[("closed", "gender:flicka")] == "2"
    assert len(view.monthly) == 6

    choose(qtbot, view, PeriodKind.MONTH, year=2026, index=4)
    assert view.stats is not None and view.stats.start == date(2026, 4, 1)
    april = read_stats(qtbot, window, date(2026, 4, 1), date(2026, 4, 30))
    assert table_texts(view) == expected_texts(april, view)
    assert table_texts(view) != texts


def test_an_empty_period_shows_zeros_and_dashes(qtbot, window, view: FollowupView) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(view.loaded, timeout=30000):
        view.picker.choose_days(date(2020, 1, 1), date(2020, 12, 31))
    texts = table_texts(view)
    assert texts[("active", "total")] == "0"
    assert texts[("compliance", "total")] == "–"
    assert texts[("meetings_per_youth", "gender:pojke")] == "–"
    assert view.charts is not None
    view.charts.draw_all()
    assert view.charts.attendance.canvas is None  # "no meeting was held" instead
    assert view.charts.flow.canvas is not None


def test_a_custom_period_ending_before_it_starts_is_refused(qtbot, view: FollowupView) -> None:  # type: ignore[no-untyped-def]
    view.picker.choose(CUSTOM)
    view.picker.end_field.setText("2026-01-01")
    view.picker.start_field.setText("2026-02-30")
    assert "2026-02-30" in view.picker.problem.text()
    view.picker.start_field.setText("2026-03-01")
    assert view.picker.problem.text()
    assert view.picker.period() is None


def click(qtbot, view: FollowupView, tab: int, figure: str, dimension: str) -> None:  # type: ignore[no-untyped-def]
    view.tables.setCurrentIndex(tab)
    table = view.views[tab]
    index = view.models[tab].index_of(figure, dimension)
    rect = table.visualRect(index)
    with qtbot.waitSignal(view.traced, timeout=20000):
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_click_on_a_count_lists_the_youths_behind_it(qtbot, window, view, ids) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, view, PeriodKind.HALF_YEAR, year=2026, index=1)
    click(qtbot, view, 0, "closed", "gender:flicka")
    assert [(y.id, y.name) for y in view.youths.rows] == [
        (ids["Alva"], "Alva Lindqvist"),
        (ids["Idun"], "Idun Karlsson"),
    ]
    assert "2" in view.trace_title.text()
    click(qtbot, view, 3, "breaches", "track:unga_vuxna")
    assert {y.id for y in view.youths.rows} == {ids["Alva"], ids["Kim"]}
    # a zero cell lists nobody
    table = view.views[0]
    zero = view.models[0].index_of("closed", "gender:pojke")
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(zero).center()
    )
    assert view.youths.rows == []
    # a double-click opens the youth in the main window
    click(qtbot, view, 0, "closed", "gender:flicka")
    with qtbot.waitSignal(view.youth_activated, timeout=5000) as opened:
        view.youth_list.doubleClicked.emit(view.youths.index(0, 0))
    assert opened.args == [ids["Alva"]]


def test_the_exports_write_the_shown_period(qtbot, window, view, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sigdesk.stats.files import to_csv

    choose(qtbot, view, PeriodKind.HALF_YEAR, year=2026, index=1)
    exporter = view.exporter()
    assert exporter is not None
    messages: list[str] = []
    for kind in ExportKind:
        exporter.write(kind, tmp_path / f"u.{kind.value}", messages.append)
    qtbot.waitUntil(lambda: len(messages) == 3, timeout=30000)
    data = json.loads((tmp_path / "u.json").read_text(encoding="utf-8"))
    assert (data["from"], data["to"]) == (F.isoformat(), T.isoformat())
    assert (tmp_path / "u.csv").read_bytes() == to_csv(read_stats(qtbot, window, F, T))
    for path in tmp_path.glob("u.*"):
        raw = path.read_bytes()
        assert b"Lindqvist" not in raw and "Lindqvist".encode("utf-16-le") not in raw
    # the caseload itself is never a target
    before = window.ctx.caseload_path.read_bytes()
    exporter.write(ExportKind.CSV, window.ctx.caseload_path, messages.append)
    assert window.ops.presenter.last is not None
    qtbot.waitUntil(lambda: window.ops.pending == 0, timeout=20000)
    assert window.ctx.caseload_path.read_bytes() == before


def test_the_lock_closes_and_empties_the_view(qtbot, window, view, ids) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, view, PeriodKind.HALF_YEAR, year=2026, index=1)
    click(qtbot, view, 0, "active", "total")
    assert len(view.youths.rows) == 10
    names = ["Lindqvist", "Karlsson", "Strandberg", "Björklund"]
    assert canary_hits(names)
    youths_model = view.youths
    window.lock()
    assert not view.isVisible()
    assert youths_model.rows == [] and all(m.stats is None for m in view.models)
    qtbot.waitUntil(lambda: window.lockdown.is_settled, timeout=20000)
    assert not shiboken6.isValid(view)
    assert canary_hits(names) == []
    assert not window.followup_action.isEnabled()
