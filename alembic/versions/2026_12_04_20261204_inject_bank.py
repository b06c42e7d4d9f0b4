"""Studio: each organisation's inject bank, injects saved from one scenario to reuse in others.

Revision ID: 20261204_inject_bank
Revises: 20261204_user_time_zone
Create Date: 2026-12-04 22:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "20261204_inject_bank"
down_revision: str | None = "20261204_user_time_zone"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "inject_bank_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("inject", sa.JSON(), nullable=False),
        sa.Column("source_title", sa.JSON(), nullable=False),
        sa.Column("rumour_claim", sa.JSON(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_inject_bank_entry_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_inject_bank_entry_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inject_bank_entry")),
    )
    op.create_index(
        op.f("ix_inject_bank_entry_organisation_id"), "inject_bank_entry", ["organisation_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_inject_bank_entry_organisation_id"), table_name="inject_bank_entry")
    op.drop_table("inject_bank_entry")
