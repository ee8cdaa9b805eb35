"""iCalendar export of network meetings (SPEC §4) so the worker can import them into Outlook.

Times are written with ``TZID=Europe/Stockholm`` and a matching VTIMEZONE, so a meeting at
10:00 stays at 10:00 on the DST days too. Each event's UID is derived from the caller's
``uid_key``, so importing the file again updates the events instead of duplicating them.

Privacy: an .ics file leaves the encrypted caseload. The caller decides what goes into
``summary``, ``location`` and ``description``; keep it minimal (e.g. "SIG-möte Elias", first
name only, no personnummer). Events are marked ``CLASS:PRIVATE`` so a shared Outlook calendar
shows them only as busy.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from sigdesk.errors import DiskFullError, SigdeskError
from sigdesk.store.fileutil import atomic_write_bytes, is_disk_full
from sigdesk.store.outputs import OutputExistsError, check_output_path

TIMEZONE = ZoneInfo("Europe/Stockholm")
DEFAULT_PRODID = "-//sigdesk//SIG//SV"
#: Namespace of the stable event UIDs; never change it, or re-imports would duplicate events.
UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:sigdesk:calendar")
UID_DOMAIN = "sigdesk"


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One meeting to export.

    ``uid_key`` must be unique and stable for the meeting across exports *and caseloads*
    (e.g. ``f"{caseload_id}/meeting/{meeting_id}"``); it is hashed, never written as is.
    ``starts_at`` is a naive local wall-clock time in Europe/Stockholm (an aware one is
    converted to Stockholm time).
    """

    uid_key: str
    summary: str
    starts_at: datetime
    duration_minutes: int
    location: str = ""
    description: str = ""


def event_uid(uid_key: str) -> str:
    """The stable UID of an event: a name-based UUID of ``uid_key`` at the sigdesk domain."""
    if not uid_key:
        raise ValueError("uid_key must not be empty")
    return f"{uuid.uuid5(UID_NAMESPACE, uid_key)}@{UID_DOMAIN}"


def build_calendar(
    entries: Sequence[CalendarEntry],
    *,
    prodid: str = DEFAULT_PRODID,
    stamp: datetime | None = None,
) -> bytes:
    """The entries as a METHOD:PUBLISH VCALENDAR with a VTIMEZONE for Europe/Stockholm.

    ``stamp`` (DTSTAMP, aware) defaults to now in UTC; pass it for byte-identical output.
    """
    dtstamp = (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    calendar = Calendar.new(
        prodid=prodid, method="PUBLISH", uid=uuid.uuid5(UID_NAMESPACE, f"calendar:{prodid}")
    )
    if entries:
        calendar.add_component(stockholm_vtimezone())
    for entry in entries:
        calendar.add_component(_event(entry, dtstamp))
    data: bytes = calendar.to_ical()
    return data


def stockholm_vtimezone() -> Timezone:
    """Europe/Stockholm as the EU rule (RRULE), not a list of dates.

    `Calendar.add_missing_timezones()` writes the zone as RDATE lists ending in 2037,
    which desktop Outlook is reported to misread (times shifted by an hour); the
    yearly rule is what Outlook itself writes. Sweden has followed it since 1996.
    """
    zone = Timezone()
    zone.add("tzid", "Europe/Stockholm")
    for kind, name, offset_from, offset_to, start, month in (
        (TimezoneDaylight, "CEST", timedelta(hours=1), timedelta(hours=2), 2, 3),
        (TimezoneStandard, "CET", timedelta(hours=2), timedelta(hours=1), 3, 10),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("tzoffsetfrom", offset_from)
        part.add("tzoffsetto", offset_to)
        part.add("dtstart", datetime(1996, month, 31 if month == 3 else 27, start, 0))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(part)
    return zone


def _event(entry: CalendarEntry, dtstamp: datetime) -> Event:
    """One VEVENT with DTSTART/DTEND in Europe/Stockholm and a stable UID."""
    if entry.duration_minutes < 1:
        raise ValueError("duration_minutes must be positive")
    if entry.starts_at.tzinfo is None:
        start = entry.starts_at.replace(tzinfo=TIMEZONE, second=0, microsecond=0)
    else:
        start = entry.starts_at.astimezone(TIMEZONE).replace(second=0, microsecond=0)
    # Same-zone arithmetic is wall-clock arithmetic: 10:00 + 90 min is 11:30 local.
    end = start + timedelta(minutes=entry.duration_minutes)
    event = Event.new(
        uid=event_uid(entry.uid_key),
        summary=entry.summary,
        start=start,
        end=end,
        stamp=dtstamp,
        sequence=0,
        location=entry.location or None,
        description=entry.description or None,
    )
    event.add("class", "PRIVATE")
    return event


def write_calendar(
    path: Path,
    entries: Sequence[CalendarEntry],
    *,
    overwrite: bool = False,
    protect: Iterable[Path] = (),
    prodid: str = DEFAULT_PRODID,
) -> Path:
    """Write the entries to ``path`` atomically: the whole file or nothing, owner-only.

    An existing file is kept unless ``overwrite``; a caseload or its key file (or one
    named in ``protect``) is never written (sigdesk.store.outputs). Raises SigdeskError
    with one Swedish line when the folder is missing or not writable, or when the file
    exists and ``overwrite`` is false.
    """
    check_output_path(path, overwrite=overwrite, protect=protect)
    data = build_calendar(entries, prodid=prodid)
    try:
        atomic_write_bytes(path, data, overwrite=overwrite)
    except FileExistsError:
        raise OutputExistsError(f"Filen finns redan: {path}") from None
    except FileNotFoundError:
        raise SigdeskError("Kan inte skriva kalenderfilen: mappen finns inte.") from None
    except IsADirectoryError:
        raise SigdeskError("Kan inte skriva kalenderfilen: sökvägen är en mapp.") from None
    except PermissionError:
        raise SigdeskError("Kan inte skriva kalenderfilen: behörighet saknas.") from None
    except OSError as exc:
        if is_disk_full(exc):
            raise DiskFullError("kalenderfilen kunde inte skrivas") from None
        raise SigdeskError(
            f"Kan inte skriva kalenderfilen: {exc.strerror or 'okänt fel'}."
        ) from None
    return path
