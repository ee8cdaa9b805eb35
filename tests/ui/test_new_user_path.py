"""The whole path of a new user: wizard → unlock → youth → actors and consent → a meeting,
and the deadline badge and the "Att göra" panel say the right thing at each step."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QWizard

from sigdesk.catalogues import ActorType, WorkerRole, YouthStatus
from sigdesk.idnumber import luhn_digit
from sigdesk.ui.caseload_model import DEADLINE, NAME
from sigdesk.ui.errors import ErrorPresenter
from sigdesk.ui.main_window import MainWindow
from sigdesk.ui.ops import Ops
from sigdesk.ui.wizard import FirstRunWizard
from tests.conftest import PASSPHRASE, TODAY

START = TODAY - timedelta(days=30)  # deadline = start + 35 = TODAY + 5: "snart"
MEETING_DAY = TODAY + timedelta(days=3)  # Wednesday 2026-11-25, before the deadline


def fictional_personnummer() -> str:
    nine = "100501980"  # born 2010-05-01, a födelsenummer from the test range
    return f"20{nine[:6]}-{nine[6:]}{luhn_digit(nine)}"


def save_and_wait(qtbot, dialog, ops: Ops) -> None:  # type: ignore[no-untyped-def]
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not dialog.isVisible() and ops.pending == 0, timeout=20000)


def todo_kinds(window: MainWindow) -> set[str]:
    return {item.kind.value for item in window.todo.model.rows}


def run_wizard(qtbot, make_ctx, path: Path, presenter: ErrorPresenter) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(path)
    ops = Ops(ctx, presenter)
    wizard = FirstRunWizard(ctx, ops)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentPage() is wizard.profile
    wizard.next()  # no name yet: stays, with a message at the field
    assert wizard.currentPage() is wizard.profile
    assert wizard.profile.name_message.text()
    wizard.profile.name.setText("Sam Exempelsson")
    wizard.profile.role.set_value(WorkerRole.COORDINATOR)
    wizard.profile.email.setText("sam.exempelsson@exempel.se")
    wizard.next()
    page = wizard.passphrase
    assert wizard.currentPage() is page
    page.fields.first.setText(PASSPHRASE)
    page.fields.second.setText(PASSPHRASE + "x")
    assert not page.isComplete()  # the "kept it safe" box is not ticked
    page.understood.setChecked(True)
    wizard.next()  # the two differ
    assert wizard.currentPage() is page
    page.fields.second.setText(PASSPHRASE)
    wizard.next()
    assert wizard.currentPage() is wizard.location
    assert wizard.location.chosen() == path
    wizard.next()
    with qtbot.waitSignal(wizard.accepted, timeout=30000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert path.exists()
    assert ctx.is_open
    ops.shutdown()  # the worker closes the caseload
    assert not ctx.is_open


def test_new_user_path(qtbot, tmp_path: Path, make_ctx, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    presenter = ErrorPresenter()
    presenter.interactive = False
    path = tmp_path / "ny" / "caseload.sigdesk"
    run_wizard(qtbot, make_ctx, path, presenter)

    # A new start: the keyring unlocks without a prompt.
    ctx = make_ctx(path)
    ops = Ops(ctx, presenter)
    window = MainWindow(ctx, ops)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignals([window.caseload_loaded, window.todo_loaded], timeout=20000):
        window.start_open()
    assert window.pages.currentWidget() is window.workspace
    assert window.caseload.model.rowCount() == 0
    assert window.caseload.stack.currentWidget() is window.caseload.empty

    # Add a youth, active for 30 days: the deadline is five days away.
    dialog = window.new_youth()
    dialog.first_name.setText("Alva")
    dialog.last_name.setText("Exempel")
    dialog.personnummer.setText(fictional_personnummer())
    dialog.status.set_value(YouthStatus.ACTIVE)
    dialog.start_date.set_value(START)
    save_and_wait(qtbot, dialog, ops)
    qtbot.waitUntil(lambda: window.detail.youth_id is not None, timeout=20000)
    pane = window.caseload
    assert pane.proxy.index(0, NAME).data() == "Alva Exempel"
    assert pane.proxy.index(0, DEADLINE).data() == "Snart · 5 d"
    qtbot.waitUntil(lambda: "snart" in todo_kinds(window), timeout=20000)
    assert "aktor_saknas" in todo_kinds(window)
    assert "Snart" in window.detail.header.badge.text()

    # Police and school from the address book's "new actor", straight into the network.
    detail = window.detail
    detail.tabs.setCurrentWidget(detail.network)
    qtbot.waitUntil(lambda: detail.network.data is not None, timeout=20000)
    assert detail.network.missing_banner.isVisible()
    for kind, org in ((ActorType.POLICE, "Polisen Söderort"), (ActorType.SCHOOL, "Farstaskolan")):
        actor = detail.network.new_actor()
        actor.actor_type.set_value(kind)
        actor.organisation.setText(org)
        save_and_wait(qtbot, actor, ops)
    qtbot.waitUntil(lambda: len(detail.network.data.network) == 2, timeout=20000)
    assert not detail.network.missing_banner.isVisible()
    assert detail.network.consent_banner.isVisible()  # nobody covered yet
    qtbot.waitUntil(lambda: "aktor_saknas" not in todo_kinds(window), timeout=20000)
    assert "samtycke_saknas" in todo_kinds(window)

    # The youth's consent covering both actors.
    consent = detail.network.record_consent()
    assert consent.actors.rowCount() == 2
    save_and_wait(qtbot, consent, ops)
    qtbot.waitUntil(lambda: len(detail.network.data.consents) == 1, timeout=20000)
    assert detail.network.data.covered == {a.id for a in detail.network.data.network}
    assert not detail.network.consent_banner.isVisible()
    qtbot.waitUntil(lambda: "samtycke_saknas" not in todo_kinds(window), timeout=20000)

    # Plan the meeting inside the deadline: the badge turns "I tid", the todo item goes.
    detail.tabs.setCurrentWidget(detail.meetings)
    qtbot.waitUntil(lambda: detail.meetings.data is not None, timeout=20000)
    proposal = detail.meetings.data.proposal
    assert proposal.starts_at is not None
    assert START + timedelta(days=21) <= proposal.starts_at.date() <= START + timedelta(days=35)
    meeting = detail.meetings.plan_meeting()
    assert meeting.day.value_or_none() == proposal.starts_at.date()
    meeting.day.set_value(MEETING_DAY)
    meeting.place.setText("Farstaskolan")
    save_and_wait(qtbot, meeting, ops)
    qtbot.waitUntil(lambda: pane.proxy.index(0, DEADLINE).data() == "I tid · 5 d", timeout=20000)
    qtbot.waitUntil(lambda: "snart" not in todo_kinds(window), timeout=20000)
    assert todo_kinds(window) == set()
    assert window.todo.stack.currentWidget() is window.todo.empty
    qtbot.waitUntil(lambda: len(detail.meetings.model.rows) == 1, timeout=20000)
    assert "2026-11-25" in detail.header.next_meeting.text()
    assert "I tid" in detail.header.badge.text()
    assert presenter.last is None
    ops.shutdown()
