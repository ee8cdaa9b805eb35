"""The window's fit and finish: edits keep every field, the log speaks Swedish, hints
show only when they apply, and the screens fit a 1366×768 laptop."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from sigdesk.actors import ActorData, add_actor, add_to_network
from sigdesk.caseload import YouthData, add_youth, close_youth, update_youth, youth_detail
from sigdesk.catalogues import ActorType, ClosureReason, LifeArea, YouthStatus
from sigdesk.changes import ChangeKind, changed
from sigdesk.plans import ActionData, GoalData, SubGoalData, add_action, add_goal, add_subgoal
from sigdesk.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.ui.test_meeting_mode import seeded, start_view  # noqa: F401  (a fixture)

PERSON = "Lina Mentorsson och rektor"


def wait_idle(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.ops.pending == 0, timeout=20000)


def write(qtbot, window: MainWindow, work):  # type: ignore[no-untyped-def]
    """Run one service write on the worker (as the window does) and wait for it."""
    result: list[object] = []
    window.ops.write(work, result.append, failed=result.append)
    qtbot.waitUntil(lambda: bool(result), timeout=20000)
    wait_idle(qtbot, window)
    if isinstance(result[0], BaseException):
        raise result[0]
    return result[0]


def select(plan, ref: tuple[str, int]) -> None:  # type: ignore[no-untyped-def]
    """Click the plan's row of a goal, delmål or action."""
    from sigdesk.ui.youth.plan_tab import REF_ROLE

    model = plan.model
    stack = [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        index = stack.pop()
        if tuple(index.data(REF_ROLE) or ()) == ref:
            plan.tree.setCurrentIndex(index)
            return
        stack.extend(model.index(r, 0, index) for r in range(model.rowCount(index)))
    raise AssertionError(f"{ref} is not in the plan")


@pytest.fixture
def planned(qtbot, window: MainWindow) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Elsa with the school in her network, a goal, a delmål and an action whose
    responsible person is typed by hand; her plan tab is open."""
    ids: dict[str, int] = {}

    def seed(s):  # type: ignore[no-untyped-def]
        data = YouthData("Elsa", "Exempel", status=YouthStatus.ACTIVE, start_date=date(2026, 11, 1))
        ids["youth"] = add_youth(s, data, today=TODAY).created_id
        school = ActorData(ActorType.SCHOOL, "Farstaskolan", "Ola Lind")
        ids["school"] = add_actor(s, school).created_id
        add_to_network(s, ids["youth"], ids["school"], today=TODAY)
        goal = GoalData(LifeArea.SCHOOL, "Gå i skolan varje dag")
        ids["goal"] = add_goal(s, ids["youth"], goal).created_id
        sub = SubGoalData("Komma i tid till första lektionen", date(2026, 12, 15))
        ids["subgoal"] = add_subgoal(s, ids["goal"], sub, today=TODAY).created_id
        action = ActionData("Väckning kl. 7", ids["school"], PERSON, date(2026, 12, 1), None)
        ids["action"] = add_action(s, ids["goal"], action, today=TODAY).created_id
        return changed(ChangeKind.YOUTH, ChangeKind.PLAN, youth_id=ids["youth"])

    write(qtbot, window, seed)
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() == 1, timeout=20000)
    window.open_youth(ids["youth"], 2)
    plan = window.detail.plan
    qtbot.waitUntil(lambda: plan.data is not None and len(plan.data.goals) == 1, timeout=20000)
    wait_idle(qtbot, window)
    return ids


def test_editing_an_action_and_saving_unchanged_keeps_every_field(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, planned: dict[str, int]
) -> None:
    """Issue 12.3: the dialog shows the responsible person, and Spara without a change
    keeps the person, the actor, the date and the delmål (and logs nothing)."""
    from sigdesk.eventlog import events_of
    from sigdesk.plans import plan_of

    plan = window.detail.plan
    select(plan, ("action", planned["action"]))
    dialog = plan.edit_selected()
    assert dialog.person.text() == PERSON
    assert dialog.actor.currentData() == planned["school"]
    assert dialog.due.value_or_none() == date(2026, 12, 1)
    with window.ops.ctx.session_scope() as s:  # type: ignore[union-attr]
        before = plan_of(s, planned["youth"])[0].actions[0]
        logged = len(events_of(s, youth_id=planned["youth"]))
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    wait_idle(qtbot, window)
    with window.ops.ctx.session_scope() as s:  # type: ignore[union-attr]
        after = plan_of(s, planned["youth"])[0].actions[0]
        events = events_of(s, youth_id=planned["youth"])
    assert after == before
    assert after.responsible_person == PERSON
    assert len(events) == logged  # nothing changed, nothing logged


def test_a_new_action_starts_under_the_selected_delmal(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, planned: dict[str, int]
) -> None:
    """Issue 12.8: Ny åtgärd with a delmål selected has that delmål, and saves it."""
    from sigdesk.plans import plan_of

    plan = window.detail.plan
    select(plan, ("subgoal", planned["subgoal"]))
    dialog = plan.new_action()
    assert dialog.subgoal.currentData() == planned["subgoal"]
    dialog.what.setPlainText("Gå till skolan med en kompis")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    wait_idle(qtbot, window)
    with window.ops.ctx.session_scope() as s:  # type: ignore[union-attr]
        actions = plan_of(s, planned["youth"])[0].actions
    assert [a.subgoal_id for a in actions] == [None, planned["subgoal"]]
    assert plan.current_ref() == ("subgoal", planned["subgoal"])  # kept over the refresh
    select(plan, ("goal", planned["goal"]))
    assert plan.new_action().subgoal.currentData() is None  # the goal itself


def test_the_log_names_fields_in_swedish_also_in_old_rows(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, planned: dict[str, int]
) -> None:
    """Issue 12.14: "Ansvarig person: … → —", not "responsible_person: … → None"."""
    from sigdesk.catalogues import EventKind
    from sigdesk.eventlog import log_event
    from sigdesk.plans import update_action

    youth = planned["youth"]
    edited = ActionData("Väckning kl. 7", None, "", date(2026, 12, 1), planned["subgoal"])
    write(qtbot, window, lambda s: update_action(s, planned["action"], edited, today=TODAY))
    old = "Åtgärd ändrad: responsible_person: Lina → None; what: Väcka → Väckning"
    goal = "Mål ändrat: life_area: skola → fritid"
    for summary in (old, goal):
        write(
            qtbot,
            window,
            lambda s, text=summary: (
                log_event(s, youth_id=youth, kind=EventKind.PLAN_CHANGED, summary=text),
                changed(ChangeKind.EVENTS, youth_id=youth),
            )[1],
        )
    log = window.detail.log
    window.detail.show_tab(4)
    qtbot.waitUntil(lambda: log.data is not None and log.model.rowCount() >= 5, timeout=20000)
    details = [log.model.index(r, 2).data() for r in range(log.model.rowCount())]
    text = "\n".join(details)
    for code in ("responsible_person", "responsible_actor_id", "subgoal_id", "what:", "None"):
        assert code not in text
    assert "Åtgärd ändrad: Ansvarig person: Lina → —; Åtgärd: Väcka → Väckning" in details
    assert "Mål ändrat: Livsområde: Skola/sysselsättning → Fritid" in details
    new = next(d for d in details if "Farstaskolan" in d)
    assert "Ansvarig: Skola, Farstaskolan → —" in new
    assert f"Ansvarig person: {PERSON} → —" in new
    assert "Delmål: — → Komma i tid till första lektionen" in new


def test_first_use_hint_only_on_an_empty_caseload(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Issue 12.15: "Ny i sigdesk?" while there is no youth; gone once there is one."""
    assert "New to sigdesk" in window.detail.empty.text()
    data = YouthData("Elsa", "Exempel", status=YouthStatus.ACTIVE, start_date=date(2026, 11, 1))
    write(qtbot, window, lambda s: add_youth(s, data, today=TODAY))
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() == 1, timeout=20000)
    assert "New to sigdesk" not in window.detail.empty.text()
    assert "Select a youth" in window.detail.empty.text()


