"""Fixtures of the accounts tests: the Redis the shared rate limit is tried on."""

import pytest

from tests.drills.brokers import reachable_redis


@pytest.fixture
def redis_url() -> str:
    """A reachable Redis for the tests; missing Redis fails in CI and skips elsewhere."""
    return reachable_redis()
