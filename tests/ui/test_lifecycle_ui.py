"""Closing, the follow-up after closure, reopening, deleting and gallring, in the window."""

from __future__ import annotations

from datetime import date, datetime

from sigdesk.caseload import YouthData, add_youth
from sigdesk.catalogues import ClosureReason, MeetingStatus, YouthStatus
from sigdesk.lifecycle import close_sig, periods_of
from sigdesk.meetings import MeetingData, meetings_of, plan_meeting
from sigdesk.overview import TodoKind
from sigdesk.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.pagescan import decrypted_pages, hits
from tests.ui.test_fit_and_finish import wait_idle, write
from tests.ui.test_meeting_mode import seeded, start_view  # noqa: F401  (a fixture)


def add_active(qtbot, window, first: str = "Vera", start: date = date(2026, 10, 1)) -> int:  # type: ignore[no-untyped-def]
    data = YouthData(first, "Exempel", status=YouthStatus.ACTIVE, start_date=start)
    changes = write(qtbot, window, lambda s: add_youth(s, data, today=TODAY))
    return int(changes.created_id)


def closed_youth(qtbot, window, *, closed_on: date, start: date, first: str = "Vera") -> int:  # type: ignore[no-untyped-def]
    youth = add_active(qtbot, window, first, start)
    write(
        qtbot,
        window,
        lambda s: close_sig(
            s, youth_id=youth, closed_on=closed_on, reason=ClosureReason.PLACED, today=TODAY
        ),
    )
    return youth


def open_overview(qtbot, window: MainWindow, youth: int):  # type: ignore[no-untyped-def]
    window.refresh_caseload()
    qtbot.waitUntil(lambda: window.caseload.row_for(youth) is not None, timeout=20000)
    window.open_youth(youth, 0)
    overview = window.detail.overview
    qtbot.waitUntil(lambda: overview.data is not None and overview.data.id == youth, timeout=20000)
    return overview


def test_closing_offers_the_planned_meetings_and_cancels_the_ticked(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    youth = add_active(qtbot, window)
    first, second = (
        int(
            write(
                qtbot,
                window,
                lambda s, at=at: plan_meeting(s, youth, MeetingData(at), today=TODAY),
            ).created_id
        )
        for at in (datetime(2026, 12, 1, 10, 0), datetime(2026, 12, 15, 10, 0))
    )
    overview = open_overview(qtbot, window, youth)
    dialog = overview.close_youth()
    qtbot.waitUntil(lambda: dialog.meetings.rowCount() == 2, timeout=20000)
    assert dialog.ticked_meetings() == [first, second]  # all ticked
    from PySide6.QtCore import Qt

    dialog.meetings.item(1).setCheckState(Qt.CheckState.Unchecked)
    dialog.comment.setPlainText("Placerad på HVB.")
    with qtbot.waitSignal(dialog.saved, timeout=20000):
        dialog.accept()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: "Placerad på HVB." in overview.closed_banner.text(), timeout=20000)
    assert overview.reopen_button.isEnabled() and overview.followup_button.isEnabled()
    assert not overview.close_button.isEnabled()
    result: list[object] = []
    window.ops.query(lambda s: meetings_of(s, youth), result.append)
    qtbot.waitUntil(lambda: bool(result), timeout=20000)
    status = {m.id: m.status for m in result[0]}  # type: ignore[attr-defined]
    assert status == {first: MeetingStatus.CANCELLED, second: MeetingStatus.PLANNED}
    window.open_youth(youth, 3)
    tab = window.detail.meetings
    qtbot.waitUntil(lambda: tab.data is not None and tab.data.closed, timeout=20000)
    assert not tab.start_button.isEnabled() and not tab.prepare_button.isEnabled()


