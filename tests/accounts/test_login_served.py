"""The login rate limit against a real `stormdrill serve` process, as an attacker meets it.

A real server, because forwarded headers are handled by the server's own configuration
and parallel requests only race in a real threadpool.
"""

import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx2
import pytest
from sqlmodel import Session

from app.accounts import service as accounts
from app.accounts.models import Role
from app.accounts.ratelimit import RedisLoginLimiter, limiter_key
from app.core import migrate
from app.core.db import make_engine
from tests.e2e.conftest import free_port

PASSWORD = "correct horse battery"
STORMDRILL = str(Path(sys.executable).with_name("stormdrill"))


def prepare(url: str) -> None:
    """Migrate the database and add two admins of one organisation."""
    migrate.upgrade(url)
    engine = make_engine(url)
    with Session(engine) as session:
        org = accounts.create_organisation(session=session, name="Acme", slug="acme")
        for email in ("victim@example.org", "other@example.org"):
            user = accounts.create_user(
                session=session, email=email, display_name="V", password=PASSWORD
            )
            accounts.add_member(session=session, org=org, user=user, role=Role.admin)
        session.commit()
    engine.dispose()


def wait_until_up(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"stormdrill serve exited: {process.stderr.read().decode()[-2000:]}")
        try:
            if httpx2.get(f"{base}/health", timeout=1).status_code == 200:
                return
        except httpx2.TransportError:
            time.sleep(0.1)
    pytest.fail("stormdrill serve did not answer within 30 s")


@contextmanager
def served(**settings: str) -> Iterator[str]:
    """A migrated SQLite database with one admin, served by `stormdrill serve` on a free port."""
    with tempfile.TemporaryDirectory(prefix="stormdrill-login-") as folder:
        env = {key: value for key, value in os.environ.items() if not key.startswith("STORMDRILL_")}
        env.update(
            STORMDRILL_ENVIRONMENT="test",
            STORMDRILL_SECRET_KEY="served-secret",
            STORMDRILL_DATABASE_URL=f"sqlite:///{Path(folder) / 'served.db'}",
            **{f"STORMDRILL_{name.upper()}": value for name, value in settings.items()},
        )
        prepare(env["STORMDRILL_DATABASE_URL"])
        port = free_port()
        process = subprocess.Popen(
            [STORMDRILL, "serve", "--port", str(port)],
            env=env,
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base, process)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=15)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A server with the default settings: no trusted proxy."""
    with served() as base:
        yield base


@contextmanager
def login_form(base: str) -> Iterator[Callable[..., httpx2.Response]]:
    """A function posting the sign-in form from one browser-like session."""
    # No keep-alive: under load a pooled connection may outlive the server's idle timeout
    # and be reset when reused, which would fail the test for the wrong reason.
    limits = httpx2.Limits(max_keepalive_connections=0)
    with httpx2.Client(base_url=base, timeout=60, limits=limits) as client:
        token = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/login").text)[1]

        def post(email: str, password: str, **headers: str) -> httpx2.Response:
            data = {"email": email, "password": password, "csrf_token": token}
            return client.post("/login", data=data, headers=headers)

        yield post


def test_100_parallel_wrong_passwords_check_at_most_the_limit(server):
    with login_form(server) as post, ThreadPoolExecutor(max_workers=50) as pool:
        codes = list(
            pool.map(lambda _n: post("victim@example.org", "wrong").status_code, range(100))
        )
    checked = codes.count(422)
    assert checked <= 5, f"{checked} passwords checked"
    assert codes.count(429) == 100 - checked


def test_a_rotated_forwarded_for_from_an_untrusted_peer_changes_nothing(server):
    with login_form(server) as post:
        codes = [
            post("other@example.org", "wrong", **{"X-Forwarded-For": f"198.51.100.{n}"}).status_code
            for n in range(7)
        ]
    assert codes == [422] * 5 + [429] * 2


def test_behind_a_trusted_proxy_one_client_cannot_lock_the_account_for_another():
    with served(trusted_proxies="127.0.0.1") as base, login_form(base) as attacker:
        spoofed = {"X-Forwarded-For": "203.0.113.5"}
        codes = [attacker("victim@example.org", "wrong", **spoofed).status_code for _ in range(6)]
        assert codes == [422] * 5 + [429]
        with login_form(base) as victim:
            own = {"X-Forwarded-For": "192.0.2.44"}
            assert victim("victim@example.org", PASSWORD, **own).status_code == 303


def test_the_redis_count_holds_against_100_parallel_attempts(redis_url):
    email = f"{uuid.uuid4().hex}@example.org"
    with (
        served(redis_url=redis_url, login_attempts_per_address="100000") as base,
        login_form(base) as post,
        ThreadPoolExecutor(max_workers=50) as pool,
    ):
        codes = list(pool.map(lambda _n: post(email, "wrong").status_code, range(100)))
    store = RedisLoginLimiter(url=redis_url, window=300)
    store.reset(limiter_key(email, "127.0.0.1"))
    assert (codes.count(422), codes.count(429)) == (5, 95)
