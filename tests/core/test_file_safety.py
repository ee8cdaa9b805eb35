"""RELIABILITY 30 (temporary files of a killed export are removed, a live writer's are not)
and 31 (under umask 000 every folder made is 0700 and every file 0600)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sigdesk.app import remove_leftover_temps
from sigdesk.context import AppContext
from sigdesk.documents.render import write_document
from sigdesk.settings import LAST_EXPORT_FOLDER, Settings
from sigdesk.store.fileutil import (
    STALE_TEMP_AGE,
    atomic_write_bytes,
    is_stale_temp,
    make_private_dir,
    remove_stale_temps,
)
from tests.core.test_cli import PASS, ROOT, sigdesk


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.fixture
def live_pid() -> Iterator[int]:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield child.pid
    child.kill()
    child.wait()


def age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_only_our_dead_or_old_temporary_files_are_removed(tmp_path: Path, live_pid: int) -> None:
    dead = tmp_path / f".plan.docx.{dead_pid()}.ab12cd_3.tmp"
    live = tmp_path / f".plan.docx.{live_pid}.zz99yy00.tmp"
    mine = tmp_path / f".plan.docx.{os.getpid()}.q1w2e3r4.tmp"
    old_style_fresh = tmp_path / ".kallelse.docx.k3j4h5g6.tmp"
    old_style_old = tmp_path / ".agenda.docx.a1b2c3d4.tmp"
    live_but_stale = tmp_path / f".minnes.docx.{live_pid}.m1n2b3v4.tmp"
    foreign = [tmp_path / "anteckning.tmp", tmp_path / ".annat.tmp", tmp_path / "plan.docx"]
    for path in (dead, live, mine, old_style_fresh, old_style_old, live_but_stale, *foreign):
        path.write_bytes(b"PK half a document")
    age(old_style_old, STALE_TEMP_AGE + 60)
    age(live_but_stale, STALE_TEMP_AGE + 60)
    for path in foreign:
        age(path, STALE_TEMP_AGE * 10)
    assert remove_stale_temps(tmp_path) == 3
    left = {p.name for p in tmp_path.iterdir()}
    assert left == {p.name for p in (live, mine, old_style_fresh, *foreign)}
    assert not is_stale_temp(live) and not is_stale_temp(mine)


def test_the_next_export_into_the_folder_removes_leftovers(tmp_path: Path) -> None:
    leftover = tmp_path / f".plan.docx.{dead_pid()}.x1y2z3w4.tmp"
    leftover.write_bytes(b"PK half")
    write_document(b"PK whole", tmp_path / "kallelse.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kallelse.docx"]


def test_the_start_removes_leftovers_in_the_caseload_and_export_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("HOME", str(home))
    last = tmp_path / "export"
    last.mkdir()
    pid = dead_pid()
    leftovers = [
        data / f".arenden.sigdesk.key.{pid}.aaaa1111.tmp",
        home / "Documents" / f".plan.docx.{pid}.bbbb2222.tmp",
        last / f".kallelse.docx.{pid}.cccc3333.tmp",
    ]
    for path in leftovers:
        path.write_bytes(b"x")
    settings = Settings()
    settings.set(LAST_EXPORT_FOLDER, str(last))
    remove_leftover_temps(AppContext(data / "arenden.sigdesk", settings))
    assert not any(p.exists() for p in leftovers)


KILLED_EXPORTS = """
import sys
from pathlib import Path
from tests.core.test_render import plan_doc
from sigdesk.documents.render import DocumentKind, render, write_document
data = render(DocumentKind.PLAN, plan_doc())
target = Path(sys.argv[1])
print("ready", flush=True)
while True:
    write_document(data, target, overwrite=True)
"""


def kill_drill(tmp_path: Path, runs: int) -> None:
    import random
    import signal
    import zipfile

    rng = random.Random(30)
    folder = tmp_path / "export"
    folder.mkdir()
    target = folder / "plan.docx"
    for _ in range(runs):
        child = subprocess.Popen(
            [sys.executable, "-c", KILLED_EXPORTS, str(target)],
            stdout=subprocess.PIPE,
            env=os.environ | {"PYTHONPATH": str(ROOT)},
        )
        assert child.stdout is not None and child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.05, 0.6))
        child.send_signal(signal.SIGKILL)
        child.wait()
        # The target is a whole document (the old one or the new one), never half.
        with zipfile.ZipFile(target) as archive:
            assert archive.testzip() is None
            assert "word/document.xml" in archive.namelist()
        # The next export into the folder leaves exactly the chosen file and nothing else.
        write_document(target.read_bytes(), folder / "nasta.docx")
        assert sorted(p.name for p in folder.iterdir()) == ["nasta.docx", "plan.docx"]
        (folder / "nasta.docx").unlink()


def test_exports_killed_midway_short(tmp_path: Path) -> None:
    kill_drill(tmp_path, runs=3)


@pytest.mark.slow
def test_exports_killed_midway_20_runs(tmp_path: Path) -> None:
    kill_drill(tmp_path, runs=20)


# --- umask 000 (RELIABILITY 31) ---------------------------------------------------------


def modes(root: Path) -> dict[str, int]:
    found = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            found[str(path.relative_to(root))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def assert_private(root: Path) -> None:
    for name, mode in modes(root).items():
        want = 0o700 if (root / name).is_dir() else 0o600
        assert mode == want, f"{name}: {oct(mode)}"


@pytest.fixture
def umask_000() -> Iterator[None]:
    previous = os.umask(0)
    yield
    os.umask(previous)


def test_folders_and_files_under_umask_000_in_process(tmp_path: Path, umask_000: None) -> None:
    root = tmp_path / "root"
    root.mkdir(mode=0o700)
    make_private_dir(root / "a" / "b" / "c")
    atomic_write_bytes(root / "a" / "fil.bin", b"x")
    settings = Settings(path=root / "config" / "deep" / "settings.json")
    settings.save()
    ctx = AppContext(root / "data" / "x" / "arenden.sigdesk", Settings())
    ctx.hold_caseload()
    ctx.release_caseload()
    assert_private(root)


def test_the_command_line_under_umask_000(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir(mode=0o700)
    caseload = root / "data" / "nested" / "arenden.sigdesk"
    env = {"XDG_STATE_HOME": str(root / "state" / "deep")}

    def under_umask(*args: str) -> None:
        previous = os.umask(0)
        try:
            result = sigdesk(*args, passphrase=PASS, **env)
        finally:
            os.umask(previous)
        assert result.returncode == 0, result.stderr

    under_umask("demo-data", str(caseload), "--youths", "2")
    (root / "out").mkdir(mode=0o700)
    under_umask("calendar", str(caseload), "--out", str(root / "out" / "m.ics"))
    under_umask(
        "export", "plan", str(caseload), "--youth", "1", "--out", str(root / "out" / "p.docx")
    )
    assert (root / "state").exists()  # the keyring warning was logged to a file
    assert_private(root)
