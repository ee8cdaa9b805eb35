"""The window's side of "nothing overwritten" (SPEC §7): the save dialog and its question.

Every save dialog goes through here. The file dialog's own overwrite question is off;
instead `confirm_outputs` applies the one core rule (sigdesk.store.outputs): a caseload
or its key, -wal, -shm or lock file is refused always, with a message; an existing
file is replaced only after our own yes, and that answer is passed on to the writer,
which checks again.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from sigdesk.errors import SigdeskError
from sigdesk.store.outputs import check_output_path
from sigdesk.ui import widgets

if TYPE_CHECKING:
    from sigdesk.ui.ops import Ops


def ask_save_path(parent: QWidget, title: str, suggested: Path | str, filters: str) -> Path | None:
    """The file dialog, without its own overwrite question (`confirm_outputs` asks)."""
    name, _ = QFileDialog.getSaveFileName(
        parent, title, str(suggested), filters, options=QFileDialog.Option.DontConfirmOverwrite
    )
    return Path(name) if name else None


def outputs_allowed(ops: Ops, paths: Sequence[Path]) -> bool:
    """False (and the reason shown) when a path is a caseload or one of its files, or
    cannot be written at all; an existing ordinary file is allowed here."""
    protect = [ops.ctx.caseload_path]
    for path in paths:
        try:
            check_output_path(path, overwrite=True, protect=protect)
        except SigdeskError as exc:
            ops.presenter.present(exc)
            return False
    return True


def confirm_outputs(parent: QWidget, ops: Ops, paths: Sequence[Path]) -> bool | None:
    """May these files be written? None: no (refused, or the user said no); else the
    `overwrite` answer to pass on (True only after a yes to replacing a file)."""
    if not outputs_allowed(ops, paths):
        return None
    existing = [p.name for p in paths if p.exists() or p.is_symlink()]
    if not existing:
        return False
    title = QCoreApplication.translate("SaveTarget", "Replace the file?")
    question = QCoreApplication.translate("SaveTarget", "{files} already exists. Replace it?")
    if widgets.ask(parent, title, question.format(files=", ".join(existing))):
        return True
    return None
