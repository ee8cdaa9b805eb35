"""The one rule: nothing outside sigdesk/ui imports PySide6 or sigdesk.ui."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "sigdesk"
FORBIDDEN = ("PySide6", "sigdesk.ui")
#: app.py builds the QApplication and main window; it is the bridge, as ARCHITECTURE says.
ALLOWED = {PACKAGE / "app.py"}


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_core_knows_no_screen() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if PACKAGE / "ui" in path.parents or path in ALLOWED:
            continue
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN):
                offenders.append(f"{path.relative_to(PACKAGE)}: {name}")
    assert offenders == []


def test_the_check_itself_catches_an_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6 import QtWidgets\nimport sigdesk.ui.main_window\n")
    assert _imports(bad) == ["PySide6", "sigdesk.ui.main_window"]
