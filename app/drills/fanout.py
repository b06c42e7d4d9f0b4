"""One broker reader per drill per process, fanned out in memory to that process's consoles.

With Redis, a console reading the stream itself would cost a connection and a blocking read
per console per event. Instead the first console of a drill in this process starts a reader
task; every console of the drill gets a bounded queue fed from it, and a ring buffer of the
reader's recent events serves Last-Event-ID replays (older ones come from the broker's
history once). The reader stops with the drill's last console in the process. (With Redis,
the broker serves the readers of all drills with one blocking read: app.drills.redis_reader.)
An event another process published for a change (an action, a clock control) is passed to
`changed`, so this process reloads the drill at once rather than at its next refresh.
"""

import asyncio
import contextlib
import logging
import math
import time
from collections import deque
from collections.abc import AsyncIterator, Callable

from app.core import logs, metrics
from app.drills.broker import QUEUE_SIZE, Broker, Subscriber
from app.drills.events import Event, order, unless_cancelled

LOCAL_BUFFER = 2_000
RETRY_S = 1.0
STOP_S = 5.0
log = logging.getLogger(__name__)
Key = tuple[int, ...]


class _Local:
    """One drill's reader, its recent events and this process's subscribers."""

    def __init__(self, buffer_size: int) -> None:
        self.buffer: deque[Event] = deque(maxlen=buffer_size)
        self.subscribers: set[Subscriber] = set()
        self.ready = asyncio.Event()
        self.covered: Key = ()  # the buffer holds every event after this id
        self.newest: Key = ()
        self.newest_id = ""
        self.heard_at = -math.inf  # time.monotonic() of the last event read
        self.reader: asyncio.Task[None] | None = None

    def start_at(self, tail: str) -> None:
        """The reader starts after the broker's newest event `tail`."""
        self.covered = self.newest = order(tail) or ()
        self.newest_id = tail
        self.ready.set()

    def push(self, event: Event, queue_size: int) -> None:
        """Keep the event and queue it for each subscriber (a full queue gets the marker)."""
        key = event.key
        if len(self.buffer) == self.buffer.maxlen:
            self.covered = self.buffer[0].key
        self.buffer.append(event)
        self.newest, self.newest_id = key, event.id
        self.heard_at = time.monotonic()
        for subscriber in self.subscribers:
            subscriber.offer(event, queue_size)


async def _ready(subscriber: Subscriber) -> list[Event | None]:
    """The events waiting in the subscriber's queue, waiting for the first; a None (the
    overflow marker) ends the list."""
    found = [await subscriber.queue.get()]
    while found[-1] is not None and not subscriber.queue.empty():
        found.append(subscriber.queue.get_nowait())
    return found


async def stopped(task: asyncio.Task, within_s: float = STOP_S) -> None:
    """Cancel the task and wait for it, but not forever: a client library stuck in a retry
    must not keep a departing console (or the server's shutdown) waiting."""
    task.cancel()
    done, _ = await asyncio.wait({task}, timeout=within_s)
    if not done:
        log.warning("task %s did not stop within %.0f s", task.get_name(), within_s)
    elif not task.cancelled() and task.exception() is not None:
        log.warning("task %s ended with %r", task.get_name(), task.exception())


