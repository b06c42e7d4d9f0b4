"""Plan roles: a phone number for the holder and for the backup (members or external contacts).

Revision ID: 0009_role_phones
Revises: 20261204_studio_scenarios
Create Date: 2026-12-04 20:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

from alembic import op

revision: str = "0009_role_phones"
down_revision: str | None = "20261204_studio_scenarios"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("plan_role", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("holder_phone", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True)
        )
        batch_op.add_column(
            sa.Column("backup_phone", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("plan_role", schema=None) as batch_op:
        batch_op.drop_column("backup_phone")
        batch_op.drop_column("holder_phone")
