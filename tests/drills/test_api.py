"""The drills JSON API: set-up, roster, clock, actions, approvals, feed, injects, record."""

import json
from datetime import timedelta
from pathlib import Path

import jsonschema
import pytest

from app.accounts.models import Role
from app.core.db import utcnow
from app.drills import service
from app.drills.clock import ClockEventKind
from app.scoring import service as scoring
from tests.drills.helpers import approved_version_id, make_team
from tests.factories import sign_in

SCHEMA = json.loads(Path("app/scoring/drill-record.schema.json").read_text())


@pytest.fixture
def team(session, factory):
    return make_team(session, factory, scenario_id="data-breach")


def test_trainer_creates_and_lists_drills(client, session, factory):
    org = factory.org()
    trainer = factory.member(org, Role.trainer)
    version_id = approved_version_id(session, org, trainer)
    sign_in(client, trainer)
    body = {"plan_version_id": version_id, "scenario_id": "tutorial", "language": "en"}
    created = client.post("/api/drills", json=body)
    assert created.status_code == 201, created.text
    drill = created.json()
    assert drill["status"] == "scheduled" and drill["sim_s"] == 0
    assert drill["brand"] == "Café Cerise" and isinstance(drill["seed"], int)
    listed = client.get("/api/drills").json()
    assert listed["count"] == 1 and listed["data"][0]["id"] == drill["id"]
    refused = client.post("/api/drills", json={**body, "scenario_id": "nope"})
    assert refused.status_code == 422


def test_member_cannot_create_or_control(client, team):
    sign_in(client, team.spokesperson)
    assert client.post(f"/api/drills/{team.drill.id}/start").status_code == 403
    assert client.get(f"/api/drills/{team.drill.id}").json()["id"] == team.drill.id


def test_other_org_gets_404(client, factory, team):
    stranger = factory.member(factory.org(), Role.admin)
    sign_in(client, stranger)
    assert client.get(f"/api/drills/{team.drill.id}").status_code == 404


def test_roster_assign_and_unfilled(client, team):
    sign_in(client, team.trainer)
    url = f"/api/drills/{team.drill.id}/participants"
    assert client.get(url).json()["unfilled"] == []
    response = client.put(
        url, json={"assignments": [{"user_id": team.monitor.id, "role_key": "spokesperson"}]}
    )
    roster = response.json()
    assert roster["unfilled"] == ["approver", "monitor"]
    spokes = next(slot for slot in roster["roles"] if slot["role_key"] == "spokesperson")
    assert spokes["user_ids"] == [team.monitor.id] and spokes["can_publish"] is True


def test_full_drill_over_the_api(client, team):
    drill_url = f"/api/drills/{team.drill.id}"
    sign_in(client, team.trainer)
    assert client.post(f"{drill_url}/start").json()["status"] == "running"
    assert client.post(f"{drill_url}/speed", json={"speed": 60}).json()["speed"] == 60
    assert client.post(f"{drill_url}/speed", json={"speed": 99}).status_code == 422
    client.post(f"{drill_url}/pause")
    assert client.post(f"{drill_url}/pause").status_code == 409

    sign_in(client, team.spokesperson)
    direct = client.post(f"{drill_url}/actions", json={"kind": "statement", "text": "Hi"})
    assert direct.status_code == 409
    missing = client.post(f"{drill_url}/actions", json={"kind": "reply", "text": "Hi"})
    assert missing.status_code == 422 and "in_reply_to" in missing.text
    (request,) = client.post(
        f"{drill_url}/actions", json={"kind": "request_approval", "text": "We are on it."}
    ).json()
    sign_in(client, team.approver)
    decided = client.post(f"{drill_url}/actions", json={"kind": "approve", "ref": request["ref"]})
    assert [a["kind"] for a in decided.json()] == ["approve", "statement"]
    listed = client.get(f"{drill_url}/actions", params={"since_seq": 1}).json()
    assert [a["seq"] for a in listed] == [2, 3]

    sign_in(client, team.trainer)
    client.post(f"{drill_url}/resume")
    adhoc = client.post(
        f"{drill_url}/injects", json={"actor_name": "Daily Wire", "content": "Comment?"}
    )
    assert adhoc.status_code == 201 and adhoc.json()["inject_key"] == "adhoc-1"
    assert any(i["id"] == "adhoc-1" for i in client.get(f"{drill_url}/injects").json())
    bad_fire = client.post(f"{drill_url}/injects/fire", json={"inject": "nope"})
    assert bad_fire.status_code == 404
    assert client.post(f"{drill_url}/end").json()["status"] == "ended"

    response = client.get(f"{drill_url}/record")
    assert "attachment" in response.headers["content-disposition"]
    record = response.json()
    jsonschema.validate(record, SCHEMA)
    assert record["seed"] == team.drill.seed and record["scenario"]["id"] == "data-breach"
    assert record["scenario"]["crisis_type"] and record["scenario"]["responsibility"]
    assert [a["kind"] for a in record["actions"]] == ["request_approval", "approve", "statement"]
    report = scoring.score_payload(payload=record)
    assert 0 <= report.overall <= 100


def test_feed_is_cursor_based_and_never_past_the_clock(client, session, team):
    drill_url = f"/api/drills/{team.drill.id}"
    sign_in(client, team.trainer)
    assert client.get(f"{drill_url}/feed").json()["posts"] == []
    started = utcnow() - timedelta(seconds=30)
    service.control(session=session, drill=team.drill, kind=ClockEventKind.start, now=started)
    client.post(f"{drill_url}/pause")
    paused_at = client.get(drill_url).json()["sim_s"]
    assert paused_at > 250
    whole = client.get(f"{drill_url}/feed", params={"until_s": 10_000}).json()
    assert whole["until_s"] == pytest.approx(paused_at, abs=0.001)
    assert len(whole["posts"]) > 2
    assert all(post["at_ms"] / 1000 < paused_at for post in whole["posts"])
    first = client.get(f"{drill_url}/feed", params={"limit": 1}).json()
    rest = client.get(f"{drill_url}/feed", params={"since_s": first["until_s"]}).json()
    assert [p["id"] for p in first["posts"] + rest["posts"]] == [p["id"] for p in whole["posts"]]