def test_no_proposal_when_a_meeting_is_planned(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, planned: dict[str, int], tmp_path
) -> None:
    """Issue 12.15: "Förslag på nästa möte" only while no meeting is planned (and 12.26:
    the calendar export of that one meeting says "1 planned meeting")."""
    from sigdesk.meetings import MeetingData, plan_meeting

    tab = window.detail.meetings
    window.detail.show_tab(3)
    qtbot.waitUntil(lambda: tab.data is not None, timeout=20000)
    wait_idle(qtbot, window)
    assert "Proposed next meeting" in tab.proposal.text()
    meeting = MeetingData(datetime(2026, 12, 3, 9, 0), 90, "Farstaskolan", "Sam", "Sam")
    write(qtbot, window, lambda s: plan_meeting(s, planned["youth"], meeting, today=TODAY))
    qtbot.waitUntil(lambda: len(tab.data.meetings) == 1, timeout=20000)
    assert "Proposed next meeting" not in tab.proposal.text()
    assert "2026-12-03" in tab.proposal.text()
    from sigdesk.ui.youth.meetings_tab import export_calendar

    said: list[str] = []
    export_calendar(
        window.ops, tmp_path / "m.ics", youth_id=planned["youth"], done=said.append, parent=window
    )
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert said[0].startswith("Wrote 1 planned meeting to m.ics.")


