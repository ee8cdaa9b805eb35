"""Starts the desktop application: builds the AppContext and hands it to the Qt side.

`sigdesk` opens the default caseload (or runs the first-run wizard), `--caseload PATH`
another file, `--demo` a throwaway caseload of fictional youths in a temporary folder
that is deleted at exit. Qt and the services load lazily, so the window shows fast.
"""

from __future__ import annotations

import argparse
import importlib
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sigdesk.config import CASELOAD_SUFFIX, default_caseload_path
from sigdesk.context import AppContext
from sigdesk.settings import Settings


def build_context(args: argparse.Namespace) -> AppContext:
    """The context for this run; `--demo` gets a fresh temporary folder."""
    settings = Settings.load()
    if getattr(args, "demo", False):
        folder = Path(tempfile.mkdtemp(prefix="sigdesk-demo-"))
        return AppContext(folder / f"demo{CASELOAD_SUFFIX}", settings, demo_dir=folder)
    path = getattr(args, "caseload", None) or default_caseload_path()
    return AppContext(Path(path).expanduser(), settings)


def run_gui(args: argparse.Namespace, *, on_ready: Callable[[Any], None] | None = None) -> int:
    """Run the window until it closes; `on_ready(window)` fires once the list is filled."""
    ctx = build_context(args)
    try:
        # Qt is imported here, not at `sigdesk --help`. Imported by name so that mypy's
        # strict run stops at the boundary of sigdesk/ui (which pyproject leaves out).
        startup = importlib.import_module("sigdesk.ui.startup")
        code: int = startup.run(ctx, on_ready=on_ready)
        return code
    finally:
        ctx.close()
        ctx.remove_demo()
