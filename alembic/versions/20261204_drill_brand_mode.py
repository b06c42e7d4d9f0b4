"""Drills: the brand's handle chosen at set-up, and whether the drill is a practice or a rehearsal.

Revision ID: 20261204_drill_brand_mode
Revises: 0008_debrief
Create Date: 2026-12-04 17:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "20261204_drill_brand_mode"
down_revision: str | None = "0008_debrief"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("drill", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("brand_handle", sa.String(length=31), nullable=False, server_default="")
        )
        # Drills made before this counted as rehearsals: they keep counting.
        batch_op.add_column(
            sa.Column("mode", sa.String(length=10), nullable=False, server_default="rehearsal")
        )


def downgrade() -> None:
    with op.batch_alter_table("drill", schema=None) as batch_op:
        batch_op.drop_column("mode")
        batch_op.drop_column("brand_handle")
