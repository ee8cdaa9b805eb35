"""Starts the desktop application: builds the AppContext and hands it to the Qt side.

`sigdesk` opens the default caseload (or runs the first-run wizard), `--caseload PATH`
another file, `--demo` a throwaway caseload of fictional youths in a temporary folder
that is deleted at exit. Qt and the services load lazily, so the window shows fast:
the caseload is unlocked and its list read on the database thread while Qt loads.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
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
    # The cyclic collector runs on the GUI thread only (sigdesk/ui/gc_guard.py starts it);
    # off from here, it cannot run on the database thread started below.
    gc.disable()
    ctx = build_context(args)
    if ctx.has_caseload():
        # Before any thread: the first unlock and list read run in a child process, on
        # the other core (Linux; sigdesk/store/early.py), used once the lock is held.
        from sigdesk.store import early

        ctx.early_unlock = early.start(ctx.caseload_path)
    # The one database thread (sigdesk/ui/ops.py). First the caseload's process lock
    # (one process per caseload, SPEC §7), then an existing caseload is unlocked through
    # the keyring and its list read right away, all in parallel with Qt's import.
    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sigdesk-db")
    held = worker.submit(ctx.hold_caseload)
    first_open = worker.submit(_open_list_if_held, ctx) if ctx.has_caseload() else None
    worker.submit(remove_leftover_temps, ctx)
    try:
        # Qt is imported here, not at `sigdesk --help`. Imported by name so that mypy's
        # strict run stops at the boundary of sigdesk/ui (which pyproject leaves out).
        startup = importlib.import_module("sigdesk.ui.startup")
        code: int = startup.run(
            ctx, worker=worker, first_open=first_open, held=held, on_ready=on_ready
        )
        return code
    finally:
        worker.shutdown(wait=True)
        if ctx.early_unlock is not None:
            ctx.early_unlock.discard()
        ctx.close()
        ctx.release_caseload()
        ctx.remove_demo()


def remove_leftover_temps(ctx: AppContext) -> None:
    """Temporary files of a killed export or save (SPEC §7), removed once the start is done:
    in the caseload's folder, the last export folder and Documents. Only our own
    pattern, and only those whose writer is gone (sigdesk/store/fileutil.py)."""
    from sigdesk.config import default_export_folder
    from sigdesk.settings import LAST_EXPORT_FOLDER
    from sigdesk.store.fileutil import remove_stale_temps

    folders = {ctx.caseload_path.parent, default_export_folder()}
    last = str(ctx.settings.get(LAST_EXPORT_FOLDER) or "").strip()
    if last:
        folders.add(Path(last))
    for folder in folders:
        remove_stale_temps(folder)


def _open_list_if_held(ctx: AppContext) -> Any:
    """`ctx.open_list`, only once this process holds the caseload (else nothing is read)."""
    if not ctx.holds_caseload():
        from sigdesk.store.lock import IN_USE_MESSAGE, CaseloadInUseError

        raise CaseloadInUseError(IN_USE_MESSAGE)
    return ctx.open_list()
