"""Meeting mode: a whole meeting to minutes on disk, a killed process resumed, next-date rules."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document

from sigdesk.actors import ActorData, add_actor, add_to_network
from sigdesk.caseload import (
    GuardianData,
    ProfileData,
    YouthData,
    add_guardian,
    add_youth,
    save_profile,
)
from sigdesk.catalogues import (
    ActorType,
    ConsentGiver,
    LifeArea,
    WorkerRole,
    YouthStatus,
)
from sigdesk.consent import record_consent
from sigdesk.meetings import MeetingData, plan_meeting
from sigdesk.plans import ActionData, GoalData, SubGoalData, add_action, add_goal, add_subgoal
from sigdesk.store.open import open_caseload
from tests.conftest import PASSPHRASE, TODAY

ROOT = Path(__file__).resolve().parents[2]
MEETING_DAY = date(2026, 11, 20)


@pytest.fixture
def seeded(caseload_path: Path) -> dict[str, int]:
    """Elias: mother, police (consent) and school (no consent), a goal, a delmål, an action,
    and a meeting planned for 2026-11-20 14:00 (two days before the tests' today)."""
    caseload = open_caseload(caseload_path)
    with caseload.session_scope() as s:
        save_profile(s, ProfileData("Sam Exempelsson", WorkerRole.COORDINATOR, "Farsta sdf"))
        data = YouthData(
            "Elias", "Exempel", status=YouthStatus.ACTIVE, start_date=date(2026, 10, 1)
        )
        youth = add_youth(s, data, today=TODAY).created_id
        assert youth is not None
        add_guardian(s, youth, GuardianData("Lena Exempel", "Mamma"))
        police = add_actor(
            s, ActorData(ActorType.POLICE, "Polisen Söderort", "Kim Berg")
        ).created_id
        school = add_actor(s, ActorData(ActorType.SCHOOL, "Farstaskolan", "Ola Lind")).created_id
        for actor in (police, school):
            add_to_network(s, youth, actor, today=TODAY)
        record_consent(
            s,
            youth,
            given_by=ConsentGiver.YOUTH,
            signed_on=date(2026, 10, 1),
            actor_ids=[police],
            today=TODAY,
        )
        goal = add_goal(s, youth, GoalData(LifeArea.SCHOOL, "Gå i skolan varje dag")).created_id
        add_subgoal(s, goal, SubGoalData("Komma i tid", date(2026, 12, 1)), today=TODAY)
        add_action(s, goal, ActionData("Väckning kl. 7", school, "Ola Lind"), today=TODAY)
        meeting = plan_meeting(
            s,
            youth,
            MeetingData(datetime(2026, 11, 20, 14, 0), 90, "Farstaskolan", "Sam", "Sam"),
            today=date(2026, 11, 1),
        ).created_id
    caseload.close()
    return {"youth": youth, "meeting": meeting, "police": police, "school": school}


def start_view(qtbot, window, youth: int):  # type: ignore[no-untyped-def]
    window.open_youth(youth, 3)
    tab = window.detail.meetings
    qtbot.waitUntil(lambda: tab.data is not None, timeout=20000)
    with qtbot.waitSignal(tab.meeting_started, timeout=20000) as blocker:
        tab.start_meeting()
    return blocker.args[0]  # a window owned by the main window


def fill_attendance(view) -> None:  # type: ignore[no-untyped-def]
    keys = list(view.attendance.groups)
    codes = ["narvarande", "forhinder", "narvarande", "franvarande"]
    for key, code in zip(keys, codes, strict=True):
        view.attendance.set_status(key, code)


def fill_followups(view) -> list[str]:  # type: ignore[no-untyped-def]
    comments = []
    for n, (status, comment) in enumerate(view.followups.rows.values()):
        status.setCurrentIndex(status.findData(["delvis_uppnatt", "pagar", "uppnatt"][n % 3]))
        comments.append(f"Kommentar nummer {n + 1}")
        comment.setText(comments[-1])
    return comments


def wait_done(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.ops.pending == 0, timeout=20000)


def doc_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [" | ".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n".join(parts)


def test_a_whole_meeting_from_start_to_minutes_on_disk(  # type: ignore[no-untyped-def]
    qtbot, seeded, window, tmp_path
) -> None:
    view = start_view(qtbot, window, seeded["youth"])
    assert view.pages[0].number == 1 and len(view.pages) == 8
    assert view.font().pointSizeF() > window.font().pointSizeF()  # readable across the table

    view.finish()  # nothing recorded yet: attendance is the first thing missing
    wait_done(qtbot, window)
    assert view.current_step == 0 and "Närvaro" in view.problem.text()
    assert view.pages[0].problem.isVisible()
    fill_attendance(view)
    assert view.presence_warning.text() == ""  # the school (no consent) is absent
    school = f"aktor:{seeded['school']}"
    view.attendance.set_status(school, "narvarande")
    assert "Ola Lind" in view.presence_warning.text() and view.presence_warning.isVisibleTo(view)
    view.attendance.set_status(school, "franvarande")
    assert view.presence_warning.text() == ""
    view.finish()
    wait_done(qtbot, window)
    assert view.current_step == 3 and "Uppföljning" in view.problem.text()
    comments = fill_followups(view)
    items = view.new_items
    items.goal_choice.setCurrentIndex(0)
    items.what.setText("Boka möte med BUP")
    items.actor.setCurrentIndex(items.actor.findData(seeded["school"]))
    items.due.setText("2026-12-10")
    items.add_action()
    view.pages[2].notes.setPlainText("Skolnärvaron har ökat")
    view.decisions.setPlainText("Skolan ordnar läxhjälp")
    proposal = view.start.next.proposal.starts_at
    assert view.next_meeting.day.text() == proposal.date().isoformat()  # preselected
    with qtbot.waitSignal(view.finished, timeout=20000) as done:
        view.finish()
    assert done.args[0].created_id is not None

    panel = view.finish_panel
    out = tmp_path / "ut"
    out.mkdir()
    suggested: list[Path] = []
    opened: list[Path] = []
    panel.exporter.choose_path = lambda p: suggested.append(p) or out / p.name
    panel.exporter.open_url = opened.append
    panel.plan.setChecked(True)
    with qtbot.waitSignal(panel.files_written, timeout=20000) as written:
        panel.save()
    assert suggested[0].name == "Minnesanteckningar Elias 2026-11-20.docx"
    names = sorted(p.name for p in written.args[0])
    assert names == [
        "Minnesanteckningar Elias 2026-11-20.docx",
        f"Nästa möte Elias {proposal.date().isoformat()}.ics",
        "Åtgärdsplan Elias 2026-11-22.docx",
    ]
    assert opened == [out / "Minnesanteckningar Elias 2026-11-20.docx"]
    assert "Ola Lind" in panel.result.text()  # the school was left out, and the panel says so
    text = doc_text(out / "Minnesanteckningar Elias 2026-11-20.docx")
    for line in ("Elias Exempel", "Lena Exempel", "Kim Berg"):
        assert line in text
    assert "Ola Lind" not in text  # the school has no consent: not in Närvaro (SPEC §5)
    assert "Aktör utan samtycke" in text  # the new action the school is responsible for
    for status in ("Närvarande", "Förhinder"):
        assert status in text
    for comment in comments:
        assert comment in text
    for what in ("Gå i skolan varje dag", "Komma i tid", "Väckning kl. 7", "Boka möte med BUP"):
        assert what in text
    assert "Skolnärvaron har ökat" in text and "Skolan ordnar läxhjälp" in text
    assert proposal.date().isoformat() in text
    paragraphs = [
        p.text for p in Document(str(out / "Minnesanteckningar Elias 2026-11-20.docx")).paragraphs
    ]
    distribution = "\n".join(paragraphs[paragraphs.index("Sändlista") :])  # valid consent only
    assert "Kim Berg" in distribution and "Ola Lind" not in distribution
    assert (out / f"Nästa möte Elias {proposal.date().isoformat()}.ics").read_text().count(
        "BEGIN:VEVENT"
    ) == 1


def test_next_date_rules(qtbot, seeded, window) -> None:  # type: ignore[no-untyped-def]
    view = start_view(qtbot, window, seeded["youth"])
    nxt = view.next_meeting
    proposal = view.start.next.proposal.starts_at
    assert nxt.day.text() == proposal.date().isoformat()
    assert view.start.next.deadline == date(2026, 12, 25)
    fill_attendance(view)
    fill_followups(view)

    nxt.day.setText("2026-11-02")  # in the past: refused where typed and at finish
    assert "past" in nxt.message.text() and not nxt.message.isHidden()
    view.finish()
    assert view.current_step == 7 and "bakåt" in view.pages[7].problem.text()

    nxt.day.setText("2027-01-08")  # past the deadline: confirmation and a reason
    assert not nxt.late.isHidden() and not nxt.confirm_late.isHidden()
    view.finish()
    assert view.current_step == 7 and "tidsgränsen" in view.problem.text()
    nxt.confirm_late.setChecked(True)
    view.finish()
    assert "tidsgränsen" in view.problem.text()  # a reason is needed too
    nxt.reason.setText("Jullov, skolan är stängd")
    with qtbot.waitSignal(view.finished, timeout=20000):
        view.finish()

    from sigdesk.meetings import get_meeting, planned_meetings
    from sigdesk.models import Meeting

    result: list[object] = []

    def read(s):  # type: ignore[no-untyped-def]
        held = s.get(Meeting, seeded["meeting"])
        return (
            held.decisions,
            planned_meetings(s, youth_id=seeded["youth"])[0].starts_at,
            get_meeting(s, seeded["meeting"]).status,
        )

    window.ops.query(read, result.append)
    qtbot.waitUntil(lambda: bool(result), timeout=20000)
    decisions, next_at, status = result[0]  # type: ignore[misc]
    assert "Jullov, skolan är stängd" in decisions and "2025-12-25" not in decisions
    assert next_at.date() == date(2027, 1, 8) and status.value == "genomfort"


def test_prepare_lists_the_invited_and_a_broken_template_offers_the_builtin(  # type: ignore[no-untyped-def]
    qtbot, seeded, window, tmp_path
) -> None:
    from sigdesk import settings as st

    broken = tmp_path / "mallar"
    broken.mkdir()
    (broken / "kallelse.docx").write_bytes(b"not a word file")
    window.ctx.settings.set(st.TEMPLATE_FOLDER, str(broken))
    window.open_youth(seeded["youth"], 3)
    tab = window.detail.meetings
    qtbot.waitUntil(lambda: tab.data is not None, timeout=20000)
    assert tab.prepare_meeting() is None  # 2026-11-20 has passed unrecorded: not the next
    tab.table.selectRow(0)  # chosen by hand, it can still be prepared
    dialog = tab.prepare_meeting()
    qtbot.waitUntil(lambda: hasattr(dialog, "invited"), timeout=20000)
    assert any("Kim Berg" in line for line in dialog.invited.send_to)
    assert [line.split(" — ")[0] for line in dialog.invited.left_off] == ["Ola Lind"]
    assert "Ola Lind" in dialog.left_off.text()
    dialog.exporter.choose_path = lambda p: tmp_path / p.name
    with qtbot.waitSignal(dialog.exporter.written, timeout=20000) as written:
        dialog.write_documents()  # the custom template fails; "use the built-in?" → yes
    assert sorted(p.name for p in written.args[0]) == [
        "Dagordning Elias 2026-11-20.docx",
        "Kallelse Elias 2026-11-20.docx",
    ]
    assert "Elias" in doc_text(tmp_path / "Kallelse Elias 2026-11-20.docx")


CHILD = r"""
import os, sys
from datetime import date
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication
app = QApplication([])
from sigdesk.clock import Clock
from sigdesk.context import AppContext
from sigdesk.settings import Settings
from sigdesk.ui.errors import ErrorPresenter
from sigdesk.ui.ops import Ops
from sigdesk.ui.meeting_mode import start_meeting

presenter = ErrorPresenter()
presenter.interactive = False
ops = Ops(AppContext(Path({path!r}), Settings(), clock=Clock(date(2026, 11, 22))), presenter)
state = {{}}
ops.call(lambda c: c.open(passphrase={passphrase!r}), lambda _r: state.update(open=True))
while "open" not in state and presenter.last is None:
    app.processEvents()
start_meeting(ops, {meeting}, None, opened=lambda v: state.update(view=v))
while "view" not in state and presenter.last is None:
    app.processEvents()
if presenter.last is not None:
    print("error", presenter.last, flush=True)
    sys.exit(1)
view = state["view"]
for key, group in view.attendance.groups.items():
    view.attendance.set_status(key, "narvarande")
for n, (status, comment) in enumerate(view.followups.rows.values()):
    status.setCurrentIndex(status.findData("pagar"))
    comment.setText(f"Dödad kommentar {{n}}")
from PySide6.QtTest import QTest
view.go_to(2)
view.pages[2].notes.setFocus()
QTest.keyClicks(view.pages[2].notes, "Skrevs innan strommen gick")
view.pages[2].notes.insertPlainText(", åäö")
view.decisions.setPlainText("Beslut som inte får försvinna")
view.new_items.what.setText("Ny åtgärd före kraschen")
view.new_items.add_action()
view.autosaved.connect(lambda: print("saved", flush=True))
while True:
    app.processEvents()
"""


def test_a_killed_meeting_is_resumed_with_nothing_lost(  # type: ignore[no-untyped-def]
    qtbot, seeded, caseload_path, ctx, qapp
) -> None:
    script = CHILD.format(
        root=str(ROOT), path=str(caseload_path), passphrase=PASSPHRASE, meeting=seeded["meeting"]
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(child.stdout.readline, "")))
    reader.daemon = True
    reader.start()
    try:
        qtbot.waitUntil(
            lambda: any("saved" in line for line in lines) or child.poll() is not None,
            timeout=30000,
        )
    finally:
        os.kill(child.pid, signal.SIGKILL)  # the process, not just the window
        child.wait(timeout=10)
        assert child.returncode == -signal.SIGKILL, (lines, child.stderr.read())

    from sigdesk.ui.errors import ErrorPresenter
    from sigdesk.ui.main_window import MainWindow
    from sigdesk.ui.ops import Ops

    presenter = ErrorPresenter()
    presenter.interactive = False
    ops = Ops(ctx, presenter)
    try:
        window = MainWindow(ctx, ops)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.caseload_loaded, timeout=20000):
            window.start_open()
        window.open_youth(seeded["youth"])  # builds the tabs; the resume offer comes after
        with qtbot.waitSignal(window.detail.meetings.meeting_started, timeout=20000) as blocker:
            pass  # the offer is answered yes
        view = blocker.args[0]
        assert set(view.attendance.values().values()) == {"narvarande"}
        assert len(view.attendance.values()) == 4
        assert [c for _s, c in view.followups.values().values()] == [
            f"Dödad kommentar {n}" for n in range(3)
        ]
        assert {s for s, _c in view.followups.values().values()} == {"pagar"}
        assert view.pages[2].notes.toPlainText() == "Skrevs innan strommen gick, åäö"
        assert view.decisions.toPlainText() == "Beslut som inte får försvinna"
        assert [a["what"] for a in view.new_items.new_actions] == ["Ny åtgärd före kraschen"]
        assert view.current_step == 2
        view.close()
        qtbot.waitUntil(lambda: ops.pending == 0, timeout=20000)
    finally:
        ops.shutdown()


