"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22 11:49:02.444311
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The event log is append-only: no update ever, and no delete while its youth exists
# (deleting a youth in gallring removes the youth's events by cascade).
APPEND_ONLY_TRIGGERS = (
    """CREATE TRIGGER event_no_update BEFORE UPDATE ON event
BEGIN SELECT RAISE(ABORT, 'event log is append-only'); END""",
    """CREATE TRIGGER event_no_delete BEFORE DELETE ON event
WHEN EXISTS (SELECT 1 FROM youth WHERE youth.id = OLD.youth_id)
BEGIN SELECT RAISE(ABORT, 'event log is append-only'); END""",
)


def upgrade() -> None:
    op.create_table(
        "actor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "actor_type",
            sa.Enum(
                "socialtjanst",
                "polis",
                "skola",
                "faltassistenter",
                "maria_ungdom",
                "bas",
                "mst",
                "familjebehandling",
                "ungdomsbehandlare",
                "arbetsmarknad",
                "bup",
                "ovrig",
                name="actor_type",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("contact_person", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor")),
    )
    op.create_table(
        "worker_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "role",
            sa.Enum("lots", "samordnare", "bada", name="worker_role", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("forvaltning", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_worker_profile_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_worker_profile")),
    )
    op.create_table(
        "youth",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("personnummer", sa.String(length=12), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column(
            "gender",
            sa.Enum(
                "flicka",
                "pojke",
                "annat",
                "uppgift_saknas",
                name="gender",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "track",
            sa.Enum("sig_unga", "sig_unga_vuxna", name="track", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("school", sa.String(length=200), nullable=False),
        sa.Column("stadsdel", sa.String(length=100), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "forslag", "aktiv", "avslutad", name="youth_status", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("proposed_by", sa.String(length=200), nullable=False),
        sa.Column("assessment_date", sa.Date(), nullable=True),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column(
            "decision_kind",
            sa.Enum(
                "bistandsbedomd",
                "ej_behovsprovad",
                name="decision_kind",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("court_statement", sa.Boolean(), nullable=False),
        sa.Column("dom_date", sa.Date(), nullable=True),
        sa.Column(
            "dom_timing",
            sa.Enum("fore_dom", "efter_dom", name="dom_timing", native_enum=False, length=32),
            nullable=True,
        ),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("meeting_interval_days", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "meeting_interval_days BETWEEN 7 AND 35", name=op.f("ck_youth_interval_range")
        ),
        sa.CheckConstraint(
            "personnummer IS NULL OR length(personnummer) = 12",
            name=op.f("ck_youth_personnummer_12"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_youth")),
        sa.UniqueConstraint("personnummer", name=op.f("uq_youth_personnummer")),
    )
    with op.batch_alter_table("youth", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_youth_status"), ["status"], unique=False)

    op.create_table(
        "closure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("youth_id", sa.Integer(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=False),
        sa.Column(
            "reason",
            sa.Enum(
                "mal_uppfyllda",
                "annan_insats",
                "placerad",
                "flyttat",
                "samtycke_aterkallat",
                "ovrigt",
                name="closure_reason",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("followup_on", sa.Date(), nullable=True),
        sa.Column("followup_outcome", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["youth_id"], ["youth.id"], name=op.f("fk_closure_youth_id_youth"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closure")),
        sa.UniqueConstraint("youth_id", name=op.f("uq_closure_youth_id")),
    )
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("youth_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "skapad",
                "andrad",
                "mote_planerat",
                "mote_genomfort",
                "mote_installt",
                "dokument_exporterat",
                "samtycke_andrat",
                "natverk_andrat",
                "plan_andrad",
                "avslutad",
                name="event_kind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["youth_id"], ["youth.id"], name=op.f("fk_event_youth_id_youth"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index("ix_event_youth_at", ["youth_id", "at"], unique=False)

    op.create_table(
        "goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("youth_id", sa.Integer(), nullable=False),
        sa.Column(
            "life_area",
            sa.Enum(
                "kriminalitet",
                "skola",
                "fritid",
                "familj",
                "kamrater",
                "halsa",
                "droger",
                "boende",
                "ekonomi",
                name="life_area",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("current_situation", sa.Text(), nullable=False),
        sa.Column("own_words", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "uppnatt",
                "delvis_uppnatt",
                "ej_uppnatt",
                "pagar",
                "avbrutet",
                name="goal_status",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["youth_id"], ["youth.id"], name=op.f("fk_goal_youth_id_youth"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal")),
    )
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_youth_id"), ["youth_id"], unique=False)

    op.create_table(
        "guardian",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("youth_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("relation", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("has_custody", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["youth_id"], ["youth.id"], name=op.f("fk_guardian_youth_id_youth"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guardian")),
    )
    with op.batch_alter_table("guardian", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_guardian_youth_id"), ["youth_id"], unique=False)

    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("youth_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "planerat",
                "genomfort",
                "installt",
                name="meeting_status",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("chair", sa.String(length=200), nullable=False),
        sa.Column("note_taker", sa.String(length=200), nullable=False),
        sa.Column("agenda", sa.Text(), nullable=False),
        sa.Column("decisions", sa.Text(), nullable=False),
        sa.Column("cancel_reason", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "duration_minutes BETWEEN 1 AND 720", name=op.f("ck_meeting_duration_range")
        ),
        sa.ForeignKeyConstraint(
            ["youth_id"], ["youth.id"], name=op.f("fk_meeting_youth_id_youth"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(
            "ix_meeting_youth_status_start", ["youth_id", "status", "starts_at"], unique=False
        )

    op.create_table(
        "network_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("youth_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("added_on", sa.Date(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actor.id"],
            name=op.f("fk_network_member_actor_id_actor"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["youth_id"],
            ["youth.id"],
            name=op.f("fk_network_member_youth_id_youth"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_member")),
        sa.UniqueConstraint("youth_id", "actor_id", name="youth_actor"),
    )
    with op.batch_alter_table("network_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_network_member_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_network_member_youth_id"), ["youth_id"], unique=False)

    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column(
            "participant",
            sa.Enum(
                "ungdom",
                "vardnadshavare",
                "aktor",
                name="participant_kind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("guardian_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "narvarande",
                "franvarande",
                "forhinder",
                name="attendance_status",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.CheckConstraint(
            "(participant = 'aktor') = (actor_id IS NOT NULL) AND (participant = 'vardnadshavare') = (guardian_id IS NOT NULL)",
            name=op.f("ck_attendance_participant_ref"),
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actor.id"],
            name=op.f("fk_attendance_actor_id_actor"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["guardian_id"],
            ["guardian.id"],
            name=op.f("fk_attendance_guardian_id_guardian"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_attendance_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendance_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("youth_id", sa.Integer(), nullable=False),
        sa.Column(
            "given_by",
            sa.Enum("ungdom", "vardnadshavare", name="consent_giver", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("guardian_id", sa.Integer(), nullable=True),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("form_version", sa.String(length=50), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "(given_by = 'vardnadshavare') = (guardian_id IS NOT NULL)",
            name=op.f("ck_consent_guardian_giver"),
        ),
        sa.CheckConstraint(
            "valid_until IS NULL OR valid_until >= signed_on", name=op.f("ck_consent_valid_after")
        ),
        sa.CheckConstraint(
            "withdrawn_on IS NULL OR withdrawn_on >= signed_on",
            name=op.f("ck_consent_withdrawn_after"),
        ),
        sa.ForeignKeyConstraint(
            ["guardian_id"],
            ["guardian.id"],
            name=op.f("fk_consent_guardian_id_guardian"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["youth_id"], ["youth.id"], name=op.f("fk_consent_youth_id_youth"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_guardian_id"), ["guardian_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_consent_youth_id"), ["youth_id"], unique=False)

    op.create_table(
        "meeting_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("item", sa.Integer(), nullable=False),
        sa.Column("heading", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_note_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_note")),
        sa.UniqueConstraint("meeting_id", "item", name="meeting_item"),
    )
    op.create_table(
        "subgoal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "uppnatt",
                "delvis_uppnatt",
                "ej_uppnatt",
                "pagar",
                "avbrutet",
                name="subgoal_status",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_subgoal_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subgoal")),
    )
    with op.batch_alter_table("subgoal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_subgoal_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("subgoal_id", sa.Integer(), nullable=True),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("responsible_actor_id", sa.Integer(), nullable=True),
        sa.Column("responsible_person", sa.String(length=200), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "uppnatt",
                "delvis_uppnatt",
                "ej_uppnatt",
                "pagar",
                "avbrutet",
                name="action_status",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_action_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["responsible_actor_id"],
            ["actor.id"],
            name=op.f("fk_action_responsible_actor_id_actor"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["subgoal_id"],
            ["subgoal.id"],
            name=op.f("fk_action_subgoal_id_subgoal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action")),
    )
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_goal_id"), ["goal_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_subgoal_id"), ["subgoal_id"], unique=False)

    op.create_table(
        "consent_actor",
        sa.Column("consent_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actor.id"],
            name=op.f("fk_consent_actor_actor_id_actor"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["consent_id"],
            ["consent.id"],
            name=op.f("fk_consent_actor_consent_id_consent"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("consent_id", "actor_id", name=op.f("pk_consent_actor")),
    )
    op.create_table(
        "followup",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("subgoal_id", sa.Integer(), nullable=True),
        sa.Column("action_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "uppnatt",
                "delvis_uppnatt",
                "ej_uppnatt",
                "pagar",
                "avbrutet",
                name="followup_status",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "(goal_id IS NOT NULL) + (subgoal_id IS NOT NULL) + (action_id IS NOT NULL) = 1",
            name=op.f("ck_followup_one_target"),
        ),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["action.id"],
            name=op.f("fk_followup_action_id_action"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_followup_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_followup_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["subgoal_id"],
            ["subgoal.id"],
            name=op.f("fk_followup_subgoal_id_subgoal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followup")),
    )
    with op.batch_alter_table("followup", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_followup_action_id"), ["action_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_followup_goal_id"), ["goal_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_followup_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_followup_subgoal_id"), ["subgoal_id"], unique=False)

    for trigger in APPEND_ONLY_TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS event_no_update")
    op.execute("DROP TRIGGER IF EXISTS event_no_delete")
    with op.batch_alter_table("followup", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_followup_subgoal_id"))
        batch_op.drop_index(batch_op.f("ix_followup_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_followup_goal_id"))
        batch_op.drop_index(batch_op.f("ix_followup_action_id"))

    op.drop_table("followup")
    op.drop_table("consent_actor")
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_subgoal_id"))
        batch_op.drop_index(batch_op.f("ix_action_goal_id"))

    op.drop_table("action")
    with op.batch_alter_table("subgoal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_subgoal_goal_id"))

    op.drop_table("subgoal")
    op.drop_table("meeting_note")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_youth_id"))
        batch_op.drop_index(batch_op.f("ix_consent_guardian_id"))

    op.drop_table("consent")
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_meeting_id"))

    op.drop_table("attendance")
    with op.batch_alter_table("network_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_network_member_youth_id"))
        batch_op.drop_index(batch_op.f("ix_network_member_actor_id"))

    op.drop_table("network_member")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index("ix_meeting_youth_status_start")

    op.drop_table("meeting")
    with op.batch_alter_table("guardian", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_guardian_youth_id"))

    op.drop_table("guardian")
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_youth_id"))

    op.drop_table("goal")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index("ix_event_youth_at")

    op.drop_table("event")
    op.drop_table("closure")
    with op.batch_alter_table("youth", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_youth_status"))

    op.drop_table("youth")
    op.drop_table("worker_profile")
    op.drop_table("actor")
