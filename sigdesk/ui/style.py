"""Colours with meaning: deadline badges, plan statuses, consent cells, banners.

Keyed by the catalogues' stable codes (strings), so this module imports no service.
Each background has a text colour with enough contrast (WCAG AA for normal text).
"""

from __future__ import annotations

from PySide6.QtGui import QColor

#: DeadlineStatus code → (background, text)
DEADLINE_COLOURS: dict[str, tuple[str, str]] = {
    "forsenat": ("#b71c1c", "#ffffff"),
    "snart": ("#f9c74f", "#3d2c00"),
    "planerat_for_sent": ("#e76f00", "#ffffff"),
    "i_tid": ("#2e7d32", "#ffffff"),
    "ok": ("#e3e7ea", "#1f2933"),
}
#: Deadline statuses the "only warnings" filter keeps, most urgent first.
WARNING_STATUSES = ("forsenat", "planerat_for_sent", "snart")

#: PlanStatus code → (background, text)
PLAN_COLOURS: dict[str, tuple[str, str]] = {
    "uppnatt": ("#d8f0dc", "#14532d"),
    "delvis_uppnatt": ("#fff1c2", "#5c4300"),
    "ej_uppnatt": ("#fbd5d5", "#7f1d1d"),
    "pagar": ("#dbeafe", "#1e3a8a"),
    "avbrutet": ("#e5e7eb", "#374151"),
}

CONSENT_VALID = ("#d8f0dc", "#14532d")
CONSENT_EXPIRING = ("#fff1c2", "#5c4300")
CONSENT_ENDED = ("#e5e7eb", "#4b5563")
CONSENT_NONE = ("#ffffff", "#9ca3af")

BANNER_WARNING = "background:#fff4e5; color:#7a3e00; border:1px solid #f0b46c; padding:6px;"
BANNER_DANGER = "background:#fdecea; color:#8a1c14; border:1px solid #e8a39c; padding:6px;"
BANNER_INFO = "background:#eef4fb; color:#1d3b5c; border:1px solid #b7cde6; padding:6px;"
FIELD_ERROR = "color:#b3261e;"
MEETING_DAY = "#cfe3ff"


def qcolor(code: str) -> QColor:
    return QColor(code)
