"""Fixtures of the benchmarks: fictional caseloads made once and cached, the test keyring,
a work folder for the run; and small timing helpers the parts share."""

from __future__ import annotations

import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(os.environ.get("SIGDESK_BENCH_DIR", Path(tempfile.gettempdir()) / "sigdesk-bench"))
PASSPHRASE = "benchmark lösenfras"
KEY_SUFFIX = ".key"


def bench_env(cache: Path = CACHE) -> dict[str, str]:
    """An environment whose keyring is the test file keyring in `cache` (no prompt)."""
    cache.mkdir(parents=True, exist_ok=True)
    env = os.environ | {
        "PYTHONPATH": str(ROOT),
        "PYTHON_KEYRING_BACKEND": "tests.keyrings.FileKeyring",
        "SIGDESK_TEST_KEYRING": str(cache / "keyring.json"),
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }
    # An installed sigdesk runs from compiled bytecode (pip and PyInstaller compile it):
    # the warm-up runs write the .pyc files, unless this variable forbids it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _fixture_tag(youths: int) -> str:
    """Names a cached caseload by what makes it: the demo builder, the schema, the key
    file's KDF, the day."""
    digest = hashlib.sha256(date.today().isoformat().encode())
    sources = [ROOT / "sigdesk" / "demo.py", ROOT / "sigdesk" / "store" / "keystore.py"]
    sources += sorted((ROOT / "sigdesk" / "models" / "migrations" / "versions").glob("*.py"))
    for source in sources:
        digest.update(source.read_bytes())
    return f"demo-{youths}-{digest.hexdigest()[:12]}"


def demo_caseload(youths: int, *, cache: Path = CACHE) -> Path:
    """A demo caseload of `youths` fictional youths, made once and kept in `cache`.

    Shared between runs (and people) on this machine: use `Fixtures.caseload` for a
    copy to open. Made under a file lock, in a temporary name, then renamed.
    """
    import fcntl  # benchmarks run on Linux and macOS

    cache.mkdir(parents=True, exist_ok=True)
    tag = _fixture_tag(youths)
    path = cache / f"{tag}.sigdesk"
    with open(cache / f"build-{tag}.lock", "w") as guard:
        fcntl.flock(guard, fcntl.LOCK_EX)  # waits while another run builds it
        if not path.exists():
            partial = cache / f"{tag}-partial.sigdesk"
            for leftover in (partial, Path(f"{partial}{KEY_SUFFIX}")):
                leftover.unlink(missing_ok=True)
            env = bench_env(cache) | {"SIGDESK_PASSPHRASE": PASSPHRASE}
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "sigdesk",
                    "demo-data",
                    str(partial),
                    "--youths",
                    f"{youths}",
                ],
                check=True,
                env=env,
                stdout=subprocess.DEVNULL,
            )
            os.replace(f"{partial}{KEY_SUFFIX}", f"{path}{KEY_SUFFIX}")
            os.replace(partial, path)
    return path


class Fixtures:
    """What the parts of one run share: caseload copies, a work folder, the environment.

    Each `caseload(youths)` is this run's own copy of the cached file (with its key file),
    so a start can take the caseload's process lock and an older schema can be upgraded
    without touching the cache; `caseload(youths, copy="lock")` a further separate copy.
    """

    def __init__(self, *, cache: Path = CACHE) -> None:
        self.cache = cache
        self.work = Path(tempfile.mkdtemp(prefix="sigdesk-bench-run-"))
        # Settings, and the automatic backups a start and an exit make, stay in this run's
        # folder (removed at the end), not in the user's data folder.
        self.env = bench_env(cache) | {
            "SIGDESK_CONFIG_DIR": str(self.work / "config"),
            "XDG_DATA_HOME": str(self.work / "data"),
        }
        self._copies: dict[tuple[int, str], Path] = {}

    def caseload(self, youths: int, *, copy: str = "run") -> Path:
        key = (youths, copy)
        if key not in self._copies:
            source = demo_caseload(youths, cache=self.cache)
            target = self.work / copy / f"demo-{youths}.sigdesk"
            target.parent.mkdir(exist_ok=True)
            shutil.copyfile(f"{source}{KEY_SUFFIX}", f"{target}{KEY_SUFFIX}")
            shutil.copyfile(source, target)
            self._copies[key] = target
        return self._copies[key]

    def folder(self, name: str) -> Path:
        path = self.work / name
        path.mkdir(exist_ok=True)
        return path

    def remove(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)


def timed_ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def median_ms(fn: Callable[[], object], *, runs: int = 20, warmup: int = 2) -> tuple[float, float]:
    """(median, p95) wall time of fn() in milliseconds."""
    for _ in range(warmup):
        fn()
    times = sorted(timed_ms(fn) for _ in range(runs))
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def process_ms(args: list[str], *, env: dict[str, str]) -> float:
    """Wall time of a whole process in milliseconds."""
    start = time.perf_counter()
    subprocess.run(args, check=True, env=env, capture_output=True)
    return (time.perf_counter() - start) * 1000
