"""Paths and constants that do not change while the app runs."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

APP_NAME = "sigdesk"
TIMEZONE = ZoneInfo("Europe/Stockholm")
CASELOAD_SUFFIX = ".sigdesk"
KEY_FILE_SUFFIX = ".key"


def default_caseload_path() -> Path:
    """The caseload in the platform's user data folder (created by the first-run wizard)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / f"caseload{CASELOAD_SUFFIX}"


def default_backup_folder() -> Path:
    """Automatic backups, by default in the user data folder; the settings dialog
    recommends another drive (e.g. the home share) instead."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "backups"


def key_file_path(caseload: Path) -> Path:
    """The key file lives beside the caseload: `name.sigdesk.key`."""
    return caseload.with_name(caseload.name + KEY_FILE_SUFFIX)


def default_export_folder() -> Path:
    """Where the save dialogs start: the user's Documents folder, else the home folder."""
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()
