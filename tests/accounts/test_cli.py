"""`stormdrill create-user`: the organisation is found by its slug whatever the case typed."""

from pathlib import Path

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from app import cli
from app.accounts import service as accounts
from app.accounts.models import Membership, Organisation
from app.core import migrate
from app.core.db import make_engine


@pytest.fixture
def engine(tmp_path: Path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    migrate.upgrade(url)
    engine = make_engine(url)
    with Session(engine) as session:
        accounts.create_organisation(session=session, name="Beta", slug="beta")
        session.commit()
    monkeypatch.setattr("app.core.db.get_engine", lambda: engine)
    yield engine
    engine.dispose()


def test_create_user_with_the_slug_in_another_case_joins_the_existing_organisation(engine):
    result = CliRunner().invoke(
        cli.app,
        [
            "create-user",
            "--email",
            "ana@example.test",
            "--name",
            "Ana",
            "--org",
            "Beta",
            "--role",
            "author",
            "--password",
            "long enough secret",
        ],
    )
    assert result.exit_code == 0, result.output
    with Session(engine) as session:
        orgs = session.exec(select(Organisation)).all()
        assert [org.slug for org in orgs] == ["beta"]
        assert len(session.exec(select(Membership)).all()) == 1
