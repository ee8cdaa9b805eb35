"""The caseload table model and its filter proxy, tested without a window."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from sigdesk.caseload_list import CaseloadRow
from sigdesk.catalogues import Track, YouthStatus
from sigdesk.deadlines import DeadlineInfo, DeadlineStatus
from sigdesk.ui.caseload_filter import SCOPE_ALL, SCOPE_CLOSED, CaseloadFilterProxy
from sigdesk.ui.caseload_model import (
    AGE,
    DAYS_LEFT_ROLE,
    DEADLINE,
    DEADLINE_STATUS_ROLE,
    NAME,
    NEXT_MEETING,
    ROW_ROLE,
    STATUS,
    TRACK,
    YOUTH_ID_ROLE,
    CaseloadTableModel,
    name_sort_key,
)
from tests.conftest import TODAY

D = Qt.ItemDataRole.DisplayRole


def info(status: DeadlineStatus, days_left: int, nxt: datetime | None = None) -> DeadlineInfo:
    deadline = date.fromordinal(TODAY.toordinal() + days_left)
    return DeadlineInfo(status, deadline, days_left, nxt, date(2026, 10, 1))


def row(
    youth_id: int,
    first: str,
    last: str,
    deadline: DeadlineInfo | None,
    *,
    status: YouthStatus = YouthStatus.ACTIVE,
    born: date | None = date(2010, 5, 1),
) -> CaseloadRow:
    return CaseloadRow(youth_id, first, last, born, Track.YOUTH, status, deadline)


ROWS = [
    row(1, "Alva", "Ek", info(DeadlineStatus.OVERDUE, -3)),
    row(2, "Elias", "Öberg", info(DeadlineStatus.SOON, 5)),
    row(3, "Maja", "Åberg", info(DeadlineStatus.IN_TIME, 20, datetime(2026, 12, 1, 9, 30))),
    row(4, "Noah", "Andersson", None, status=YouthStatus.CLOSED),
    row(5, "Saga", "Lind", info(DeadlineStatus.PLANNED_TOO_LATE, 10, datetime(2026, 12, 9, 13))),
    row(6, "Ines", "Ärlig", None, status=YouthStatus.PROPOSED, born=None),
]


@pytest.fixture
def model(qapp) -> CaseloadTableModel:  # type: ignore[no-untyped-def]
    m = CaseloadTableModel(TODAY)
    m.set_rows(ROWS)
    return m


@pytest.fixture
def proxy(model: CaseloadTableModel) -> CaseloadFilterProxy:
    p = CaseloadFilterProxy()
    p.setSourceModel(model)
    return p


def names(proxy: CaseloadFilterProxy) -> list[str]:
    return [proxy.index(r, NAME).data(D) for r in range(proxy.rowCount())]


def test_columns_and_display(model: CaseloadTableModel) -> None:
    assert model.rowCount() == 6
    assert model.columnCount() == 6
    assert model.headerData(NAME, Qt.Orientation.Horizontal) == "Name"
    first = model.index(0, NAME)
    assert first.data(D) == "Alva Ek"
    assert model.index(0, AGE).data(D) == "16"
    assert model.index(0, TRACK).data(D) == "SIG unga"
    assert model.index(2, NEXT_MEETING).data(D) == "2026-12-01 09:30"
    assert model.index(0, DEADLINE).data(D) == "Försenat · -3 d"
    assert model.index(1, DEADLINE).data(D) == "Snart · 5 d"
    assert model.index(0, STATUS).data(D) == "Aktiv"
    assert model.index(5, AGE).data(D) == ""  # no birth date


def test_name_tooltip_shows_the_whole_name(model: CaseloadTableModel) -> None:
    tip = model.index(0, NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == model.rows[0].name


def test_closed_youth_has_no_badge(model: CaseloadTableModel) -> None:
    closed = model.index(3, DEADLINE)
    assert closed.data(D) == ""
    assert closed.data(DEADLINE_STATUS_ROLE) is None
    assert closed.data(Qt.ItemDataRole.BackgroundRole) is None


def test_custom_roles(model: CaseloadTableModel) -> None:
    index = model.index(1, NAME)
    assert index.data(ROW_ROLE) is ROWS[1]
    assert index.data(YOUTH_ID_ROLE) == 2
    assert index.data(DEADLINE_STATUS_ROLE) == "snart"
    assert index.data(DAYS_LEFT_ROLE) == 5
    badge = model.index(0, DEADLINE)
    assert badge.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#b71c1c"
    assert "2026-11-19" in badge.data(Qt.ItemDataRole.ToolTipRole)


def test_swedish_alphabetical_order() -> None:
    keys = sorted(
        ["Öberg", "Åberg", "Ärlig", "Zetterberg", "Andersson"], key=lambda n: name_sort_key(n, "")
    )
    assert keys == ["Andersson", "Zetterberg", "Åberg", "Ärlig", "Öberg"]


def test_sort_by_deadline_puts_the_most_urgent_first(proxy: CaseloadFilterProxy) -> None:
    proxy.set_scope(SCOPE_ALL)
    proxy.sort(DEADLINE, Qt.SortOrder.AscendingOrder)
    assert names(proxy)[:4] == ["Alva Ek", "Elias Öberg", "Saga Lind", "Maja Åberg"]
    proxy.sort(NAME, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == [
        "Noah Andersson",
        "Alva Ek",
        "Saga Lind",
        "Maja Åberg",
        "Ines Ärlig",
        "Elias Öberg",
    ]


def test_scope_filter(proxy: CaseloadFilterProxy) -> None:
    assert "Noah Andersson" not in names(proxy)  # default: active and proposed
    assert "Ines Ärlig" in names(proxy)
    proxy.set_scope(SCOPE_CLOSED)
    assert names(proxy) == ["Noah Andersson"]
    proxy.set_scope(SCOPE_ALL)
    assert proxy.rowCount() == 6


def test_only_warnings(proxy: CaseloadFilterProxy) -> None:
    proxy.set_warnings_only(True)
    assert sorted(names(proxy)) == ["Alva Ek", "Elias Öberg", "Saga Lind"]


def test_search_by_name_parts_any_case(proxy: CaseloadFilterProxy) -> None:
    proxy.set_text("ÖBER")
    assert names(proxy) == ["Elias Öberg"]
    proxy.set_text("  maja   åb ")
    assert names(proxy) == ["Maja Åberg"]
    proxy.set_text("nobody")
    assert proxy.rowCount() == 0
    proxy.set_text("")
    assert proxy.rowCount() == 5


def test_set_rows_in_place_keeps_indexes(model: CaseloadTableModel, qtbot) -> None:  # type: ignore[no-untyped-def]
    changed = [ROWS[0], row(2, "Elias", "Öberg", info(DeadlineStatus.IN_TIME, 5)), *ROWS[2:]]
    with qtbot.waitSignal(model.dataChanged), qtbot.assertNotEmitted(model.modelReset):
        model.set_rows(changed)
    assert model.index(1, DEADLINE).data(D) == "I tid · 5 d"
    with qtbot.waitSignal(model.modelReset):
        model.set_rows(ROWS[:2])
    assert model.rowCount() == 2
    assert model.row_of(2) == 1
    assert model.row_of(99) is None


_ROLES = [
    D,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.FontRole,
    ROW_ROLE,
    YOUTH_ID_ROLE,
    DEADLINE_STATUS_ROLE,
    DAYS_LEFT_ROLE,
]


def answers_for_source_rows(proxy: CaseloadFilterProxy) -> list[list[object]]:
    """Every cell and role of the proxy, as the proxy answers and as its source row
    answers: they must be the same; the source rows come in the source's order, and
    each maps back to its row."""
    model = proxy.sourceModel()
    cells = []
    sources = [proxy.mapToSource(proxy.index(r, NAME)).row() for r in range(proxy.rowCount())]
    assert sources == sorted(set(sources))
    for r in range(proxy.rowCount()):
        for c in range(proxy.columnCount()):
            index = proxy.index(r, c)
            source = proxy.mapToSource(index)
            assert proxy.mapFromSource(source) == index
            assert proxy.flags(index) == model.flags(source)
            mine = [proxy.data(index, role) for role in _ROLES]
            assert mine == [model.data(source, role) for role in _ROLES], (r, c)
            cells.append(mine)
    return cells


def test_proxy_answers_for_the_source_rows_it_shows(
    model: CaseloadTableModel, proxy: CaseloadFilterProxy
) -> None:
    """The proxy answers `data` and `flags` from its own list of shown rows, after every
    kind of change (filter, sort, fresh rows in place, other youths)."""
    assert len(answers_for_source_rows(proxy)) == 5 * 6
    proxy.set_scope(SCOPE_ALL)
    proxy.sort(DEADLINE, Qt.SortOrder.DescendingOrder)
    assert len(answers_for_source_rows(proxy)) == 6 * 6
    proxy.set_text("e")
    answers_for_source_rows(proxy)
    proxy.set_warnings_only(True)
    assert [proxy.index(r, NAME).data(D) for r in range(proxy.rowCount())] == [
        "Elias Öberg",
        "Alva Ek",
    ]
    answers_for_source_rows(proxy)
    proxy.set_warnings_only(False)
    # The same youths again, one of them no longer warned: updated in place.
    model.set_rows([ROWS[0], row(2, "Elias", "Öberg", info(DeadlineStatus.IN_TIME, 5)), *ROWS[2:]])
    answers_for_source_rows(proxy)
    proxy.sort(NAME, Qt.SortOrder.AscendingOrder)
    answers_for_source_rows(proxy)
    model.set_rows(ROWS[3:])  # other youths: a reset
    shown = [proxy.index(r, NAME).data(D) for r in range(proxy.rowCount())]
    assert shown == ["Noah Andersson", "Ines Ärlig"]
    answers_for_source_rows(proxy)
    proxy.set_text("")
    proxy.set_scope(SCOPE_CLOSED)
    assert [proxy.index(r, NAME).data(D) for r in range(proxy.rowCount())] == ["Noah Andersson"]
    answers_for_source_rows(proxy)
    assert proxy.data(proxy.index(99, NAME)) is None
    assert proxy.flags(proxy.index(99, NAME)) == Qt.ItemFlag.NoItemFlags


def test_typing_a_search_never_opens_another_youth(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The open youth stays open while it matches; when it stops matching, nobody is open
    (Qt would move the cursor to a neighbour and open that youth on every keystroke)."""
    from sigdesk.ui.caseload_pane import CaseloadPane

    pane = CaseloadPane(TODAY)
    qtbot.addWidget(pane)
    pane.set_rows(ROWS, TODAY)
    announced: list[int | None] = []
    pane.youth_selected.connect(lambda r: announced.append(r.youth_id if r else None))
    assert pane.select_youth(3)  # Maja Åberg
    assert announced == [3]
    for text in ("m", "ma", "maja å"):  # still matches Maja: no new announcement
        pane.search.setText(text)
    assert announced == [3] and pane.current_youth_id() == 3
    pane.search.setText("lind")  # Maja no longer matches; Saga Lind does
    assert announced == [3, None]
    assert pane.current_youth_id() is None
    pane.search.setText("")
    assert announced == [3, None]  # clearing the search opens nobody either
    pane.table.setCurrentIndex(pane.proxy.index(0, NAME))
    assert announced[-1] == pane.current_youth_id() is not None


