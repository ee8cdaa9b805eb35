"""Language and date formats: Swedish by default (sigdesk_sv.qm + Qt's own qtbase_sv.qm).

Source strings are English, marked with `self.tr()` in widgets and `QT_TRANSLATE_NOOP`
elsewhere; `resources/translations/update.py` extracts them and compiles the .qm.
Dates are always ISO (2026-11-22); weekday names follow the UI language.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

_WEEKDAYS = (
    QT_TRANSLATE_NOOP("Weekday", "Monday"),
    QT_TRANSLATE_NOOP("Weekday", "Tuesday"),
    QT_TRANSLATE_NOOP("Weekday", "Wednesday"),
    QT_TRANSLATE_NOOP("Weekday", "Thursday"),
    QT_TRANSLATE_NOOP("Weekday", "Friday"),
    QT_TRANSLATE_NOOP("Weekday", "Saturday"),
    QT_TRANSLATE_NOOP("Weekday", "Sunday"),
)
_installed: list[QTranslator] = []


def translation_dirs() -> list[Path]:
    """Where sigdesk_*.qm may be: a frozen bundle, the package, the source tree."""
    here = Path(__file__).resolve().parent
    dirs = [here / "translations", here.parents[1] / "resources" / "translations"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs.insert(0, Path(bundle) / "translations")
    return dirs


def install_language(language: str) -> bool:
    """Load the translations for `language` ("sv" or "en"); True if sigdesk's own loaded."""
    app = QCoreApplication.instance()
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    if language != "sv":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Sweden))
        return False
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    qt = QTranslator(app)
    if qt.load("qtbase_sv", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        QCoreApplication.installTranslator(qt)
        _installed.append(qt)
    ours = QTranslator(app)
    for folder in translation_dirs():
        if ours.load("sigdesk_sv", str(folder)):
            QCoreApplication.installTranslator(ours)
            _installed.append(ours)
            return True
    return False


def weekday(day: date) -> str:
    """The weekday's name in the UI language, lower case in Swedish ("tisdag")."""
    return QCoreApplication.translate("Weekday", _WEEKDAYS[day.weekday()])


def fmt_date(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


def fmt_datetime(moment: datetime | date | None) -> str:
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        return f"{moment:%Y-%m-%d %H:%M}"
    return moment.isoformat()


def fmt_day_and_date(moment: datetime | date | None) -> str:
    """ "tisdag 2026-11-24 09:00" (or without the time for a date)."""
    if moment is None:
        return ""
    day = moment.date() if isinstance(moment, datetime) else moment
    return f"{weekday(day)} {fmt_datetime(moment)}"
