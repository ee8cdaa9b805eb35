"""The Swedish translation is complete, compiled, and loaded by default."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from sigdesk.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "sigdesk_sv.ts"
QM = ROOT / "sigdesk" / "ui" / "translations" / "sigdesk_sv.qm"


@pytest.fixture
def swedish(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    assert i18n.install_language("sv")
    yield
    i18n.install_language("en")


def test_every_message_is_translated() -> None:
    root = ET.parse(TS).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 300
    unfinished = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
        or not (m.findtext("translation") or "").strip()
    ]
    assert unfinished == []


def test_placeholders_survive_translation() -> None:
    import re

    for message in ET.parse(TS).getroot().iter("message"):
        source, swedish = message.findtext("source") or "", message.findtext("translation") or ""
        assert sorted(re.findall(r"{\w*}", source)) == sorted(re.findall(r"{\w*}", swedish)), source


def test_the_compiled_file_holds_every_translation_of_the_ts() -> None:
    """The shipped .qm is current: it answers every message of the .ts as the .ts says."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(QM))
    stale = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if message.get("numerus") == "yes":
                continue
            source, swedish = message.findtext("source"), message.findtext("translation")
            if translator.translate(name, source) != swedish:
                stale.append(source)
    assert stale == []


def test_swedish_is_loaded(swedish: None) -> None:
    assert QCoreApplication.translate("CaseloadTableModel", "Name") == "Namn"
    assert QCoreApplication.translate("MainWindow", "&New youth…") == "&Ny ungdom…"
    assert i18n.weekday(date(2026, 11, 24)) == "tisdag"
    assert i18n.fmt_day_and_date(date(2026, 11, 22)) == "söndag 2026-11-22"
    assert QLocale().language() == QLocale.Language.Swedish
    # Qt's own buttons come in Swedish too (qtbase_sv.qm).
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"


def test_english_can_be_chosen(qapp) -> None:  # type: ignore[no-untyped-def]
    assert not i18n.install_language("en")
    assert QCoreApplication.translate("CaseloadTableModel", "Name") == "Name"
    assert i18n.weekday(date(2026, 11, 24)) == "Tuesday"
    assert i18n.fmt_date(date(2026, 11, 22)) == "2026-11-22"
