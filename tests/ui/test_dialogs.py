"""Bad input is caught where it is typed, service errors land next to their field,
nothing invalid is saved, and closing with unsaved edits asks first."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

from sigdesk.caseload import YouthData, add_youth
from sigdesk.catalogues import YouthStatus
from sigdesk.ui.main_window import MainWindow
from tests.conftest import TODAY


def seed_youth(qtbot, window: MainWindow) -> int:  # type: ignore[no-untyped-def]
    data = YouthData("Elsa", "Exempel", status=YouthStatus.ACTIVE, start_date=date(2026, 11, 1))
    created: list[int] = []
    window.ops.write(
        lambda s: add_youth(s, data, today=TODAY), lambda c: created.append(c.created_id)
    )
    qtbot.waitUntil(lambda: bool(created) and window.caseload.model.rowCount() == 1, timeout=20000)
    window.open_youth(created[0])
    return created[0]


def test_personnummer_is_checked_where_typed(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = window.new_youth()
    dialog.first_name.setText("Ebba")
    dialog.last_name.setText("Exempel")
    dialog.personnummer.setText("20100101-9806")
    dialog.personnummer.editingFinished.emit()
    assert dialog.personnummer.message.text() == "Kontrollsiffran stämmer inte."
    dialog.accept()  # Save: refused before anything reaches the worker
    assert dialog.isVisible()
    assert window.ops.pending == 0
    assert window.caseload.model.rowCount() == 0
    dialog.personnummer.setText("20100101-9809")  # a fictional number from the test range
    assert dialog.personnummer.is_valid
    assert not dialog.personnummer.message.isVisible()


def test_dates_are_checked_and_show_their_weekday(window: MainWindow) -> None:
    dialog = window.new_youth()
    dialog.start_date.setText("2026-02-30")
    assert (
        dialog.start_date.recheck() == "The date 2026-02-30 does not exist: the month has 28 days."
    )
    dialog.start_date.setText("30/2 2026")
    assert dialog.start_date.recheck() == "Write the date as YYYY-MM-DD, e.g. 2026-11-22."
    dialog.start_date.setText("2026-11-24")
    assert dialog.start_date.recheck() == ""
    assert dialog.start_date.day_name.text() == "Tuesday"


def test_a_service_error_shows_at_its_field_and_nothing_is_saved(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = window.new_youth()
    dialog.first_name.setText("Ebba")
    dialog.last_name.setText("Exempel")
    dialog.status.set_value(YouthStatus.ACTIVE)  # active needs a start date
    dialog.accept()
    qtbot.waitUntil(lambda: window.ops.pending == 0 and not dialog.saving, timeout=20000)
    message = dialog._messages["Startdatum"]
    assert message.text() == "En aktiv ungdom behöver ett startdatum."
    assert message.isVisible()
    assert dialog.isVisible()
    assert window.caseload.model.rowCount() == 0
    assert window.ops.presenter.last is None  # shown at the field, not in a box


def test_closing_with_unsaved_changes_asks(window: MainWindow) -> None:
    dialog = window.new_youth()
    asked: list[bool] = []
    dialog.confirm_discard = lambda: asked.append(True) or False  # "keep editing"
    dialog.first_name.textEdited.emit("E")
    dialog.reject()
    assert asked == [True]
    assert dialog.isVisible()
    dialog.confirm_discard = lambda: True  # "discard"
    dialog.reject()
    assert not dialog.isVisible()


def test_closing_an_untouched_dialog_does_not_ask(window: MainWindow) -> None:
    dialog = window.new_youth()
    dialog.confirm_discard = lambda: (_ for _ in ()).throw(AssertionError("asked"))
    dialog.reject()
    assert not dialog.isVisible()


def test_a_meeting_in_the_past_is_refused_at_the_date(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    seed_youth(qtbot, window)
    meetings = window.detail.meetings
    window.detail.tabs.setCurrentWidget(meetings)
    qtbot.waitUntil(lambda: meetings.data is not None, timeout=20000)
    dialog = meetings.plan_meeting()
    dialog.day.set_value(date(2026, 11, 2))
    dialog.accept()
    qtbot.waitUntil(lambda: window.ops.pending == 0 and not dialog.saving, timeout=20000)
    assert dialog._messages["Datum"].text() == "Ett nytt möte kan inte planeras bakåt i tiden."
    assert meetings.model.rows == []


def test_todo_item_opens_the_youth_on_the_right_tab(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    youth_id = seed_youth(qtbot, window)
    window.caseload.table.clearSelection()
    qtbot.waitUntil(lambda: window.todo.model.rowCount() > 0, timeout=20000)
    kinds = [item.kind.value for item in window.todo.model.rows]
    row = kinds.index("aktor_saknas")
    window.todo.table.activated.emit(window.todo.model.index(row, 0))
    assert window.detail.youth_id == youth_id
    assert window.detail.tabs.currentWidget() is window.detail.network


def test_settings_are_saved_without_personal_data(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = window.open_settings()
    qtbot.waitUntil(lambda: window.ops.pending == 0, timeout=20000)
    dialog.name.setText("Sam Exempelsson")
    dialog.email.setText("inte-en-adress")
    dialog.accept()
    assert dialog.isVisible()  # the e-mail is checked before saving
    dialog.email.setText("sam@exempel.se")
    dialog.warning.setValue(10)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert not dialog.small_counts.isChecked()  # counts of 1–2 as "<3" by default
    dialog.small_counts.setChecked(True)
    with qtbot.waitSignal(dialog.settings_saved, timeout=20000):
        dialog.accept()
    stored = json.loads(window.ctx.settings.path.read_text())
    assert stored["warning_days"] == 10
    assert stored["report_small_counts"] is True
    assert window.ctx.settings.report_small_counts
    assert stored["language"] == "en"
    assert "Sam" not in json.dumps(stored)
    assert "exempel" not in json.dumps(stored)
    from sigdesk.caseload import get_profile

    profile: list[object] = []
    window.ops.query(get_profile, profile.append)
    qtbot.waitUntil(lambda: bool(profile), timeout=20000)
    assert profile[0].name == "Sam Exempelsson"


def test_unexpected_errors_go_to_the_one_presenter(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    def broken(_session):  # type: ignore[no-untyped-def]
        raise RuntimeError("secret case data 19121212-1212")

    window.ops.query(broken, lambda _: None)
    qtbot.waitUntil(lambda: window.ops.presenter.last is not None, timeout=20000)
    title, body = window.ops.presenter.last
    assert title == "Something went wrong"
    assert "19121212" not in body
    from sigdesk.ui.errors import bug_report

    report = bug_report(RuntimeError("19121212-1212"))
    assert "RuntimeError" in report and "19121212" not in report


def test_changes_refresh_only_what_they_touch(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from sigdesk.changes import ChangeKind, Changes

    youth_id = seed_youth(qtbot, window)
    qtbot.waitUntil(lambda: window.detail.overview.data is not None, timeout=20000)
    plan = window.detail.plan
    assert plan.stale  # not visible: not loaded
    window.ops.changed.emit(Changes(frozenset({ChangeKind.PLAN}), frozenset({youth_id + 1})))
    assert window.detail.overview.stale is False
    window.ops.changed.emit(Changes(frozenset({ChangeKind.YOUTH}), frozenset({youth_id})))
    qtbot.waitUntil(lambda: window.ops.pending == 0, timeout=20000)
    assert window.detail.overview.data.data.first_name == "Elsa"
    assert isinstance(datetime.now(), datetime)


def test_editing_a_youth_keeps_every_field(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The dialog round-trips the whole youth: an edit never blanks a field it shows."""
    from sigdesk.caseload import update_youth, youth_detail
    from sigdesk.ui.dialogs.youth_dialog import YouthDialog

    youth_id = seed_youth(qtbot, window)
    with window.ops.ctx.caseload.session_scope() as s:  # type: ignore[union-attr]
        detail = youth_detail(s, youth_id)
        goal = "Elsa går i skolan och har en trygg fritid."
        update_youth(s, youth_id, replace(detail.data, overall_goal=goal), today=TODAY)
        detail = youth_detail(s, youth_id)
    dialog = YouthDialog(window.ops, detail=detail)
    assert dialog.overall_goal.toPlainText() == goal
    dialog.school.setText("Farstaskolan")
    dialog.accept()
    qtbot.waitUntil(lambda: window.ops.pending == 0 and not dialog.saving, timeout=20000)
    with window.ops.ctx.caseload.session_scope() as s:  # type: ignore[union-attr]
        saved = youth_detail(s, youth_id).data
    assert saved == replace(detail.data, school="Farstaskolan")


