"""Fixtures shared by the whole suite: a migrated database, a rolled-back session, clients."""

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.core import migrate, security
from app.core.db import get_session, make_engine
from app.core.settings import Settings
from app.main import create_app
from tests.databases import scratch_database
from tests.factories import Factory

IN_CI = os.environ.get("CI") == "true"
TEST_DATABASE_URL = os.environ.get("STORMDRILL_TEST_DATABASE_URL")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark `database` every test that reaches the suite's database, so the PostgreSQL pass
    runs those and skips the pure ones, which would only repeat themselves."""
    for item in items:
        if "database_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.database)


# The suite makes and signs in hundreds of people: argon2 at its production cost (about 0.15 s
# of CPU a hash, by design) was a fifth of the suite's time. Each hash carries its parameters,
# so one made here verifies anywhere, in a served process too.
QUICK_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture(scope="session", autouse=True)
def quick_password_hashing() -> Iterator[PasswordHasher]:
    """Cheap argon2 parameters for the whole suite; yields the production hasher."""
    with pytest.MonkeyPatch.context() as patch:
        production = security._hasher
        patch.setattr(security, "_hasher", QUICK_HASHER)
        yield production


def test_settings(database_url: str) -> Settings:
    """Settings for the test application."""
    return Settings(environment="test", secret_key="test-secret", database_url=database_url)


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """The test database: PostgreSQL when STORMDRILL_TEST_DATABASE_URL says so, else SQLite.
    Under pytest-xdist each worker gets a scratch database of its own on that server, since
    some tests commit (concurrency, migrations) and would see each other's rows."""
    with tempfile.TemporaryDirectory() as folder:
        if TEST_DATABASE_URL and os.environ.get("PYTEST_XDIST_WORKER"):
            with scratch_database(TEST_DATABASE_URL, Path(folder)) as url:
                yield url
        else:
            yield TEST_DATABASE_URL or f"sqlite:///{Path(folder) / 'test.db'}"


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on a database migrated to head by Alembic, as production would be."""
    migrate.upgrade(database_url)
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session inside a transaction that is rolled back after the test."""
    with engine.connect() as connection:
        transaction = connection.begin()
        with Session(
            bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        ) as db:
            yield db
        transaction.rollback()


@pytest.fixture
def factory(session: Session) -> Factory:
    """Small factories writing through the services, with a seeded Faker."""
    return Factory(session)


@pytest.fixture
def app(session: Session, database_url: str) -> FastAPI:
    """The application, its sessions bound to the test transaction."""
    application = create_app(test_settings(database_url))
    application.dependency_overrides[get_session] = lambda: session
    return application


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """An HTTP client for the application, keeping cookies like a browser."""
    with TestClient(app, base_url="http://testserver") as test_client:
        yield test_client
