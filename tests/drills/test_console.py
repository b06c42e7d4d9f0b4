"""The team console: page, panels, composer, approvals and checklist, with live notifications."""

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from app.core.db import utcnow
from app.drills import actions, injects, service
from app.drills.clock import ClockEventKind
from app.drills.models import InjectCreate
from tests.drills.helpers import make_team
from tests.factories import sign_in
from tests.plans.html import by_id, find_all


def started(session, team, seconds_ago: float = 30):
    """Start the team's drill `seconds_ago` real seconds ago."""
    service.control(
        session=session,
        drill=team.drill,
        kind=ClockEventKind.start,
        now=utcnow() - timedelta(seconds=seconds_ago),
    )
    return team


@pytest.fixture
def team(session, factory):
    return started(session, make_team(session, factory))


@pytest.fixture
def serious(session, factory):
    """A running drill of a severity-3 scenario: the test plan requires approval there."""
    return started(session, make_team(session, factory, scenario_id="product-recall"))


def buttons(html: str) -> dict[str, str]:
    return {b.get("value"): b.text for b in find_all(html, "button") if b.get("name") == "intent"}


def test_participant_opens_the_console_with_every_panel(client, session, team):
    sign_in(client, team.spokesperson)
    page = client.get(f"/drills/{team.drill.id}/console").text
    for part in ("console-composer", "console-approvals", "console-inbox", "console-checklist",
                 "console-kpis", "console-roles", "feed-posts", "console-activity"):  # fmt: skip
        assert by_id(page, part) is not None, part
    console = by_id(page, "console")
    assert console.get("sse-connect") == f"/drills/{team.drill.id}/events"
    assert by_id(page, "feed-posts").get("sse-swap") == "post"
    assert "Publish as the organisation" in buttons(page)["publish"]
    assert "approval" not in buttons(page)
    inbox = by_id(page, "console-inbox").text
    assert "Priya Shah" in inbox  # the 30 s manager alert has arrived (sim time 300 s)
    assert "Alert the cell" in by_id(page, "console-checklist").text


def test_only_participants_and_trainers_open_the_console(client, session, team):
    sign_in(client, team.outsider)
    assert client.get(f"/drills/{team.drill.id}/console").status_code == 403
    assert client.get(f"/drills/{team.drill.id}/events").status_code == 403


def test_trainer_opens_the_console(client, session, team):
    sign_in(client, team.trainer)
    assert client.get(f"/drills/{team.drill.id}/console").status_code == 200


def test_publishing_stores_the_statement_and_tells_everyone(client, session, team):
    token = sign_in(client, team.spokesperson)
    live = client.app.state.live
    answer = client.post(
        f"/drills/{team.drill.id}/console/actions",
        data={"csrf_token": token, "intent": "publish", "text": "We are on it."},
        headers={"HX-Request": "true"},
    )
    assert answer.status_code == 200
    said = by_id(answer.text, "console-composer").text
    assert said.count("Published: the public sees it now.") == 1
    rows = actions.list_actions(session=session, drill=team.drill)
    assert [(r.kind, r.text) for r in rows] == [("statement", "We are on it.")]
    held = live.broker._channel(team.drill.id).after(0)
    names = [event.name for event in held]
    assert names[0] == "team-action" and "statements" in names and "kpis" in names
    line = by_id(held[0].data, f"action-{rows[0].seq}")
    assert "published a statement" in line.text and "We are on it." in line.text
    assert live.cache.snapshots[team.drill.id].actions[0].text == "We are on it."


def test_a_refused_action_names_the_field_and_keeps_the_input(client, session, team):
    token = sign_in(client, team.spokesperson)
    answer = client.post(
        f"/drills/{team.drill.id}/console/actions",
        data={"csrf_token": token, "intent": "escalate", "text": "Need legal", "to_role": ""},
        headers={"HX-Request": "true"},
    )
    assert answer.status_code == 422
    composer = by_id(answer.text, "console-composer")
    assert "to_role" in composer.text or "Escalate" in composer.text
    assert by_id(answer.text, "composer-text").text == "Need legal"
    assert by_id(answer.text, "composer-role").get("aria-invalid") == "true"
    assert actions.list_actions(session=session, drill=team.drill) == []


