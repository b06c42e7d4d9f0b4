"""The live feed of running drills: one supervised driver per drill feeding the broker.

A driver reads the drill's clock about every 200 ms, steps the drill's `Feed` (app.drills.feed),
renders each displayed post once and publishes what is due, with a `clock` and a
`feed-summary` event each real second. Only the holder of the drill's lock (a token of one
driver, not a process) publishes, and it stores its progress with every batch, so a driver
taking over (after a crash, or when the last console of the holder's process leaves) resumes
from the last simulated second published. The hub restarts a failed driver and stops it when
this process has no console left on the drill.

A `DrillSource` is called on the event loop: its methods must answer from memory (the drills
service keeps the clock log and the actions of a running drill cached), never block on the DB;
only `storm()`, built once per process and drill, runs in a worker thread.
"""

import asyncio
import contextlib
import json
import logging
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from functools import partial

import anyio.to_thread
from redis import exceptions as redis_errors

from app.core import logs, metrics
from app.core.db import utcnow
from app.drills.broker import Broker
from app.drills.events import Event, unless_cancelled
from app.drills.fanout import Fanout, stopped
from app.drills.feed import (  # noqa: F401 (re-exported: the live layer's public names)
    HIGH_REACH,
    MAX_PER_S,
    TICK_S,
    DrillSource,
    Feed,
    json_data,
    priority,
)
from app.storm.engine import Storm
from app.storm.types import Post

LOCK_TTL_MS = 3_000  # a crashed driver's lock is free again after this; renewed every third
RETENTION_S = 3_600.0
RESTART_S = (0.2, 5.0)  # first and longest pause before restarting a failed driver
MAX_GAP_S = 30.0  # real seconds of unpublished feed a new driver still catches up on
MIN_SLEEP_S = 0.001
log = logging.getLogger(__name__)


def utc_now() -> datetime:
    """The current real time, on the deployment's clock (so every process agrees)."""
    return utcnow()


class Holding:
    """Whether one driver holds its lock, mirrored in the drivers-running gauge."""

    def __init__(self) -> None:
        self.held = False

    def set(self, held: bool) -> bool:
        """Record the driver's state; returns it."""
        if held != self.held:
            metrics.DRIVERS.inc() if held else metrics.DRIVERS.dec()
            self.held = held
        return held


