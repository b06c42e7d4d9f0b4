"""Organisations: whether the author who sent a plan for review may approve it.

Revision ID: 0007_plans_self_approval
Revises: 0006_action_audience
Create Date: 2026-12-04 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0007_plans_self_approval"
down_revision: str | None = "0006_action_audience"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        column = sa.Column(
            "plans_self_approval", sa.Boolean(), nullable=False, server_default=sa.false()
        )
        batch_op.add_column(column)


def downgrade() -> None:
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_column("plans_self_approval")