def test_a_statement_is_written_for_one_of_the_plans_audiences(client, session, team):
    token = sign_in(client, team.spokesperson)
    page = client.get(f"/drills/{team.drill.id}/console").text
    options = {o.get("value"): o.text for o in find_all(page, "option")}
    assert "Customers" in options["customers"] and "email" in options["customers"]
    refused = client.post(
        f"/drills/{team.drill.id}/console/actions",
        data={"csrf_token": token, "intent": "publish", "text": "Hello", "audience": "pets"},
        headers={"HX-Request": "true"},
    )
    assert refused.status_code == 422
    assert by_id(refused.text, "composer-audience").get("aria-invalid") == "true"
    assert "pets" in by_id(refused.text, "composer-audience-error").text
    assert actions.list_actions(session=session, drill=team.drill) == []
    client.post(
        f"/drills/{team.drill.id}/console/actions",
        data={"csrf_token": token, "intent": "publish", "text": "Hello", "audience": "customers"},
        headers={"HX-Request": "true"},
    )
    rows = actions.list_actions(session=session, drill=team.drill)
    assert [(r.kind, r.audience) for r in rows] == [("statement", "customers")]


def test_a_statement_needing_approval_waits_for_the_approver(client, session, serious):
    drill = serious.drill
    token = sign_in(client, serious.spokesperson)
    page = client.get(f"/drills/{drill.id}/console").text
    assert "Submit for approval" in buttons(page)["approval"]
    assert "Publish as the organisation" not in page
    client.post(
        f"/drills/{drill.id}/console/actions",
        data={"csrf_token": token, "intent": "approval", "text": "We are recalling batch 4."},
    )
    request = actions.list_actions(session=session, drill=drill)[0]
    assert request.kind == "request_approval"
    mine = client.get(f"/drills/{drill.id}/console/approvals").text
    assert "We are recalling batch 4." in mine and find_all(mine, "form") == []

    client = TestClient(client.app)
    token = sign_in(client, serious.approver)
    queue = client.get(f"/drills/{drill.id}/console/approvals").text
    item = by_id(queue, f"approval-{request.ref}")
    assert "We are recalling batch 4." in item.text
    assert [b.get("value") for b in find_all(queue, "button")] == ["approve", "reject"]
    url = f"/drills/{drill.id}/console/approvals"
    refused = client.post(
        url, data={"csrf_token": token, "ref": request.ref, "decision": "reject"},
        headers={"HX-Request": "true"},
    )  # fmt: skip
    assert refused.status_code == 422 and "why" in by_id(refused.text, "console-approvals").text
    approved = client.post(
        url, data={"csrf_token": token, "ref": request.ref, "decision": "approve"},
        headers={"HX-Request": "true"},
    )  # fmt: skip
    assert approved.status_code == 200
    assert "Nothing awaits approval." in by_id(approved.text, "console-approvals").text
    kinds = [(r.kind, r.text) for r in actions.list_actions(session=session, drill=drill)]
    assert kinds[1:] == [("approve", None), ("statement", "We are recalling batch 4.")]


def test_ticking_a_checklist_item_shows_it_done(client, session, team):
    token = sign_in(client, team.monitor)
    answer = client.post(
        f"/drills/{team.drill.id}/console/checklist",
        data={"csrf_token": token, "item": "alert"},
        headers={"HX-Request": "true"},
    )
    assert answer.status_code == 200
    assert "Done" in by_id(answer.text, "check-alert").text


def test_a_drill_not_running_has_no_event_stream(client, session, factory):
    team = make_team(session, factory)
    sign_in(client, team.spokesperson)
    assert client.get(f"/drills/{team.drill.id}/events").status_code == 204
    page = client.get(f"/drills/{team.drill.id}/console").text
    assert by_id(page, "console").get("sse-connect") is None


def test_an_adhoc_message_reaches_the_inbox_of_a_paused_drill(client, session, team):
    service.control(session=session, drill=team.drill, kind=ClockEventKind.pause)
    inject_in = InjectCreate(
        channel="email", actor_name="Ada Mail", content="Any news?", expects_response=False
    )
    injects.create_adhoc_inject(session=session, drill=team.drill, inject_in=inject_in)
    sign_in(client, team.spokesperson)
    inbox = by_id(client.get(f"/drills/{team.drill.id}/console/inbox").text, "console-inbox")
    assert "Ada Mail" in inbox.text and "For information" in inbox.text
