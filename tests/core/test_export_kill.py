"""RELIABILITY 17: an export killed midway leaves the target absent or complete."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import sys
from pathlib import Path
from tests.core.test_render import plan_doc
from sigdesk.documents.render import DocumentKind, render, write_document
data = render(DocumentKind.PLAN, plan_doc())
folder = Path(sys.argv[1])
print("ready", flush=True)
for n in range(100000):
    write_document(data, folder / f"plan-{n}.docx")
"""


def test_killed_exports_leave_no_half_written_document(tmp_path: Path) -> None:
    rng = random.Random(17)
    for run in range(3):
        folder = tmp_path / f"run{run}"
        folder.mkdir()
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(folder)],
            stdout=subprocess.PIPE,
            env=os.environ | {"PYTHONPATH": str(ROOT)},
        )
        assert child.stdout is not None and child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.2, 1.0))
        child.send_signal(signal.SIGKILL)
        child.wait()
        documents = sorted(folder.glob("*.docx"))
        assert documents, "the child wrote nothing before it was killed"
        for path in documents:
            with zipfile.ZipFile(path) as archive:
                assert archive.testzip() is None
                assert "word/document.xml" in archive.namelist()
        leftovers = [p.name for p in folder.iterdir() if p.suffix != ".docx"]
        assert all(name.startswith(".plan-") and name.endswith(".tmp") for name in leftovers)
