"""A personnummer copied from sigdesk leaves the clipboard after 30 s and at a lock (SPEC §7).

"Copy personnummer" goes through `copy_personnummer`; a personnummer copied from any
sigdesk field with Ctrl+C is noticed too (the clipboard says it changed and sigdesk
owns it). The clipboard is cleared only if it still holds that text: something copied
since is left alone. The copy carries the hints that keep clipboard managers (KDE's,
Windows' history) from storing it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QMimeData, QObject, Qt, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 30_000
_PERSONNUMMER = re.compile(r"^(\d{2})?\d{6}[-+]?\d{4}$")
#: Clipboard managers leave these out of their history.
_SECRET_HINTS = (
    ("x-kde-passwordManagerHint", b"secret"),
    ('application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"', b"1"),
)


def looks_like_personnummer(text: str) -> bool:
    return bool(_PERSONNUMMER.match(text.strip()))


class ClipboardGuard(QObject):
    """Clears a copied personnummer after `clear_after_ms`, unless something else was copied."""

    def __init__(
        self, *, clipboard: QClipboard | None = None, clear_after_ms: int = CLEAR_AFTER_MS
    ) -> None:
        super().__init__()
        self.clipboard = clipboard or QGuiApplication.clipboard()
        self.held: str | None = None  # the personnummer on the clipboard, put there by sigdesk
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(clear_after_ms)
        self.timer.timeout.connect(self.clear)
        self.clipboard.dataChanged.connect(self._changed)

    def copy(self, text: str) -> None:
        mime = QMimeData()
        mime.setText(text)
        for kind, value in _SECRET_HINTS:
            mime.setData(kind, value)
        self.held = text
        self.clipboard.setMimeData(mime)
        self.timer.start()

    def _changed(self) -> None:
        text = self.clipboard.text()
        if self.held is not None:
            if text != self.held:  # something else was copied: not ours to clear
                self.held = None
                self.timer.stop()
        elif looks_like_personnummer(text) and self._copied_here():
            self.held = text  # Ctrl+C in a sigdesk field
            self.timer.start()

    def _copied_here(self) -> bool:
        """Copied in sigdesk: it owns the clipboard (X11, Windows) or is the active app."""
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        return self.clipboard.ownsClipboard() or active

    def clear(self) -> None:
        """Empty the clipboard if it still holds the personnummer sigdesk put there."""
        self.timer.stop()
        held, self.held = self.held, None
        if held is not None and self.clipboard.text() == held:
            self.clipboard.clear()


_guard: ClipboardGuard | None = None


def guard() -> ClipboardGuard:
    """The app's one guard (made on first use, once Qt runs)."""
    global _guard
    if _guard is None:
        _guard = ClipboardGuard()
    return _guard


def copy_personnummer(text: str) -> None:
    guard().copy(text)


def clear_now() -> None:
    """At a lock."""
    if _guard is not None:
        _guard.clear()
