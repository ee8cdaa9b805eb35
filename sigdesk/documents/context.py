"""The contexts of the Word documents: the contract between the database and the templates.

Each document is rendered from one frozen dataclass of plain values (str, int, bool, date,
time, None, lists and nested dataclasses). The service layer builds them from the caseload;
`sigdesk.documents.render` turns them into a `.docx`. Nothing here knows about the database
or about Word.

How values reach a template (`sigdesk.documents` does this, see `template_context`):

- a dataclass becomes a mapping with the same field names (`{{ letterhead.worker_name }}`);
- `date` → ``"2026-11-22"`` (ISO), `time` → ``"14:00"``, `datetime` → ``"2026-11-22 14:00"``;
- `None` → ``""`` (so it prints as nothing and is false in ``{% if %}``);
- every string is cleaned of characters XML cannot hold; a newline prints as a line break.

Strings are what the document prints: labels, not codes ("Polis", not "polis"), already
formatted personnummer, and so on. Field names never collide with mapping methods
(no `items`, `keys`, `values`, `get`…) because Jinja would find the method first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

# --- shared pieces ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Letterhead:
    """The header of every document: who writes it, for which förvaltning, and when."""

    forvaltning: str  # "Hägersten-Älvsjö stadsdelsförvaltning"
    worker_name: str
    worker_role: str  # label: "Samordnare", "Lots", "Lots och samordnare"
    worker_phone: str
    worker_email: str
    document_date: date


@dataclass(frozen=True, slots=True)
class NextMeeting:
    """A planned meeting as printed under "Nästa möte"; use None when none is planned."""

    day: date
    start: time
    place: str
    weekday: str = ""  # "torsdag"


@dataclass(frozen=True, slots=True)
class Person:
    """A participant or recipient: a name and where they come from ("Polisen Söderort")."""

    name: str
    organisation: str


# --- åtgärdsplan ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NetworkRow:
    """One actor in the youth's network."""

    actor_type: str  # label: "Polis", "Skola", "BUP"…
    contact_name: str
    organisation: str
    phone: str
    email: str
    covered_by_consent: bool  # printed "Ja" / "Nej"


@dataclass(frozen=True, slots=True)
class ActionRow:
    """An åtgärd/insats with its latest follow-up (empty strings/None when not followed up)."""

    what: str
    responsible: str  # "Västbergaskolan (mentor Sara Ek)"
    due: date | None
    followup_status: str  # label: "Pågår", "Uppnått"… or ""
    followup_date: date | None
    followup_comment: str


@dataclass(frozen=True, slots=True)
class ItemFollowup:
    """The latest follow-up of a goal or a delmål, printed in the Uppföljning column."""

    level: str  # "Mål" or "Delmål"
    text: str  # "" for the goal itself; the delmål's words
    status: str  # label: "Pågår", "Delvis uppnått"…
    day: date | None
    comment: str


@dataclass(frozen=True, slots=True)
class GoalRow:
    """A goal with its delmål and actions; one table row per action (at least one row)."""

    nulage: str
    goal: str
    own_words: str  # the youth's own words, "" when none
    sub_goals: str  # the delmål, one per line
    actions: list[ActionRow] = field(default_factory=list)
    followups: list[ItemFollowup] = field(default_factory=list)  # the goal's, then delmål's


@dataclass(frozen=True, slots=True)
class LifeAreaSection:
    """One livsområde of the plan: a heading and a table."""

    label: str  # "Skola/sysselsättning"
    goals: list[GoalRow]


@dataclass(frozen=True, slots=True)
class SignatureLine:
    """A line to sign on: the role ("Ungdomen", "Vårdnadshavare", "Socialtjänsten") and name."""

    role: str
    name: str


@dataclass(frozen=True, slots=True)
class PlanDoc:
    """Åtgärdsplan (full version), SPEC §5."""

    letterhead: Letterhead  # document_date is the plan's date
    youth_name: str  # full name
    personnummer: str | None  # printed only when not None (the caller applies the setting)
    track: str  # label: "SIG unga"
    start_date: date | None
    decision_date: date | None
    consent_status: str  # one line: "Samtycke från ungdomen och vårdnadshavare, 2026-09-01"
    network: list[NetworkRow]
    overall_goal: str
    life_areas: list[LifeAreaSection]
    next_meeting: NextMeeting | None
    signatures: list[SignatureLine]


