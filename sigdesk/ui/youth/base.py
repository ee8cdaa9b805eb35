"""A tab of the youth detail: loads on the worker when shown, refreshes on its own changes.

Switching youth marks every tab stale but loads only the visible one; a write's
`Changes` reloads a tab only when it touches what the tab shows for this youth. A tab
that shows nothing is not emptied again: the hidden tabs, loaded or not, would otherwise
reset their models and lay out again on every switch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from sigdesk.changes import ChangeKind, Changes

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from sqlalchemy.orm import Session

    from sigdesk.ui.ops import Ops


class DetailTab(QWidget):
    """Subclasses set `kinds`, and implement `load` (worker), `show_data` and `clear`."""

    kinds: ClassVar[tuple[ChangeKind, ...]] = ()
    loaded = Signal(int)  # youth id, after show_data (tests, benchmarks)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.youth_id: int | None = None
        self.stale = False
        self.data: Any = None
        self.showing = False  # show_data has filled the view since the last clear

    def set_youth(self, youth_id: int | None) -> None:
        if youth_id == self.youth_id and not self.stale:
            return
        self.youth_id = youth_id
        self.data = None
        if self.showing:
            self.showing = False
            self.clear()
        self.stale = youth_id is not None
        if self.isVisible():
            self.reload()

    def on_changes(self, changes: Changes) -> None:
        if self.youth_id is None or not changes.touches(*self.kinds):
            return
        if changes.youth_ids and self.youth_id not in changes.youth_ids:
            return
        self.stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def reload(self) -> None:
        youth_id = self.youth_id
        if youth_id is None:
            return
        self.stale = False
        load = self.loader()
        today = self.ops.ctx.clock.today()
        self.ops.query(
            lambda s: load(s, youth_id, today),
            lambda result: self._loaded(youth_id, result),
            owner=self,
        )

    def loader(self) -> Callable[[Session, int, date], Any]:
        """The worker function `reload` runs; a tab may bind its settings into it."""
        return type(self).load  # type: ignore[attr-defined, no-any-return]

    def _loaded(self, youth_id: int, result: Any) -> None:
        if youth_id != self.youth_id:
            return  # the user moved on to another youth meanwhile
        self.data = result
        self.showing = True
        self.show_data(result)
        self.loaded.emit(youth_id)

    @staticmethod
    def load(session: Session, youth_id: int, today: date) -> Any:
        """Runs on the worker: read what the tab shows (plain frozen values)."""
        raise NotImplementedError

    def show_data(self, data: Any) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        """Empty the view (another youth was selected, or the caseload locked)."""

    def window_for_dialogs(self) -> QWidget:
        return self.window()
