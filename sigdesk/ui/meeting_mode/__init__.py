"""Meeting mode: running a network meeting on the laptop (see view.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from sigdesk.ui.meeting_mode.view import MeetingView
    from sigdesk.ui.ops import Ops

#: The open meeting windows by meeting id (one window per meeting).
_open: dict[int, MeetingView] = {}


def open_view(meeting_id: int) -> MeetingView | None:
    view = _open.get(meeting_id)
    if view is not None and shiboken6.isValid(view) and view.isVisible():
        return view
    _open.pop(meeting_id, None)
    return None


def open_views() -> list[MeetingView]:
    """The meeting windows on screen now (the idle lock waits longer while there is one)."""
    return [v for mid in list(_open) if (v := open_view(mid)) is not None]


def forget_all() -> None:
    """At a lock: the meeting windows are closed and destroyed."""
    _open.clear()


def start_meeting(
    ops: Ops,
    meeting_id: int,
    parent: QWidget | None,
    *,
    opened: Callable[[MeetingView], None] | None = None,
) -> None:
    """Open the meeting view (restoring its saved draft); raise it if already open."""
    existing = open_view(meeting_id)
    if existing is not None:
        existing.raise_()
        existing.activateWindow()
        if opened is not None:
            opened(existing)
        return
    from sigdesk.ui.meeting_mode.state import load_start
    from sigdesk.ui.meeting_mode.view import MeetingView

    today = ops.ctx.clock.today()
    margin = ops.ctx.settings.proposal_margin_days

    def show(start: object) -> None:
        view = MeetingView(ops, start, parent)  # type: ignore[arg-type]
        _open[meeting_id] = view
        view.show()
        if opened is not None:
            opened(view)

    ops.query(lambda s: load_start(s, meeting_id, today, margin_days=margin), show, owner=parent)
