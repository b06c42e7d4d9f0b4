"""The login rate limit: the sliding-window rule, and both stores (memory and Redis)."""

import os
import uuid
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.accounts.ratelimit import (
    MemoryLoginLimiter,
    RedisLoginLimiter,
    limiter_key,
    make_limiter,
    wait_time,
)
from app.core.settings import Settings
from tests.conftest import IN_CI

REDIS_URL = os.environ.get("STORMDRILL_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_wait_time_examples():
    assert wait_time([], now=100, limit=3, window=60) == 0
    assert wait_time([90, 95], now=100, limit=3, window=60) == 0
    assert wait_time([90, 95, 99], now=100, limit=3, window=60) == 50
    assert wait_time([30, 90, 95, 99], now=100, limit=3, window=60) == 50
    assert wait_time([40, 95, 99], now=100, limit=3, window=60) == 0


times = st.lists(st.floats(min_value=0, max_value=1000, allow_nan=False), max_size=20).map(sorted)


@given(times, st.integers(min_value=1, max_value=6), st.floats(min_value=1, max_value=500))
def test_blocked_exactly_when_the_window_holds_the_limit(failures, limit, window):
    now = 1000.0
    recent = [t for t in failures if t > now - window]
    wait = wait_time(failures, now=now, limit=limit, window=window)
    assert (wait > 0) == (len(recent) >= limit)
    assert wait <= window + 1


@given(times, st.integers(min_value=1, max_value=6), st.floats(min_value=1, max_value=500))
def test_after_waiting_the_attempt_is_allowed(failures, limit, window):
    now = 1000.0
    wait = wait_time(failures, now=now, limit=limit, window=window)
    assert wait_time(failures, now=now + wait, limit=limit, window=window) == 0


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


@pytest.fixture(params=["memory", "redis"])
def limiter(request) -> Iterator[tuple[object, FakeClock]]:
    """Each store, with a hand-moved clock and a limit of 3 failures per 60 seconds."""
    clock = FakeClock()
    if request.param == "memory":
        yield MemoryLoginLimiter(limit=3, window=60, clock=clock), clock
        return
    url = request.getfixturevalue("redis_url")
    prefix = f"stormdrill-test:{uuid.uuid4().hex}:"
    store = RedisLoginLimiter(url=url, limit=3, window=60, clock=clock, prefix=prefix)
    yield store, clock
    for name in store.redis.scan_iter(match=prefix + "*"):
        store.redis.delete(name)


def test_the_limit_blocks_then_the_window_slides(limiter):
    store, clock = limiter
    key = limiter_key("Someone@Example.org ", "10.0.0.1")
    for step in range(3):
        assert store.retry_after(key) == 0
        store.record_failure(key)
        clock.now += 10 if step < 2 else 1
    assert store.retry_after(key) == 39
    clock.now += 39
    assert store.retry_after(key) == 0
    store.record_failure(key)
    assert store.retry_after(key) == 10


def test_keys_are_separate_and_a_reset_forgets(limiter):
    store, _clock = limiter
    key = limiter_key("a@example.org", "10.0.0.1")
    for _ in range(3):
        store.record_failure(key)
    assert store.retry_after(key) > 0
    assert store.retry_after(limiter_key("a@example.org", "10.0.0.2")) == 0
    assert store.retry_after(limiter_key("b@example.org", "10.0.0.1")) == 0
    assert store.retry_after(limiter_key(" A@Example.org", "10.0.0.1")) > 0
    store.reset(key)
    assert store.retry_after(key) == 0


def test_redis_keeps_no_email_in_clear(redis_url):
    prefix = f"stormdrill-test:{uuid.uuid4().hex}:"
    store = RedisLoginLimiter(url=redis_url, limit=3, window=60, prefix=prefix)
    store.record_failure(limiter_key("secret@example.org", "10.0.0.1"))
    names = [name.decode() for name in store.redis.scan_iter(match=prefix + "*")]
    assert len(names) == 1 and "secret" not in names[0]
    assert 0 < store.redis.ttl(names[0]) <= 61
    store.redis.delete(*names)


def test_the_settings_choose_the_store(redis_url):
    memory = make_limiter(Settings(environment="test", secret_key="x"))
    assert isinstance(memory, MemoryLoginLimiter)
    shared = make_limiter(Settings(environment="test", secret_key="x", redis_url=redis_url))
    assert isinstance(shared, RedisLoginLimiter)
    assert (shared.limit, shared.window) == (5, 300)


def test_the_memory_store_forgets_stale_keys(monkeypatch):
    clock = FakeClock()
    store = MemoryLoginLimiter(limit=2, window=60, clock=clock)
    monkeypatch.setattr(MemoryLoginLimiter, "SWEEP_ABOVE", 3)
    for n in range(5):
        store.record_failure(f"k{n}")
    clock.now += 61
    store.record_failure("fresh")
    assert set(store._failures) == {"fresh"}
