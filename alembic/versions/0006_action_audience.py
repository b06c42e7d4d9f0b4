"""Drill actions: the plan audience a public statement is written for.

Revision ID: 0006_action_audience
Revises: 0005_dashboard
Create Date: 2026-11-23 23:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0006_action_audience"
down_revision: str | None = "0005_dashboard"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("drill_action", schema=None) as batch_op:
        batch_op.add_column(sa.Column("audience", sa.String(length=60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("drill_action", schema=None) as batch_op:
        batch_op.drop_column("audience")
