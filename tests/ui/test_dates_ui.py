"""Dates in the window (issue 12): days off named before saving, the calendar's deadline after
a meeting is held, due dates in meeting mode, the real start time, the app clock, livsområden
by track, dates that do not exist, and the one proposal everywhere."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from sigdesk.caseload import YouthData, add_youth
from sigdesk.catalogues import LifeArea, Track, YouthStatus
from sigdesk.clock import Clock
from sigdesk.meetings import MeetingData, plan_meeting
from sigdesk.models import Goal
from sigdesk.plans import ActionData, GoalData, add_action, add_goal
from sigdesk.store.open import open_caseload
from tests.conftest import TODAY  # Sun 2026-11-22

TAB_PLAN, TAB_MEETINGS = 2, 3


@pytest.fixture
def seeded(caseload_path: Path) -> dict[str, int]:
    """Alva (SIG unga, start 2026-10-20, D = 2026-11-24): a goal with an action due 2026-12-10,
    a planned meeting on Fri 2026-11-20 10:00; Bo (SIG unga, start 2026-09-01): overdue, and an
    Ekonomi goal written before the rule; Cleo (unga vuxna) with a meeting on Wed 2026-11-25."""
    caseload = open_caseload(caseload_path)
    with caseload.session_scope() as s:

        def youth(first: str, start: date, track: Track = Track.YOUTH) -> int:
            data = YouthData(
                first, "Exempel", status=YouthStatus.ACTIVE, track=track, start_date=start
            )
            created = add_youth(s, data, today=start).created_id
            assert created is not None
            return created

        alva = youth("Alva", date(2026, 10, 20))
        goal = add_goal(s, alva, GoalData(LifeArea.SCHOOL, "Gå i skolan")).created_id
        assert goal is not None
        add_action(s, goal, ActionData("Läxhjälp", None, "Mentor", date(2026, 12, 10)), today=TODAY)
        at = datetime(2026, 11, 20, 10, 0)
        meeting = plan_meeting(s, alva, MeetingData(at, 90, "Skolan"), today=date(2026, 11, 1))
        bo = youth("Bo", date(2026, 9, 1))
        s.add(Goal(youth_id=bo, life_area=LifeArea.ECONOMY, description="Sommarjobb", position=1))
        cleo = youth("Cleo", date(2026, 11, 2), Track.YOUNG_ADULTS)
        later = MeetingData(datetime(2026, 11, 25, 9, 0), 90, "Kontoret")
        planned = plan_meeting(s, cleo, later, today=date(2026, 11, 2))
    caseload.close()
    return {
        "alva": alva,
        "meeting": meeting.created_id or 0,
        "bo": bo,
        "cleo": cleo,
        "cleo_meeting": planned.created_id or 0,
    }


def wait_done(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.ops.pending == 0, timeout=20000)


def meetings_tab(qtbot, window, youth: int):  # type: ignore[no-untyped-def]
    window.open_youth(youth, TAB_MEETINGS)
    tab = window.detail.meetings
    qtbot.waitUntil(lambda: tab.data is not None and tab.youth_id == youth, timeout=20000)
    wait_done(qtbot, window)
    return tab


def start_view(qtbot, window, youth: int):  # type: ignore[no-untyped-def]
    tab = meetings_tab(qtbot, window, youth)
    with qtbot.waitSignal(tab.meeting_started, timeout=20000) as blocker:
        tab.start_meeting()
    wait_done(qtbot, window)
    return blocker.args[0]


def read(qtbot, window, fn):  # type: ignore[no-untyped-def]
    result: list[object] = []
    window.ops.query(fn, result.append)
    qtbot.waitUntil(lambda: bool(result), timeout=20000)
    return result[0]


# --- point 10: a date typed on a weekend or holiday is named, asked about, then allowed ----


def test_a_meeting_on_annandag_jul_is_named_and_asked_about(qtbot, seeded, window) -> None:  # type: ignore[no-untyped-def]
    tab = meetings_tab(qtbot, window, seeded["alva"])
    dialog = tab.plan_meeting()
    dialog.day.setText("2026-12-26")
    assert dialog.day_off.text() == "2026-12-26 is annandag jul (lördag), not a working day."
    assert not dialog.day_off.isHidden()
    asked: list[str] = []
    dialog.confirm_day_off = lambda off: asked.append(off.name) or False  # "No"
    dialog.accept()
    wait_done(qtbot, window)
    assert asked == ["annandag jul (lördag)"] and dialog.isVisible()
    assert dialog._messages["Datum"].text() == "Choose another day."
    dialog.confirm_day_off = lambda off: True  # "Yes, on that day anyway"
    with qtbot.waitSignal(dialog.saved, timeout=20000):
        dialog.accept()
    wait_done(qtbot, window)
    assert any(m.starts_at.date() == date(2026, 12, 26) for m in tab.model.rows)
    dialog = tab.plan_meeting()
    dialog.day.setText("2026-12-21")  # a Monday: nothing to say, nothing asked
    dialog.confirm_day_off = lambda off: pytest.fail("asked on a workday")
    assert dialog.day_off.isHidden()


# --- point 11: the calendar's deadline moves as soon as the meeting is held ----------------


def test_the_calendar_shows_the_new_deadline_right_after_a_meeting_is_held(  # type: ignore[no-untyped-def]
    qtbot, seeded, window
) -> None:
    from PySide6.QtCore import QDate

    from sigdesk.catalogues import AttendanceStatus
    from sigdesk.meeting_drafts import MeetingFinish, finish_meeting
    from sigdesk.meetings import MeetingOutcome, participants_of
    from sigdesk.plans import PlanStatus, open_items

    tab = meetings_tab(qtbot, window, seeded["alva"])
    old, new = QDate(2026, 11, 24), QDate(2026, 12, 25)
    assert tab.calendar.dateTextFormat(old).fontUnderline()
    assert "2026-11-24" in tab.legend.text()

    def hold(s):  # type: ignore[no-untyped-def]
        youth = seeded["alva"]
        present = {p.participant: AttendanceStatus.PRESENT for p in participants_of(s, youth)}
        followups = {i: (PlanStatus.ONGOING, "") for i in open_items(s, youth)}
        finish = MeetingFinish(MeetingOutcome(present, followups))
        return finish_meeting(s, seeded["meeting"], finish, today=TODAY)

    window.ops.write(hold, lambda _c: None)
    wait_done(qtbot, window)
    qtbot.waitUntil(lambda: "2026-12-25" in tab.legend.text(), timeout=20000)
    wait_done(qtbot, window)
    assert tab.calendar.dateTextFormat(new).fontUnderline()
    assert not tab.calendar.dateTextFormat(old).fontUnderline()
    assert "2026-11-24" not in tab.legend.text()


# --- point 12: "vem gör vad till när" shows the due dates of existing actions --------------


def test_meeting_mode_shows_the_due_dates_of_existing_actions(qtbot, seeded, window) -> None:  # type: ignore[no-untyped-def]
    view = start_view(qtbot, window, seeded["alva"])
    view._fill_summary()
    line = next(x for x in view.summary.text().splitlines() if "Läxhjälp" in x)
    assert "2026-12-10" in line
    labels = [w.text() for w in view.followups.findChildren(type(view.summary))]
    assert any("Läxhjälp" in t and "Done by: 2026-12-10" in t for t in labels)
    view.done = True
    view.close()


# --- point 7 and 21: the actual start time, the app clock ----------------------------------


def test_moving_a_later_meeting_to_today_records_the_actual_start(qtbot, seeded, window) -> None:  # type: ignore[no-untyped-def]
    window.ops.ctx.clock = Clock(TODAY, datetime(2026, 11, 22, 15, 22, 41))
    view = start_view(qtbot, window, seeded["cleo"])  # planned Wed 2026-11-25 09:00

    from sigdesk.meetings import get_meeting

    moved = read(qtbot, window, lambda s: get_meeting(s, seeded["cleo_meeting"]).starts_at)
    assert moved == datetime(2026, 11, 22, 15, 22)
    assert view.start.starts_at == datetime(2026, 11, 22, 15, 22)
    assert view.start.next.proposal.starts_at.time().isoformat() == "15:15:00"  # a quarter
    view.done = True
    view.close()


def test_the_draft_says_when_it_was_saved_by_the_app_clock(qtbot, seeded, window) -> None:  # type: ignore[no-untyped-def]
    window.ops.ctx.clock = Clock(TODAY, datetime(2026, 11, 22, 4, 7, 9))
    view = start_view(qtbot, window, seeded["alva"])
    view.decisions.setPlainText("Läxhjälp två dagar i veckan")
    with qtbot.waitSignal(view.autosaved, timeout=20000):
        view.save_now()
    assert "04:07:09" in view.save_state.text()
    view.done = True
    view.close()


# --- point 22: Ekonomi for SIG unga vuxna only ----------------------------------------------


def _areas(combo) -> list[str]:  # type: ignore[no-untyped-def]
    return [combo.itemText(i) for i in range(combo.count())]


def test_ekonomi_is_offered_only_to_unga_vuxna_and_kept_on_older_goals(  # type: ignore[no-untyped-def]
    qtbot, seeded, window
) -> None:
    window.open_youth(seeded["alva"], TAB_PLAN)
    plan = window.detail.plan
    for youth, offered in ((seeded["alva"], False), (seeded["cleo"], True)):
        window.open_youth(youth, TAB_PLAN)
        qtbot.waitUntil(lambda y=youth: plan.data is not None and plan.youth_id == y, timeout=20000)
        dialog = plan.new_goal()
        assert ("Ekonomi" in _areas(dialog.life_area)) is offered
        assert "Skola/sysselsättning" in _areas(dialog.life_area)
        dialog.reject()
    window.open_youth(seeded["bo"], TAB_PLAN)
    qtbot.waitUntil(lambda: plan.data is not None and plan.youth_id == seeded["bo"], timeout=20000)
    assert [g.life_area for g in plan.data.goals] == [LifeArea.ECONOMY]
    area = plan.model.index(0, 0)  # the livsområde row; its first child is the goal
    plan.tree.setCurrentIndex(plan.model.index(0, 0, area))
    dialog = plan.edit_selected()
    assert dialog.life_area.value() is LifeArea.ECONOMY  # readable and editable as it is
    dialog.description.setPlainText("Sommarjobb och sparande")
    with qtbot.waitSignal(dialog.saved, timeout=20000):
        dialog.accept()
    wait_done(qtbot, window)


def test_meeting_mode_offers_no_ekonomi_and_takes_a_half_typed_date(qtbot, seeded, window) -> None:  # type: ignore[no-untyped-def]
    view = start_view(qtbot, window, seeded["alva"])
    assert "Ekonomi" not in _areas(view.new_items.area)
    nxt = view.next_meeting
    for typed in ("2", "20", "2026-1", "2026-12-3", "2026-12-32"):  # typing, char by char
        nxt.day.setText(typed)
    assert "✓" not in view.agenda.item(7).text()  # half-typed dates are no crash, no tick
    nxt.day.setText("2026-12-24")
    assert nxt.day_off.text() == "2026-12-24 is julafton, not a working day."
    view.done = True
    view.close()


# --- point 24: a date that does not exist says so ------------------------------------------


def test_a_birth_date_that_does_not_exist_says_so(window) -> None:  # type: ignore[no-untyped-def]
    dialog = window.new_youth()
    dialog.birth_date.setText("2010-02-30")
    assert dialog.birth_date.recheck() == (
        "The date 2010-02-30 does not exist: the month has 28 days."
    )
    dialog.birth_date.setText("2010-13-01")
    assert "does not exist" in dialog.birth_date.recheck()
    dialog.birth_date.setText("2010-2-3")
    assert dialog.birth_date.recheck() == "Write the date as YYYY-MM-DD, e.g. 2026-11-22."
    dialog.confirm_discard = lambda: True
    dialog.reject()


# --- point 9: the same proposal in the Möten tab and meeting mode; a date when overdue ------


def test_the_meetings_tab_and_meeting_mode_agree(qtbot, seeded, window) -> None:  # type: ignore[no-untyped-def]
    overdue = meetings_tab(qtbot, window, seeded["bo"])
    assert overdue.data.proposal.starts_at == datetime(2026, 11, 23, 9, 0)  # Mon, tomorrow
    assert overdue.proposal.text().startswith("Proposed next meeting: ")

    view = start_view(qtbot, window, seeded["alva"])  # held 2026-11-20 10:00 → D = 12-25
    in_mode = view.start.next.proposal
    assert in_mode.starts_at == datetime(2026, 12, 18, 10, 0)  # Fri, a week before juldagen
    assert view.next_meeting.day.text() == "2026-12-18"
    view.next_meeting.plan.setChecked(False)
    view.attendance.set_values({k: "narvarande" for k in view.attendance.groups})
    for status, _comment in view.followups.rows.values():
        status.setCurrentIndex(status.findData("pagar"))
    with qtbot.waitSignal(view.finished, timeout=20000):
        view.finish()
    wait_done(qtbot, window)
    tab = window.detail.meetings
    qtbot.waitUntil(lambda: tab.data.proposal.deadline == date(2026, 12, 25), timeout=20000)
    assert tab.data.proposal == in_mode


def test_the_margin_is_a_setting(qtbot, seeded, window) -> None:  # type: ignore[no-untyped-def]
    from sigdesk import settings as s
    from sigdesk.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.ops, window)
    qtbot.addWidget(dialog)
    assert dialog.margin.value() == 7
    dialog.name.setText("Sam Exempelsson")
    dialog.margin.setValue(0)
    with qtbot.waitSignal(dialog.saved, timeout=20000):
        dialog.accept()
    assert window.ops.ctx.settings.get(s.PROPOSAL_MARGIN_DAYS) == 0
    tab = meetings_tab(qtbot, window, seeded["cleo"])
    tab.reload()
    wait_done(qtbot, window)
    proposal = tab.data.proposal  # Cleo: start 2026-11-02, D = 2026-12-07 (Mon)
    assert proposal.starts_at is not None and proposal.starts_at.date() == date(2026, 12, 7)
