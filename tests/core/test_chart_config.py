"""matplotlib's settings and font list live in sigdesk's own cache folder: built once per
computer, not per run (the frozen bundle's run-time hook points MPLCONFIGDIR at a new
temporary folder at each start)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHILD = """
import os, sys
if sys.argv[1] == "frozen":
    sys.frozen = True
from sigdesk.stats import charts
charts.configure_matplotlib()
from matplotlib import font_manager
font_manager.findfont("DejaVu Sans")
print(os.environ["MPLCONFIGDIR"])
"""


def run(tmp_path: Path, mode: str, preset: Path | None) -> Path:
    env = {k: v for k, v in os.environ.items() if k != "MPLCONFIGDIR"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    if preset is not None:
        env["MPLCONFIGDIR"] = str(preset)
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode], env=env, check=True, capture_output=True, text=True
    )
    return Path(out.stdout.strip())


def test_the_frozen_bundle_keeps_the_font_list_between_runs(tmp_path: Path) -> None:
    hook_folder = tmp_path / "_MEI-temporary"  # what PyInstaller's hook sets at every start
    hook_folder.mkdir()
    folder = run(tmp_path, "frozen", hook_folder)
    assert folder == tmp_path / "cache" / "sigdesk" / "matplotlib"
    font_lists = list(folder.glob("fontlist-*.json"))
    assert len(font_lists) == 1
    assert not list(hook_folder.iterdir())
    built = font_lists[0].stat().st_mtime_ns
    assert run(tmp_path, "frozen", hook_folder) == folder
    assert font_lists[0].stat().st_mtime_ns == built  # read again, not rebuilt


def test_a_folder_the_user_chose_is_kept(tmp_path: Path) -> None:
    chosen = tmp_path / "mine"
    chosen.mkdir()
    assert run(tmp_path, "source", chosen) == chosen
    assert run(tmp_path, "source", None) == tmp_path / "cache" / "sigdesk" / "matplotlib"