def test_typing_on_with_the_same_rows_tells_the_view_nothing(
    model: CaseloadTableModel,
) -> None:
    """A keystroke that keeps the rows shown ("ö" → "öb") makes no signal; one that
    changes them makes one layout change (no run of removed or inserted rows, no reset),
    and every cell still answers for its source row."""
    proxy = CaseloadFilterProxy()
    proxy.setSourceModel(model)
    heard: list[str] = []
    proxy.layoutChanged.connect(lambda *_: heard.append("layout"))
    proxy.modelReset.connect(lambda: heard.append("reset"))
    proxy.rowsRemoved.connect(lambda *_: heard.append("removed"))
    proxy.rowsInserted.connect(lambda *_: heard.append("inserted"))
    proxy.set_text("ö")
    assert names(proxy) == ["Elias Öberg"]
    assert heard == ["layout"]
    proxy.set_text("öb")
    proxy.set_text("ÖBER ")
    assert heard == ["layout"]
    assert names(proxy) == ["Elias Öberg"]
    answers_for_source_rows(proxy)
    proxy.set_text("a")  # other rows now
    assert heard == ["layout", "layout"]
    assert "Alva Ek" in names(proxy)
    answers_for_source_rows(proxy)


def test_the_selection_follows_its_youths_through_filter_and_sort(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Youths picked for a handover stay picked while the search still shows them, also
    when their rows move; one the search hides drops out of the selection."""
    from PySide6.QtCore import QItemSelectionModel

    from sigdesk.ui.caseload_pane import CaseloadPane

    pane = CaseloadPane(TODAY)
    qtbot.addWidget(pane)
    pane.set_rows(ROWS, TODAY)
    selection = pane.table.selectionModel()
    assert pane.select_youth(2)  # Elias Öberg, open; Alva Ek and Maja Åberg picked too
    for youth_id in (1, 3):
        index = pane.proxy.mapFromSource(pane.model.index(pane.model.row_of(youth_id), NAME))
        selection.select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )
    assert set(pane.selected_youth_ids()) == {1, 2, 3}
    pane.search.setText("e")  # Saga Lind goes: the rows below her move up
    assert "Saga Lind" not in names(pane.proxy)
    assert set(pane.selected_youth_ids()) == {1, 2, 3}
    pane.table.sortByColumn(NAME, Qt.SortOrder.DescendingOrder)
    assert set(pane.selected_youth_ids()) == {1, 2, 3}
    assert pane.current_youth_id() == 2
    pane.search.setText("berg")  # Elias Öberg (open) and Maja Åberg; Alva Ek is hidden
    assert pane.selected_youth_ids() == [2, 3]  # in list order: Öberg, then Åberg (descending)
    assert pane.current_youth_id() == 2
    pane.search.setText("")
    assert set(pane.selected_youth_ids()) == {2, 3}  # Alva does not come back picked
