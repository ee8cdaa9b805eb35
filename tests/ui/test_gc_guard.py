"""The GUI-thread collector: when the start is over, what exists is frozen, once."""

from __future__ import annotations

import gc

from sigdesk.ui import gc_guard


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


def test_start_over_freezes_what_exists_once(qapp: object) -> None:
    collector = gc_guard.install()
    collector.frozen = False
    assert gc.get_freeze_count() == 0
    before = _Node()
    gc_guard.start_over()
    frozen = gc.get_freeze_count()
    assert frozen > 0 and collector.frozen
    gc_guard.start_over()  # a later "Att göra" refresh freezes nothing more
    assert gc.get_freeze_count() == frozen
    # what is made afterwards is still collected
    later = _Node()
    del later
    assert gc.collect() >= 1
    assert before.me is before
