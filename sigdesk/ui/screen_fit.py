"""Opening a window at a size that fits the screen it opens on.

A laptop of 1366×768 loses height to the window manager's title bar and the taskbar;
a window sized to the whole screen has its bottom row of buttons off screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: The title bar and borders a window manager adds (not known before the window shows).
FRAME_ALLOWANCE = QSize(16, 40)


def fit_to_screen(window: QWidget, width: int, height: int, *, free: QRect | None = None) -> None:
    """Resize a top-level window to `width`×`height`, or less so that it and its frame fit
    the screen's free area (`free`: the screen without its taskbar), and centre it there."""
    if free is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            window.resize(width, height)
            return
        free = screen.availableGeometry()
    least = window.minimumSizeHint()
    w = max(min(width, free.width() - FRAME_ALLOWANCE.width()), least.width())
    h = max(min(height, free.height() - FRAME_ALLOWANCE.height()), least.height())
    window.resize(w, h)
    outer_w, outer_h = w + FRAME_ALLOWANCE.width(), h + FRAME_ALLOWANCE.height()
    window.move(
        free.x() + max(0, (free.width() - outer_w) // 2),
        free.y() + max(0, (free.height() - outer_h) // 2),
    )
