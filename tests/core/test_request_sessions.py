"""A request's database session, as the real application opens and closes it (no override of
the session dependency): every request gives its connection back, whatever happened, and a
route asks who is calling once, however many of its dependencies need to know."""

from collections.abc import Iterator

import anyio.to_thread
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlmodel import Session

from app.accounts.models import Role
from app.core import migrate
from app.core.db import make_engine
from app.main import create_app
from tests import conftest
from tests.drills.helpers import make_drill
from tests.factories import Factory, sign_in


@pytest.fixture
def served(tmp_path) -> Iterator[tuple[FastAPI, TestClient, int]]:
    """The application on a database of its own, a trainer signed in, and a drill of theirs."""
    url = f"sqlite:///{tmp_path / 'requests.db'}"
    migrate.upgrade(url)
    engine = make_engine(url)
    with Session(engine, expire_on_commit=False) as session:
        factory = Factory(session)
        org = factory.org()
        trainer = factory.member(org, Role.trainer)
        drill_id = make_drill(session, org, trainer).id
        session.commit()
    engine.dispose()
    app = create_app(conftest.test_settings(url))
    with TestClient(app, base_url="http://testserver") as client:
        sign_in(client, trainer)
        yield app, client, drill_id
    app.state.engine.dispose()


def statements(app: FastAPI) -> list[str]:
    """The SQL the application runs from now on (appended as it runs)."""
    seen: list[str] = []
    event.listen(app.state.engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    return seen


def test_every_request_gives_its_connection_back(served):
    app, client, drill_id = served
    pool = app.state.engine.pool
    answers = {
        "a read": client.get(f"/api/drills/{drill_id}").status_code,
        "a refusal": client.get("/api/drills/999999").status_code,
        "a write": client.post(f"/api/drills/{drill_id}/start").status_code,
        "a page": client.get(f"/drills/{drill_id}/console").status_code,
        "a public page": client.get("/health").status_code,
    }
    assert answers == {
        "a read": 200,
        "a refusal": 404,
        "a write": 200,
        "a page": 200,
        "a public page": 200,
    }
    assert pool.checkedout() == 0


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/drills/{id}"),  # the drill lookup checks the membership
        ("POST", "/api/drills/{id}/start"),  # and the trainer's role on top
        ("GET", "/drills/{id}/console"),  # the console's own access check besides
    ],
)
def test_a_route_asks_who_is_calling_once(served, method, path):
    app, client, drill_id = served
    seen = statements(app)
    answer = client.request(method, path.format(id=drill_id))
    assert answer.status_code == 200, answer.text
    reads = [sql for sql in seen if sql.lstrip().startswith("SELECT")]
    session_reads = [sql for sql in reads if "JOIN user_session" in sql]
    membership_reads = [sql for sql in reads if "FROM membership" in sql]
    assert (len(session_reads), len(membership_reads)) == (1, 1)


def test_a_drill_route_crosses_to_a_worker_thread_four_times_at_most(served, monkeypatch):
    """Each crossing costs about 0.2 ms of CPU: the drill lookup (membership included), the
    route, its answer's validation (a sync route's), closing the session. Before, every sync
    dependency made one more: the session opened and closed, the id check, the caller, the
    role."""
    app, client, drill_id = served
    crossings: list[str] = []
    run_sync = anyio.to_thread.run_sync

    async def counted(func, *args, **kwargs):
        called = getattr(func, "func", func)  # FastAPI hands over partials
        crossings.append(getattr(called, "__name__", repr(called)))
        return await run_sync(func, *args, **kwargs)

    monkeypatch.setattr(anyio.to_thread, "run_sync", counted)
    assert client.get(f"/api/drills/{drill_id}").status_code == 200
    assert len(crossings) <= 4, crossings
