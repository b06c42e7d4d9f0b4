"""Studio: each organisation's own scenarios, their immutable versions, and the version a drill ran.

Revision ID: 20261204_studio_scenarios
Revises: 20261204_drill_ids_never_reused
Create Date: 2026-12-04 20:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "20261204_studio_scenarios"
down_revision: str | None = "20261204_drill_ids_never_reused"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite rebuilds `drill` to add a foreign key: the copy must stay AUTOINCREMENT.
DRILL_TABLE = {"table_kwargs": {"sqlite_autoincrement": True}}


def upgrade() -> None:
    op.create_table(
        "scenario",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=60), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_scenario_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_scenario_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scenario")),
        sa.UniqueConstraint("organisation_id", "slug", name=op.f("uq_scenario_organisation_id")),
    )
    op.create_index(op.f("ix_scenario_organisation_id"), "scenario", ["organisation_id"])
    op.create_table(
        "scenario_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", sa.Integer(), nullable=True),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("origin", sa.String(length=80), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_scenario_version_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_scenario_version_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["scenario_id"],
            ["scenario.id"],
            name=op.f("fk_scenario_version_scenario_id_scenario"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scenario_version")),
        sa.UniqueConstraint("scenario_id", "number", name=op.f("uq_scenario_version_scenario_id")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_scenario_version_organisation_id"), "scenario_version", ["organisation_id"]
    )
    op.create_index(op.f("ix_scenario_version_scenario_id"), "scenario_version", ["scenario_id"])
    with op.batch_alter_table("drill", **DRILL_TABLE) as batch_op:
        batch_op.add_column(sa.Column("scenario_version_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_drill_scenario_version_id_scenario_version"),
            "scenario_version",
            ["scenario_version_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("drill", **DRILL_TABLE) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_drill_scenario_version_id_scenario_version"), type_="foreignkey"
        )
        batch_op.drop_column("scenario_version_id")
    op.drop_index(op.f("ix_scenario_version_scenario_id"), table_name="scenario_version")
    op.drop_index(op.f("ix_scenario_version_organisation_id"), table_name="scenario_version")
    op.drop_table("scenario_version")
    op.drop_index(op.f("ix_scenario_organisation_id"), table_name="scenario")
    op.drop_table("scenario")
