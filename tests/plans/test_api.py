"""The plans JSON API: same services, 422 with the field's path, 409 on stale versions."""

import pytest

from app.accounts.models import Role
from app.plans.catalogue import METRIC_LABELS
from tests.factories import sign_in
from tests.plans.helpers import make_full_plan, send_for_review


@pytest.fixture
def org(client, factory):
    org = factory.org()
    sign_in(client, factory.member(org, Role.author))
    return org


def test_create_list_and_read_a_plan(client, org):
    created = client.post("/api/plans", json={"title": "Breach", "languages": ["en"]})
    assert created.status_code == 201
    plan = created.json()
    assert (plan["status"], plan["version"], plan["overdue"]) == ("draft", 1, False)
    listed = client.get("/api/plans").json()
    assert listed["count"] == 1 and listed["data"][0]["title"] == "Breach"
    levels = client.get(f"/api/plans/{plan['id']}/severities").json()
    assert [level["level"] for level in levels] == [1, 2, 3, 4]


def test_a_refused_field_answers_422_with_its_path(client, org):
    plan = client.post("/api/plans", json={"title": "Breach"}).json()
    response = client.post(
        f"/api/plans/{plan['id']}/kpis", json={"metric": "priority_reply_rate", "target": 2}
    )
    assert response.status_code == 422
    error = response.json()["detail"][0]
    assert error["loc"] == ["body", "target"]
    assert str(METRIC_LABELS["priority_reply_rate"]) in error["msg"]


def test_an_unknown_reference_answers_422_naming_the_field(client, org):
    plan = client.post("/api/plans", json={"title": "Breach"}).json()
    response = client.post(
        f"/api/plans/{plan['id']}/checklist", json={"title": "Call legal", "owner_role": "legal"}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "owner_role"]


def test_a_stale_update_answers_409(client, org):
    plan = client.post("/api/plans", json={"title": "Breach"}).json()
    role = client.post(f"/api/plans/{plan['id']}/roles", json={"name": "Monitor"}).json()
    url = f"/api/plans/{plan['id']}/roles/{role['id']}"
    assert client.put(url, json={"name": "Listener", "version": 1}).json()["version"] == 2
    response = client.put(url, json={"name": "Stale", "version": 1})
    assert response.status_code == 409
    detail = response.json()["detail"][0]
    assert detail["loc"] == ["body", "version"] and "version 2" in detail["msg"]
    stale_plan = client.patch(f"/api/plans/{plan['id']}", json={"title": "X", "version": 9})
    assert stale_plan.status_code == 409


def test_approval_freezes_a_version_with_its_drill_record_plan(client, session, org):
    plan = make_full_plan(session, org)
    send_for_review(session, org, plan)  # by someone else: four eyes
    response = client.post(
        f"/api/plans/{plan.id}/status", json={"status": "approved", "version": plan.version}
    )
    assert response.status_code == 200, response.text
    versions = client.get(f"/api/plans/{plan.id}/versions").json()
    assert versions["count"] == 1
    version_id = versions["data"][0]["id"]
    snapshot = client.get(f"/api/plans/{plan.id}/versions/{version_id}").json()["snapshot"]
    assert snapshot["format"] == "stormdrill.plan/1"
    record = client.get(f"/api/plans/{plan.id}/versions/{version_id}/drill-record").json()
    assert record["key_messages"][0]["id"] == "first-holding-line"


def test_export_then_import_is_exact(client, session, org):
    plan = make_full_plan(session, org)
    exported = client.get(f"/api/plans/{plan.id}/export").json()
    created = client.post("/api/plans/import", json=exported)
    assert created.status_code == 201
    assert client.get(f"/api/plans/{created.json()['id']}/export").json() == exported


def test_deleting_an_item_and_the_history(client, session, org):
    plan = make_full_plan(session, org)
    kpi = client.get(f"/api/plans/{plan.id}/kpis").json()[0]
    url = f"/api/plans/{plan.id}/kpis/{kpi['id']}"
    assert client.delete(url, params={"version": kpi["version"]}).status_code == 204
    assert client.get(f"/api/plans/{plan.id}/kpis").json() == []
    history = client.get(f"/api/plans/{plan.id}/history").json()
    assert history[0]["action"] == "item_removed" and history[0]["summary"] == str(
        METRIC_LABELS[kpi["metric"]]
    )


def test_other_organisations_and_plain_members(client, session, factory):
    mine, theirs = factory.org(), factory.org()
    plan = make_full_plan(session, theirs)
    sign_in(client, factory.member(mine, Role.member))
    assert client.get(f"/api/plans/{plan.id}").status_code == 404
    assert client.get(f"/api/plans/{plan.id}/roles").status_code == 404
    assert client.post("/api/plans", json={"title": "x"}).status_code == 403


def test_deleting_an_item_someone_just_edited_answers_409_and_keeps_the_edit(client, session, org):
    plan = make_full_plan(session, org)
    kpi = client.get(f"/api/plans/{plan.id}/kpis").json()[0]
    url = f"/api/plans/{plan.id}/kpis/{kpi['id']}"
    edited = {key: kpi[key] for key in ("metric", "weight", "version")} | {"target": 0.5}
    assert client.put(url, json=edited).status_code == 200
    stale = client.delete(url, params={"version": kpi["version"]})
    assert stale.status_code == 409
    assert stale.json()["detail"][0]["loc"] == ["body", "version"]
    assert client.get(url).json()["target"] == 0.5
    assert client.delete(url).status_code == 422