class Fanout:
    """The process's readers, one per drill with local subscribers."""

    def __init__(
        self,
        broker: Broker,
        *,
        buffer_size: int = LOCAL_BUFFER,
        queue_size: int = QUEUE_SIZE,
        delivered: Callable[[int], None] = metrics.DELIVERED.inc,
        changed: Callable[[int], None] = lambda drill_id: None,
    ) -> None:
        self.broker = broker
        self.buffer_size = buffer_size
        self.queue_size = queue_size
        self.delivered = delivered
        self.changed = changed
        self.locals: dict[int, _Local] = {}

    def listeners(self, drill_id: int) -> int:
        """How many consoles of this process follow the drill."""
        local = self.locals.get(drill_id)
        return len(local.subscribers) if local else 0

    def quiet_for(self, drill_id: int) -> float:
        """Seconds since this process last read an event of the drill (inf if never)."""
        local = self.locals.get(drill_id)
        return time.monotonic() - local.heard_at if local else math.inf

    def consoles(self) -> int:
        """How many consoles of this process follow a drill."""
        return sum(len(local.subscribers) for local in self.locals.values())

    async def subscribe(self, drill_id: int, last_event_id: str | None) -> AsyncIterator[Event]:
        """Held events after `last_event_id`, then live ones, with no gap and no duplicate."""
        async with contextlib.aclosing(self.batches(drill_id, last_event_id)) as batches:
            async for batch in batches:
                for event in batch:
                    yield event

    async def batches(self, drill_id: int, last_event_id: str | None) -> AsyncIterator[list[Event]]:
        """`subscribe`'s events, those ready together in one list: a console then writes
        them in one chunk (a driver's batch arrives at once), not one write per event."""
        local = self._open(drill_id)
        subscriber = Subscriber(self.queue_size)
        local.subscribers.add(subscriber)
        metrics.CONSOLES.inc()
        try:
            await local.ready.wait()
            key = order(last_event_id)
            if key is None or key > local.newest:
                key, last_event_id = local.newest, local.newest_id
            replay = True
            while True:
                if replay:
                    batch = await self._replay(drill_id, local, key, last_event_id or "")
                    replay = False
                else:
                    ready = await _ready(subscriber)
                    replay = ready[-1] is None  # overflowed: go on from the buffer
                    batch = [e for e in ready if e is not None and e.key > key]
                if batch:
                    yield batch
                    key, last_event_id = batch[-1].key or key, batch[-1].id
                    self.delivered(len(batch))
        finally:
            metrics.CONSOLES.dec()
            local.subscribers.discard(subscriber)
            if not local.subscribers:
                await self._close(drill_id, local)

    def _open(self, drill_id: int) -> _Local:
        local = self.locals.get(drill_id)
        if local is None:
            local = self.locals[drill_id] = _Local(self.buffer_size)
            local.reader = asyncio.create_task(
                self._read(drill_id, local), name=f"drill-{drill_id}-reader"
            )
        return local

    async def _close(self, drill_id: int, local: _Local) -> None:
        if self.locals.get(drill_id) is local:
            del self.locals[drill_id]
        if local.reader is not None:
            await stopped(local.reader)

    async def _replay(self, drill_id: int, local: _Local, key: Key, after: str) -> list[Event]:
        """The events after `key`: from the buffer, and from the broker when older."""
        older: list[Event] = []
        if key < local.covered:
            try:
                older = await self.broker.history(drill_id, after)
            except Exception:
                log.warning("replaying drill %s after %s failed", drill_id, after, exc_info=True)
            key = max([key, *(e.key for e in older)])
        return older + [e for e in local.buffer if e.key > key]

    async def _read(self, drill_id: int, local: _Local) -> None:
        """Follow the drill's broker stream from its current end, until cancelled."""
        logs.drill_id.set(drill_id)
        while not local.ready.is_set():
            try:
                local.start_at(await self.broker.tail(drill_id))
            except Exception:
                unless_cancelled()
                metrics.BROKER_ERRORS.labels("reader").inc()
                log.warning("drill %s: the broker is unreachable", drill_id, exc_info=True)
                await asyncio.sleep(RETRY_S)
        while True:
            try:
                async for event in self.broker.subscribe(drill_id, local.newest_id):
                    local.push(event, self.queue_size)
                    if event.origin and event.origin != self.broker.origin:
                        self.changed(drill_id)  # another process changed the drill
            except Exception:
                unless_cancelled()
                metrics.BROKER_ERRORS.labels("reader").inc()
                log.exception("the reader of drill %s failed; restarting it", drill_id)
                await asyncio.sleep(RETRY_S)

    async def close(self) -> None:
        """Stop every reader."""
        for drill_id, local in list(self.locals.items()):
            await self._close(drill_id, local)
