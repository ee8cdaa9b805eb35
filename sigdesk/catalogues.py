"""Fixed catalogues of SPEC §2–§3: stable codes in the database, Swedish labels for people.

Each catalogue is a StrEnum (the stored code) with a `label` in Swedish, the language
of the documents. Codes never change once released; labels may.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class _Labelled(StrEnum):
    label: str

    def __new__(cls, code: str, label: str) -> _Labelled:
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj.label = label
        return obj

    @classmethod
    def from_code(cls, code: str) -> Self:
        """The member stored as `code` (ValueError for an unknown one)."""
        return cls(code)  # type: ignore[call-arg]  # Enum lookup by value, not __new__


class LifeArea(_Labelled):
    """Livsområden of the åtgärdsplan."""

    CRIME = ("kriminalitet", "Kriminalitet")
    SCHOOL = ("skola", "Skola/sysselsättning")
    LEISURE = ("fritid", "Fritid")
    FAMILY = ("familj", "Familj")
    FRIENDS = ("kamrater", "Kamrater")
    HEALTH = ("halsa", "Hälsa/mående")
    DRUGS = ("droger", "Droger/missbruk")
    HOUSING = ("boende", "Boende")
    ECONOMY = ("ekonomi", "Ekonomi")


class ActorType(_Labelled):
    """Kinds of actors in a youth's network. Polis and skola must take part."""

    SOCIAL_SERVICES = ("socialtjanst", "Socialtjänst")
    POLICE = ("polis", "Polis")
    SCHOOL = ("skola", "Skola")
    FIELD_WORKERS = ("faltassistenter", "Fältassistenter")
    MARIA_UNGDOM = ("maria_ungdom", "Maria Ungdom")
    BAS = ("bas", "BAS / särskilt kvalificerad kontaktperson")
    MST = ("mst", "MST")
    FAMILY_TREATMENT = ("familjebehandling", "Familjebehandling")
    YOUTH_TREATMENT = ("ungdomsbehandlare", "Ungdomsbehandlare")
    LABOUR_MARKET = ("arbetsmarknad", "Arbetsmarknad/jobbtorg")
    BUP = ("bup", "BUP")
    OTHER = ("ovrig", "Övrig")


REQUIRED_ACTOR_TYPES = (ActorType.POLICE, ActorType.SCHOOL)


class ClosureReason(_Labelled):
    GOALS_MET = ("mal_uppfyllda", "Mål uppfyllda")
    OTHER_INTERVENTION = ("annan_insats", "Behov av annan insats")
    PLACED = ("placerad", "Placerad utanför hemmet")
    MOVED = ("flyttat", "Flyttat till annan ort/utomlands")
    CONSENT_WITHDRAWN = ("samtycke_aterkallat", "Samtycke återkallat")
    HANDED_OVER = ("overlamnad", "Överlämnad till annan handläggare")
    OTHER = ("ovrigt", "Övrigt")


class FollowupOutcome(_Labelled):
    """What the follow-up after closure found (SPEC §3, §6 `after_closure:<outcome>`)."""

    NO_NEW_SUSPICION = ("ingen_ny_misstanke", "Ingen ny misstanke om brott känd")
    NEW_SUSPICION = ("ny_misstanke", "Ny misstanke om brott")
    OTHER_INTERVENTION = ("annan_insats", "I annan insats")
    PLACED = ("placerad", "Placerad utanför hemmet")
    MOVED = ("flyttat", "Flyttat")
    NOT_REACHED = ("ej_nadd", "Gick inte att nå")


class DeletionReason(_Labelled):
    """Why a youth was deleted from the caseload (the deletion log keeps only this)."""

    MISTAKE = ("felregistrerad", "Felregistrerad")
    GALLRING = ("gallrad", "Gallrad")
    HANDED_OVER = ("overlamnad", "Överlämnad till annan handläggare")


class Gender(_Labelled):
    GIRL = ("flicka", "Flicka")
    BOY = ("pojke", "Pojke")
    OTHER = ("annat", "Annat")
    UNKNOWN = ("uppgift_saknas", "Uppgift saknas")