@dataclass(frozen=True, slots=True)
class ShortGoal:
    """A goal of the short plan with its actions (one table row per action)."""

    life_area: str  # label
    goal: str
    actions: list[ActionRow] = field(default_factory=list)
    followups: list[ItemFollowup] = field(default_factory=list)  # the goal's, then delmål's


@dataclass(frozen=True, slots=True)
class PlanShortDoc:
    """Åtgärdsplan (kort version): one table Mål · Åtgärd · Ansvarig · När · Uppföljning."""

    letterhead: Letterhead
    youth_name: str
    track: str
    goals: list[ShortGoal]
    next_meeting: NextMeeting | None


# --- kallelse and dagordning ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InvitationDoc:
    """Kallelse till nätverksmöte. Only the youth's first name is printed."""

    letterhead: Letterhead
    youth_first_name: str
    meeting_date: date
    start_time: time
    end_time: time | None
    place: str
    participants: list[Person]  # only those the confidentiality rule allows (SPEC §5)
    purpose: str
    agenda_outline: list[str]  # the headings of the dagordning, in order
    meeting_weekday: str = ""  # "torsdag"


@dataclass(frozen=True, slots=True)
class AgendaFollowup:
    """An open goal, delmål or action to be followed up under item 4, and who reports."""

    level: str  # "Mål", "Delmål" or "Åtgärd"
    text: str
    reporter: str  # "Västbergaskolan (Sara Ek)"


@dataclass(frozen=True, slots=True)
class AgendaDoc:
    """Dagordning: the eight fixed items of SPEC §5 (their headings live in the template)."""

    letterhead: Letterhead
    youth_first_name: str
    meeting_date: date
    start_time: time
    end_time: time | None
    place: str
    chair: str
    note_taker: str
    purpose: str  # item 1
    followups: list[AgendaFollowup]  # item 4
    meeting_weekday: str = ""  # "torsdag"
    other_items: list[str] = field(default_factory=list)  # the worker's items under 6 Övrigt


# --- minnesanteckningar -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AttendanceRow:
    name: str
    role: str  # "Polis, Polisen Söderort", "Vårdnadshavare", "Ungdomen"
    status: str  # label: "Närvarande", "Frånvarande", "Förhinder"


@dataclass(frozen=True, slots=True)
class AgendaNote:
    number: int
    heading: str
    text: str  # may hold several lines


@dataclass(frozen=True, slots=True)
class FollowupRow:
    what: str  # the goal, delmål or action followed up
    status: str  # label: "Uppnått", "Delvis uppnått", "Ej uppnått", "Pågår", "Avbrutet"
    comment: str


@dataclass(frozen=True, slots=True)
class NewActionRow:
    what: str
    responsible: str
    due: date | None


@dataclass(frozen=True, slots=True)
class MinutesDoc:
    """Minnesanteckningar from a held meeting."""

    letterhead: Letterhead
    youth_name: str
    meeting_date: date
    start_time: time
    end_time: time | None
    place: str
    chair: str
    note_taker: str
    attendance: list[AttendanceRow]
    notes: list[AgendaNote]
    followups: list[FollowupRow]
    new_actions: list[NewActionRow]
    decisions: list[str]
    next_meeting: NextMeeting | None
    distribution: list[Person]  # only actors covered by valid consent (the caller decides)
    meeting_weekday: str = ""  # "torsdag"


# --- uppföljningsrapport (SPEC §6) ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportLine:
    """One figure: its name and its cells, in the order of `ReportDoc.headings`."""

    label: str
    cells: list[str]


@dataclass(frozen=True, slots=True)
class ReportTable:
    title: str
    note: str  # what the figures count, one sentence
    lines: list[ReportLine]
    chart: str = ""  # the name of the chart printed under the table, "" for none


@dataclass(frozen=True, slots=True)
class ReportDoc:
    """The anonymised period report: no names, personnummer or ids, only counts and shares.

    The charts are images given to `render` beside the context; the template shows
    `charts[t.chart]` under a table whose `chart` is set.
    """

    forvaltning: str
    period: str  # "första halvåret 2026" or "2026-01-15 – 2026-03-31"
    start: date
    end: date
    made_on: date
    source: str  # "En handläggares ärendelista" or "Sammanställning av 4 handläggares filer"
    headings: list[str]
    summary: list[str]  # a few sentences with the main figures
    tables: list[ReportTable]
    small_counts: str  # the "<3" sentence, or "" when counts are shown as they are
    method: list[str]


DocContext = PlanDoc | PlanShortDoc | InvitationDoc | AgendaDoc | MinutesDoc
