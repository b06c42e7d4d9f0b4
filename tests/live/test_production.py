"""README's "Running in production", exercised: Debian's nginx running deploy/nginx.conf in
front of two `stormdrill serve` processes started exactly as deploy/stormdrill@.service says
(its ExecStart, Environment and EnvironmentFile, the example deploy/stormdrill.env), on a fresh
PostgreSQL database migrated by deploy/stormdrill-migrate.service and a Redis of their own.

Needs /usr/sbin/nginx, openssl, redis-server and PostgreSQL: without them these tests skip, or
fail when CI=true. Clients connect from other loopback addresses (127.0.0.2…) than nginx's
127.0.0.1, so the address the app records tells the client's from the proxy's.
"""

import asyncio
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx2
import pytest
from sqlmodel import Session, select

from app.accounts.audit_models import AuditAction, AuditEvent
from app.core.db import make_engine
from tests.databases import scratch_database
from tests.factories import csrf_from
from tests.live.harness.clients import Console, Participant, close_all, open_consoles
from tests.live.harness.loop import run_bounded
from tests.live.harness.measure import Action, action_delays
from tests.live.harness.proxy import Nginx
from tests.live.harness.seed import Seeded, seed
from tests.live.harness.services import RedisServer, postgres_server
from tests.live.harness.units import DEPLOY, UnitServer, run_oneshot

SPOOFED = "203.0.113.7"  # what a client claims in X-Forwarded-For; never to be believed
EVENT_DELAY_S = 1.0  # an action's event through nginx: at once, not when a buffer fills
TEST_BOUND_S = 40.0


@dataclass
class Production:
    """The running deployment: nginx, the two unit instances, the database and who signs in."""

    nginx: Nginx
    servers: list[UnitServer]
    database_url: str
    seeded: Seeded

    def logs(self) -> str:
        """Every process's log tail and nginx's error log, for failure messages."""
        tails = "\n".join(f"--- {s.name}\n{s.log_tail()}" for s in self.servers)
        return f"{tails}\n--- nginx\n{self.nginx.error_log()}"


@pytest.fixture(scope="module")
def prod() -> Iterator[Production]:
    """The deployment of README's example, torn down (processes, database, folder) after."""
    folder = Path(tempfile.mkdtemp(prefix="stormdrill-prod-"))
    with ExitStack() as cleanup:
        cleanup.callback(shutil.rmtree, folder, ignore_errors=True)
        database_url = cleanup.enter_context(scratch_database(postgres_server(), folder))
        redis = RedisServer(folder)
        redis.start()
        cleanup.callback(redis.kill)
        overrides = {  # what the example file leaves for the operator to fill in
            "STORMDRILL_DATABASE_URL": database_url,
            "STORMDRILL_REDIS_URL": redis.url,
            "STORMDRILL_SECRET_KEY": "a-production-secret-for-this-test-only",
        }
        run_oneshot(DEPLOY / "stormdrill-migrate.service", overrides, folder)
        seeded = seed(database_url, drills_count=1, scenario_id="tutorial", speed=30)
        servers = [UnitServer(name, folder, overrides) for name in ("app1", "app2")]
        nginx = Nginx(folder, [server.port for server in servers])
        for server in servers:
            cleanup.callback(server.stop)
            server.launch()
        for server in servers:
            server.wait_ready()
        cleanup.callback(nginx.stop)
        nginx.start()
        yield Production(nginx, servers, database_url, seeded)


def client_from(address: str, email: str) -> Participant:
    """A participant connecting from `address` and claiming SPOOFED in X-Forwarded-For."""
    transport = httpx2.AsyncHTTPTransport(local_address=address, verify=False)
    return Participant(email, transport=transport, headers={"X-Forwarded-For": SPOOFED})


def run(scenario):
    """Run one async scenario, bounded in time; its result."""
    return run_bounded(scenario, TEST_BOUND_S)


def sign_in_addresses(url: str, email: str) -> dict[AuditAction, set[str]]:
    """The addresses the audit log noted for `email`'s sign-ins and failed sign-ins."""
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            rows = session.exec(select(AuditEvent).where(AuditEvent.actor_email == email)).all()
    finally:
        engine.dispose()
    found: dict[AuditAction, set[str]] = {}
    for row in rows:
        found.setdefault(AuditAction(row.action), set()).add(row.address)
    return found


