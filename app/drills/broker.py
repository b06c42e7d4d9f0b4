"""The live events of a drill: publish once, fan out to every subscriber, replay after an id.

`InMemoryBroker` serves one process (a ring buffer per drill plus asyncio queues);
`RedisBroker` shares events between processes through one Redis stream per drill. Both also
hold the per-drill driver lock, so only one process generates a drill's feed.
"""

import asyncio
import logging
import re
import time
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Protocol

import redis.asyncio as aioredis
from redis import exceptions as redis_errors

BUFFER_SIZE = 10_000
QUEUE_SIZE = 1_000
SOCKET_TIMEOUT_S = 5.0
BLOCK_MS = 2_000  # well under the socket timeout: a quiet drill's read returns, never times out
RETRY_S = (0.1, 2.0)  # first and longest pause before reading again after a broker error
READ_COUNT = 500
STREAM_ID = re.compile(r"\d+-\d+")
LINE_BREAK = re.compile(r"\r\n|\r|\n")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Event:
    """One live event: its id (increasing per drill), kebab-case name and data."""

    id: str
    name: str
    data: str
    wire: bytes = field(default=b"", compare=False, repr=False)

    def encoded(self) -> bytes:
        """The event as a server-sent-events frame (built once per event, shared by clients)."""
        if self.wire:
            return self.wire
        lines = "".join(f"data: {line}\r\n" for line in LINE_BREAK.split(self.data))
        wire = f"id: {self.id}\r\nevent: {self.name}\r\n{lines}\r\n".encode()
        object.__setattr__(self, "wire", wire)
        return wire


class Broker(Protocol):
    """Publishes a drill's events and streams them to subscribers, replaying after an id."""

    async def publish(self, drill_id: int, name: str, data: str) -> str:
        """Store and fan out one event; return its id."""
        ...

    def subscribe(self, drill_id: int, last_event_id: str | None) -> AsyncIterator[Event]:
        """Held events after `last_event_id`, then live ones, with no gap and no duplicate."""
        ...

    async def claim(self, drill_id: int, owner: str, ttl_ms: int) -> bool:
        """Take or renew the drill's driver lock for `owner`; False if another owner holds it."""
        ...

    async def release(self, drill_id: int, owner: str) -> None:
        """Give the driver lock back if `owner` holds it."""
        ...


class _Subscriber:
    """A subscriber's bounded queue; `None` in it means "overflowed: resume from the buffer"."""

    __slots__ = ("queue",)

    def __init__(self, size: int) -> None:
        self.queue: asyncio.Queue[Event | None] = asyncio.Queue(size + 1)

    def offer(self, event: Event, size: int) -> bool:
        """Queue the event; on overflow, empty the queue, leave the marker and return False."""
        if self.queue.qsize() < size:
            self.queue.put_nowait(event)
            return True
        while not self.queue.empty():
            self.queue.get_nowait()
        self.queue.put_nowait(None)
        return False


@dataclass
class _Channel:
    """One drill's recent events and current subscribers."""

    last: int
    buffer: deque[tuple[int, Event]]
    subscribers: set[_Subscriber] = field(default_factory=set)

    def after(self, seq: int) -> list[Event]:
        """The held events after `seq`, oldest first."""
        if not self.buffer or self.buffer[-1][0] <= seq:
            return []
        return [event for number, event in self.buffer if number > seq]


def _sequence(event_id: str | None) -> int | None:
    """An in-memory event id as a number, or None when absent or malformed."""
    if event_id is None or not event_id.isdigit():
        return None
    return int(event_id)