def test_overall_goal_and_closure_comment_are_shown(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, planned: dict[str, int]
) -> None:
    """Issue 12.20: the övergripande mål on Översikt and Åtgärdsplan, the closure comment
    on Översikt."""
    youth = planned["youth"]
    goal = "Elsa går i skolan och har en trygg fritid."

    def set_goal(s):  # type: ignore[no-untyped-def]
        data = youth_detail(s, youth).data
        return update_youth(s, youth, replace(data, overall_goal=goal), today=TODAY)

    write(qtbot, window, set_goal)
    plan, overview = window.detail.plan, window.detail.overview
    qtbot.waitUntil(lambda: goal in plan.overall_goal.text(), timeout=20000)
    window.detail.show_tab(0)
    qtbot.waitUntil(lambda: overview.data is not None, timeout=20000)
    qtbot.waitUntil(lambda: overview.values["overall_goal"].text() == goal, timeout=20000)
    comment = "Familjen flyttar till Umeå i januari."
    write(
        qtbot,
        window,
        lambda s: close_youth(
            s, youth, closed_on=TODAY, reason=ClosureReason.MOVED, comment=comment, today=TODAY
        ),
    )
    qtbot.waitUntil(lambda: comment in overview.closed_banner.text(), timeout=20000)
    assert overview.closed_banner.isVisibleTo(overview)


def test_meeting_mode_fits_a_laptop_screen(qtbot, seeded, window) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """Issue 12.13: meeting mode opens inside the screen's free area (a title bar
    included), and at 1366×768 less a taskbar and a title bar (~690 px) its Föregående,
    Nästa punkt and Avsluta möte are on screen on every agenda item."""
    from PySide6.QtCore import QPoint, QRect

    from sigdesk.ui.screen_fit import FRAME_ALLOWANCE, fit_to_screen

    view = start_view(qtbot, window, seeded["youth"])
    free = view.screen().availableGeometry()
    assert view.width() + FRAME_ALLOWANCE.width() <= free.width()
    assert view.height() + FRAME_ALLOWANCE.height() <= free.height()

    laptop = QRect(0, 0, 1366, 768 - 40)  # a 40 px taskbar
    fit_to_screen(view, 1366, 768, free=laptop)
    assert view.height() + FRAME_ALLOWANCE.height() <= laptop.height()
    assert view.minimumSizeHint().height() <= view.height()
    for step in range(len(view.pages)):
        view.go_to(step)
        qtbot.wait(10)
        for button in (view.back_button, view.forward_button, view.finish_button):
            corner = button.mapTo(view, QPoint(button.width(), button.height()))
            assert button.isVisible()
            assert corner.y() <= view.height() and corner.x() <= view.width()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_wizard_names_its_button_and_keeps_its_fields_still(  # type: ignore[no-untyped-def]
    qtbot, tmp_path, make_ctx, memory_keyring, language: str
) -> None:
    """Issue 12.23: the last page names the button as it reads (Slutför / Finish);
    "Ange ditt namn." goes once a name is typed; a message or the passphrase hint
    appearing does not move the fields below it."""
    from PySide6.QtWidgets import QWizard

    from sigdesk.ui import i18n
    from sigdesk.ui.errors import ErrorPresenter
    from sigdesk.ui.ops import Ops
    from sigdesk.ui.wizard import FirstRunWizard

    i18n.install_language(language)
    presenter = ErrorPresenter()
    presenter.interactive = False
    ops = Ops(make_ctx(tmp_path / "ny.sigdesk"), presenter)
    try:
        wizard = FirstRunWizard(ops.ctx, ops)
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.next()
        profile = wizard.profile
        role_at = profile.role.y()
        wizard.next()  # no name: a message at the field
        assert profile.name_message.text() and profile.name_message.isVisible()
        qtbot.wait(10)
        assert profile.role.y() == role_at
        qtbot.keyClicks(profile.name, "Sam")
        assert not profile.name_message.text()
        profile.email.setText("inte-en-adress")
        profile.email.recheck()
        qtbot.wait(10)
        assert profile.role.y() == role_at
        profile.email.setText("")
        wizard.next()
        fields = wizard.passphrase.fields
        second_at = fields.second.y()
        qtbot.keyClicks(fields.first, "kort")
        qtbot.wait(10)
        assert fields.hint.text() and fields.second.y() == second_at
        fields.first.setText("fyra ord som jag minns")
        fields.second.setText("fyra ord som jag minns")
        wizard.passphrase.understood.setChecked(True)
        wizard.next()
        wizard.next()
        assert wizard.currentPage() is wizard.finish
        button = wizard.button(QWizard.WizardButton.FinishButton).text().replace("&", "")
        assert button == ("Slutför" if language == "sv" else "Finish")
        assert f" {button} " in wizard.finish.summary.text()
    finally:
        i18n.install_language("en")
        ops.shutdown()


