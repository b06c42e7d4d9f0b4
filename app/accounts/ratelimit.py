"""Login rate limiting: failed sign-ins per (email, client address) in a sliding window.

One interface, two stores: in memory for a single process (the default), Redis when
several processes must share the count (STORMDRILL_REDIS_URL).
"""

import hashlib
import logging
import math
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Sequence
from typing import Protocol

from fastapi import Request

from app.core.settings import Settings

Clock = Callable[[], float]
log = logging.getLogger(__name__)


def wait_time(failures: Sequence[float], *, now: float, limit: int, window: float) -> int:
    """Whole seconds until another attempt is allowed (0: allowed now).

    `failures` are the times of failed attempts, oldest first. The caller is blocked
    while `limit` or more of them fall inside the last `window` seconds, until the
    `limit`-th most recent one leaves the window.
    """
    recent = [t for t in failures if t > now - window]
    if len(recent) < limit:
        return 0
    return max(1, math.ceil(recent[-limit] + window - now))


def limiter_key(email: str, client: str) -> str:
    """The key counting attempts for one email from one client address."""
    return f"{email.strip().lower()}|{client}"


class LoginLimiter(Protocol):
    """Counts failed sign-ins and says how long a key must wait."""

    def retry_after(self, key: str) -> int:
        """Seconds until `key` may try again; 0 when it may try now."""
        ...

    def record_failure(self, key: str) -> None:
        """Count one failed attempt for `key`."""
        ...

    def reset(self, key: str) -> None:
        """Forget `key`'s failures, after a successful sign-in."""
        ...


class MemoryLoginLimiter:
    """The limiter for one process: a deque of failure times per key, behind a lock."""

    SWEEP_ABOVE = 10_000

    def __init__(self, *, limit: int, window: float, clock: Clock = time.time) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _prune(self, key: str, now: float) -> deque[float]:
        failures = self._failures.get(key, deque())
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        if not failures:
            self._failures.pop(key, None)
        return failures

    def retry_after(self, key: str) -> int:
        """Seconds until `key` may try again; 0 when it may try now."""
        with self._lock:
            now = self.clock()
            failures = self._prune(key, now)
            return wait_time(failures, now=now, limit=self.limit, window=self.window)

    def record_failure(self, key: str) -> None:
        """Count one failed attempt for `key`, keeping at most `limit` times per key."""
        with self._lock:
            now = self.clock()
            if len(self._failures) > self.SWEEP_ABOVE:
                for stale in list(self._failures):
                    self._prune(stale, now)
            failures = self._failures.setdefault(key, deque(maxlen=self.limit))
            failures.append(now)

    def reset(self, key: str) -> None:
        """Forget `key`'s failures."""
        with self._lock:
            self._failures.pop(key, None)


class RedisLoginLimiter:
    """The limiter shared by every process: a sorted set of failure times per key.

    While Redis does not answer, this process counts in memory instead (a weaker, per-process
    limit for the outage), so that signing in never fails because Redis is down.
    """

    def __init__(
        self,
        *,
        url: str,
        limit: int,
        window: float,
        clock: Clock = time.time,
        prefix: str = "stormdrill:login:",
    ) -> None:
        import redis

        self.redis = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
        self.fallback = MemoryLoginLimiter(limit=limit, window=window, clock=clock)
        self.limit = limit
        self.window = window
        self.clock = clock
        self.prefix = prefix

    def _name(self, key: str) -> str:
        # Hashed so that emails never sit in Redis in clear.
        return self.prefix + hashlib.sha256(key.encode()).hexdigest()

    def _or_fallback(self, name: str, key: str):
        """Run `name` on Redis, or on the in-memory fallback while Redis does not answer."""
        import redis

        try:
            return getattr(self, "_" + name)(key)
        except redis.RedisError as exc:
            log.warning("login rate limit: Redis unreachable (%s); counting in memory", exc)
            return getattr(self.fallback, name)(key)

    def retry_after(self, key: str) -> int:
        """Seconds until `key` may try again; 0 when it may try now."""
        return self._or_fallback("retry_after", key)

    def record_failure(self, key: str) -> None:
        """Count one failed attempt for `key`."""
        self._or_fallback("record_failure", key)

    def reset(self, key: str) -> None:
        """Forget `key`'s failures."""
        self._or_fallback("reset", key)

    def _retry_after(self, key: str) -> int:
        now = self.clock()
        name = self._name(key)
        pipe = self.redis.pipeline()
        pipe.zremrangebyscore(name, "-inf", now - self.window)
        pipe.zrange(name, 0, -1, withscores=True)
        _removed, rows = pipe.execute()
        failures = sorted(score for _member, score in rows)
        return wait_time(failures, now=now, limit=self.limit, window=self.window)

    def _record_failure(self, key: str) -> None:
        now = self.clock()
        name = self._name(key)
        pipe = self.redis.pipeline()
        pipe.zadd(name, {uuid.uuid4().hex: now})
        pipe.zremrangebyrank(name, 0, -self.limit - 1)
        pipe.expire(name, math.ceil(self.window) + 1)
        pipe.execute()

    def _reset(self, key: str) -> None:
        self.redis.delete(self._name(key))


def make_limiter(settings: Settings, clock: Clock = time.time) -> LoginLimiter:
    """The limiter the settings ask for: Redis when a URL is configured, else memory."""
    limit, window = settings.login_attempts_per_window, settings.login_window_s
    if settings.redis_url:
        return RedisLoginLimiter(url=settings.redis_url, limit=limit, window=window, clock=clock)
    return MemoryLoginLimiter(limit=limit, window=window, clock=clock)


_creation_lock = threading.Lock()


def login_limiter(request: Request) -> LoginLimiter:
    """The application's limiter, made from its settings on first use."""
    state = request.app.state
    with _creation_lock:
        if getattr(state, "login_limiter", None) is None:
            state.login_limiter = make_limiter(state.settings)
        return state.login_limiter
