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
    qtbot, window: MainWindow, planned: dict[str, int]
) -> None:
    """Issue 12.15: "Förslag på nästa möte" only while no meeting is planned."""
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
