"""Dashboard: when an improvement item was last reopened, so reconciling looks past that moment.

Revision ID: 0005_dashboard
Revises: 0004_review
Create Date: 2026-11-23 22:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0005_dashboard"
down_revision: str | None = "0004_review"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("improvement_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reopened_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("improvement_item", schema=None) as batch_op:
        batch_op.drop_column("reopened_at")
