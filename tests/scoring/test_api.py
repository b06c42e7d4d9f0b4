"""POST /api/score: members score any drill record; invalid records get 422 with the path."""

from app.accounts.models import Role
from tests.factories import sign_in
from tests.scoring.records import fixture
from tests.scoring.test_service import caring, library_record


def test_a_member_scores_a_record(client, factory):
    org = factory.org()
    sign_in(client, factory.member(org, Role.member))
    response = client.post("/api/score", json=fixture("good-drill-en"))
    assert response.status_code == 200
    report = response.json()
    assert report["format"] == "stormdrill.score/1"
    assert report["overall"] == 94.0
    assert report["dimensions"]["rumour_control"]["rating"] == "P"


def test_an_invalid_record_gets_422_naming_the_field(client, factory):
    sign_in(client, factory.member(factory.org(), Role.trainer))
    record = fixture("french-drill-fr")
    del record["actions"][1]["text"]
    response = client.post("/api/score", json=record)
    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert detail["msg"].startswith("actions[1].text: ")
    assert detail["loc"] == ["body", "actions[1]", "text"]


def test_scoring_needs_a_signed_in_member(client):
    response = client.post("/api/score", json=fixture("good-drill-en"))
    assert response.status_code in (401, 403)


def test_the_api_scores_a_library_scenario_with_its_storm_outcome(client, factory):
    sign_in(client, factory.member(factory.org(), Role.member))
    response = client.post(
        "/api/score", json=library_record("product-recall", caring("product-recall"))
    )
    assert response.status_code == 200
    dimensions = response.json()["dimensions"]
    assert dimensions["outcome"]["assessed"] is True
    assert dimensions["rumour_control"]["assessed"] is True