def test_the_followup_is_recorded_from_to_do(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from sigdesk.ui.dialogs.lifecycle import FollowupDialog

    youth = closed_youth(qtbot, window, closed_on=date(2026, 5, 2), start=date(2026, 1, 5))
    with qtbot.waitSignal(window.todo_loaded, timeout=20000):
        window.refresh_todo()
    items = window.todo.model.rows
    row = next(i for i, item in enumerate(items) if item.kind is TodoKind.POST_CLOSURE_FOLLOWUP)
    window.todo._activated(window.todo.model.index(row, 0))
    dialog = window.findChildren(FollowupDialog)[-1]
    qtbot.waitUntil(lambda: "2026-05-02" in dialog.intro.text(), timeout=20000)
    dialog.done_on.setText("2026-04-30")  # before the closure
    dialog.accept()
    qtbot.waitUntil(lambda: "före avslutet" in dialog._messages["Uppföljd"].text(), timeout=20000)
    assert dialog.isVisible()
    dialog.done_on.setText("2026-11-20")
    with qtbot.waitSignal(window.todo_loaded, timeout=20000):
        dialog.accept()
    assert youth not in {
        i.youth_id for i in window.todo.model.rows if i.kind is TodoKind.POST_CLOSURE_FOLLOWUP
    }


def test_reopening_starts_a_new_period_shown_on_overview(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    youth = closed_youth(qtbot, window, closed_on=date(2026, 5, 2), start=date(2026, 1, 5))
    overview = open_overview(qtbot, window, youth)
    dialog = overview.reopen_youth()
    dialog.start_on.setText("2026-05-01")
    dialog.accept()
    qtbot.waitUntil(lambda: "före avslutet" in dialog._messages["Ny start"].text(), timeout=20000)
    dialog.start_on.setText("2026-11-16")
    dialog.note.setPlainText("Ny oro från skolan.")
    with qtbot.waitSignal(dialog.saved, timeout=20000):
        dialog.accept()
    qtbot.waitUntil(lambda: "ongoing" in overview.periods.text(), timeout=20000)
    text = overview.periods.text()
    assert "1. 2026-01-05 – 2026-05-02" in text and "reopened on 2026-11-16" in text
    assert "2. 2026-11-16 – ongoing" in text
    qtbot.waitUntil(
        lambda: (
            (row := window.caseload.row_for(youth)) is not None
            and row.deadline is not None
            and row.deadline.deadline == date(2026, 12, 21)
        ),
        timeout=20000,
    )


def test_deleting_needs_the_typed_name(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    youth = add_active(qtbot, window, "Kanarieung")
    overview = open_overview(qtbot, window, youth)
    dialog = overview.delete_youth()
    dialog.typed.setText("Kanarieung Exempelsson")
    dialog.accept()
    qtbot.waitUntil(lambda: "stämmer inte" in dialog._messages["Namn"].text(), timeout=20000)
    assert window.caseload.row_for(youth) is not None
    dialog.typed.setText("Kanarieung Exempel")
    with qtbot.waitSignal(window.caseload_loaded, timeout=20000):
        dialog.accept()
    wait_idle(qtbot, window)
    assert window.caseload.row_for(youth) is None
    assert window.detail.youth_id is None  # the detail is emptied, nothing reloads it
    assert window.ops.presenter.last is None  # no "not found" from a tab
    key = window.ctx.caseload.key
    assert hits(decrypted_pages(window.ctx.caseload_path, key), ["Kanarieung"]) == []


def test_a_youth_in_meeting_mode_is_not_deleted(qtbot, seeded, window) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    view = start_view(qtbot, window, seeded["youth"])
    overview = open_overview(qtbot, window, seeded["youth"])
    dialog = overview.delete_youth()
    dialog.typed.setText("Elias Exempel")
    dialog.accept()
    assert "Mötesläget är öppet" in dialog._messages["Namn"].text()
    assert view.isVisible() and window.caseload.row_for(seeded["youth"]) is not None


def test_gallring_in_the_window(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from sigdesk.ui.dialogs.gallring import GallringDialog

    empty = GallringDialog(window.ops, parent=window)
    qtbot.waitUntil(lambda: empty.view is not None, timeout=20000)
    assert "Nothing to delete" in empty.heading.text() and not empty.run_button.isEnabled()
    old = closed_youth(
        qtbot, window, closed_on=date(2024, 6, 1), start=date(2023, 9, 1), first="Gallrasson"
    )
    recent = closed_youth(qtbot, window, closed_on=date(2026, 6, 1), start=date(2026, 1, 5))
    with qtbot.waitSignal(window.todo_loaded, timeout=20000):
        window.refresh_todo()
    due = [i.youth_id for i in window.todo.model.rows if i.kind is TodoKind.GALLRING]
    assert due == [old]
    dialog = window.open_gallring()
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=20000)
    assert dialog.ticked() == [old] and dialog.run_button.isEnabled()
    with qtbot.waitSignal(dialog.finished_cleanup, timeout=30000):
        dialog.run()
    assert dialog.progress.value() == dialog.progress.maximum()
    wait_idle(qtbot, window)
    assert window.caseload.row_for(old) is None and window.caseload.row_for(recent) is not None
    key = window.ctx.caseload.key
    assert hits(decrypted_pages(window.ctx.caseload_path, key), ["Gallrasson"]) == []
    result: list[object] = []
    window.ops.query(lambda s: periods_of(s, youth_id=recent), result.append)
    qtbot.waitUntil(lambda: bool(result), timeout=20000)