class InMemoryBroker:
    """One process's broker: a ring buffer per drill and a bounded queue per subscriber.

    Ids are integers that start from the creation time in microseconds, so ids handed out
    after a restart are still greater than the ones a reconnecting client remembers.
    """

    def __init__(
        self, buffer_size: int = BUFFER_SIZE, queue_size: int = QUEUE_SIZE, first_id: int = 0
    ) -> None:
        self.buffer_size = buffer_size
        self.queue_size = queue_size
        self.first_id = first_id or time.time_ns() // 1000
        self._channels: dict[int, _Channel] = {}
        self._locks: dict[int, str] = {}

    def _channel(self, drill_id: int) -> _Channel:
        channel = self._channels.get(drill_id)
        if channel is None:
            channel = _Channel(self.first_id, deque(maxlen=self.buffer_size))
            self._channels[drill_id] = channel
        return channel

    async def publish(self, drill_id: int, name: str, data: str) -> str:
        """Store the event in the drill's ring buffer and queue it for every subscriber."""
        channel = self._channel(drill_id)
        channel.last += 1
        event = Event(str(channel.last), name, data)
        channel.buffer.append((channel.last, event))
        for subscriber in list(channel.subscribers):
            if not subscriber.offer(event, self.queue_size):
                channel.subscribers.discard(subscriber)
        return event.id

    async def subscribe(self, drill_id: int, last_event_id: str | None) -> AsyncIterator[Event]:
        """Replay held events after `last_event_id`, then stream live ones.

        An id from the future (not handed out here) counts as none. A subscriber too slow for
        its queue resumes from the ring buffer after the last event it received, as a
        reconnecting client would.
        """
        channel = self._channel(drill_id)
        seen = _sequence(last_event_id)
        last = channel.last if seen is None or seen > channel.last else seen
        while True:
            subscriber = _Subscriber(self.queue_size)
            channel.subscribers.add(subscriber)
            try:
                for event in channel.after(last):
                    yield event
                    last = int(event.id)
                while (event := await subscriber.queue.get()) is not None:
                    if int(event.id) > last:
                        yield event
                        last = int(event.id)
            finally:
                channel.subscribers.discard(subscriber)

    async def claim(self, drill_id: int, owner: str, ttl_ms: int) -> bool:
        """Take or renew the lock (one process: the first owner keeps it until released)."""
        return self._locks.setdefault(drill_id, owner) == owner

    async def release(self, drill_id: int, owner: str) -> None:
        """Drop the lock if `owner` holds it."""
        if self._locks.get(drill_id) == owner:
            del self._locks[drill_id]


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
        """The Redis key of a drill's stream or lock."""
        return f"{self.prefix}{drill_id}:{kind}"

    async def publish(self, drill_id: int, name: str, data: str) -> str:
        """Append the event to the drill's stream, trimmed to about `maxlen` entries."""
        fields = {"name": name, "data": data}
        return await self.redis.xadd(
            self.key(drill_id), fields, maxlen=self.maxlen, approximate=True
        )

    async def _tail(self, key: str) -> str:
        """The id of the stream's newest entry, or 0-0."""
        newest = await self.redis.xrevrange(key, count=1)
        return newest[0][0] if newest else "0-0"

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
            try:
                last = last or await self._tail(key)
                found = await self.redis.xread({key: last}, count=READ_COUNT, block=self.block_ms)
            except redis_errors.RedisError as exc:
                log.warning("reading drill %s from Redis failed (%s); retrying", drill_id, exc)
                await asyncio.sleep(pause)
                pause = min(RETRY_S[1], pause * 2)
                continue
            pause = RETRY_S[0]
            for _, entries in found or []:
                for entry_id, fields in entries:
                    last = entry_id
                    yield Event(entry_id, fields["name"], fields["data"])

    async def claim(self, drill_id: int, owner: str, ttl_ms: int) -> bool:
        """SET NX PX the drill's lock, or extend it if `owner` already holds it."""
        result = await self.redis.eval(_RENEW, 1, self.key(drill_id, "driver"), owner, ttl_ms)
        return bool(result)

    async def release(self, drill_id: int, owner: str) -> None:
        """Delete the lock if `owner` holds it."""
        await self.redis.eval(_RELEASE, 1, self.key(drill_id, "driver"), owner)

    async def close(self) -> None:
        """Close the connection pool."""
        await self.redis.aclose()


def make_broker(redis_url: str | None) -> Broker:
    """A RedisBroker when a Redis URL is configured, else an in-process broker."""
    return RedisBroker.from_url(redis_url) if redis_url else InMemoryBroker()
