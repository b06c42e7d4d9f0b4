"""A team at once, on a real `stormdrill serve` process: writers wait instead of failing, races
are decided once (the losers get 409), and open consoles hold no database connection.

Runs on the suite's database: SQLite, or PostgreSQL when STORMDRILL_TEST_DATABASE_URL is set.
"""

import secrets
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack

import httpx2
import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.accounts import token_service
from app.accounts.models import User
from app.core.db import make_engine
from app.drills import service
from app.drills.clock import ClockEventKind
from tests.conftest import TEST_DATABASE_URL
from tests.drills.helpers import Team, make_team
from tests.drills.real_server import migrated_database, serve
from tests.factories import Factory, sign_in

pytestmark = pytest.mark.database  # a scratch database on the suite's server

# A pool far smaller than the number of consoles opened below.
POOL = {"db_pool_size": "2", "db_max_overflow": "2"}
CONSOLES = 32  # more than main's largest pool too: 10 + 20 on PostgreSQL
WRITERS, NOTES_EACH, READS_EACH = 8, 6, 15
QUICK_S = 5  # a request of the same process must answer within this, consoles open or not


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    """A fresh database for the server (its writes are committed)."""
    with migrated_database(TEST_DATABASE_URL) as url:
        yield url


@pytest.fixture(scope="module")
def base(server_url: str) -> Iterator[str]:
    """The real server's base URL."""
    with serve(server_url, **POOL) as url:
        yield url


@pytest.fixture(scope="module")
def server_engine(server_url: str) -> Iterator[Engine]:
    """The test's own view of the server's database, to seed it and count rows."""
    engine = make_engine(server_url)
    yield engine
    engine.dispose()


@pytest.fixture
def team(server_engine: Engine) -> Team:
    """A drill of its own, roster filled, clock running, committed for the server to see."""
    with Session(server_engine, expire_on_commit=False) as session:
        team = make_team(session, Factory(session, seed=secrets.randbits(32)))
        service.control(session=session, drill=team.drill, kind=ClockEventKind.start)
    return team


def signed_in(base: str, user: User) -> httpx2.Client:
    """A client signed in as `user` through the real sign-in form."""
    client = httpx2.Client(base_url=base, timeout=QUICK_S)
    sign_in(client, user)  # type: ignore[arg-type]
    return client


def at_once(calls: list[Callable[[], httpx2.Response]]) -> list[int]:
    """Run the calls in threads released together; their status codes, in order."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], httpx2.Response]) -> int:
        barrier.wait()
        return call().status_code

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def rows(engine: Engine, sql: str, **params: object) -> list[tuple]:
    """Rows of a query on the server's database."""
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql), params)]


def test_many_participants_posting_at_once_all_succeed(base, team, server_engine):
    people = [team.spokesperson, team.approver, team.monitor, team.trainer]
    writers = [signed_in(base, people[i % len(people)]) for i in range(WRITERS)]
    with Session(server_engine) as session:
        _row, token = token_service.create_token(
            session=session, user_id=team.monitor.id, org_id=team.org.id, name="reader"
        )
    reader = httpx2.Client(
        base_url=base, timeout=QUICK_S, headers={"Authorization": f"Bearer {token}"}
    )
    path = f"/api/drills/{team.drill.id}/actions"

    def write(index: int) -> Callable[[], httpx2.Response]:
        def post_notes() -> httpx2.Response:
            answers = [
                writers[index].post(path, json={"kind": "note", "text": f"w{index}-n{n}"})
                for n in range(NOTES_EACH)
            ]
            return next((a for a in answers if a.status_code != 201), answers[-1])

        return post_notes

    def read() -> httpx2.Response:
        answers = [reader.get(path) for _ in range(READS_EACH)]
        return next((a for a in answers if a.status_code != 200), answers[-1])

    statuses = at_once([write(i) for i in range(WRITERS)] + [read, read])

    assert statuses == [201] * WRITERS + [200, 200]
    stored = rows(
        server_engine,
        "SELECT seq, text FROM drill_action WHERE drill_id = :drill ORDER BY seq",
        drill=team.drill.id,
    )
    assert [seq for seq, _text in stored] == list(range(1, WRITERS * NOTES_EACH + 1))
    expected = {f"w{i}-n{n}" for i in range(WRITERS) for n in range(NOTES_EACH)}
    assert sorted(note for _seq, note in stored) == sorted(expected)


def test_two_simultaneous_approvals_one_is_stored_the_other_conflicts(base, team, server_engine):
    path = f"/api/drills/{team.drill.id}/actions"
    requested = signed_in(base, team.spokesperson).post(
        path, json={"kind": "request_approval", "text": "We are looking into it."}
    )
    assert requested.status_code == 201, requested.text
    ref = requested.json()[0]["ref"]
    approvers = [signed_in(base, team.approver) for _ in range(2)]

    statuses = at_once(
        [lambda c=c: c.post(path, json={"kind": "approve", "ref": ref}) for c in approvers]
    )

    assert sorted(statuses) == [201, 409]
    decided = rows(
        server_engine,
        "SELECT kind FROM drill_action WHERE drill_id = :drill AND ref = :ref ORDER BY seq",
        drill=team.drill.id,
        ref=ref,
    )
    assert [kind for (kind,) in decided] == ["request_approval", "approve", "statement"]


def test_racing_pauses_store_one_pause(base, team, server_engine):
    trainers = [signed_in(base, team.trainer) for _ in range(3)]
    path = f"/api/drills/{team.drill.id}/pause"

    statuses = at_once([lambda c=c: c.post(path) for c in trainers])

    assert sorted(statuses) == [200, 409, 409]
    pauses = rows(
        server_engine,
        "SELECT count(*) FROM drill_clock_event WHERE drill_id = :drill AND kind = 'pause'",
        drill=team.drill.id,
    )
    assert pauses == [(1,)]


def test_more_open_consoles_than_the_pool_leave_other_requests_answering(base, team):
    viewer = signed_in(base, team.monitor)
    with ExitStack() as streams:
        for _ in range(CONSOLES):
            stream = streams.enter_context(viewer.stream("GET", f"/drills/{team.drill.id}/events"))
            assert stream.status_code == 200
            assert stream.headers["content-type"].startswith("text/event-stream")

        drill = viewer.get(f"/api/drills/{team.drill.id}")
        noted = viewer.post(
            f"/api/drills/{team.drill.id}/actions", json={"kind": "note", "text": "Still here"}
        )
        page = viewer.get(f"/drills/{team.drill.id}/console")

    assert drill.status_code == 200 and drill.json()["status"] == "running"
    assert noted.status_code == 201 and noted.json()[0]["text"] == "Still here"
    assert page.status_code == 200


def test_simultaneous_adhoc_injects_get_distinct_keys(base, team, server_engine):
    trainers = [signed_in(base, team.trainer) for _ in range(3)]
    path = f"/api/drills/{team.drill.id}/injects"

    statuses = at_once(
        [
            lambda c=c, n=n: c.post(
                path, json={"actor_name": f"Reporter {n}", "content": "Any news?"}
            )
            for n, c in enumerate(trainers)
        ]
    )

    assert statuses == [201, 201, 201]
    keys = rows(
        server_engine,
        "SELECT inject_key FROM drill_inject WHERE drill_id = :drill ORDER BY inject_key",
        drill=team.drill.id,
    )
    assert keys == [("adhoc-1",), ("adhoc-2",), ("adhoc-3",)]