def test_consent_matrix_fits_1366_without_scrolling_sideways(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    """Issue 12.25: a youth, two guardians and seven actors (long names among them) fit
    the Nätverk tab at 1366 px; headers and cells are short, tooltips hold the whole text."""
    from sigdesk.caseload import GuardianData, add_guardian
    from sigdesk.catalogues import ConsentGiver
    from sigdesk.consent import record_consent

    actors = [
        (ActorType.POLICE, "Polisen Söderort, Farsta närpolisområde", "Kim Berg", "010-123 45 67"),
        (ActorType.SCHOOL, "Farstaskolan högstadium", "Ola Lindqvist", "08-508 000 00"),
        (ActorType.BAS, "Stiftelsen Unga Vuxna Stockholm", "Mira Kontaktsson", "070-000 00 01"),
        (ActorType.FIELD_WORKERS, "Fältassistenterna Farsta", "Ali Fältare", "070-000 00 02"),
        (ActorType.FAMILY_TREATMENT, "Familjeenheten Söder", "Eva Familjesson", "070-000 00 03"),
        (ActorType.LABOUR_MARKET, "Jobbtorg Stockholm Unga", "Per Jobbsson", "070-000 00 04"),
        (ActorType.BUP, "BUP Järva öppenvårdsmottagning", "Eva Bupsson", "070-000 00 05"),
    ]

    def seed(s):  # type: ignore[no-untyped-def]
        data = YouthData("Elsa", "Exempel", status=YouthStatus.ACTIVE, start_date=date(2026, 11, 1))
        youth = add_youth(s, data, today=TODAY).created_id
        mother = add_guardian(s, youth, GuardianData("Lena Exempel-Lindholm", "Mamma")).created_id
        father = add_guardian(s, youth, GuardianData("Jonas Exempel", "Pappa")).created_id
        ids = []
        for kind, org, person, phone in actors:
            actor = add_actor(s, ActorData(kind, org, person, phone)).created_id
            add_to_network(s, youth, actor, today=TODAY)
            ids.append(actor)
        for giver, guardian, until in (
            (ConsentGiver.YOUTH, None, date(2027, 10, 1)),
            (ConsentGiver.GUARDIAN, mother, None),
            (ConsentGiver.GUARDIAN, father, date(2026, 11, 30)),
        ):
            record_consent(
                s,
                youth,
                given_by=giver,
                guardian_id=guardian,
                signed_on=date(2026, 10, 1),
                actor_ids=ids[:-1],
                valid_until=until,
                today=TODAY,
            )
        return changed(ChangeKind.YOUTH, ChangeKind.NETWORK, youth_id=youth)

    youth = write(qtbot, window, seed).youth_ids
    window.resize(1366, 690)
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() == 1, timeout=20000)
    window.open_youth(next(iter(youth)), 1)
    tab = window.detail.network
    qtbot.waitUntil(lambda: tab.data is not None, timeout=20000)
    wait_idle(qtbot, window)
    qtbot.wait(50)
    table, model = tab.network_table, tab.matrix
    assert window.detail.width() <= 700  # the detail pane's share of a 1366 px window
    assert table.horizontalScrollBar().maximum() == 0
    assert model.rowCount() == len(actors)
    from PySide6.QtCore import Qt

    tip = Qt.ItemDataRole.ToolTipRole
    assert "Lena Exempel-Lindholm" in model.headerData(3, Qt.Orientation.Horizontal, tip)
    police = next(
        r for r in range(model.rowCount()) if model.actor_at(r).actor_type is ActorType.POLICE
    )
    assert "2026-10-01" in model.index(police, 2).data(tip)  # signed, in the tooltip
    assert "2027-10-01" in model.index(police, 2).data()
    assert "Farsta närpolisområde" in model.index(police, 0).data(tip)


