"""Inställningar → "Byt datanyckel…": the rotation runs on the worker, a wrong passphrase
changes nothing, and the window keeps working on the new key."""

from __future__ import annotations

from sigdesk.store import keystore
from sigdesk.store.open import unlock
from sigdesk.ui.dialogs.passphrase import RekeyDialog
from sigdesk.ui.dialogs.settings_dialog import SettingsDialog
from sigdesk.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE, sha256
from tests.rowhash import table_hashes


def _youth_count(session: object) -> int:
    from sqlalchemy import func, select

    from sigdesk.models import Youth

    return int(session.scalar(select(func.count(Youth.id))))  # type: ignore[attr-defined]


def test_change_data_key_from_the_settings(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    ctx, ops = window.ctx, window.ops
    path = ctx.caseload_path
    old_key = unlock(path)
    settings = SettingsDialog(ops, parent=window)
    qtbot.addWidget(settings)
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=20000)
    assert settings.rekey_button.text() == "Change data key…"  # "Byt datanyckel…" in Swedish
    dialog = settings.change_data_key()
    assert isinstance(dialog, RekeyDialog)

    files = sha256(path), sha256(keystore.key_file_path(path))
    dialog.passphrase.setText("inte rätt lösenfras")
    dialog.accept()
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=20000)
    assert dialog.message.text() == "Fel lösenfras."
    assert (sha256(path), sha256(keystore.key_file_path(path))) == files
    assert ctx.is_open

    rows = table_hashes(path, old_key)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.accept()
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=30000)
    assert "new data key" in dialog.status.text()
    new_key = unlock(path)
    assert new_key != old_key and ctx.is_open
    ops.shutdown()  # the window's connection closes; the rows are read straight from the file
    assert table_hashes(path, new_key) == rows
