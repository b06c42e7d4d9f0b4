"""Brokers for the live-layer tests: a reachable Redis (or a clear failure in CI), helpers."""

import asyncio
import os
import uuid
from collections.abc import AsyncIterator

import pytest

from app.drills.broker import Event, RedisBroker
from tests.conftest import IN_CI

REDIS_URL = os.environ.get("STORMDRILL_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def reachable_redis() -> str:
    """The test Redis URL; missing Redis fails in CI and skips elsewhere."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        message = f"Redis not reachable at {REDIS_URL}: {exc}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return REDIS_URL


def redis_broker(url: str, prefix: str) -> RedisBroker:
    """A Redis broker on its own key prefix, blocking briefly so tests end fast."""
    return RedisBroker.from_url(url, prefix=prefix, block_ms=100)


async def scratch_redis_broker(url: str) -> AsyncIterator[RedisBroker]:
    """A Redis broker on a fresh key prefix, its keys deleted afterwards."""
    prefix = f"stormdrill-test:{uuid.uuid4().hex}:"
    found = redis_broker(url, prefix)
    try:
        yield found
    finally:
        async for key in found.redis.scan_iter(match=prefix + "*"):
            await found.redis.delete(key)
        await found.close()


async def take(stream: AsyncIterator[Event], count: int) -> list[Event]:
    """The next `count` events of a stream, failing after two seconds."""

    async def collect() -> list[Event]:
        return [await anext(stream) for _ in range(count)]

    return await asyncio.wait_for(collect(), 2)


async def started(broker, drill_id: int, last_id: str | None = None) -> AsyncIterator[Event]:
    """A subscription that is already listening (its first step has run)."""
    stream = broker.subscribe(drill_id, last_id)
    first = asyncio.ensure_future(anext(stream))
    await asyncio.sleep(0.05)

    async def chained() -> AsyncIterator[Event]:
        try:
            yield await first
            async for event in stream:
                yield event
        finally:
            await stream.aclose()  # now, not when the garbage collector finds it

    return chained()
