"""`stormdrill drill run --org`: an organisation scenario found by its id, at its latest version."""

import json

import pytest
from typer.testing import CliRunner

from app.cli import app as cli_app
from app.core import db
from app.scenarios import library
from tests.studio.helpers import edit, make_scenario


@pytest.fixture
def same_transaction(session, monkeypatch):
    """The command's sessions read the test's (rolled-back) transaction."""
    monkeypatch.setattr(db, "get_engine", lambda: session.connection())


def run(tmp_path, *extra):
    actions = tmp_path / "actions.yaml"
    actions.write_text("- {at_s: 60, kind: note, text: Cell convened}\n", encoding="utf-8")
    out = tmp_path / "record.json"
    args = ["drill", "run", "--plan", "examples/plan-en.yaml", "--actions", str(actions)]
    result = CliRunner().invoke(cli_app, [*args, "--out", str(out), *extra])
    return result, out


def test_an_organisation_scenario_runs_at_its_latest_version(
    session, factory, tmp_path, same_transaction
):
    org = factory.org()
    row = make_scenario(session, org, slug="our-cafe")
    edit(session, row, title={"en": "Our flooded flagship", "fr": "Notre café inondé"})
    result, out = run(tmp_path, "--scenario", "our-cafe", "--org", org.slug)
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text())
    assert record["scenario"]["id"] == "our-cafe"
    assert record["scenario"]["title"] == "Our flooded flagship"


def test_with_an_org_a_library_id_still_runs_the_library_scenario(
    session, factory, tmp_path, same_transaction
):
    org = factory.org()
    result, out = run(tmp_path, "--scenario", "tutorial", "--org", org.slug)
    assert result.exit_code == 0, result.output
    title = library.load_scenario("tutorial").title.en
    assert json.loads(out.read_text())["scenario"]["title"] == title


def test_another_organisations_scenario_or_an_unknown_org_is_refused(
    session, factory, tmp_path, same_transaction
):
    make_scenario(session, factory.org(), slug="their-cafe")
    mine = factory.org()
    result, out = run(tmp_path, "--scenario", "their-cafe", "--org", mine.slug)
    assert result.exit_code == 2 and "their-cafe" in result.output
    result, out = run(tmp_path, "--scenario", "tutorial", "--org", "no-such-org")
    assert result.exit_code == 2 and "no-such-org" in result.output
    assert not out.exists()
