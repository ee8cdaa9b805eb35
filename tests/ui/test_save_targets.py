"""RELIABILITY 25, the window's save dialogs: the caseload and its files are refused
always; an existing file is replaced only after our own yes, which reaches the writer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget

from sigdesk.config import key_file_path
from sigdesk.documents.render import DocumentKind
from sigdesk.store.outputs import caseload_files
from sigdesk.ui import widgets
from sigdesk.ui.meeting_mode.exports import DocJob, DocumentExporter
from sigdesk.ui.save_target import ask_save_path
from sigdesk.ui.youth.meetings_tab import export_calendar
from tests.conftest import sha256


@pytest.fixture
def opened(ops, qtbot):  # type: ignore[no-untyped-def]
    ops.ctx.open()
    return ops


def with_stand_ins(caseload: Path) -> None:
    """Every companion present, as while a window writes (not read afterwards)."""
    for member in caseload_files(caseload):
        if not member.exists():
            member.write_bytes(b"stand-in")


def fingerprints(caseload: Path) -> dict[Path, str]:
    return {p: sha256(p) for p in caseload_files(caseload) if p.exists()}


def test_calendar_to_the_caseload_or_its_files_is_refused(opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    caseload = opened.ctx.caseload_path
    with_stand_ins(caseload)
    before = fingerprints(caseload)
    done: list[str] = []
    for target in caseload_files(caseload):
        opened.presenter.last = None
        export_calendar(opened, target, youth_id=None, done=done.append, parent=parent)
        assert opened.presenter.last is not None
        assert "skriver aldrig över" in opened.presenter.last[1]
    qtbot.wait(200)
    assert done == []
    assert fingerprints(caseload) == before


def test_an_existing_file_needs_a_yes(opened, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "moten.ics"
    target.write_bytes(b"gammal")
    asked: list[str] = []
    monkeypatch.setattr(widgets, "ask", lambda _p, _t, q: asked.append(q) or False)
    done: list[str] = []
    export_calendar(opened, target, youth_id=None, done=done.append, parent=parent)
    qtbot.wait(200)
    assert asked and "moten.ics" in asked[0]
    assert target.read_bytes() == b"gammal" and done == []
    monkeypatch.setattr(widgets, "ask", lambda *_a: True)
    export_calendar(opened, target, youth_id=None, done=done.append, parent=parent)
    qtbot.waitUntil(lambda: bool(done) or opened.presenter.last is not None, timeout=20_000)
    assert opened.presenter.last is None
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_documents_to_the_key_file_are_refused_without_asking(opened, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    key = key_file_path(opened.ctx.caseload_path)
    with_stand_ins(opened.ctx.caseload_path)
    before = fingerprints(opened.ctx.caseload_path)
    asked: list[object] = []
    monkeypatch.setattr(widgets, "ask", lambda *a: asked.append(a) or True)
    exporter = DocumentExporter(opened, parent)
    failed: list[str] = []
    exporter.written.connect(lambda paths: failed.append(f"written {paths}"))
    exporter.export(1, [DocJob(DocumentKind.PLAN, key)])
    qtbot.wait(200)
    assert asked == [] and failed == []
    assert "skriver aldrig över" in opened.presenter.last[1]
    assert fingerprints(opened.ctx.caseload_path) == before


def test_the_file_dialog_leaves_the_question_to_us(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def fake(*args: object, **kwargs: object) -> tuple[str, str]:
        seen.update(kwargs)
        return str(tmp_path / "x.ics"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert ask_save_path(parent, "t", "x.ics", "*.ics") == tmp_path / "x.ics"
    assert seen["options"] == QFileDialog.Option.DontConfirmOverwrite
