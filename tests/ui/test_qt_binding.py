"""The Qt binding keeps Python's reference counts straight.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every void method call and
to True on every Signal.emit(); None and True are not immortal before Python 3.12, so
after a few thousand calls the interpreter aborts ("deallocating None"). sigdesk needs
PySide6-Essentials < 6.12 (6.11.3 is fine) until a fixed release.
"""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal()


def test_void_calls_and_emits_keep_refcounts(qapp) -> None:  # type: ignore[no-untyped-def]
    obj, emitter = QObject(), _Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(200):
        obj.setObjectName("x")
        emitter.fired.emit()
    lost_none = none_before - sys.getrefcount(None)
    lost_true = true_before - sys.getrefcount(True)
    assert lost_none < 50 and lost_true < 50, (
        f"PySide6 {PySide6.__version__} loses references to None/True (lost {lost_none}, "
        f"{lost_true} in 200 calls): the app would abort after a while. "
        "Install PySide6-Essentials<6.12 (pyproject pin)."
    )
