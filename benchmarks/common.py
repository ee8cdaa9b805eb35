"""Shared helpers for the benchmarks: fictional caseloads made once, timing medians."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(os.environ.get("SIGDESK_BENCH_DIR", "/tmp/sigdesk-bench"))
PASSPHRASE = "benchmark lösenfras"


def bench_env() -> dict[str, str]:
    """A subprocess environment whose keyring is the test file keyring (no prompt)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    return os.environ | {
        "PYTHONPATH": str(ROOT),
        "PYTHON_KEYRING_BACKEND": "tests.keyrings.FileKeyring",
        "SIGDESK_TEST_KEYRING": str(CACHE / "keyring.json"),
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }


def demo_caseload(youths: int) -> Path:
    """A demo caseload of `youths` fictional youths, made once and kept in CACHE."""
    path = CACHE / f"demo-{youths}.sigdesk"
    if not path.exists():
        env = bench_env() | {"SIGDESK_PASSPHRASE": PASSPHRASE}
        subprocess.run(
            [sys.executable, "-m", "sigdesk", "demo-data", str(path), "--youths", str(youths)],
            check=True,
            env=env,
        )
    return path


def median_ms(fn: Callable[[], object], *, runs: int = 20, warmup: int = 2) -> tuple[float, float]:
    """(median, p95) wall time of fn() in milliseconds."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def process_ms(args: list[str], *, runs: int = 5, env: dict[str, str] | None = None) -> float:
    """Median wall time of a whole process in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, env=env or bench_env(), capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)
