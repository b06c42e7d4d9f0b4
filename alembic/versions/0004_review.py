"""Review: a drill's cached review, annotations, metric overrides, improvement items.

Revision ID: 0004_review
Revises: 0003
Create Date: 2026-11-23 22:06:09.573603
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

from alembic import op

revision: str = "0004_review"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "drill_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("drill_id", sa.Integer(), nullable=False),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.Column("timeline", sa.JSON(), nullable=False),
        sa.Column("scored_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["drill_id"],
            ["drill.id"],
            name=op.f("fk_drill_review_drill_id_drill"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user_account.id"],
            name=op.f("fk_drill_review_updated_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drill_review")),
        sa.UniqueConstraint("drill_id", name=op.f("uq_drill_review_drill_id")),
    )
    op.create_table(
        "improvement_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("drill_id", sa.Integer(), nullable=True),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("section", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_change_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_improvement_item_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["done_change_id"],
            ["plan_change.id"],
            name=op.f("fk_improvement_item_done_change_id_plan_change"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["drill_id"],
            ["drill.id"],
            name=op.f("fk_improvement_item_drill_id_drill"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["user_account.id"],
            name=op.f("fk_improvement_item_owner_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plan.id"],
            name=op.f("fk_improvement_item_plan_id_plan"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_improvement_item")),
    )
    with op.batch_alter_table("improvement_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_improvement_item_drill_id"), ["drill_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_improvement_item_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "metric_override",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("drill_id", sa.Integer(), nullable=False),
        sa.Column("metric", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("justification", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["user_account.id"],
            name=op.f("fk_metric_override_author_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["drill_id"],
            ["drill.id"],
            name=op.f("fk_metric_override_drill_id_drill"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_metric_override")),
        sa.UniqueConstraint("drill_id", "metric", name=op.f("uq_metric_override_drill_id")),
    )
    op.create_table(
        "review_annotation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("drill_id", sa.Integer(), nullable=False),
        sa.Column("target_kind", sa.String(length=10), nullable=False),
        sa.Column("target_id", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("at_s", sa.Float(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["user_account.id"],
            name=op.f("fk_review_annotation_author_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["drill_id"],
            ["drill.id"],
            name=op.f("fk_review_annotation_drill_id_drill"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_annotation")),
    )
    with op.batch_alter_table("review_annotation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_annotation_drill_id"), ["drill_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("review_annotation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_annotation_drill_id"))

    op.drop_table("review_annotation")
    op.drop_table("metric_override")
    with op.batch_alter_table("improvement_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_improvement_item_plan_id"))
        batch_op.drop_index(batch_op.f("ix_improvement_item_drill_id"))

    op.drop_table("improvement_item")
    op.drop_table("drill_review")
