"""The ORM entities of SPEC §3, one per module; importing this registers them all."""

from sigdesk.models.action import Action
from sigdesk.models.actor import Actor
from sigdesk.models.attendance import Attendance
from sigdesk.models.base import Base
from sigdesk.models.closure import Closure
from sigdesk.models.consent import Consent, consent_actor
from sigdesk.models.deletion import YouthDeletion
from sigdesk.models.event import Event
from sigdesk.models.followup import FollowUp
from sigdesk.models.goal import Goal
from sigdesk.models.guardian import Guardian
from sigdesk.models.meeting import Meeting
from sigdesk.models.meeting_draft import MeetingDraft
from sigdesk.models.meeting_note import MeetingNote
from sigdesk.models.network import NetworkMember
from sigdesk.models.profile import WorkerProfile
from sigdesk.models.subgoal import SubGoal
from sigdesk.models.youth import Youth

__all__ = [
    "Action",
    "Actor",
    "Attendance",
    "Base",
    "Closure",
    "Consent",
    "Event",
    "FollowUp",
    "Goal",
    "Guardian",
    "Meeting",
    "MeetingDraft",
    "MeetingNote",
    "NetworkMember",
    "SubGoal",
    "WorkerProfile",
    "Youth",
    "YouthDeletion",
    "consent_actor",
]
