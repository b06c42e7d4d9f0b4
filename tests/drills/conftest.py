"""Fixtures of the live-layer tests: each broker, a Redis broker on its own key prefix."""

from collections.abc import AsyncIterator

import pytest

from app.drills.broker import InMemoryBroker, RedisBroker
from tests.drills.brokers import reachable_redis, scratch_redis_broker


@pytest.fixture
def anyio_backend() -> str:
    """The live layer runs on asyncio."""
    return "asyncio"


@pytest.fixture
def redis_url() -> str:
    """A reachable Redis for the tests."""
    return reachable_redis()


@pytest.fixture
async def broker_of_redis(redis_url: str) -> AsyncIterator[RedisBroker]:
    """A Redis broker on a fresh key prefix, deleted afterwards."""
    async for found in scratch_redis_broker(redis_url):
        yield found


@pytest.fixture(params=["memory", "redis"])
async def broker(request) -> AsyncIterator[InMemoryBroker | RedisBroker]:
    """Each broker; the Redis one on a fresh key prefix, deleted afterwards."""
    if request.param == "memory":
        yield InMemoryBroker(buffer_size=100, queue_size=10)
        return
    async for found in scratch_redis_broker(request.getfixturevalue("redis_url")):
        yield found
