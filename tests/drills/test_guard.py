"""Without Redis one process only serves a database: a second `stormdrill serve` is refused."""

import os
import subprocess
import sys

from app.drills import guard
from tests.drills.redis_server import free_port

CLAIM = "from app.drills import guard; import sys; guard.claim(sys.argv[1], None); print('held')"


def test_a_second_process_without_redis_is_refused_at_start_up(engine, database_url):
    assert guard.claim(database_url, None)
    try:
        other = subprocess.run(
            [sys.executable, "-c", CLAIM, database_url], capture_output=True, timeout=60
        )
        assert other.returncode != 0 and b"held" not in other.stdout
        assert b"SecondProcessRefused" in other.stderr
        environment = {
            **os.environ,
            "STORMDRILL_DATABASE_URL": database_url,
            "STORMDRILL_ENVIRONMENT": "test",
            "STORMDRILL_PORT": str(free_port()),
        }
        environment.pop("STORMDRILL_REDIS_URL", None)
        serve = subprocess.run(
            [sys.executable, "-m", "app.cli", "serve"], env=environment, capture_output=True,
            timeout=60,
        )  # fmt: skip
        assert serve.returncode != 0
        assert b"STORMDRILL_REDIS_URL on every process" in serve.stderr
    finally:
        guard.release(database_url)


def test_with_redis_nothing_is_claimed(database_url):
    assert guard.claim(database_url, "redis://127.0.0.1:6379/2") is False
    assert guard.claim("sqlite://", None) is False
