"""Migrations: the schema Alembic builds matches the models, and every step reverses."""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from app.core import migrate
from app.core.db import make_engine
from app.models import metadata


@contextmanager
def scratch_database(base_url: str, tmp_path: Path) -> Iterator[str]:
    """An empty database of the same kind as the suite's, dropped afterwards."""
    url = make_url(base_url)
    if url.get_backend_name() == "sqlite":
        yield f"sqlite:///{tmp_path / 'scratch.db'}"
        return
    name = f"scratch_{uuid.uuid4().hex[:10]}"
    admin = make_engine(url.set(database="postgres").render_as_string(hide_password=False))
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


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
