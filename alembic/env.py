"""Alembic environment: the schema from SQLModel's metadata, the URL from the settings."""

from logging.config import fileConfig

from alembic import context
from app.core.db import make_engine
from app.core.settings import get_settings
from app.models import metadata

config = context.config
if config.config_file_name and config.attributes.get("configure_logging", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def database_url() -> str:
    """An explicit URL handed in by the caller (tests), else the settings'."""
    return config.attributes.get("database_url") or get_settings().database_url


def run_offline() -> None:
    context.configure(
        url=database_url(), target_metadata=metadata, literal_binds=True, render_as_batch=True
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(database_url())
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


def _run(connection) -> None:
    context.configure(
        connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
