"""Drills: the drill, its clock log, participants, actions and injects.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 20:54:12.277556
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "drill",
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.Column("speed", sa.Float(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("plan_version_id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("scheduled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("duration_s", sa.Integer(), nullable=False),
        sa.Column("brand", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_drill_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_drill_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_drill_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["plan_version_id"],
            ["plan_version.id"],
            name=op.f("fk_drill_plan_version_id_plan_version"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drill")),
    )
    with op.batch_alter_table("drill", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_drill_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_drill_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "drill_action",
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=5000), nullable=True),
        sa.Column("in_reply_to", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
        sa.Column("rumour", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
        sa.Column("ref", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
        sa.Column("to_role", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
        sa.Column("item", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
        sa.Column("post", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("drill_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at_s", sa.Float(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("role_key", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["drill_id"],
            ["drill.id"],
            name=op.f("fk_drill_action_drill_id_drill"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_drill_action_user_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drill_action")),
        sa.UniqueConstraint("drill_id", "seq", name=op.f("uq_drill_action_drill_id")),
    )
    with op.batch_alter_table("drill_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_drill_action_drill_id"), ["drill_id"], unique=False)

    op.create_table(
        "drill_clock_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("drill_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("speed", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["drill_id"],
            ["drill.id"],
            name=op.f("fk_drill_clock_event_drill_id_drill"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drill_clock_event")),
    )
    with op.batch_alter_table("drill_clock_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_drill_clock_event_drill_id"), ["drill_id"], unique=False
        )

    op.create_table(
        "drill_inject",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("drill_id", sa.Integer(), nullable=False),
        sa.Column("inject_key", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("at_s", sa.Float(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("actor_name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("persona", sa.String(length=30), nullable=False),
        sa.Column("content", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.Column("expects_response", sa.Boolean(), nullable=False),
        sa.Column("deadline_s", sa.Float(), nullable=True),
        sa.Column("priority", sa.String(length=10), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["drill_id"],
            ["drill.id"],
            name=op.f("fk_drill_inject_drill_id_drill"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drill_inject")),
    )
    with op.batch_alter_table("drill_inject", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_drill_inject_drill_id"), ["drill_id"], unique=False)

    op.create_table(
        "drill_participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("drill_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role_key", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["drill_id"],
            ["drill.id"],
            name=op.f("fk_drill_participant_drill_id_drill"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_drill_participant_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drill_participant")),
        sa.UniqueConstraint(
            "drill_id", "user_id", "role_key", name=op.f("uq_drill_participant_drill_id")
        ),
    )
    with op.batch_alter_table("drill_participant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_drill_participant_drill_id"), ["drill_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_drill_participant_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("drill_participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_drill_participant_user_id"))
        batch_op.drop_index(batch_op.f("ix_drill_participant_drill_id"))

    op.drop_table("drill_participant")
    with op.batch_alter_table("drill_inject", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_drill_inject_drill_id"))

    op.drop_table("drill_inject")
    with op.batch_alter_table("drill_clock_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_drill_clock_event_drill_id"))

    op.drop_table("drill_clock_event")
    with op.batch_alter_table("drill_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_drill_action_drill_id"))

    op.drop_table("drill_action")
    with op.batch_alter_table("drill", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_drill_plan_id"))
        batch_op.drop_index(batch_op.f("ix_drill_organisation_id"))

    op.drop_table("drill")
