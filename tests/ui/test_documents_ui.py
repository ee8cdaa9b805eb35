"""Documents from the window: Förbered möte keeps a file the user keeps and still writes the
other, the worker's own agenda items, the next meeting as default, what was withheld."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from sigdesk.documents.render import DocumentKind
from sigdesk.meetings import MeetingData, plan_meeting
from sigdesk.store.open import open_caseload
from tests.conftest import TODAY
from tests.ui.test_meeting_mode import doc_text, seeded  # noqa: F401  (a fixture)

NEXT_DAY = date(2026, 11, 26)  # a Thursday after the tests' today; 2026-11-20 is unrecorded


@pytest.fixture
def with_next(seeded: dict[str, int], caseload_path: Path) -> dict[str, int]:  # noqa: F811
    caseload = open_caseload(caseload_path)
    with caseload.session_scope() as s:
        data = MeetingData(datetime(2026, 11, 26, 10, 0), 60, "Gården")
        seeded["next"] = plan_meeting(s, seeded["youth"], data, today=TODAY).created_id or 0
    caseload.close()
    return seeded


def open_meetings(qtbot, window, youth: int):  # type: ignore[no-untyped-def]
    window.open_youth(youth, 3)
    tab = window.detail.meetings
    qtbot.waitUntil(lambda: tab.data is not None, timeout=20000)
    return tab


def test_prepare_writes_the_kallelse_when_the_dagordning_is_kept(  # type: ignore[no-untyped-def]
    qtbot, with_next, window, tmp_path, monkeypatch
) -> None:
    from sigdesk.ui import widgets

    questions: list[str] = []
    monkeypatch.setattr(widgets, "ask", lambda _p, _t, q: questions.append(q) and False)
    tab = open_meetings(qtbot, window, with_next["youth"])
    dialog = tab.prepare_meeting()
    assert dialog.meeting.id == with_next["next"]  # not the unrecorded 2026-11-20
    qtbot.waitUntil(lambda: hasattr(dialog, "invited"), timeout=20000)
    dialog.agenda.setPlainText("Sommarlovet\n\nKörkortsteori")
    agenda = tmp_path / "Dagordning Elias 2026-11-26.docx"
    agenda.write_bytes(b"mitt eget dokument")
    dialog.exporter.choose_path = lambda p: tmp_path / p.name
    with qtbot.waitSignal(dialog.exporter.written, timeout=20000) as written:
        dialog.write_documents()  # "Replace the Dagordning?" → No
    assert [p.name for p in written.args[0]] == ["Kallelse Elias 2026-11-26.docx"]
    assert agenda.read_bytes() == b"mitt eget dokument"
    assert any(agenda.name in q for q in questions)
    result = dialog.result.text()
    assert "Kallelse Elias 2026-11-26.docx" in result and agenda.name in result
    assert "Ola Lind" in result  # what the rule withheld, and why
    text = doc_text(tmp_path / "Kallelse Elias 2026-11-26.docx")
    assert "Sommarlovet" in text and "Körkortsteori" in text
    assert "torsdag 2026-11-26" in text
    assert "Ola Lind" not in text and "Kim Berg" in text

    # the items are kept with the meeting and shown under Övrigt in meeting mode
    monkeypatch.setattr(widgets, "ask", lambda *_a: True)
    tab.table.selectRow(0)
    with qtbot.waitSignal(tab.meeting_started, timeout=20000) as started:
        tab.start_meeting()  # "move it to today?" → yes
    view = started.args[0]
    assert view.start.agenda == ("Sommarlovet", "Körkortsteori")
    other = view.pages[5].section
    assert other is not None and "Körkortsteori" in other.text()
    view.close()


def test_the_documents_menu_defaults_to_the_next_meeting_and_says_what_it_withheld(  # type: ignore[no-untyped-def]
    qtbot, with_next, window, tmp_path, monkeypatch
) -> None:
    from sigdesk.ui.meeting_mode import exports

    opened: list[Path] = []
    monkeypatch.setattr(exports.DocumentExporter, "_ask_path", lambda _s, p: tmp_path / p.name)
    monkeypatch.setattr(exports, "open_with_default_program", opened.append)
    tab = open_meetings(qtbot, window, with_next["youth"])
    with qtbot.waitSignal(tab.exported, timeout=20000) as message:
        tab.documents_button.export_document(DocumentKind.INVITATION)
    assert (tmp_path / "Kallelse Elias 2026-11-26.docx").exists()
    assert "Ola Lind" in message.args[0] and "Kallelse Elias 2026-11-26.docx" in message.args[0]
    with qtbot.waitSignal(tab.exported, timeout=20000) as message:
        tab.documents_button.export_document(DocumentKind.PLAN)
    assert "Ola Lind" in message.args[0]
    assert [p.name for p in opened] == [
        "Kallelse Elias 2026-11-26.docx",
        "Åtgärdsplan Elias 2026-11-22.docx",
    ]


@pytest.fixture
def ended(seeded: dict[str, int], caseload_path: Path) -> dict[str, int]:  # noqa: F811
    """The mother's consent for the school ended 2026-11-15; nothing replaced it."""
    from sigdesk.catalogues import ConsentGiver
    from sigdesk.consent import record_consent
    from sigdesk.models import Guardian

    caseload = open_caseload(caseload_path)
    with caseload.session_scope() as s:
        mother = s.query(Guardian).one().id
        record_consent(
            s,
            seeded["youth"],
            given_by=ConsentGiver.GUARDIAN,
            guardian_id=mother,
            signed_on=date(2026, 10, 1),
            actor_ids=[seeded["school"]],
            valid_until=date(2026, 11, 15),
            today=date(2026, 10, 1),
        )
    caseload.close()
    return seeded


def test_an_ended_consent_shows_in_att_gora_and_the_network_tab(  # type: ignore[no-untyped-def]
    qtbot, ended, window
) -> None:
    kinds = [i.kind.value for i in window.todo.model.rows]
    assert "samtycke_upphort" in kinds
    item = next(i for i in window.todo.model.rows if i.kind.value == "samtycke_upphort")
    assert item.youth_id == ended["youth"] and item.due == date(2026, 11, 15)
    window.open_youth(ended["youth"], 1)
    tab = window.detail.network
    qtbot.waitUntil(lambda: tab.data is not None, timeout=20000)
    banner = tab.consent_banner.text()
    assert "Lena Exempel" in banner and "2026-11-15" in banner
