"""Local dates in Europe/Stockholm; the app context holds a Clock so tests can move time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sigdesk.config import TIMEZONE


@dataclass(frozen=True)
class Clock:
    """The current time; `fixed_today` pins the date (tests, `--today`), `fixed_now` the time."""

    fixed_today: date | None = None
    fixed_now: datetime | None = None

    def now(self) -> datetime:
        """Naive local wall-clock time in Europe/Stockholm."""
        if self.fixed_now is not None:
            return self.fixed_now
        return datetime.now(TIMEZONE).replace(tzinfo=None)

    def today(self) -> date:
        return self.fixed_today or self.now().date()


def local_today() -> date:
    return Clock().today()
