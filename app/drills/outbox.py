"""Events of committed changes that must reach consoles even if the broker is down for a while.

A change to a drill is committed before its events are published. If Redis is unreachable at
that moment, answering 500 would leave a committed action the team believes failed (and a
retry would duplicate it). So the action is acknowledged, and its events wait here, in order,
until the broker is back; `deliver_forever` retries every RETRY_S. The outbox lives in the
process: events still waiting when the process stops are lost (the consoles show the change
on their next reload). Past LIMIT waiting events the oldest are dropped, with a log line.
"""

import asyncio
import logging
from collections import deque

from app.core import metrics
from app.drills.broker import Broker
from app.drills.events import unless_cancelled

RETRY_S = 0.5
LIMIT = 10_000
log = logging.getLogger(__name__)


class Outbox:
    """Publishes now when the broker answers, else keeps the event for later, in order."""

    def __init__(self, broker: Broker, limit: int = LIMIT) -> None:
        self.broker = broker
        self.waiting: deque[tuple[int, str, str, bool]] = deque(maxlen=limit)
        self.failures = 0
        self._lock = asyncio.Lock()

    async def publish(self, drill_id: int, name: str, data: str, *, reload: bool = True) -> None:
        """Publish the event now, or keep it behind those already waiting (no wait then);
        `reload` as the broker's `publish` takes it."""
        if len(self.waiting) == self.waiting.maxlen:
            log.error("the outbox is full: dropping the oldest waiting event")
        already_waiting = bool(self.waiting)
        self.waiting.append((drill_id, name, data, reload))
        if not already_waiting:
            await self.deliver()

    async def deliver(self) -> bool:
        """Publish the waiting events in order; False if the broker failed on one."""
        async with self._lock:
            while self.waiting:
                drill_id, name, data, reload = self.waiting[0]
                try:
                    await self.broker.publish(drill_id, name, data, reload=reload)
                except Exception as exc:
                    unless_cancelled()
                    self.failures += 1
                    metrics.BROKER_ERRORS.labels("outbox").inc()
                    metrics.OUTBOX_WAITING.set(len(self.waiting))
                    log.warning("broker unreachable (%s): %d event(s) wait", exc, len(self.waiting))
                    return False
                self.waiting.popleft()
                metrics.PUBLISHED.labels("outbox").inc()
            metrics.OUTBOX_WAITING.set(0)
            return True

    async def deliver_forever(self, every_s: float = RETRY_S) -> None:
        """Retry the waiting events until cancelled."""
        while True:
            await asyncio.sleep(every_s)
            if self.waiting:
                await self.deliver()
