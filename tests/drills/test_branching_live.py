"""A live drill fires a conditional inject when its condition holds, and shows why: the feed,
the inbox, the facilitator's board and the record agree with the headless run."""

from datetime import timedelta

import pytest

from app.accounts.models import Role
from app.core.db import utcnow
from app.drills import actions, export, service
from app.drills.clock import ClockEventKind
from app.drills.models import ActionCreate
from tests.drills.helpers import make_team
from tests.factories import sign_in
from tests.plans.html import by_id, find_all

STATEMENT = "We are recalling three lots of Petit Bellecombe 250 g. Do not eat them."


@pytest.fixture
def team(session, factory):
    return make_team(session, factory, scenario_id="product-recall")


def started(client, session, team, real_s: float):
    """The drill started `real_s` real seconds ago (at ten times real speed), then paused."""
    start = utcnow() - timedelta(seconds=real_s)
    service.control(session=session, drill=team.drill, kind=ClockEventKind.start, now=start)
    sign_in(client, team.trainer)
    assert client.post(f"/api/drills/{team.drill.id}/pause").status_code == 200
    return start


def test_silence_fires_the_article_into_the_feed_inbox_board_and_record(client, session, team):
    started(client, session, team, real_s=100)  # T+16:40: past T+15, nobody spoke
    feed = client.get(f"/api/drills/{team.drill.id}/feed").json()
    (entry,) = [i for i in feed["injects"] if i["id"] == "silence-article"]
    assert entry["at_s"] == 900 and entry["fired_because"] == "no public statement by T+15:00"
    assert "i-silence-article" in [post["id"] for post in feed["posts"]]
    assert "magazine-goes-ahead" not in [i["id"] for i in feed["injects"]]  # not yet T+35

    board = client.get(f"/drills/{team.drill.id}/control/injects").text
    fired = by_id(board, "inject-silence-article")
    assert fired.get("data-state") == "fired"
    words = {
        p.get("data-condition"): p.text for p in find_all(board, "p") if p.get("data-condition")
    }
    assert "Fired at 15:00: no public statement by T+15:00" in words["silence-article"]
    assert by_id(board, "inject-magazine-goes-ahead").get("data-state") == "armed"
    expected = "If Hannah Reyes's message is not answered by its deadline (T+35:00)"
    assert expected in words["magazine-goes-ahead"]

    sign_in(client, team.spokesperson)
    inbox = client.get(f"/drills/{team.drill.id}/console").text
    assert by_id(inbox, "inject-silence-article").get("data-inject") == "silence-article"

    record = export.drill_record(session=session, drill=team.drill)
    (recorded,) = [i for i in record["scenario"]["injects"] if i["id"] == "silence-article"]
    assert recorded["fired_because"] == entry["fired_because"]


def test_a_statement_in_time_keeps_the_article_away(client, session, team):
    start = started(client, session, team, real_s=100)

    def act(user, **fields):
        return actions.record_action(
            session=session,
            drill=team.drill,
            user=user,
            member_role=Role.member,
            action_in=ActionCreate(**fields),
            now=start + timedelta(seconds=30),  # T+5:00
        )

    (request,) = act(team.spokesperson, kind="request_approval", text=STATEMENT)
    act(team.approver, kind="approve", ref=request.ref)
    feed = client.get(f"/api/drills/{team.drill.id}/feed").json()
    assert "silence-article" not in [i["id"] for i in feed["injects"]]
    assert "i-silence-article" not in [post["id"] for post in feed["posts"]]
    board = client.get(f"/drills/{team.drill.id}/control/injects").text
    assert by_id(board, "inject-silence-article").get("data-state") == "spared"
    assert by_id(board, "inject-magazine-goes-ahead").get("data-state") == "armed"
    record = export.drill_record(session=session, drill=team.drill)
    assert "silence-article" not in [i["id"] for i in record["scenario"]["injects"]]


def test_a_conditional_inject_cannot_be_fired_by_hand(client, session, team):
    started(client, session, team, real_s=10)
    url = f"/api/drills/{team.drill.id}/injects/fire"
    response = client.post(url, json={"inject": "silence-article"})
    assert response.status_code == 409
    assert "fires on a condition" in response.text
