"""Migrations: the schema Alembic builds matches the models, and every step reverses."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from app.core import migrate
from app.core.db import make_engine
from app.models import metadata
from tests.databases import scratch_database


def test_the_suite_runs_on_the_database_it_was_asked_for(engine, database_url):
    assert engine.dialect.name == make_url(database_url).get_dialect().name


def test_migrations_match_the_models(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_every_migration_downgrades_and_upgrades_again(database_url, tmp_path):
    with scratch_database(database_url, tmp_path) as url:
        migrate.upgrade(url)
        scratch = make_engine(url)
        tables = set(inspect(scratch).get_table_names())
        assert {"organisation", "user_account", "membership"} <= tables
        migrate.downgrade(url, "base")
        assert set(inspect(scratch).get_table_names()) <= {"alembic_version"}
        migrate.upgrade(url)
        assert set(inspect(scratch).get_table_names()) == tables
        scratch.dispose()
