"""The broker shared by processes: one Redis stream per drill, its entry ids as event ids.

A stream entry holds one event (`n0`, `d0`) or a driver's batch of them (`n0`, `d0`, `n1`,
`d1`…): the events of entry `ms-seq` have ids `ms-seq`, `ms-seq-1`, `ms-seq-2`… in order, so
a batch costs one XADD and is read as one entry. Beside each stream sits the drill's driver
lock (a driver's token, with a TTL). A driver publishes with one script that checks its token
still holds the lock and appends its batch with its progress (`p`), so events and progress
never disagree and a takeover finds the progress in the stream. An entry published by a
request (`o`, the publishing process) tells the other processes the drill changed.
Each process reads every stream it follows with one blocking read (app.drills.redis_reader).
"""

import uuid
from collections.abc import AsyncIterator, Sequence

import redis.asyncio as aioredis

from app.drills.events import Event, order
from app.drills.redis_reader import StreamReader

BUFFER_SIZE = 10_000
SOCKET_TIMEOUT_S = 5.0
BLOCK_MS = 2_000  # well under the socket timeout: a quiet drill's read returns, never times out
READ_COUNT = 500
PROGRESS_PAGE = 50  # entries read at a time, newest first, looking for the last progress
_MAX_SEQ = 2**64 - 1

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
local fields = {'p', ARGV[3]}
for i = 5, #ARGV, 2 do
  local n = (i - 5) / 2
  fields[#fields + 1] = 'n' .. n
  fields[#fields + 1] = ARGV[i]
  fields[#fields + 1] = 'd' .. n
  fields[#fields + 1] = ARGV[i + 1]
end
local id = redis.call('xadd', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', unpack(fields))
if ARGV[4] ~= '' then redis.call('pexpire', KEYS[1], ARGV[4]) end
return id
"""


def event_ids(entry_id: str, count: int) -> list[str]:
    """The ids of an entry's `count` events: the entry's own, then `-1`, `-2`…"""
    return [entry_id] + [f"{entry_id}-{index}" for index in range(1, count)]


def entry_events(entry_id: str, fields: dict[str, str]) -> list[Event]:
    """The events an entry holds, in order (the origin of a request's entry on each). An
    entry of the previous layout (`name`, `data`: one event, before an upgrade) is read too."""
    if "name" in fields:
        return [Event(entry_id, fields["name"], fields.get("data", ""))]
    origin, count = fields.get("o", ""), 0
    while f"n{count}" in fields:
        count += 1
    return [
        Event(event_id, fields[f"n{index}"], fields[f"d{index}"], origin=origin)
        for index, event_id in enumerate(event_ids(entry_id, count))
    ]


def entry_before(event_id: str) -> str:
    """The stream position just before the entry holding the event `event_id` (so reading
    after it gives that entry again: events of it after `event_id` may not have been seen)."""
    ms, seq = (order(event_id) or (0, 0))[:2]
    if seq:
        return f"{ms}-{seq - 1}"
    return f"{ms - 1}-{_MAX_SEQ}" if ms else "0-0"


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
        self.origin = uuid.uuid4().hex  # this process, on the entries its requests publish
        # Sent by their SHA1 (EVALSHA), loaded again if Redis lost them: not the script's text
        # for Redis to hash with every driver's batch.
        self._publish = client.register_script(_PUBLISH)
        self._renew = client.register_script(_RENEW)
        self._release = client.register_script(_RELEASE)
        self.reader = StreamReader(self._xread, block_ms=block_ms, count=READ_COUNT)

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
        """The Redis key of a drill's stream or lock."""
        return f"{self.prefix}{drill_id}:{kind}"

    async def publish(self, drill_id: int, name: str, data: str, *, reload: bool = True) -> str:
        """Append the event (a change this process made) to the drill's stream, trimmed to
        about `maxlen` entries; named of this process's origin if the others must `reload`."""
        fields = {"n0": name, "d0": data} | ({"o": self.origin} if reload else {})
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
        """Append the events as one entry with `progress`, in one script, if `token` holds
        the lock; with `ttl_ms`, the same script renews the lock (no separate command)."""
        keys = [self.key(drill_id, "driver"), self.key(drill_id)]
        renew = "" if ttl_ms is None else str(ttl_ms)
        events_flat = (part for event in events for part in event)
        values = [token, self.maxlen, progress, renew, *events_flat]
        entry_id = await self._publish(keys, values)
        return None if entry_id is None else event_ids(entry_id, len(events))

    async def tail(self, drill_id: int) -> str:
        """The id of the stream's newest event, or 0-0."""
        newest = await self.redis.xrevrange(self.key(drill_id), count=1)
        if not newest:
            return "0-0"
        events = entry_events(*newest[0])
        return events[-1].id if events else newest[0][0]

    async def history(self, drill_id: int, after: str) -> list[Event]:
        """The events after `after` (the whole stream for an id that is not one of ours)."""
        key = order(after)
        start = entry_before(after) if key is not None and len(key) > 1 else "-"
        begin = f"({start}" if start != "-" else start
        entries = await self.redis.xrange(self.key(drill_id), begin, "+", count=self.maxlen)
        events = [event for entry in entries for event in entry_events(*entry)]
        return events if start == "-" else [e for e in events if e.key > key]

    async def subscribe(self, drill_id: int, last_event_id: str | None) -> AsyncIterator[Event]:
        """The events after `last_event_id` (or from now), as the process's reader reads them.

        A broker error (timeout, lost connection) pauses the reader, which then resumes after
        the last entry it gave: an outage delays events, it does not end the subscription.
        """
        key = order(last_event_id)
        if key is None or len(key) < 2:
            last_event_id = await self.tail(drill_id)
            key = order(last_event_id) or (0, 0)
        subscription = self.reader.follow(self.key(drill_id), entry_before(last_event_id or ""))
        try:
            while True:
                for entry in await subscription.entries.get():
                    for event in entry_events(*entry):
                        if (event_key := event.key) > key:
                            key = event_key
                            yield event
        finally:
            self.reader.leave(subscription)

    async def _xread(self, positions: dict[str, str], count: int, block_ms: int) -> list | None:
        return await self.redis.xread(positions, count=count, block=block_ms)

    async def claim(self, drill_id: int, token: str, ttl_ms: int) -> bool:
        """SET NX PX the drill's lock, or extend it if `token` already holds it."""
        result = await self._renew([self.key(drill_id, "driver")], [token, ttl_ms])
        return bool(result)

    async def progress(self, drill_id: int) -> str | None:
        """The progress stored by the drill's last driver: the newest entry carrying one."""
        end = "+"
        while entries := await self.redis.xrevrange(self.key(drill_id), end, "-", PROGRESS_PAGE):
            for _, fields in entries:
                if "p" in fields:
                    return fields["p"]
            end = f"({entries[-1][0]}"
        return None

    async def release(self, drill_id: int, token: str) -> None:
        """Delete the lock if `token` holds it."""
        await self._release([self.key(drill_id, "driver")], [token])

    async def retire(self, drill_id: int, retention_s: float) -> None:
        """Expire the drill's stream (and the progress in it) after `retention_s` seconds."""
        await self.redis.expire(self.key(drill_id), max(1, round(retention_s)))

    async def ping(self) -> None:
        """PING Redis (raises a RedisError when it is unreachable)."""
        await self.redis.ping()

    async def close(self) -> None:
        """Stop the reader and close the connection pool."""
        await self.reader.close()
        await self.redis.aclose()
