"""Every user setting declared once: key, default, type, and the allowed range.

Settings are stored as JSON in the platform's user config folder. They hold only
preferences — never a name, a personnummer, a passphrase or anything about a youth;
the worker's profile lives in the encrypted caseload instead.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sigdesk.config import APP_NAME
from sigdesk.store.fileutil import atomic_write_bytes, make_private_dir

log = logging.getLogger(__name__)

#: Overrides the folder of settings.json (tests, portable installs).
CONFIG_DIR_ENV = "SIGDESK_CONFIG_DIR"
LANGUAGES = ("sv", "en")


@dataclass(frozen=True)
class Setting:
    """One setting: its JSON key, default and type; ints may carry a range."""

    key: str
    default: Any
    type: type
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()

    def coerce(self, value: Any) -> Any:
        """The value if it has the right type and range, else the default."""
        if self.type is int and (isinstance(value, bool) or not isinstance(value, int)):
            return self.default
        if not isinstance(value, self.type):
            return self.default
        if isinstance(value, int) and not (
            (self.minimum is None or value >= self.minimum)
            and (self.maximum is None or value <= self.maximum)
        ):
            return self.default
        if self.choices and value not in self.choices:
            return self.default
        return value


MEETING_INTERVAL_DAYS = Setting("meeting_interval_days", 35, int, minimum=7, maximum=35)
WARNING_DAYS = Setting("warning_days", 7, int, minimum=0, maximum=35)
#: SPEC §4: proposals keep this many days before the deadline (room to move a cancelled one).
PROPOSAL_MARGIN_DAYS = Setting("proposal_margin_days", 7, int, minimum=0, maximum=28)
IDLE_LOCK_MINUTES = Setting("idle_lock_minutes", 10, int, minimum=0, maximum=240)
#: In meeting mode the worker listens more than types: a longer idle time (SPEC §7).
MEETING_IDLE_LOCK_MINUTES = Setting("meeting_idle_lock_minutes", 60, int, minimum=0, maximum=480)
TEMPLATE_FOLDER = Setting("template_folder", "", str)
PERSONNUMMER_IN_DOCUMENTS = Setting("personnummer_in_documents", False, bool)
#: SPEC §6: the Uppföljningsrapport shows counts of 1–2 as "<3" unless this is on.
REPORT_SMALL_COUNTS = Setting("report_small_counts", False, bool)
LANGUAGE = Setting("language", "sv", str, choices=LANGUAGES)
#: Folder of the automatic backups; "" = `config.default_backup_folder()`.
BACKUP_FOLDER = Setting("backup_folder", "", str)
#: SPEC §7: closed youths whose closure is older than this are offered for gallring.
GALLRING_MONTHS = Setting("gallring_months", 24, int, minimum=1, maximum=120)
#: The folder (never a file) the last document or calendar file was saved in.
LAST_EXPORT_FOLDER = Setting("last_export_folder", "", str)

ALL_SETTINGS: tuple[Setting, ...] = (
    MEETING_INTERVAL_DAYS,
    WARNING_DAYS,
    PROPOSAL_MARGIN_DAYS,
    IDLE_LOCK_MINUTES,
    MEETING_IDLE_LOCK_MINUTES,
    TEMPLATE_FOLDER,
    PERSONNUMMER_IN_DOCUMENTS,
    REPORT_SMALL_COUNTS,
    LANGUAGE,
    BACKUP_FOLDER,
    LAST_EXPORT_FOLDER,
    GALLRING_MONTHS,
)
_BY_KEY = {s.key: s for s in ALL_SETTINGS}


def settings_path() -> Path:
    """`settings.json` in the user config folder (or in $SIGDESK_CONFIG_DIR)."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override) / "settings.json"
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "settings.json"


class Settings:
    """The current values; unknown keys are dropped, bad values fall back to defaults."""

    def __init__(self, values: Mapping[str, Any] | None = None, *, path: Path | None = None):
        self.path = path
        self._values: dict[str, Any] = {s.key: s.default for s in ALL_SETTINGS}
        for key, value in (values or {}).items():
            if key in _BY_KEY:
                self._values[key] = _BY_KEY[key].coerce(value)

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Read the settings file; a missing or unreadable one gives the defaults."""
        target = path or settings_path()
        try:
            raw = json.loads(target.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raw = {}
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            log.warning("settings file ignored (%s)", type(exc).__name__)
            raw = {}
        return cls(raw if isinstance(raw, dict) else {}, path=target)

    def get(self, setting: Setting) -> Any:
        return self._values[setting.key]

    def set(self, setting: Setting, value: Any) -> None:
        coerced = setting.coerce(value)
        if coerced != value:
            raise ValueError(f"invalid value for {setting.key}")
        self._values[setting.key] = value

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)

    def save(self) -> None:
        """Write the file atomically; without a path (e.g. --demo) nothing is written."""
        if self.path is None:
            return
        make_private_dir(self.path.parent)
        data = json.dumps(self._values, indent=2, sort_keys=True).encode("utf-8")
        atomic_write_bytes(self.path, data, overwrite=True)

    # typed shorthands for the common reads

    @property
    def warning_days(self) -> int:
        return int(self.get(WARNING_DAYS))

    @property
    def proposal_margin_days(self) -> int:
        return int(self.get(PROPOSAL_MARGIN_DAYS))

    @property
    def report_small_counts(self) -> bool:
        """Counts of 1–2 printed as they are in the Uppföljningsrapport (default "<3")."""
        return bool(self.get(REPORT_SMALL_COUNTS))

    @property
    def meeting_interval_days(self) -> int:
        return int(self.get(MEETING_INTERVAL_DAYS))

    @property
    def idle_lock_minutes(self) -> int:
        return int(self.get(IDLE_LOCK_MINUTES))

    @property
    def meeting_idle_lock_minutes(self) -> int:
        return int(self.get(MEETING_IDLE_LOCK_MINUTES))

    @property
    def gallring_months(self) -> int:
        return int(self.get(GALLRING_MONTHS))

    @property
    def language(self) -> str:
        return str(self.get(LANGUAGE))

    @property
    def backup_folder(self) -> Path:
        """Where automatic backups go (the setting, else the default under user data)."""
        from sigdesk.config import default_backup_folder

        chosen = str(self.get(BACKUP_FOLDER)).strip()
        return Path(chosen).expanduser() if chosen else default_backup_folder()