def test_save_dialogs_start_in_the_last_folder_else_documents(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, planned: dict[str, int], tmp_path, monkeypatch
) -> None:
    """Issue 12.16: the .ics and Word save dialogs start in Documents, then in the folder
    last saved to; settings.json holds that folder, never a file name."""
    import json
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    from sigdesk.documents.render import DocumentKind
    from sigdesk.ui.meeting_mode.exports import DocJob, DocumentExporter

    home = tmp_path / "hem"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    out = tmp_path / "Exporter"
    out.mkdir()
    asked: list[str] = []

    def save_dialog(_parent, _title, start, _filter, **_options):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(out / Path(start).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    window.export_all_ics()
    qtbot.waitUntil(lambda: (out / "sig-moten.ics").exists(), timeout=20000)
    assert Path(asked[0]) == home / "Documents" / "sig-moten.ics"
    window.detail.show_tab(3)
    window.detail.meetings.ask_export()
    assert Path(asked[1]).parent == out

    exporter = DocumentExporter(window.ops, window)
    assert exporter.folder == out
    word = tmp_path / "Word"
    word.mkdir()
    name = "Åtgärdsplan Elsa 2026-11-22.docx"
    with qtbot.waitSignal(exporter.written, timeout=20000):
        exporter.export(
            planned["youth"], [DocJob(DocumentKind.PLAN, word / name)], offer_open=False
        )
    assert DocumentExporter(window.ops, window).folder == word
    stored = json.loads(window.ctx.settings.path.read_text(encoding="utf-8"))
    assert stored["last_export_folder"] == str(word)
    assert "Elsa" not in json.dumps(stored) and ".docx" not in json.dumps(stored)


def test_switching_youth_empties_every_tab_that_showed_the_last_one(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    """A tab that showed Elsa shows nothing of her once Omar is selected, also while it is
    hidden; shown again, it loads Omar. (A tab that never showed anyone is not emptied
    again on every switch; that is only a saving.)"""
    from sigdesk.caseload import GuardianData, add_guardian

    ids: dict[str, int] = {}

    def seed(s):  # type: ignore[no-untyped-def]
        for key, first in (("elsa", "Elsa"), ("omar", "Omar")):
            data = YouthData(first, "Exempel", status=YouthStatus.ACTIVE, start_date=TODAY)
            ids[key] = add_youth(s, data, today=TODAY).created_id
        add_guardian(s, ids["elsa"], GuardianData("Vera Exempel", "mamma"))
        school = add_actor(s, ActorData(ActorType.SCHOOL, "Farstaskolan", "Ola Lind")).created_id
        add_to_network(s, ids["elsa"], school, today=TODAY)
        return changed(ChangeKind.YOUTH, youth_id=ids["elsa"])

    write(qtbot, window, seed)
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() == 2, timeout=20000)
    detail = window.detail
    window.open_youth(ids["elsa"], 1)  # network & consent
    qtbot.waitUntil(lambda: detail.network.data is not None, timeout=20000)
    assert detail.network.matrix.rowCount() == 1
    window.open_youth(ids["elsa"], 0)
    qtbot.waitUntil(lambda: detail.overview.guardians.rowCount() == 1, timeout=20000)
    assert detail.overview.values["school"].text() == "—"

    window.open_youth(ids["omar"], 0)
    assert detail.network.data is None and detail.network.matrix.rowCount() == 0
    assert detail.overview.guardians.rowCount() == 0  # before Omar's own data has come
    assert all(label.text() == "" for label in detail.overview.values.values())
    qtbot.waitUntil(lambda: detail.overview.data is not None, timeout=20000)
    assert detail.overview.data.data.first_name == "Omar"
    detail.show_tab(1)
    qtbot.waitUntil(lambda: detail.network.data is not None, timeout=20000)
    assert detail.network.matrix.rowCount() == 0  # Omar's network: empty
