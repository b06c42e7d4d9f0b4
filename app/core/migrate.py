"""Run Alembic migrations from code (the CLI, `make run`, tests)."""

from alembic.config import Config

from alembic import command
from app.core.settings import ROOT


def alembic_config(database_url: str | None = None) -> Config:
    """Alembic's configuration, optionally pointed at another database."""
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "alembic"))
    config.attributes["configure_logging"] = False
    if database_url:
        config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str | None = None, revision: str = "head") -> None:
    """Bring the database schema up to `revision`."""
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str | None = None, revision: str = "base") -> None:
    """Take the database schema down to `revision`."""
    command.downgrade(alembic_config(database_url), revision)
