"""Where every save dialog starts: the folder of the last export, else the user's Documents.

Only the folder is remembered (in settings.json), never a file name: exported files are
named after the youth.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths

if TYPE_CHECKING:
    from sigdesk.settings import Settings


def documents_folder() -> Path:
    """The user's Documents folder (as the platform names it), else the home folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def export_folder(settings: Settings) -> Path:
    """The folder the last export went to, if it is still there; else Documents."""
    from sigdesk.settings import LAST_EXPORT_FOLDER

    last = str(settings.get(LAST_EXPORT_FOLDER) or "").strip()
    if last and Path(last).is_dir():
        return Path(last)
    return documents_folder()


def start_path(settings: Settings, file_name: str) -> str:
    """A save dialog's starting point: the suggested file name in the export folder."""
    return str(export_folder(settings) / file_name)


def remember_export_folder(settings: Settings, chosen: Path) -> None:
    """Remember the folder of a chosen file (or a chosen folder) for the next save."""
    from sigdesk.settings import LAST_EXPORT_FOLDER

    folder = chosen if chosen.is_dir() else chosen.parent
    folder = folder.resolve()
    if str(folder) == settings.get(LAST_EXPORT_FOLDER):
        return
    settings.set(LAST_EXPORT_FOLDER, str(folder))
    settings.save()