class Track(_Labelled):
    YOUTH = ("sig_unga", "SIG unga")
    YOUNG_ADULTS = ("sig_unga_vuxna", "SIG unga vuxna")


#: SPEC §3: Ekonomi is a livsområde of SIG unga vuxna only.
ADULT_ONLY_LIFE_AREAS = frozenset({LifeArea.ECONOMY})


def life_areas_for(track: Track, *, keep: LifeArea | None = None) -> list[LifeArea]:
    """The livsområden offered for a youth on `track`; `keep` (an existing goal's area)
    stays offered, so an older Ekonomi goal of a SIG unga youth can still be edited."""
    return [
        area
        for area in LifeArea
        if track is Track.YOUNG_ADULTS or area not in ADULT_ONLY_LIFE_AREAS or area is keep
    ]


class YouthStatus(_Labelled):
    PROPOSED = ("forslag", "Förslag")
    ACTIVE = ("aktiv", "Aktiv")
    CLOSED = ("avslutad", "Avslutad")


class DecisionKind(_Labelled):
    ASSESSED = ("bistandsbedomd", "Biståndsbedömd insats")
    NOT_ASSESSED = ("ej_behovsprovad", "Ej behovsprövad (SoL 2025:400)")


class DomTiming(_Labelled):
    BEFORE = ("fore_dom", "Före dom")
    AFTER = ("efter_dom", "Efter dom")


class WorkerRole(_Labelled):
    LOTS = ("lots", "Lots")
    COORDINATOR = ("samordnare", "Samordnare")
    BOTH = ("bada", "Lots och samordnare")


class ConsentGiver(_Labelled):
    YOUTH = ("ungdom", "Ungdomen")
    GUARDIAN = ("vardnadshavare", "Vårdnadshavare")


class MeetingStatus(_Labelled):
    PLANNED = ("planerat", "Planerat")
    HELD = ("genomfort", "Genomfört")
    CANCELLED = ("installt", "Inställt")


class AttendanceStatus(_Labelled):
    PRESENT = ("narvarande", "Närvarande")
    ABSENT = ("franvarande", "Frånvarande")
    EXCUSED = ("forhinder", "Förhinder")


class ParticipantKind(_Labelled):
    YOUTH = ("ungdom", "Ungdomen")
    GUARDIAN = ("vardnadshavare", "Vårdnadshavare")
    ACTOR = ("aktor", "Aktör")


class PlanStatus(_Labelled):
    """Status of a goal, sub-goal or action, and of a follow-up of one."""

    ACHIEVED = ("uppnatt", "Uppnått")
    PARTLY = ("delvis_uppnatt", "Delvis uppnått")
    NOT_ACHIEVED = ("ej_uppnatt", "Ej uppnått")
    ONGOING = ("pagar", "Pågår")
    CANCELLED = ("avbrutet", "Avbrutet")


OPEN_PLAN_STATUSES = (PlanStatus.ONGOING, PlanStatus.PARTLY, PlanStatus.NOT_ACHIEVED)


class EventKind(_Labelled):
    CREATED = ("skapad", "Skapad")
    CHANGED = ("andrad", "Ändrad")
    MEETING_PLANNED = ("mote_planerat", "Möte planerat")
    MEETING_HELD = ("mote_genomfort", "Möte genomfört")
    MEETING_CANCELLED = ("mote_installt", "Möte inställt")
    DOCUMENT_EXPORTED = ("dokument_exporterat", "Dokument exporterat")
    CONSENT_CHANGED = ("samtycke_andrat", "Samtycke ändrat")
    NETWORK_CHANGED = ("natverk_andrat", "Nätverk ändrat")
    PLAN_CHANGED = ("plan_andrad", "Åtgärdsplan ändrad")
    CLOSED = ("avslutad", "Avslutad")
    REOPENED = ("aterupptagen", "Återupptagen")
    FOLLOWUP_RECORDED = ("uppfoljning_efter_avslut", "Uppföljning efter avslut")
    HANDOVER_SENT = ("overlamning_skickad", "Överlämnad")
    HANDOVER_RECEIVED = ("overlamning_mottagen", "Mottagen genom överlämning")
