"""The login rate limit: the sliding-window rule, and both stores (memory and Redis)."""

import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.accounts.ratelimit import (
    MemoryLoginLimiter,
    RedisLoginLimiter,
    Reservation,
    address_key,
    limiter_key,
    login_limits,
    make_limiter,
    wait_time,
)
from app.core.settings import Settings


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


@pytest.fixture(params=["memory", "redis"])
def limiter(request) -> Iterator[tuple[object, FakeClock]]:
    """Each store, with a hand-moved clock and a window of 60 seconds."""
    clock = FakeClock()
    if request.param == "memory":
        yield MemoryLoginLimiter(window=60, clock=clock), clock
        return
    url = request.getfixturevalue("redis_url")
    prefix = f"stormdrill-test:{uuid.uuid4().hex}:"
    store = RedisLoginLimiter(url=url, window=60, clock=clock, prefix=prefix)
    yield store, clock
    for name in store.redis.scan_iter(match=prefix + "*"):
        store.redis.delete(name)


def test_the_limit_blocks_then_the_window_slides(limiter):
    store, clock = limiter
    key = {limiter_key("Someone@Example.org ", "10.0.0.1"): 3}
    for step in range(3):
        assert store.reserve(key).wait == 0
        clock.now += 10 if step < 2 else 1
    assert store.reserve(key) == Reservation(None, 39)
    clock.now += 39
    assert store.reserve(key).attempt_id is not None
    assert store.reserve(key).wait == 10


def test_keys_are_separate_and_a_reset_forgets(limiter):
    store, _clock = limiter
    key = limiter_key("a@example.org", "10.0.0.1")
    for _ in range(3):
        store.reserve({key: 3})
    assert store.reserve({key: 3}).wait > 0
    assert store.reserve({limiter_key("a@example.org", "10.0.0.2"): 3}).wait == 0
    assert store.reserve({limiter_key("b@example.org", "10.0.0.1"): 3}).wait == 0
    assert store.reserve({limiter_key(" A@Example.org", "10.0.0.1"): 3}).wait > 0
    store.reset(key)
    assert store.reserve({key: 3}).wait == 0


def test_an_attempt_counts_in_every_key_and_a_forgiven_one_in_none(limiter):
    store, _clock = limiter
    address = address_key("10.0.0.1")
    first = store.reserve({limiter_key("a@example.org", "10.0.0.1"): 5, address: 2})
    store.reserve({limiter_key("b@example.org", "10.0.0.1"): 5, address: 2})
    refused = store.reserve({limiter_key("c@example.org", "10.0.0.1"): 5, address: 2})
    assert refused.attempt_id is None and refused.wait > 0
    store.forgive(address, first.attempt_id)
    assert store.reserve({limiter_key("c@example.org", "10.0.0.1"): 5, address: 2}).wait == 0
    assert store.reserve({limiter_key("c@example.org", "10.0.0.1"): 5}).wait == 0


def test_parallel_attempts_never_get_past_the_limit(limiter):
    store, _clock = limiter
    limits = {limiter_key("target@example.org", "10.0.0.1"): 5, address_key("10.0.0.1"): 30}
    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(lambda _n: store.reserve(limits), range(100)))
    granted = [answer for answer in answers if answer.attempt_id is not None]
    assert len(granted) == 5
    assert all(answer.wait > 0 for answer in answers if answer.attempt_id is None)


@given(
    st.lists(st.sampled_from(["a", "b", "c"]), max_size=30),
    st.integers(min_value=1, max_value=4),
    st.integers(min_value=1, max_value=8),
)
def test_granted_attempts_stay_within_both_limits(emails, per_email, per_address):
    store = MemoryLoginLimiter(window=60, clock=FakeClock())
    granted: list[str] = []
    for email in emails:
        limits = {limiter_key(email, "10.0.0.1"): per_email, address_key("10.0.0.1"): per_address}
        room = granted.count(email) < per_email and len(granted) < per_address
        assert (store.reserve(limits).attempt_id is not None) == room
        if room:
            granted.append(email)
    assert len(granted) <= per_address


def test_redis_keeps_no_email_in_clear(redis_url):
    prefix = f"stormdrill-test:{uuid.uuid4().hex}:"
    store = RedisLoginLimiter(url=redis_url, window=60, prefix=prefix)
    store.reserve({limiter_key("secret@example.org", "10.0.0.1"): 3})
    names = [name.decode() for name in store.redis.scan_iter(match=prefix + "*")]
    assert len(names) == 1 and "secret" not in names[0]
    assert 0 < store.redis.ttl(names[0]) <= 61
    store.redis.delete(*names)


def test_the_settings_choose_the_store_and_the_limits(redis_url):
    settings = Settings(environment="test", secret_key="x", login_attempts_per_address=9)
    assert isinstance(make_limiter(settings), MemoryLoginLimiter)
    shared = make_limiter(settings.model_copy(update={"redis_url": redis_url}))
    assert isinstance(shared, RedisLoginLimiter) and shared.window == 300
    assert login_limits(settings, "A@example.org", "10.0.0.1") == {
        "a@example.org|10.0.0.1": 5,
        "address|10.0.0.1": 9,
    }


def test_the_memory_store_forgets_stale_keys(monkeypatch):
    clock = FakeClock()
    store = MemoryLoginLimiter(window=60, clock=clock)
    monkeypatch.setattr(MemoryLoginLimiter, "SWEEP_ABOVE", 3)
    for n in range(5):
        store.reserve({f"k{n}": 2})
    clock.now += 61
    store.reserve({"fresh": 2})
    assert set(store._attempts) == {"fresh"}
