"""The live events of a drill: publish once, fan out to every subscriber, replay after an id.

`InMemoryBroker` serves one process (a ring buffer per drill plus asyncio queues);
`RedisBroker` (app.drills.redis_broker) shares events between processes through one Redis
stream per drill. Both also hold each drill's driver lock, owned by one driver's token, and
beside it the driver's progress (the last simulated second it published), so that a driver
taking over resumes where the last one stopped. A driver publishes through `publish_batch`,
which refuses a token that no longer holds the lock: a driver that lost it cannot double.
"""

import asyncio
import time
from collections import deque
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from app.drills.events import Event, order
from app.drills.redis_broker import RedisBroker

BUFFER_SIZE = 10_000
QUEUE_SIZE = 1_000

__all__ = ["Broker", "Event", "InMemoryBroker", "RedisBroker", "make_broker"]


class Broker(Protocol):
    """Publishes a drill's events and streams them to subscribers, replaying after an id."""

    origin: str  # this process, as its changes' events name it ("" when nobody else reads them)

    async def publish(self, drill_id: int, name: str, data: str, *, reload: bool = True) -> str:
        """Store and fan out one event of a change made here; return its id. With `reload`
        (the change alters what the drill's driver reads), the event names this process as
        its origin: the other processes reload the drill when they read it."""
        ...

    async def publish_batch(
        self,
        drill_id: int,
        events: Sequence[tuple[str, str]],
        *,
        token: str,
        progress: str,
        ttl_ms: int | None = None,
    ) -> list[str] | None:
        """Store events and the driver's progress if `token` holds the lock (renewed for
        `ttl_ms` if given); else None."""
        ...

    def subscribe(self, drill_id: int, last_event_id: str | None) -> AsyncIterator[Event]:
        """Held events after `last_event_id`, then live ones, with no gap and no duplicate."""
        ...

    async def tail(self, drill_id: int) -> str:
        """The id of the drill's newest event (a floor when it has none)."""
        ...

    async def history(self, drill_id: int, after: str) -> list[Event]:
        """The held events after the id `after`, oldest first."""
        ...

    async def claim(self, drill_id: int, token: str, ttl_ms: int) -> bool:
        """Take or renew the drill's driver lock for `token`; False if another holds it."""
        ...

    async def progress(self, drill_id: int) -> str | None:
        """The progress the drill's last driver published, if any."""
        ...

    async def release(self, drill_id: int, token: str) -> None:
        """Give the driver lock back if `token` holds it."""
        ...

    async def retire(self, drill_id: int, retention_s: float) -> None:
        """Let the ended drill's events and progress go after `retention_s` seconds."""
        ...

    async def ping(self) -> None:
        """Raise if the broker cannot be reached."""
        ...

    async def close(self) -> None:
        """Release the broker's connections."""
        ...


class Subscriber:
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
    subscribers: set[Subscriber] = field(default_factory=set)

    def after(self, seq: int) -> list[Event]:
        """The held events after `seq`, oldest first."""
        if not self.buffer or self.buffer[-1][0] <= seq:
            return []
        return [event for number, event in self.buffer if number > seq]


def _sequence(event_id: str | None) -> int | None:
    """An in-memory event id as a number, or None when absent or malformed."""
    key = order(event_id)
    return key[0] if key is not None and len(key) == 1 else None


class InMemoryBroker:
    """One process's broker: a ring buffer per drill and a bounded queue per subscriber.

    Ids are integers that start from the creation time in microseconds, so ids handed out
    after a restart are still greater than the ones a reconnecting client remembers.
    """

    origin = ""  # one process: no other reads its events

    def __init__(
        self, buffer_size: int = BUFFER_SIZE, queue_size: int = QUEUE_SIZE, first_id: int = 0
    ) -> None:
        self.buffer_size = buffer_size
        self.queue_size = queue_size
        self.first_id = first_id or time.time_ns() // 1000
        self._channels: dict[int, _Channel] = {}
        self._locks: dict[int, str] = {}
        self._progress: dict[int, str] = {}

    def _channel(self, drill_id: int) -> _Channel:
        channel = self._channels.get(drill_id)
        if channel is None:
            channel = _Channel(self.first_id, deque(maxlen=self.buffer_size))
            self._channels[drill_id] = channel
        return channel

    async def publish(self, drill_id: int, name: str, data: str, *, reload: bool = True) -> str:
        """Store the event in the drill's ring buffer and queue it for every subscriber (one
        process: nobody else reloads, `reload` changes nothing)."""
        channel = self._channel(drill_id)
        channel.last += 1
        event = Event(str(channel.last), name, data)
        channel.buffer.append((channel.last, event))
        for subscriber in list(channel.subscribers):
            if not subscriber.offer(event, self.queue_size):
                channel.subscribers.discard(subscriber)
        return event.id

    async def publish_batch(
        self,
        drill_id: int,
        events: Sequence[tuple[str, str]],
        *,
        token: str,
        progress: str,
        ttl_ms: int | None = None,
    ) -> list[str] | None:
        """Publish the events and keep `progress`, if `token` holds the drill's lock (which
        does not expire in one process: `ttl_ms` changes nothing)."""
        if self._locks.get(drill_id) != token:
            return None
        self._progress[drill_id] = progress
        return [await self.publish(drill_id, name, data) for name, data in events]

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
            subscriber = Subscriber(self.queue_size)
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

    async def tail(self, drill_id: int) -> str:
        """The newest id handed out for the drill."""
        return str(self._channel(drill_id).last)

    async def history(self, drill_id: int, after: str) -> list[Event]:
        """The held events after `after` (all of them for an id that is not one of ours)."""
        return self._channel(drill_id).after(_sequence(after) or 0)

    async def claim(self, drill_id: int, token: str, ttl_ms: int) -> bool:
        """Take or renew the lock (one process: the first token keeps it until released)."""
        return self._locks.setdefault(drill_id, token) == token

    async def progress(self, drill_id: int) -> str | None:
        """The drill's last driver progress."""
        return self._progress.get(drill_id)

    async def release(self, drill_id: int, token: str) -> None:
        """Drop the lock if `token` holds it."""
        if self._locks.get(drill_id) == token:
            del self._locks[drill_id]

    async def retire(self, drill_id: int, retention_s: float) -> None:
        """Forget the drill's events and progress after `retention_s` seconds."""

        def forget() -> None:
            channel = self._channels.get(drill_id)
            if channel is not None and not channel.subscribers:
                del self._channels[drill_id]
            self._progress.pop(drill_id, None)

        asyncio.get_running_loop().call_later(retention_s, forget)

    async def ping(self) -> None:
        """Always reachable."""

    async def close(self) -> None:
        """Nothing to release."""


def make_broker(redis_url: str | None) -> Broker:
    """A RedisBroker when a Redis URL is configured, else an in-process broker."""
    return RedisBroker.from_url(redis_url) if redis_url else InMemoryBroker()