class DriverHub:
    """Supervises one driver per drill while this process has consoles on it."""

    def __init__(
        self,
        broker: Broker,
        source_for: Callable[[int], DrillSource],
        render: Callable[[Post], str],
        *,
        render_data: Callable[[str, dict], str] = json_data,
        max_per_s: float = MAX_PER_S,
        tick_s: float = TICK_S,
        now: Callable[[], datetime] = utc_now,
        retention_s: float = RETENTION_S,
        lock_ttl_ms: int = LOCK_TTL_MS,
        changed: Callable[[int], None] = lambda drill_id: None,
    ) -> None:
        self.broker = broker
        self.fanout = Fanout(broker, changed=changed)
        self.source_for = source_for
        self.render = render
        self.render_data = render_data
        self.max_per_s = max_per_s
        self.tick_s = tick_s
        self.now = now
        self.retention_s = retention_s
        self.lock_ttl_ms = lock_ttl_ms
        self.drivers: dict[int, asyncio.Task[None]] = {}
        self.ended: set[int] = set()
        self.progress: dict[int, str] = {}  # the last progress published here, per drill
        self.takeovers = 0
        self._turn = asyncio.Lock()  # one storm built at a time, in one thread of the hub's:
        self._builders = anyio.CapacityLimiter(1)
        self._steppers = anyio.CapacityLimiter(2)  # feeds regenerated after new actions

    async def subscribe(self, drill_id: int, last_event_id: str | None) -> AsyncIterator[Event]:
        """The drill's events through this process's reader, its driver running meanwhile."""
        async with contextlib.aclosing(self.batches(drill_id, last_event_id)) as batches:
            async for batch in batches:
                for event in batch:
                    yield event

    async def batches(self, drill_id: int, last_event_id: str | None) -> AsyncIterator[list[Event]]:
        """`subscribe`'s events, those ready together in one list (one write to a console)."""
        if drill_id not in self.drivers and drill_id not in self.ended:
            task = asyncio.create_task(self._supervise(drill_id), name=f"drill-{drill_id}-driver")
            self.drivers[drill_id] = task
        try:
            batches = self.fanout.batches(drill_id, last_event_id)
            async with contextlib.aclosing(batches):
                async for batch in batches:
                    yield batch
        finally:
            if self.fanout.listeners(drill_id) == 0:
                driver = self.drivers.pop(drill_id, None)
                if driver is not None:
                    driver.cancel()

    def follows(self, drill_id: int) -> bool:
        """Whether a console of this process is on the drill (so this process hears its
        changes as they are published)."""
        return self.fanout.listeners(drill_id) > 0

    def active(self) -> set[int]:
        """The drills this process drives or has consoles on (their cache must stay loaded)."""
        return set(self.drivers) | set(self.fanout.locals)

    async def close(self) -> None:
        """Stop every driver and reader."""
        await asyncio.gather(*(stopped(task) for task in self.drivers.values()))
        self.drivers.clear()
        await self.fanout.close()

    async def _supervise(self, drill_id: int) -> None:
        """Run drivers of the drill while this process has consoles on it; restart failed ones."""
        logs.drill_id.set(drill_id)
        pause = RESTART_S[0]
        try:
            while self.fanout.listeners(drill_id) and drill_id not in self.ended:
                token = uuid.uuid4().hex
                try:
                    await self._drive(drill_id, token)
                except Exception as exc:
                    unless_cancelled()
                    if isinstance(exc, redis_errors.RedisError):
                        metrics.BROKER_ERRORS.labels("driver").inc()
                    log.exception("the driver of drill %s failed; restarting it", drill_id)
                    await asyncio.sleep(pause)
                    pause = min(RESTART_S[1], pause * 2)
                finally:
                    with contextlib.suppress(Exception):
                        await self.broker.release(drill_id, token)
        finally:
            if self.drivers.get(drill_id) is asyncio.current_task():
                del self.drivers[drill_id]

    async def _drive(self, drill_id: int, token: str) -> None:
        """Step the drill's feed while `token` holds its lock, until the drill ends or the
        process has no console left on it; stand by while another driver holds the lock."""
        source, feed, renew_at = self.source_for(drill_id), None, 0.0
        loop, holding = asyncio.get_running_loop(), Holding()
        storm: Storm | None = None
        try:
            while self.fanout.listeners(drill_id):
                unless_cancelled()
                if storm is None or feed is None or loop.time() >= renew_at:
                    if storm is None:
                        storm = await self._claim_and_build(drill_id, token, source)
                        claimed = storm is not None
                    else:
                        claimed = await self.broker.claim(drill_id, token, self.lock_ttl_ms)
                    if not holding.set(claimed):
                        feed = None
                        await self._stand_by(drill_id)
                        continue
                    renew_at = loop.time() + self.lock_ttl_ms / 3000
                moment = self.now()
                status, sim_s, speed = source.clock_reading(moment)
                if feed is None:
                    feed = await self._resume(drill_id, token, storm, sim_s, speed)
                now = moment.timestamp()
                actions, fired = source.actions(), source.fired()
                step = partial(feed.step, now, status, sim_s, speed, actions, fired)
                if feed.will_regenerate(actions, fired):
                    # Tens of milliseconds of work: in a thread, the event loop serving on.
                    due = await anyio.to_thread.run_sync(step, limiter=self._steppers)
                else:
                    due = step()
                if due:
                    # A publish renews the lock once a third of its TTL has passed since the
                    # last renewal (not every time: that would be a command per batch).
                    renew = loop.time() >= renew_at - self.lock_ttl_ms / 6000
                    if not holding.set(await self._publish(drill_id, token, feed, due, renew)):
                        feed = None  # the lock was lost: its new holder goes on from our progress
                        continue
                    if renew:
                        # Renewed for its whole TTL: a renewal of its own is due only after
                        # half of it without publishing (a clock event goes out every second,
                        # so with the default TTL it is rarely needed).
                        renew_at = loop.time() + self.lock_ttl_ms / 2000
                if status == "ended":
                    self.ended.add(drill_id)
                    await self.broker.retire(drill_id, self.retention_s)
                    return
                await asyncio.sleep(max(MIN_SLEEP_S, feed.wait(now, status, sim_s, speed)))
        finally:
            holding.set(False)

    async def _stand_by(self, drill_id: int) -> None:
        """Wait while another driver holds the drill's lock and publishes, until its stream has
        been quiet here for half the lock's TTL (a holder publishes a clock event every second)
        or the last console left. A standby driver sends the broker nothing while the holder
        lives; once it is quiet, it tries the lock every third of the TTL, as before."""
        quiet_s = self.lock_ttl_ms / 2000
        while self.fanout.listeners(drill_id):
            await asyncio.sleep(self.lock_ttl_ms / 3000)
            if self.fanout.quiet_for(drill_id) >= quiet_s:
                return

    async def _build(self, source: DrillSource) -> Storm:
        """The storm, built in the hub's own thread (call it on this process's turn)."""
        return await anyio.to_thread.run_sync(source.storm, limiter=self._builders)

    async def _claim_and_build(
        self, drill_id: int, token: str, source: DrillSource
    ) -> Storm | None:
        """Claim the lock and build the drill's storm, on this process's turn to build one;
        None if another driver holds the lock. Only the lock's holder needs the storm, so a
        standby process builds none; and a process claims one drill at a time while it
        builds, so that when many drills start at once, the processes share the builds
        rather than one claiming them all and building them in a long queue.

        A build takes a fraction of a second of CPU, which neither the event loop nor a
        request may wait for: it runs in a thread of the hub's own (not one of those admitted
        requests count on), the lock renewed meanwhile. If the lock is lost all the same, the
        storm, once built, stays cached for a later turn.
        """
        async with self._turn:
            if not await self.broker.claim(drill_id, token, self.lock_ttl_ms):
                return None
            build = asyncio.ensure_future(self._build(source))
            try:
                while True:
                    done, _ = await asyncio.wait({build}, timeout=self.lock_ttl_ms / 3000)
                    if done:
                        return build.result()
                    if not await self.broker.claim(drill_id, token, self.lock_ttl_ms):
                        return None
            finally:
                if not build.done():
                    build.add_done_callback(lambda task: task.cancelled() or task.exception())

    async def _resume(
        self, drill_id: int, token: str, storm: Storm, sim_s: float, speed: float
    ) -> Feed:
        """The feed from the last progress published (by any driver), or from `sim_s`.

        Progress older than MAX_GAP_S real seconds is not resumed (nobody was listening, and
        replaying the gap would flood the consoles); its hidden-post count still carries on.
        """
        text = await self.broker.progress(drill_id) or self.progress.get(drill_id)
        saved = json.loads(text) if text else None
        if saved is None:
            return Feed(storm, sim_s, self.max_per_s, self.tick_s)
        if saved["sim_s"] < sim_s - speed * MAX_GAP_S:
            saved = {**saved, "sim_s": sim_s, "recent": []}
        if saved.get("token") != token:
            self.takeovers += 1
            metrics.TAKEOVERS.inc()
            log.info("drill %s: driver %s resumes at T+%.1fs", drill_id, token, saved["sim_s"])
        return Feed.resume(storm, saved, self.max_per_s, self.tick_s)

    async def _publish(self, drill_id: int, token: str, feed: Feed, due: list, renew: bool) -> bool:
        """Publish the due events with the feed's progress (renewing the lock if `renew`);
        False if `token` lost the lock."""
        events = [
            (name, self.render(p) if isinstance(p, Post) else self.render_data(name, p))
            for name, p in due
        ]
        progress = json.dumps({"token": token, **feed.progress()}, separators=(",", ":"))
        ids = await self.broker.publish_batch(
            drill_id, events, token=token, progress=progress,
            ttl_ms=self.lock_ttl_ms if renew else None,
        )  # fmt: skip
        if ids is None:
            return False
        self.progress[drill_id] = progress
        metrics.PUBLISHED.labels("driver").inc(len(events))
        return True
