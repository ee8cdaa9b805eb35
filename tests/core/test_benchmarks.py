"""The benchmark runner's plumbing, on a fake part whose samples are fixed numbers.

No timing is asserted here: the figures live in `python -m benchmarks` only.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.__main__ import README_END, README_START, all_parts, main, put_in_readme
from benchmarks.common import Fixtures
from benchmarks.harness import Spec, run, table_lines


class FakePart:
    """Samples 10, 20, 30 … for "figure" and 5 for "floor", one pair a round."""

    name = "fake"
    specs = (
        Spec("ratio within budget", "figure", 10.0, floor="floor", limit="ratio"),
        Spec("value over budget", "figure", 15.0, floor="floor", stat="max"),
        Spec("p95 of a list", "many", 95.0, stat="p95"),
    )

    def __init__(self, *, max_rounds: int | None = None) -> None:
        self.calls: list[str] = []
        self.cap = max_rounds

    def setup(self, fx: Fixtures, *, quick: bool) -> None:
        self.calls.append(f"setup quick={quick}")
        self.max_rounds = self.cap

    def round(self, number: int) -> dict[str, float | list[float]]:
        self.calls.append(f"round {number}")
        return {
            "figure": 10.0 * (number + 1),
            "floor": 5.0,
            "many": [float(v) for v in range(1, 101)],
        }

    def close(self) -> None:
        self.calls.append("close")


class Other(FakePart):
    name = "other"


def test_rounds_interleave_and_rows_carry_figure_floor_ratio_and_verdict() -> None:
    fake, other = FakePart(), Other(max_rounds=1)
    fx = Fixtures()
    try:
        rows = run([fake, other], fx, rounds=3, quick=True, log=lambda _: None)
    finally:
        fx.remove()
    assert fake.calls == ["setup quick=True", "round 0", "round 1", "round 2", "close"]
    assert other.calls == ["setup quick=True", "round 0", "close"]  # max_rounds honoured
    ratio, value, p95 = rows[:3]
    assert (ratio.value, ratio.floor, ratio.ratio) == (20.0, 5.0, 4.0)
    assert ratio.verdict == "ok" and ratio.budget_on == "ratio"
    assert (value.value, value.verdict, value.budget_on) == (30.0, "over", "value")
    assert p95.value == 95.0 and p95.floor is None and p95.ratio is None
    assert [row.name for row in rows[3:]] == [spec.name for spec in Other.specs]


def test_a_part_failing_in_a_round_is_still_closed() -> None:
    class Broken(FakePart):
        def round(self, number: int) -> dict[str, float | list[float]]:
            raise RuntimeError("measurement failed")

    broken = Broken()
    fx = Fixtures()
    with pytest.raises(RuntimeError):
        run([broken], fx, rounds=2, quick=False, log=lambda _: None)
    fx.remove()
    assert broken.calls[-1] == "close"


def test_a_ratio_budget_needs_a_floor() -> None:
    with pytest.raises(ValueError):
        Spec("no floor", "figure", 2.0, limit="ratio")


def test_main_prints_the_table_and_writes_the_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rows.json"
    code = main(["--rounds", "2", "--json", str(out)], only=[FakePart()])
    assert code == 1  # a row is over budget
    printed = capsys.readouterr().out
    assert "ratio within budget" in printed and "OVER" in printed
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert [set(row) for row in rows] == [
        {"name", "value", "unit", "floor", "ratio", "budget", "verdict"}
    ] * 3
    assert [row["verdict"] for row in rows] == ["ok", "over", "ok"]
    assert rows[0]["ratio"] == pytest.approx(3.0)  # median 15 of 10 and 20, over 5


def test_markdown_table_has_a_line_a_row() -> None:
    fx = Fixtures()
    try:
        rows = run([FakePart()], fx, rounds=1, quick=True, log=lambda _: None)
    finally:
        fx.remove()
    lines = table_lines(rows, markdown=True)
    assert lines[0].startswith("| What |") and len(lines) == 2 + len(rows)
    assert all(line.count("|") == 7 for line in lines)


def test_every_real_part_names_its_rows() -> None:
    parts = all_parts()
    names = [part.name for part in parts]
    assert len(set(names)) == len(names)
    for part in parts:
        assert part.specs and all(isinstance(spec, Spec) for spec in part.specs)
        assert all(callable(getattr(part, m)) for m in ("setup", "round", "close"))


def test_the_readme_table_is_replaced_between_its_markers(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# x\n\n{README_START}\nold table\n{README_END}\n\nafter\n")
    put_in_readme(["new", "table"], readme)
    put_in_readme(["newer"], readme)
    assert readme.read_text() == f"# x\n\n{README_START}\nnewer\n{README_END}\n\nafter\n"
