"""The statistics files (SPEC §8): JSON with exact numerators and denominators, a tidy CSV
for Excel, and the district's merge of many workers' JSON files.

JSON: `{"version": 1, "from": DATE, "to": DATE, "rows": [{"figure", "dimension", "value",
"numerator", "denominator"}, ...]}`, the last two null for plain counts. CSV: the same rows,
`;`-separated, UTF-8 with a BOM and decimal commas, so Excel in Swedish reads it as numbers.
Neither holds a name, a personnummer or an id: only codes and numbers.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sigdesk.errors import SigdeskError
from sigdesk.stats import PeriodStats, StatRow, check_period, stats_from_cells
from sigdesk.stats.codes import DIMENSIONS, FIGURES, is_rate

VERSION = 1
COLUMNS = ("figure", "dimension", "value", "numerator", "denominator")


class StatsFileError(SigdeskError):
    """A statistics file that cannot be read or merged; the message names the file."""

    exit_code = 2


def row_json(row: StatRow) -> dict[str, Any]:
    return {
        "figure": row.figure,
        "dimension": row.dimension,
        "value": row.value,
        "numerator": row.numerator,
        "denominator": row.denominator,
    }


def to_json(stats: PeriodStats) -> bytes:
    document = {
        "version": VERSION,
        "from": stats.start.isoformat(),
        "to": stats.end.isoformat(),
        "rows": [row_json(r) for r in stats.rows],
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _csv_number(value: int | float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".").replace(".", ",")
    return str(value)


def to_csv(stats: PeriodStats) -> bytes:
    """One tidy table: a header, then one line per figure × dimension; the period in two
    columns of its own so that several files can be pasted under each other."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["from", "to", *COLUMNS])
    period = [stats.start.isoformat(), stats.end.isoformat()]
    for r in stats.rows:
        numbers = (r.value, r.numerator, r.denominator)
        writer.writerow([*period, r.figure, r.dimension, *map(_csv_number, numbers)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# --- reading and merging ------------------------------------------------------------------


def _date(value: object, name: str, path: Path) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise StatsFileError(f"{path.name}: '{name}' är inget datum ({value!r}).") from None


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _cell(item: object, path: Path) -> tuple[tuple[str, str], tuple[int, int]]:
    if not isinstance(item, dict) or not set(COLUMNS) <= item.keys():
        raise StatsFileError(f"{path.name}: en rad saknar {', '.join(COLUMNS)}.")
    figure, dimension = item["figure"], item["dimension"]
    if figure not in FIGURES or dimension not in DIMENSIONS:
        raise StatsFileError(f"{path.name}: okänd uppgift {figure!r} / {dimension!r}.")
    parts = (item["numerator"], item["denominator"]) if is_rate(figure) else (item["value"], 0)
    if not all(_count(p) for p in parts):
        raise StatsFileError(f"{path.name}: {figure} ({dimension}) är inget antal.")
    return (figure, dimension), (int(parts[0]), int(parts[1]))


def parse_json(data: bytes, path: Path) -> PeriodStats:
    """A statistics JSON file's figures; a newer version, another format or a broken file
    is refused with one line naming the file."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise StatsFileError(f"{path.name} är ingen statistikfil (inte JSON).") from None
    if not isinstance(document, dict) or not isinstance(document.get("rows"), list):
        raise StatsFileError(f"{path.name} är ingen statistikfil från sigdesk.")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StatsFileError(f"{path.name} är ingen statistikfil från sigdesk (version saknas).")
    if version > VERSION:
        raise StatsFileError(
            f"{path.name} är skriven av en nyare sigdesk (version {version}); "
            f"den här läser version {VERSION}. Uppdatera sigdesk."
        )
    start, end = _date(document.get("from"), "from", path), _date(document.get("to"), "to", path)
    check_period(start=start, end=end)
    cells = dict(_cell(item, path) for item in document["rows"])
    if len(cells) != len(document["rows"]):
        raise StatsFileError(f"{path.name}: samma uppgift finns på flera rader.")
    return stats_from_cells(start=start, end=end, cells=cells)


def read_json(path: Path) -> PeriodStats:
    return parse_json(_read(path), path)


def _read(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise StatsFileError(f"{path} kan inte läsas ({exc.strerror or exc}).") from None


def merge(parts: Sequence[PeriodStats]) -> PeriodStats:
    """The sum of several workers' figures for one period; shares and means recomputed from
    the summed numerators and denominators, never averaged."""
    if not parts:
        raise StatsFileError("Inga statistikfiler att lägga ihop.")
    periods = {(p.start, p.end) for p in parts}
    if len(periods) > 1:
        shown = ", ".join(f"{a} – {b}" for a, b in sorted(periods))
        raise StatsFileError(
            f"Filerna gäller olika perioder ({shown}); bara samma period kan läggas ihop."
        )
    cells: dict[tuple[str, str], tuple[int, int]] = {}
    for part in parts:
        for r in part.rows:
            n, d = (r.numerator or 0, r.denominator or 0) if is_rate(r.figure) else (r.value, 0)
            was = cells.get((r.figure, r.dimension), (0, 0))
            cells[(r.figure, r.dimension)] = (was[0] + int(n or 0), was[1] + d)
    return stats_from_cells(start=parts[0].start, end=parts[0].end, cells=cells)


def merge_files(paths: Iterable[Path]) -> PeriodStats:
    """Read and merge JSON files; a file named twice is refused (it would count one worker's
    youths twice). Two workers' files may hold the same figures, so equal content is not."""
    seen: set[Path] = set()
    parts = []
    for path in paths:
        resolved = Path(path).resolve()
        if resolved in seen:
            raise StatsFileError(f"{path.name} finns två gånger; den skulle räknas dubbelt.")
        seen.add(resolved)
        parts.append(parse_json(_read(path), path))
    return merge(parts)