def test_events_stream_through_nginx_unbuffered(prod: Production):
    run(events_through_nginx(prod))


async def events_through_nginx(prod: Production) -> None:
    base, drill = prod.nginx.base, prod.seeded.drill_ids[0]
    trainer = client_from("127.0.0.2", prod.seeded.trainer)
    member = client_from("127.0.0.3", prod.seeded.members[drill][0])
    for person in (trainer, member):
        status = await person.sign_in(base, prod.seeded.password)
        assert status == 303, f"sign-in through nginx: {status}\n{prod.logs()}"
    answer = await trainer.post(f"{base}/api/drills/{drill}/start")
    assert answer.status == 200, f"start through nginx: {answer.status} {answer.body[:300]}"
    stop = asyncio.Event()
    console = Console(member, base, drill)
    tasks = await open_consoles([console], stop)
    actions = []
    for number in range(4):
        url = f"{base}/api/drills/{drill}/actions"
        marker = f"through-nginx-{number}"
        note = {"kind": "note", "text": marker}
        actions.append(Action(drill, marker, await member.post(url, note)))
        await asyncio.sleep(0.3)
    await asyncio.sleep(EVENT_DELAY_S + 0.5)
    await close_all(stop, tasks, trainer, member)
    assert [a.answer.status for a in actions] == [201] * 4, [a.answer.body[:200] for a in actions]
    delays, missing = action_delays(actions, [console])
    assert not missing, f"actions whose event never came through nginx: {missing}"
    assert max(delays) < EVENT_DELAY_S, f"events held back by the proxy: delays {delays}"


def test_the_app_believes_forwarded_addresses_only_from_the_proxy(prod: Production):
    run(addresses(prod))


async def addresses(prod: Production) -> None:
    email = prod.seeded.members[prod.seeded.drill_ids[0]][1]
    through_proxy = client_from("127.0.0.4", email)
    direct = client_from("127.0.0.5", email)
    assert await through_proxy.sign_in(prod.nginx.base, prod.seeded.password) == 303
    status = await wrong_password_over_http(direct, prod.servers[1].base)
    await through_proxy.close()
    await direct.close()
    assert status in (200, 401, 422), f"a wrong password answered {status}"
    noted = sign_in_addresses(prod.database_url, email)
    assert noted.get(AuditAction.sign_in) == {"127.0.0.4"}, (
        f"through nginx the app must see the client (127.0.0.4), not the proxy nor the "
        f"client's claim: {noted}"
    )
    assert noted.get(AuditAction.sign_in_failed) == {"127.0.0.5"}, (
        f"straight to a process, X-Forwarded-For must be ignored: {noted}"
    )


async def wrong_password_over_http(person: Participant, base: str) -> int:
    """A wrong password posted straight to a process over plain HTTP, sending back the
    session cookie although production marks it Secure (as curl would): its status."""
    page = await person.client.get(f"{base}/login")
    for cookie in person.client.cookies.jar:
        cookie.secure = False
    form = {
        "email": person.email,
        "password": "not the password",
        "csrf_token": csrf_from(page.text),
    }
    return (await person.client.post(f"{base}/login", data=form)).status_code


def test_both_processes_serve_and_metrics_stay_internal(prod: Production):
    with httpx2.Client(verify=False, timeout=5) as client:
        answers = [client.get(f"{prod.nginx.base}/ready") for _ in range(6)]
        metrics_public = client.get(f"{prod.nginx.base}/metrics")
        metrics_inside = client.get(f"{prod.servers[0].base}/metrics")
        icon = client.get(f"{prod.nginx.base}/static/favicon.svg")
    assert [a.status_code for a in answers] == [200] * 6, [a.text for a in answers]
    assert answers[0].json() == {"database": True, "broker": True}
    assert metrics_public.status_code == 404
    assert metrics_inside.status_code == 200
    assert "stormdrill_consoles_connected" in metrics_inside.text
    assert icon.status_code == 200
    assert icon.content == (Path(__file__).parents[2] / "static" / "favicon.svg").read_bytes()
    served = {server.name: server.requests_served() for server in prod.servers}
    assert all(count >= 3 for count in served.values()), f"requests per upstream: {served}"
