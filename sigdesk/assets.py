"""Where the shipped resources are, from source and in a frozen (PyInstaller) build.

Plain Python, no Qt: the GUI turns these paths into a QIcon. build.spec puts
`resources/icons/` at `<bundle>/resources/icons/`, the same relative place as in the
source tree, so one lookup serves both.
"""

from __future__ import annotations

import sys
from pathlib import Path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def resources_dir() -> Path:
    """`resources/` of the source tree, or of the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def icon_path(size: int = 256) -> Path:
    """The app icon as PNG at `size` px (one of ICON_SIZES; the nearest larger otherwise)."""
    chosen = next((s for s in ICON_SIZES if s >= size), ICON_SIZES[-1])
    return resources_dir() / "icons" / f"sigdesk-{chosen}.png"


def icon_paths() -> list[Path]:
    """Every size that exists, for `QIcon.addFile` (sharp in title bars and task bars)."""
    return [p for p in (icon_path(s) for s in ICON_SIZES) if p.is_file()]
