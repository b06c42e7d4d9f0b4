"""Drills on organisation scenarios: set up from the form like library ones, version recorded."""

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app.accounts.models import Role
from app.cli import app as cli_app
from app.drills import service as drills
from app.drills.models import Drill
from app.scenarios import library
from app.studio import document, service
from tests.drills.helpers import approved_version_id
from tests.factories import sign_in
from tests.plans.html import find_all
from tests.studio.helpers import edit, make_scenario


@pytest.fixture
def client(app):
    """A client that shows redirects instead of following them."""
    return TestClient(app, base_url="http://testserver", follow_redirects=False)


def test_the_set_up_form_lists_ours_by_title_and_runs_the_latest_version(client, session, factory):
    org = factory.org()
    trainer = factory.member(org, Role.trainer)
    row = make_scenario(session, org)
    edit(session, row, title={"en": "Our flooded flagship", "fr": "Notre café inondé"})
    sign_in(client, trainer)
    form = client.get("/drills/new").text
    groups = find_all(form, "optgroup")
    assert [g.get("label") for g in groups] == ["Your organisation’s scenarios", "Library"]
    options = {o.get("value"): o.text for o in find_all(form, "option")}
    assert "Our flooded flagship" in options[row.slug]
    assert library.load_scenario("tutorial").title.en in options["tutorial"]
    summary = client.get("/drills/new/scenario", params={"scenario_id": row.slug})
    assert "Our flooded flagship" in summary.text
    made = client.post(
        "/drills",
        data={
            "plan_version_id": approved_version_id(session, org, trainer),
            "scenario_id": row.slug,
            "language": "en",
            "seed": "5",
            "speed": "10",
            "mode": "practice",
        },
    )
    assert made.status_code == 303, made.text
    drill = session.get(Drill, int(made.headers["location"].rsplit("/", 1)[1]))
    assert drill.scenario_version_id == service.latest_version(session=session, row=row).id
    assert drills.scenario_of(drill).title.en == "Our flooded flagship"
    assert client.get(made.headers["location"]).status_code == 200


def test_another_organisations_scenario_cannot_be_drilled(client, session, factory):
    theirs = make_scenario(session, factory.org(), slug="their-leak")
    org = factory.org()
    trainer = factory.member(org, Role.trainer)
    sign_in(client, trainer)
    refused = client.post(
        "/drills",
        data={
            "plan_version_id": approved_version_id(session, org, trainer),
            "scenario_id": theirs.slug,
            "language": "en",
            "speed": "10",
        },
    )
    assert refused.status_code == 422
    assert "their-leak" in refused.text


def test_an_exported_version_runs_headless_as_it_was_saved(session, factory, tmp_path):
    org = factory.org()
    row = make_scenario(session, org)
    edit(session, row, title={"en": "Our flooded flagship", "fr": "Notre café inondé"})
    scenario = service.document_of(service.latest_version(session=session, row=row))
    scenario_file = tmp_path / document.file_name(scenario)
    scenario_file.write_text(document.to_yaml(scenario), encoding="utf-8")
    actions = tmp_path / "actions.yaml"
    actions.write_text("- {at_s: 60, kind: note, text: Cell convened}\n", encoding="utf-8")
    out = tmp_path / "record.json"
    args = ["drill", "run", "--plan", "examples/plan-en.yaml", "--scenario", str(scenario_file)]
    args += ["--actions", str(actions), "--out", str(out), "--seed", "3"]
    result = CliRunner().invoke(cli_app, args)
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text())
    assert record["scenario"]["id"] == row.slug
    assert record["scenario"]["title"] == "Our flooded flagship"
    assert record["duration_s"] == scenario.duration
