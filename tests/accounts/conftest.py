"""Fixtures of the accounts tests: the Redis the shared rate limit is tried on."""

import os

import pytest

from tests.conftest import IN_CI

REDIS_URL = os.environ.get("STORMDRILL_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_url() -> str:
    """A reachable Redis for the tests; missing Redis fails in CI and skips elsewhere."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        message = f"Redis not reachable at {REDIS_URL}: {exc}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return REDIS_URL
