"""iCalendar export: Stockholm wall-clock times survive DST; VTIMEZONE, stable UIDs, safe writes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from sigdesk.documents.ics import CalendarEntry, build_calendar, event_uid, write_calendar
from sigdesk.errors import SigdeskError

SPRING = datetime(2025, 3, 30, 10, 0)  # the day clocks go forward
AUTUMN = datetime(2025, 10, 26, 10, 0)  # the day clocks go back
WINTER = datetime(2026, 1, 20, 13, 30)

ENTRIES = [
    CalendarEntry("caseload-1/meeting/1", "SIG-möte Elias", SPRING, 90, "Skolan", "Kallelse"),
    CalendarEntry("caseload-1/meeting/2", "SIG-möte Elias", AUTUMN, 60, "", ""),
    CalendarEntry("caseload-1/meeting/3", "SIG-möte Noor", WINTER, 120, "Socialkontoret", "a\nb"),
]
STAMP = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def wall_clock(value: object) -> datetime:
    """A parsed DTSTART/DTEND as naive local time (after checking it is a datetime)."""
    assert isinstance(value, datetime)
    return value.replace(tzinfo=None)


def test_calendar_header_and_events() -> None:
    calendar = parse(build_calendar(ENTRIES, stamp=STAMP))
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["PRODID"]) == "-//sigdesk//SIG//SV"
    assert str(calendar["VERSION"]) == "2.0"
    events = calendar.events
    assert [str(e["SUMMARY"]) for e in events] == [e.summary for e in ENTRIES]
    assert [str(e["LOCATION"]) for e in events if "LOCATION" in e] == [
        "Skolan",
        "Socialkontoret",
    ]
    assert str(events[2]["DESCRIPTION"]) == "a\nb"
    for event in events:
        assert event.DTSTAMP == STAMP
        assert event.sequence == 0
        assert str(event["CLASS"]) == "PRIVATE"


@pytest.mark.parametrize(
    ("index", "offset_hours"),
    [(0, 2), (1, 1), (2, 1)],
    ids=["dst-spring", "dst-autumn", "winter"],
)
def test_local_wall_clock_and_tzid_survive_a_round_trip(index: int, offset_hours: int) -> None:
    event = parse(build_calendar(ENTRIES, stamp=STAMP)).events[index]
    entry = ENTRIES[index]
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert event["DTEND"].params["TZID"] == "Europe/Stockholm"
    assert wall_clock(event.start) == entry.starts_at
    assert wall_clock(event.end) == entry.starts_at + timedelta(minutes=entry.duration_minutes)
    start = event.start
    assert isinstance(start, datetime)
    assert start.utcoffset() == timedelta(hours=offset_hours)


def test_vtimezone_is_present_and_gives_the_right_offsets() -> None:
    calendar = parse(build_calendar(ENTRIES, stamp=STAMP))
    [vtimezone] = calendar.timezones
    assert str(vtimezone["TZID"]) == "Europe/Stockholm"
    tz = vtimezone.to_tz()  # the VTIMEZONE's own rules, not the system's zoneinfo
    assert SPRING.replace(tzinfo=tz).utcoffset() == timedelta(hours=2)
    assert AUTUMN.replace(tzinfo=tz).utcoffset() == timedelta(hours=1)
    assert WINTER.replace(tzinfo=tz).utcoffset() == timedelta(hours=1)
    assert datetime(2025, 7, 1, 10).replace(tzinfo=tz).utcoffset() == timedelta(hours=2)


def test_uids_are_stable_across_builds_and_distinct() -> None:
    first = [str(e["UID"]) for e in parse(build_calendar(ENTRIES)).events]
    second = [str(e["UID"]) for e in parse(build_calendar(list(reversed(ENTRIES)))).events]
    assert first == list(reversed(second))
    assert len(set(first)) == 3
    assert first[0] == event_uid("caseload-1/meeting/1")
    assert first[0].endswith("@sigdesk")
    assert "caseload" not in first[0]  # the key is hashed, not written out


def test_same_stamp_gives_identical_bytes() -> None:
    assert build_calendar(ENTRIES, stamp=STAMP) == build_calendar(ENTRIES, stamp=STAMP)


def test_empty_calendar_is_valid() -> None:
    calendar = parse(build_calendar([]))
    assert calendar.events == []
    assert str(calendar["METHOD"]) == "PUBLISH"


def test_aware_start_is_converted_to_stockholm_time() -> None:
    entry = CalendarEntry("k", "SIG-möte", datetime(2025, 6, 2, 8, 0, tzinfo=UTC), 60, "", "")
    event = parse(build_calendar([entry])).events[0]
    assert wall_clock(event.start) == datetime(2025, 6, 2, 10, 0)


def test_write_calendar_to_tmp_path(tmp_path: Path) -> None:
    target = tmp_path / "möten.ics"
    assert write_calendar(target, ENTRIES) == target
    calendar = parse(target.read_bytes())
    assert [wall_clock(e.start) for e in calendar.events] == [SPRING, AUTUMN, WINTER]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["möten.ics"]


def test_write_calendar_keeps_an_existing_file_unless_told_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "möten.ics"
    write_calendar(target, ENTRIES[:1])
    with pytest.raises(SigdeskError, match="finns redan"):
        write_calendar(target, ENTRIES)
    assert len(parse(target.read_bytes()).events) == 1
    write_calendar(target, ENTRIES, overwrite=True)
    assert len(parse(target.read_bytes()).events) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["möten.ics"]


def test_write_calendar_to_missing_folder_raises_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "saknas" / "möten.ics"
    with pytest.raises(SigdeskError) as caught:
        write_calendar(target, ENTRIES)
    message = caught.value.one_line()
    assert message.startswith("Mappen finns inte")
    assert "\n" not in message
    assert list(tmp_path.iterdir()) == []


def test_write_calendar_onto_a_folder_raises_and_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "möten.ics"
    folder.mkdir()
    with pytest.raises(SigdeskError, match="mapp med det namnet"):
        write_calendar(folder, ENTRIES, overwrite=True)
    assert [p.name for p in tmp_path.iterdir()] == ["möten.ics"]
    assert list(folder.iterdir()) == []
