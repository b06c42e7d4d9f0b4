"""Login rate limiting: sign-in attempts per (email, client address) and per address.

An attempt is granted and counted in one atomic step before the password is checked,
so parallel requests cannot check more passwords than the limit. A success takes its
attempt back. One interface, two stores: in memory for a single process (the default),
Redis when several processes must share the count (STORMDRILL_REDIS_URL).
"""

import hashlib
import logging
import math
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
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
    """The key counting attempts for one email from one client address.

    Per address, so that an attacker elsewhere cannot lock the account for everyone.
    """
    return f"{email.strip().lower()}|{client}"


def address_key(client: str) -> str:
    """The key counting failed attempts from one client address, whatever the email."""
    return f"address|{client}"


@dataclass(frozen=True)
class Reservation:
    """The answer to asking for an attempt: its id when granted, else the seconds to wait."""

    attempt_id: str | None
    wait: int


class LoginLimiter(Protocol):
    """Counts sign-in attempts per key; granting one and counting it is a single atomic step."""

    def reserve(self, limits: Mapping[str, int]) -> Reservation:
        """Grant an attempt if every key holds fewer than its limit, counting it in each."""
        ...

    def forgive(self, key: str, attempt_id: str) -> None:
        """Take a granted attempt back out of `key`, once it succeeded."""
        ...

    def reset(self, key: str) -> None:
        """Forget `key`'s attempts, after a successful sign-in."""
        ...


class MemoryLoginLimiter:
    """The limiter for one process: a deque of (time, attempt id) per key, behind a lock."""

    SWEEP_ABOVE = 10_000

    def __init__(self, *, window: float, clock: Clock = time.time) -> None:
        self.window = window
        self.clock = clock
        self._attempts: dict[str, deque[tuple[float, str]]] = {}
        self._lock = threading.Lock()

    def _prune(self, key: str, now: float) -> list[float]:
        attempts = self._attempts.get(key, deque())
        while attempts and attempts[0][0] <= now - self.window:
            attempts.popleft()
        if not attempts:
            self._attempts.pop(key, None)
        return [at for at, _id in attempts]

    def reserve(self, limits: Mapping[str, int]) -> Reservation:
        """Grant an attempt if every key holds fewer than its limit, counting it in each."""
        with self._lock:
            now = self.clock()
            if len(self._attempts) > self.SWEEP_ABOVE:
                for stale in list(self._attempts):
                    self._prune(stale, now)
            wait = max(
                wait_time(self._prune(key, now), now=now, limit=limit, window=self.window)
                for key, limit in limits.items()
            )
            if wait:
                return Reservation(None, wait)
            attempt_id = uuid.uuid4().hex
            for key, limit in limits.items():
                self._attempts.setdefault(key, deque(maxlen=limit)).append((now, attempt_id))
            return Reservation(attempt_id, 0)

    def forgive(self, key: str, attempt_id: str) -> None:
        """Take a granted attempt back out of `key`."""
        with self._lock:
            attempts = self._attempts.get(key, deque())
            kept = [pair for pair in attempts if pair[1] != attempt_id]
            if kept:
                self._attempts[key] = deque(kept, maxlen=attempts.maxlen)
            else:
                self._attempts.pop(key, None)

    def reset(self, key: str) -> None:
        """Forget `key`'s attempts."""
        with self._lock:
            self._attempts.pop(key, None)


# One script, so that checking every key and counting the attempt in each is atomic: two
# parallel requests can never both see the last free slot.
RESERVE_SCRIPT = """
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
local wait = 0
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[3 + i])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) >= limit then
    local nth = redis.call('ZRANGE', key, -limit, -limit, 'WITHSCORES')
    wait = math.max(wait, 1, math.ceil(tonumber(nth[2]) + window - now))
  end
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[3])
  redis.call('ZREMRANGEBYRANK', key, 0, -tonumber(ARGV[3 + i]) - 1)
  redis.call('EXPIRE', key, math.ceil(window) + 1)
end
return 0
"""


class RedisLoginLimiter:
    """The limiter shared by every process: a sorted set of attempt times per key.

    While Redis does not answer, this process counts in memory instead (a weaker, per-process
    limit for the outage), so that signing in never fails because Redis is down.
    """

    def __init__(
        self,
        *,
        url: str,
        window: float,
        clock: Clock = time.time,
        prefix: str = "stormdrill:login:",
    ) -> None:
        import redis

        self.redis = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
        self.fallback = MemoryLoginLimiter(window=window, clock=clock)
        self.window = window
        self.clock = clock
        self.prefix = prefix
        self._reserve = self.redis.register_script(RESERVE_SCRIPT)

    def _name(self, key: str) -> str:
        # Hashed so that emails and addresses never sit in Redis in clear.
        return self.prefix + hashlib.sha256(key.encode()).hexdigest()

    def _or_fallback(self, name: str, *args: object):
        """Run `name` on Redis, or on the in-memory fallback while Redis does not answer."""
        import redis

        try:
            return getattr(self, "_redis_" + name)(*args)
        except redis.RedisError as exc:
            log.warning("login rate limit: Redis unreachable (%s); counting in memory", exc)
            return getattr(self.fallback, name)(*args)

    def reserve(self, limits: Mapping[str, int]) -> Reservation:
        """Grant an attempt if every key holds fewer than its limit, counting it in each."""
        return self._or_fallback("reserve", limits)

    def forgive(self, key: str, attempt_id: str) -> None:
        """Take a granted attempt back out of `key`."""
        self._or_fallback("forgive", key, attempt_id)

    def reset(self, key: str) -> None:
        """Forget `key`'s attempts."""
        self._or_fallback("reset", key)

    def _redis_reserve(self, limits: Mapping[str, int]) -> Reservation:
        attempt_id = uuid.uuid4().hex
        keys = [self._name(key) for key in limits]
        args = [self.clock(), self.window, attempt_id, *limits.values()]
        wait = int(self._reserve(keys=keys, args=args))
        return Reservation(None, wait) if wait else Reservation(attempt_id, 0)

    def _redis_forgive(self, key: str, attempt_id: str) -> None:
        self.redis.zrem(self._name(key), attempt_id)

    def _redis_reset(self, key: str) -> None:
        self.redis.delete(self._name(key))


def make_limiter(settings: Settings, clock: Clock = time.time) -> LoginLimiter:
    """The limiter the settings ask for: Redis when a URL is configured, else memory."""
    if settings.redis_url:
        return RedisLoginLimiter(
            url=settings.redis_url, window=settings.login_window_s, clock=clock
        )
    return MemoryLoginLimiter(window=settings.login_window_s, clock=clock)


def login_limits(settings: Settings, email: str, client: str) -> dict[str, int]:
    """The keys one sign-in attempt counts against, with their limits."""
    return {
        limiter_key(email, client): settings.login_attempts_per_window,
        address_key(client): settings.login_attempts_per_address,
    }


_creation_lock = threading.Lock()


def login_limiter(request: Request) -> LoginLimiter:
    """The application's limiter, made from its settings on first use."""
    state = request.app.state
    with _creation_lock:
        if getattr(state, "login_limiter", None) is None:
            state.login_limiter = make_limiter(state.settings)
        return state.login_limiter