def test_plan_is_editable_in_place(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """F2 edits a goal's words in the tree; the status column offers the statuses; an empty
    text is refused and the goal keeps its words."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox, QLineEdit

    from sigdesk.catalogues import LifeArea, PlanStatus
    from sigdesk.plans import GoalData, add_goal, plan_of
    from sigdesk.ui.youth.plan_tab import STATUS, TEXT

    youth_id = seed_youth(qtbot, window)
    window.ops.write(lambda s: add_goal(s, youth_id, GoalData(LifeArea.SCHOOL, "Gå i skolan")))
    plan = window.detail.plan
    window.detail.show_tab(2)
    qtbot.waitUntil(lambda: plan.data is not None and len(plan.data.goals) == 1, timeout=20000)
    qtbot.waitUntil(lambda: window.ops.pending == 0, timeout=20000)
    area = plan.model.index(0, 0)
    goal = plan.model.index(0, TEXT, area)
    plan.tree.setCurrentIndex(goal)
    qtbot.keyClick(plan.tree, Qt.Key.Key_F2)
    editor = plan.tree.findChild(QLineEdit)
    assert editor is not None and editor.text() == "Gå i skolan"  # the words, not "Mål: …"
    editor.setText("Gå i skolan varje dag")
    plan.show_data(plan.data)  # a refresh while typing waits: the editor and its text stay
    assert plan.tree.findChild(QLineEdit) is editor and editor.text() == "Gå i skolan varje dag"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    renamed = "Gå i skolan varje dag"
    qtbot.waitUntil(lambda: plan.data.goals[0].description == renamed, timeout=20000)

    status = plan.model.index(0, STATUS, plan.model.index(0, 0))
    plan.tree.setCurrentIndex(status)
    qtbot.keyClick(plan.tree, Qt.Key.Key_F2)
    combo = plan.tree.findChild(QComboBox)
    assert combo is not None and combo.count() == len(PlanStatus)
    combo.setCurrentIndex(combo.findData(PlanStatus.ACHIEVED.value))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: plan.data.goals[0].status is PlanStatus.ACHIEVED, timeout=20000)

    window.ops.presenter.last = None
    goal = plan.model.index(0, TEXT, plan.model.index(0, 0))
    plan.tree.setCurrentIndex(goal)
    qtbot.keyClick(plan.tree, Qt.Key.Key_F2)
    editor = plan.tree.findChild(QLineEdit)
    editor.setText("   ")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.ops.presenter.last is not None, timeout=20000)
    with window.ops.ctx.session_scope() as s:
        assert plan_of(s, youth_id)[0].description == "Gå i skolan varje dag"
