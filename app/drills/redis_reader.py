"""One blocking read of Redis per process, whatever the number of drills it follows.

Each process follows every drill its consoles are on. A read per drill would cost a Redis
command per drill each time any of them publishes; here one task reads all the followed
streams with a single XREAD and hands each subscription its entries. After a read that
found something, it waits GATHER_S before the next, so that entries of many drills come back
in one answer (a delay much shorter than the live layer's latency goal). A new subscription
interrupts a read that is blocked, so it never waits for the quiet streams' timeout; the
reader stops with the last subscription.
"""

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from redis import exceptions as redis_errors

from app.core import metrics
from app.drills.events import order, unless_cancelled

GATHER_S = 0.06
RETRY_S = (0.1, 2.0)  # first and longest pause before reading again after a broker error
Entry = tuple[str, dict[str, str]]
XRead = Callable[[dict[str, str], int, int], Awaitable[list | None]]
log = logging.getLogger(__name__)


class Subscription:
    """One subscriber's stream: the id of the last entry handed to it and those waiting."""

    def __init__(self, key: str, after: str) -> None:
        self.key = key
        self.after = after
        self.entries: asyncio.Queue[list[Entry]] = asyncio.Queue()


class StreamReader:
    """Reads the streams of every live subscription with one XREAD at a time."""

    def __init__(self, xread: XRead, *, block_ms: int, count: int) -> None:
        self.xread = xread
        self.block_ms = block_ms
        self.count = count
        self.subscriptions: set[Subscription] = set()
        self._task: asyncio.Task[None] | None = None
        self._changed = asyncio.Event()  # a subscription came or went

    def follow(self, key: str, after: str) -> Subscription:
        """Start handing the stream's entries after the entry id `after` to a new subscription."""
        subscription = Subscription(key, after)
        self.subscriptions.add(subscription)
        self._changed.set()
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="redis-stream-reader")
        return subscription

    def leave(self, subscription: Subscription) -> None:
        """Stop reading for the subscription (the reader stops with the last one, at once)."""
        self.subscriptions.discard(subscription)
        if not self.subscriptions:
            self._changed.set()

    async def close(self) -> None:
        """Stop reading."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task

    def _positions(self) -> dict[str, str]:
        """Each followed stream with the oldest position a subscription of it holds."""
        positions: dict[str, str] = {}
        for subscription in self.subscriptions:
            held = positions.get(subscription.key)
            if held is None or _order(subscription.after) < _order(held):
                positions[subscription.key] = subscription.after
        return positions

    async def _run(self) -> None:
        pause = RETRY_S[0]
        while self.subscriptions:
            unless_cancelled()
            self._changed.clear()
            positions = self._positions()
            try:
                found = await self._read(positions)
            except redis_errors.RedisError as exc:
                unless_cancelled()
                metrics.BROKER_ERRORS.labels("reader").inc()
                log.warning("reading the drills' streams from Redis failed (%s); retrying", exc)
                await asyncio.sleep(pause)
                pause = min(RETRY_S[1], pause * 2)
                continue
            pause = RETRY_S[0]
            if found:
                self._hand_out(found, positions)
                await asyncio.sleep(GATHER_S)

    async def _read(self, positions: dict[str, str]) -> list | None:
        """One XREAD, given up (None) when a subscription joins, or the last one leaves, while
        it blocks."""
        read = asyncio.ensure_future(self.xread(positions, self.count, self.block_ms))
        changed = asyncio.ensure_future(self._changed.wait())
        try:
            await asyncio.wait({read, changed}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            changed.cancel()
            if not read.done():
                read.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await read
        if read.cancelled():
            return None
        return read.result()

    def _hand_out(self, found: list, positions: dict[str, str]) -> None:
        """Give each subscription the entries of its stream after its own position (one that
        joined during the read, further back than the read began, waits for the next read)."""
        by_key = dict(found)
        for subscription in list(self.subscriptions):
            entries = by_key.get(subscription.key)
            read_from = positions.get(subscription.key)
            after = _order(subscription.after)
            if not entries or read_from is None or after < _order(read_from):
                continue
            fresh = [entry for entry in entries if _order(entry[0]) > after]
            if fresh:
                subscription.after = fresh[-1][0]
                subscription.entries.put_nowait(fresh)


def _order(entry_id: str) -> tuple[int, ...]:
    """A stream entry id as a comparable key."""
    return order(entry_id) or ()
