"""A server restart mid-drill: the same clock, the same feed, no action lost."""

from datetime import timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.core import migrate
from app.core.db import make_engine, utcnow
from app.core.settings import Settings
from app.drills import export, service
from app.drills.clock import ClockEventKind
from app.main import create_app
from tests.drills.helpers import make_team
from tests.factories import Factory, sign_in


def snapshot(url: str, drill_id: int, team_users) -> tuple[dict, dict, list, dict]:
    """Start a fresh application on the database and read the drill through the API."""
    app = create_app(Settings(environment="test", secret_key="restart", database_url=url))
    export._storms.clear()
    try:
        with TestClient(app, base_url="http://testserver") as client:
            sign_in(client, team_users)
            base = f"/api/drills/{drill_id}"
            drill = client.get(base).json()
            feed = client.get(f"{base}/feed").json()
            actions = client.get(f"{base}/actions").json()
            record = client.get(f"{base}/record").json()
    finally:
        app.state.engine.dispose()
    return drill, feed, actions, record


def test_restart_keeps_clock_feed_and_actions(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'restart.db'}"
    migrate.upgrade(url)
    engine = make_engine(url)
    with Session(engine, expire_on_commit=False) as session:
        team = make_team(session, Factory(session), scenario_id="data-breach")
        session.commit()
        service.control(
            session=session,
            drill=team.drill,
            kind=ClockEventKind.start,
            now=utcnow() - timedelta(seconds=30),
        )
    engine.dispose()

    first = create_app(Settings(environment="test", secret_key="restart", database_url=url))
    with TestClient(first, base_url="http://testserver") as client:
        base = f"/api/drills/{team.drill.id}"
        sign_in(client, team.spokesperson)
        for text in ("First holding line", "Second holding line"):
            posted = client.post(f"{base}/actions", json={"kind": "request_approval", "text": text})
            assert posted.status_code == 201, posted.text
        sign_in(client, team.trainer)
        assert client.post(f"{base}/pause").json()["status"] == "paused"
    first.state.engine.dispose()

    before = snapshot(url, team.drill.id, team.trainer)
    after = snapshot(url, team.drill.id, team.trainer)
    assert before == after
    drill, feed, actions, record = after
    assert drill["status"] == "paused" and drill["sim_s"] > 290
    assert feed["posts"] and feed["until_s"] == drill["sim_s"]
    assert [a["text"] for a in actions] == ["First holding line", "Second holding line"]
    assert len(record["actions"]) == 2
