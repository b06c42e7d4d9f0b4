"""Redis gone for a while: actions are acknowledged once and their events arrive afterwards."""

import time
from collections.abc import Callable, Iterator

import pytest
import redis
from fastapi.testclient import TestClient

from app.core.db import get_session
from app.drills import actions
from app.drills.redis_broker import entry_events
from app.main import create_app
from tests import conftest
from tests.drills.helpers import make_team
from tests.drills.redis_server import RedisServer
from tests.drills.test_console import started
from tests.drills.test_events import read_events
from tests.factories import PASSWORD, csrf_from, sign_in


@pytest.fixture
def redis_server(tmp_path) -> Iterator[RedisServer]:
    """A Redis of this test's own, killed afterwards."""
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def client(session, database_url, redis_server) -> Iterator[TestClient]:
    """The application on the test's own Redis."""
    settings = conftest.test_settings(database_url).model_copy(
        update={"redis_url": redis_server.url}
    )
    app = create_app(settings)
    app.dependency_overrides[get_session] = lambda: session
    with TestClient(app, base_url="http://testserver") as test_client:
        yield test_client


def stream_names(
    url: str, drill_id: int, until: Callable[[list[str]], bool] = bool, timeout_s: float = 8
) -> list[str]:
    """The event names in the drill's Redis stream once `until` holds of them (by default: once
    there are any), waiting up to timeout. The outbox delivers waiting events one at a time, so
    a read can come between two of them."""
    client = redis.Redis.from_url(url, decode_responses=True)
    deadline = time.monotonic() + timeout_s
    names: list[str] = []
    while time.monotonic() < deadline:
        try:
            entries = client.xrange(f"stormdrill:drill:{drill_id}:events")
        except redis.ConnectionError:
            entries = []
        names = [event.name for entry in entries for event in entry_events(*entry)]
        if until(names):
            return names
        time.sleep(0.1)
    return names


def test_an_action_during_an_outage_is_committed_once_and_delivered_after(
    client, session, factory, redis_server
):
    team = started(session, make_team(session, factory))
    token = sign_in(client, team.spokesperson)
    redis_server.stop()
    answer = client.post(
        f"/drills/{team.drill.id}/console/actions",
        data={"csrf_token": token, "intent": "publish", "text": "We are on it."},
        headers={"HX-Request": "true"},
    )
    assert answer.status_code == 200
    rows = actions.list_actions(session=session, drill=team.drill)
    assert [(r.kind, r.text) for r in rows] == [("statement", "We are on it.")]
    redis_server.start()
    names = stream_names(redis_server.url, team.drill.id, until=lambda n: "statements" in n)
    assert names[0] == "team-action" and "statements" in names


def test_health_is_liveness_and_ready_follows_the_database_and_redis(client, redis_server):
    assert client.get("/ready").json() == {"database": True, "broker": True}
    redis_server.stop()
    assert client.get("/health").status_code == 200
    answer = client.get("/ready")
    assert answer.status_code == 503 and answer.json() == {"database": True, "broker": False}
    redis_server.start()
    assert client.get("/ready").status_code == 200


def test_signing_in_does_not_fail_while_redis_is_down(client, session, factory, redis_server):
    team = make_team(session, factory)
    redis_server.stop()
    token = csrf_from(client.get("/login").text)
    wrong = client.post(
        "/login",
        data={"email": team.spokesperson.email, "password": "not it", "csrf_token": token},
        follow_redirects=False,
    )
    assert wrong.status_code == 422 and "csrf_token" in wrong.text
    right = client.post(
        "/login",
        data={"email": team.spokesperson.email, "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert right.status_code == 303


def test_a_console_open_through_the_outage_receives_the_action_after(
    client, session, factory, redis_server
):
    team = started(session, make_team(session, factory))
    token = sign_in(client, team.spokesperson)
    cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    path = f"/drills/{team.drill.id}/events"
    console = client.portal.start_task_soon(
        read_events, client.app, path, cookie, b"event: team-action"
    )
    stream_names(redis_server.url, team.drill.id)  # the console is live: the feed has begun
    redis_server.stop()
    answer = client.post(
        f"/drills/{team.drill.id}/console/actions",
        data={"csrf_token": token, "intent": "publish", "text": "Still with you."},
        headers={"HX-Request": "true"},
    )
    assert answer.status_code == 200
    redis_server.start()
    body = console.result(timeout=20)
    assert b"event: team-action" in body and b"Still with you." in body
