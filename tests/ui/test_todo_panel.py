"""The "Att göra" panel's table on a district's list."""

from __future__ import annotations

from sigdesk.overview import TodoItem, TodoKind
from sigdesk.ui.todo_panel import TODO_WIDTH_ROWS, TodoPanel, kind_label


def items(kind: TodoKind, n: int) -> list[TodoItem]:
    return [TodoItem(kind, i, f"Ungdom {i}", None, "text") for i in range(n)]


def test_a_wider_kind_below_the_measured_rows_still_fits(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Widths are measured on the first rows only; the kinds further down still fit."""
    panel = TodoPanel()
    qtbot.addWidget(panel)
    below = TodoItem(TodoKind.POST_CLOSURE_FOLLOWUP, 999, "Sist", None, "text")
    panel.set_items([*items(TodoKind.SOON, TODO_WIDTH_ROWS * 2), below])
    metrics = panel.table.fontMetrics()
    assert panel.table.columnWidth(0) > metrics.horizontalAdvance(kind_label(below))
    panel.set_items([])  # an empty list shows its empty state
    assert panel.stack.currentWidget() is panel.empty
