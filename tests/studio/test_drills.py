"""Drills on organisation scenarios: set up from the form like library ones, version recorded."""

import pytest
from fastapi.testclient import TestClient

from app.accounts.models import Role
from app.drills import service as drills
from app.drills.models import Drill
from app.scenarios import library
from app.studio import service
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
