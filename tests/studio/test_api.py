"""The studio JSON API: clone, import, edit with optimistic locking, export, roles, isolation."""

from datetime import datetime

import pytest
import yaml

from app.accounts.models import Role
from app.scenarios import library
from app.scenarios.loader import parse_scenario
from app.studio.document import to_yaml
from tests.factories import sign_in
from tests.studio.helpers import make_scenario


@pytest.fixture
def org(client, factory):
    org = factory.org()
    sign_in(client, factory.member(org, Role.trainer))
    return org


def clone(client, **fields):
    response = client.post("/api/studio/scenarios/clone", json={"library_id": "tutorial", **fields})
    assert response.status_code == 201, response.text
    return response.json()


def test_clone_list_and_read(client, org):
    made = clone(client, slug="cafe-leak")
    assert (made["slug"], made["version"]) == ("cafe-leak", 1)
    listed = client.get("/api/studio/scenarios").json()
    assert [s["slug"] for s in listed["data"]] == ["cafe-leak"]
    assert (
        listed["data"][0]["summary"]["title"]
        == library.load_scenario("tutorial").title.model_dump()
    )
    assert datetime.fromisoformat(listed["data"][0]["updated_at"]).tzinfo is not None
    got = client.get(f"/api/studio/scenarios/{made['id']}").json()
    assert got["document"]["id"] == "cafe-leak"


def test_the_drill_choices_list_ours_then_the_librarys(client, org):
    clone(client, slug="cafe-leak")
    choices = client.get("/api/scenarios").json()["data"]
    assert choices[0]["origin"] == "organisation" and choices[0]["summary"]["id"] == "cafe-leak"
    library_ids = [c["summary"]["id"] for c in choices if c["origin"] == "library"]
    assert library_ids == [s.id for s in library.list_scenarios()]


def test_an_import_with_errors_lists_each_by_line_and_field(client, org):
    text = to_yaml(library.load_scenario("tutorial")).replace("severity: 1", "severity: 0")
    text = text.replace("crisis_type: tutorial", "crisis_type: flood")
    response = client.post(
        "/api/studio/scenarios/import", json={"yaml": text, "filename": "mine.yaml"}
    )
    assert response.status_code == 422
    fields = {tuple(error["loc"][1:]) for error in response.json()["detail"]}
    assert fields == {("severity",), ("crisis_type",)}
    assert all(error["msg"].startswith("mine.yaml:") for error in response.json()["detail"])
    assert client.get("/api/studio/scenarios").json()["count"] == 0


def test_an_update_saves_a_version_and_a_stale_one_answers_409(client, org):
    made = clone(client)
    document = {**made["document"], "severity": 3}
    url = f"/api/studio/scenarios/{made['id']}"
    saved = client.put(url, json={"version": 1, "document": document})
    assert saved.status_code == 200 and saved.json()["version"] == 2
    stale = client.put(url, json={"version": 1, "document": {**document, "severity": 4}})
    assert stale.status_code == 409
    assert stale.json()["detail"][0]["loc"] == ["body", "version"]
    assert client.get(url).json()["document"]["severity"] == 3


def test_an_invalid_update_names_the_path(client, org):
    made = clone(client)
    document = made["document"]
    document["rumours"][0]["contradicts"] = ["no-such-fact"]
    response = client.put(
        f"/api/studio/scenarios/{made['id']}", json={"version": 1, "document": document}
    )
    assert response.status_code == 422
    assert ["body", "rumours", "0", "contradicts", "0"] in [
        e["loc"] for e in response.json()["detail"]
    ]


def test_the_export_is_a_library_file(client, org):
    made = clone(client, slug="cafe-leak")
    response = client.get(f"/api/studio/scenarios/{made['id']}/export")
    assert response.status_code == 200
    assert 'filename="cafe-leak.yaml"' in response.headers["content-disposition"]
    scenario = parse_scenario(response.text, label="cafe-leak.yaml", stem="cafe-leak")
    assert scenario.model_dump(mode="json") == made["document"]
    assert yaml.safe_load(response.text)["duration"] == "10m"


def test_delete_needs_the_current_version(client, org):
    made = clone(client)
    url = f"/api/studio/scenarios/{made['id']}"
    assert client.delete(url, params={"version": 2}).status_code == 409
    assert client.delete(url, params={"version": 1}).status_code == 204
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("role", "read", "write"),
    [(Role.author, 200, 403), (Role.member, 403, 403), (Role.admin, 200, 201)],
)
def test_authors_read_members_see_nothing(client, factory, role, read, write):
    sign_in(client, factory.member(factory.org(), role))
    assert client.get("/api/studio/scenarios").status_code == read
    assert client.get("/api/scenarios").status_code == read
    made = client.post("/api/studio/scenarios/clone", json={"library_id": "tutorial"})
    assert made.status_code == write


def test_another_organisations_scenario_answers_404(client, factory, session):
    theirs = make_scenario(session, factory.org())
    sign_in(client, factory.member(factory.org(), Role.admin))
    assert client.get(f"/api/studio/scenarios/{theirs.id}").status_code == 404
    assert client.get(f"/api/studio/scenarios/{theirs.id}/export").status_code == 404
