"""Drills: a deleted drill's id is never given again (SQLite AUTOINCREMENT).

PostgreSQL's sequences never reuse an id; SQLite reuses the largest rowid once its row is
deleted unless the table is declared AUTOINCREMENT, which needs the table rebuilt.

Revision ID: 20261204_drill_ids_never_reused
Revises: 20261204_accounts_security
Create Date: 2026-12-04 19:25:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261204_drill_ids_never_reused"
down_revision: str | None = "20261204_accounts_security"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _rebuild(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    # Batch mode copies the table into a new one declared with these options: no column
    # changes, the rebuild itself is the migration.
    with op.batch_alter_table(
        "drill", recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
    ):
        pass


def upgrade() -> None:
    _rebuild(True)


def downgrade() -> None:
    _rebuild(False)
