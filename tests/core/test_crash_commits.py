"""RELIABILITY 13: `kill -9` at a random moment during single-row commits loses no
acknowledged row, and both integrity checks pass afterwards (WAL, synchronous=FULL).

CI runs 5 kills; `pytest -m slow` runs the 100 of RELIABILITY.md.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from sigdesk.models import Youth
from sigdesk.store import keystore
from sigdesk.store.db import check_caseload, open_caseload
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import sys
from datetime import date
from pathlib import Path
from sigdesk.caseload import YouthData, add_youth
from sigdesk.store.db import open_caseload
caseload = open_caseload(Path(sys.argv[1]), bytes.fromhex(sys.argv[2]))
for n in range(1000):
    with caseload.session_scope() as s:
        youth_id = add_youth(s, YouthData(f"Ung{n}", "Krasch"), today=date(2026, 11, 22)).created_id
    print(youth_id, flush=True)  # acknowledged: the commit has returned
"""


def _kill_runs(caseload_path: Path, runs: int) -> None:
    key = keystore.unlock(caseload_path, passphrase=PASSPHRASE)
    rng = random.Random(13)
    acknowledged: set[int] = set()
    for _ in range(runs):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(caseload_path), key.hex()],
            stdout=subprocess.PIPE,
            env=os.environ | {"PYTHONPATH": str(ROOT)},
            text=True,
        )
        assert child.stdout is not None
        acknowledged.add(int(child.stdout.readline()))  # at least one commit, then a random wait
        time.sleep(rng.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        acknowledged.update(int(line) for line in rest.split())
    caseload = open_caseload(caseload_path, key)
    try:
        report = check_caseload(caseload)
        with caseload.session_scope() as s:
            stored = set(s.scalars(select(Youth.id)))
    finally:
        caseload.close()
    assert report.ok, (report.cipher_problems, report.integrity_problems)
    assert acknowledged - stored == set()


def test_kill_during_commits_loses_nothing(caseload_path: Path) -> None:
    _kill_runs(caseload_path, runs=5)


@pytest.mark.slow
def test_kill_during_commits_100_runs(caseload_path: Path) -> None:
    _kill_runs(caseload_path, runs=100)