def test_discarding_the_notes_keeps_the_meeting_planned(qtbot, seeded, window) -> None:  # type: ignore[no-untyped-def]
    """A meeting started by mistake: its typed notes are thrown away after a yes, the
    meeting stays planned, and the Möten tab stops saying "unfinished"."""
    from sigdesk.catalogues import MeetingStatus
    from sigdesk.meeting_drafts import load_draft
    from sigdesk.meetings import get_meeting

    view = start_view(qtbot, window, seeded["youth"])
    view.pages[0].notes.setPlainText("Skrevs av misstag")
    with qtbot.waitSignal(view.autosaved, timeout=20000):
        view.save_now()
    tab = window.detail.meetings
    qtbot.waitUntil(lambda: bool(tab.data and tab.data.drafts), timeout=20000)
    assert tab.draft_banner.isVisible()
    assert view.discard()  # the question is answered yes (tests/ui/conftest.py)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=20000)
    wait_done(qtbot, window)
    qtbot.waitUntil(lambda: tab.data is not None and not tab.data.drafts, timeout=20000)
    assert not tab.draft_banner.isVisible()
    with window.ops.ctx.session_scope() as s:
        assert load_draft(s, seeded["meeting"]) is None
        assert get_meeting(s, seeded["meeting"]).status is MeetingStatus.PLANNED
