"""The broker shared by processes: one Redis stream per drill, its entry ids as event ids.

Beside each stream sit the drill's driver lock (a driver's token, with a TTL) and the
driver's progress. A driver publishes with one script that checks its token still holds the
lock, appends its events and stores its progress, so events and progress never disagree.
"""

import asyncio
import logging
import re
from collections.abc import AsyncIterator, Sequence

import redis.asyncio as aioredis
from redis import exceptions as redis_errors

from app.core import metrics
from app.drills.events import Event, unless_cancelled

BUFFER_SIZE = 10_000
SOCKET_TIMEOUT_S = 5.0
BLOCK_MS = 2_000  # well under the socket timeout: a quiet drill's read returns, never times out
READ_COUNT = 500
RETRY_S = (0.1, 2.0)  # first and longest pause before reading again after a broker error
STREAM_ID = re.compile(r"\d+-\d+")
log = logging.getLogger(__name__)

_RENEW = """
if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('pexpire', KEYS[1], ARGV[2])
end
return redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) and 1 or 0
"""
_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0
"""
_PUBLISH = """
if redis.call('get', KEYS[1]) ~= ARGV[1] then return false end
local ids = {}
for i = 5, #ARGV, 2 do
  ids[#ids + 1] = redis.call('xadd', KEYS[2], 'MAXLEN', '~', ARGV[2], '*',
                             'name', ARGV[i], 'data', ARGV[i + 1])
end
redis.call('set', KEYS[3], ARGV[3])
if ARGV[4] ~= '' then redis.call('pexpire', KEYS[1], ARGV[4]) end
return ids
"""


class RedisBroker:
    """A broker shared by processes: one Redis stream per drill, its entry ids as event ids."""

    def __init__(
        self,
        client: aioredis.Redis,
        prefix: str = "stormdrill:drill:",
        maxlen: int = BUFFER_SIZE,
        block_ms: int = BLOCK_MS,
    ) -> None:
        timeout_s = client.connection_pool.connection_kwargs.get("socket_timeout")
        if timeout_s is not None:
            block_ms = min(block_ms, int(timeout_s * 500))
        self.redis = client
        self.prefix = prefix
        self.maxlen = maxlen
        self.block_ms = block_ms

    @classmethod
    def from_url(
        cls, url: str, *, socket_timeout: float = SOCKET_TIMEOUT_S, **options: object
    ) -> "RedisBroker":
        """A broker on the Redis at `url` (responses decoded as text), reads bounded in time."""
        client = aioredis.Redis.from_url(
            url,
            decode_responses=True,
            socket_timeout=socket_timeout,
            socket_connect_timeout=socket_timeout,
        )
        return cls(client, **options)  # type: ignore[arg-type]

    def key(self, drill_id: int, kind: str = "events") -> str:
        """The Redis key of a drill's stream, lock or progress."""
        return f"{self.prefix}{drill_id}:{kind}"

    async def publish(self, drill_id: int, name: str, data: str) -> str:
        """Append the event to the drill's stream, trimmed to about `maxlen` entries."""
        fields = {"name": name, "data": data}
        return await self.redis.xadd(
            self.key(drill_id), fields, maxlen=self.maxlen, approximate=True
        )

    async def publish_batch(
        self,
        drill_id: int,
        events: Sequence[tuple[str, str]],
        *,
        token: str,
        progress: str,
        ttl_ms: int | None = None,
    ) -> list[str] | None:
        """Append the events and store `progress` in one script, if `token` holds the lock;
        with `ttl_ms`, the same script renews the lock (no separate renewal command)."""
        keys = [self.key(drill_id, "driver"), self.key(drill_id), self.key(drill_id, "progress")]
        renew = "" if ttl_ms is None else str(ttl_ms)
        events_flat = (part for event in events for part in event)
        values = [token, self.maxlen, progress, renew, *events_flat]
        return await self.redis.eval(_PUBLISH, 3, *keys, *values)

    async def tail(self, drill_id: int) -> str:
        """The id of the stream's newest entry, or 0-0."""
        newest = await self.redis.xrevrange(self.key(drill_id), count=1)
        return newest[0][0] if newest else "0-0"

    async def history(self, drill_id: int, after: str) -> list[Event]:
        """The entries after `after` (the whole stream for an id that is not a stream id)."""
        start = f"({after}" if STREAM_ID.fullmatch(after) else "-"
        entries = await self.redis.xrange(self.key(drill_id), start, "+", count=self.maxlen)
        return [Event(entry_id, fields["name"], fields["data"]) for entry_id, fields in entries]

    async def subscribe(self, drill_id: int, last_event_id: str | None) -> AsyncIterator[Event]:
        """Read the stream after `last_event_id` (or from now), blocking for new entries.

        A broker error (timeout, lost connection) pauses the reader, which then resumes after
        the last entry it gave: an outage delays events, it does not end the subscription.
        """
        key = self.key(drill_id)
        valid = last_event_id is not None and STREAM_ID.fullmatch(last_event_id)
        last = last_event_id if valid else None
        pause = RETRY_S[0]
        while True:
            unless_cancelled()
            try:
                last = last or await self.tail(drill_id)
                found = await self.redis.xread({key: last}, count=READ_COUNT, block=self.block_ms)
            except redis_errors.RedisError as exc:
                unless_cancelled()
                metrics.BROKER_ERRORS.labels("reader").inc()
                log.warning("reading drill %s from Redis failed (%s); retrying", drill_id, exc)
                await asyncio.sleep(pause)
                pause = min(RETRY_S[1], pause * 2)
                continue
            pause = RETRY_S[0]
            for _, entries in found or []:
                for entry_id, fields in entries:
                    last = entry_id
                    yield Event(entry_id, fields["name"], fields["data"])

    async def claim(self, drill_id: int, token: str, ttl_ms: int) -> bool:
        """SET NX PX the drill's lock, or extend it if `token` already holds it."""
        result = await self.redis.eval(_RENEW, 1, self.key(drill_id, "driver"), token, ttl_ms)
        return bool(result)

    async def progress(self, drill_id: int) -> str | None:
        """The progress stored by the drill's last driver."""
        return await self.redis.get(self.key(drill_id, "progress"))

    async def release(self, drill_id: int, token: str) -> None:
        """Delete the lock if `token` holds it."""
        await self.redis.eval(_RELEASE, 1, self.key(drill_id, "driver"), token)

    async def retire(self, drill_id: int, retention_s: float) -> None:
        """Expire the drill's stream and progress after `retention_s` seconds."""
        async with self.redis.pipeline(transaction=False) as pipe:
            for kind in ("events", "progress"):
                pipe.expire(self.key(drill_id, kind), max(1, round(retention_s)))
            await pipe.execute()

    async def ping(self) -> None:
        """PING Redis (raises a RedisError when it is unreachable)."""
        await self.redis.ping()

    async def close(self) -> None:
        """Close the connection pool."""
        await self.redis.aclose()
