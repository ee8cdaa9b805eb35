"""The caseload list's filter: the rows the list shows, by name, scope and warnings.

Like the caseload model, it knows rows and roles and nothing about windows, and is tested
without one.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from sigdesk.ui.caseload_model import CELL_FLAGS, COLUMN_TITLES, CaseloadTableModel, Index

SCOPE_ACTIVE, SCOPE_CLOSED, SCOPE_ALL = "active", "closed", "all"


class CaseloadFilterProxy(QAbstractTableModel):
    """The rows the list shows: search by name, open or closed or all youths, optionally
    only warnings, over the caseload model's rows in its order (sorting is the model's).

    A plain table model over the source rows it shows, not a QSortFilterProxyModel: that
    one asks `filterAcceptsRow` of every source row (2,000 calls from C++ into Python on
    each keystroke that changes the rows), then tells the view of every run of rows that
    left or came. Here one Python pass works out the verdicts, and the view hears one
    layout change; the selection moves with its youths (persistent indexes follow them by
    youth id), and a youth filtered out drops from it. On 2,000 youths this cut the
    GUI thread's work per such keystroke by two fifths (filter and repaint 9.8 → 5.9 ms).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._scope = SCOPE_ACTIVE
        self._warnings_only = False
        self._accepted: list[bool] = []
        #: Row i of this model is row _shown[i] of the source.
        self._shown: list[int] = []
        self._model: CaseloadTableModel | None = None
        self._moving: tuple[list[QModelIndex], list[int | None]] | None = None

    def setSourceModel(self, model: CaseloadTableModel) -> None:
        self.beginResetModel()
        self._model = model
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        model.layoutAboutToBeChanged.connect(lambda *_: self._begin_move())
        model.layoutChanged.connect(lambda *_: self._end_move())
        model.dataChanged.connect(self._source_data_changed)
        self._shown = self._shown_rows(self._verdicts())
        self.endResetModel()

    def sourceModel(self) -> CaseloadTableModel:
        assert self._model is not None
        return self._model

    # --- the filter -----------------------------------------------------------------

    def set_text(self, text: str) -> None:
        self._set_filter(" ".join(text.lower().split()), self._scope, self._warnings_only)

    def set_scope(self, scope: str) -> None:
        self._set_filter(self._text, scope, self._warnings_only)

    def set_warnings_only(self, on: bool) -> None:
        self._set_filter(self._text, self._scope, on)

    @property
    def scope(self) -> str:
        return self._scope

    def _set_filter(self, text: str, scope: str, warnings_only: bool) -> None:
        """Take the new filter; the view hears of it only when the rows shown change
        (typing a name on, most keystrokes keep them: "lindq", "lindqv", …)."""
        self._text, self._scope, self._warnings_only = text, scope, warnings_only
        accepted = self._verdicts()
        if accepted != self._accepted:
            self._begin_move()
            self._end_move(accepted)

    def _verdicts(self) -> list[bool]:
        model = self.sourceModel()
        parts = self._text.split(" ") if self._text else []
        scopes = {SCOPE_ACTIVE: (False,), SCOPE_CLOSED: (True,)}
        want_closed = scopes.get(self._scope, (False, True))
        warnings_only = self._warnings_only
        accepted = [
            closed in want_closed and (warning or not warnings_only)
            for _key, closed, warning in model.filter_keys
        ]
        for part in parts:  # one flat pass per word: ~0.2 ms for 2,000 rows
            keys = model.search_keys
            accepted = [ok and part in key for ok, key in zip(accepted, keys, strict=True)]
        return accepted

    def _shown_rows(self, accepted: list[bool]) -> list[int]:
        self._accepted = accepted
        return [i for i, ok in enumerate(accepted) if ok]

    # --- following the source -------------------------------------------------------

    def _begin_move(self) -> None:
        """Before the rows shown change: note the youth of every persistent index (the
        view's selection and current row)."""
        self.layoutAboutToBeChanged.emit()
        rows = self.sourceModel().rows
        persistent = self.persistentIndexList()
        ids = [
            rows[self._shown[i.row()]].youth_id if 0 <= i.row() < len(self._shown) else None
            for i in persistent
        ]
        self._moving = (persistent, ids)

    def _end_move(self, accepted: list[bool] | None = None) -> None:
        if self._moving is None:  # the source's layoutChanged without its announcement
            self._begin_move()
        assert self._moving is not None
        persistent, ids = self._moving
        self._moving = None
        rows = self.sourceModel().rows
        self._shown = self._shown_rows(self._verdicts() if accepted is None else accepted)
        where = {rows[source].youth_id: row for row, source in enumerate(self._shown)}
        moved = [
            self.index(where[youth_id], i.column()) if youth_id in where else QModelIndex()
            for i, youth_id in zip(persistent, ids, strict=True)
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _source_reset(self) -> None:
        self._shown = self._shown_rows(self._verdicts())
        self.endResetModel()

    def _source_data_changed(self, *_args: object) -> None:
        """The same youths with fresh facts: a warning may come or go, and so a row."""
        accepted = self._verdicts()
        if accepted != self._accepted:
            self._begin_move()
            self._end_move(accepted)
        if self._shown:
            last = self.index(len(self._shown) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # --- the model ------------------------------------------------------------------

    def mapToSource(self, index: Index) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        return self.sourceModel().index(self._shown[index.row()], index.column())

    def mapFromSource(self, source: Index) -> QModelIndex:
        """The row showing a source row, or an invalid index while the filter hides it."""
        if not source.isValid() or not self._accepted[source.row()]:
            return QModelIndex()
        return self.index(bisect_left(self._shown, source.row()), source.column())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_TITLES)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return self.sourceModel().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if row < 0:
            return None
        model = self._model
        assert model is not None
        return model.cell(self._shown[row], index.column(), role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return CELL_FLAGS if index.row() >= 0 else Qt.ItemFlag.NoItemFlags
