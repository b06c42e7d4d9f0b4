"""Running drills as the live feed reads them: clock log and team actions held in memory.

Drivers read a `CachedSource` on the event loop, so a read never touches the database. The
cache is refreshed right after a change is committed in this process (`app.drills.notify`);
with Redis (several processes), the event another process published for its change makes
`Reloads` refresh the drill here at once, in a worker thread. `refresh_forever` reloads every
drill in play every REFRESH_S seconds besides, a safety net, and forgets the drills no driver
has read for IDLE_S seconds, so a long-running server holds the drills being played, not
every drill it ever served.
"""

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from app.drills import actions, clock, injects, service
from app.drills.export import storm_actions, storm_for
from app.drills.models import Drill
from app.storm.engine import Storm
from app.storm.types import Action

REFRESH_S = 30.0
FRESH_S = 2.0  # a console opening on a drill loaded longer ago than this reloads it
IDLE_S = 60.0  # a snapshot no driver refreshed for this long is dropped
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    """What a driver needs of one drill, read from the database at one moment."""

    events: tuple[clock.ClockEvent, ...]
    duration_s: int
    speed: float
    actions: list[Action]
    fired: dict[str, float]
    drill: Drill  # a copy held outside any session: what the drill's storm is built from


class LiveCache:
    """The snapshots of the drills this process serves live, by drill id."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.snapshots: dict[int, Snapshot] = {}
        self.loaded_at: dict[int, float] = {}
        self.clock = clock

    def load(self, *, session: Session, drill: Drill) -> Snapshot:
        """Read the drill's clock log and actions now and keep them (call off the event loop)."""
        snapshot = Snapshot(
            events=tuple(service.clock_events(session=session, drill=drill)),
            duration_s=drill.duration_s,
            speed=drill.speed,
            actions=storm_actions(actions.list_actions(session=session, drill=drill)),
            fired=injects.fired_times(session=session, drill=drill),
            drill=Drill.model_validate(drill.model_dump()),
        )
        self.snapshots[drill.id] = snapshot
        self.loaded_at[drill.id] = self.clock()
        return snapshot

    def ensure(
        self, *, session: Session, drill: Drill, followed: bool, max_age_s: float = FRESH_S
    ) -> None:
        """Load the drill for a console joining it, unless that is not needed: a drill this
        process `followed` already is kept current by the changes it hears (its own, and the
        other processes' through the broker), so it is loaded only if missing; another one
        may have changed elsewhere unheard, so it is loaded unless that was within
        `max_age_s`. (A deploy that moves every console of a drill to one process then costs
        one load, not one per console.)"""
        loaded_at = self.loaded_at.get(drill.id)
        stale = loaded_at is None or (not followed and self.clock() - loaded_at > max_age_s)
        if stale:
            self.load(session=session, drill=drill)

    def prune(self, driven: set[int], idle_s: float = IDLE_S) -> list[int]:
        """Forget the drills not driven here and not loaded for `idle_s` seconds; returns them.

        The grace period covers the moment between a console's event route loading its drill
        and the driver it starts reading it.
        """
        cutoff = self.clock() - idle_s
        idle = [
            drill_id
            for drill_id, at in self.loaded_at.items()
            if drill_id not in driven and at < cutoff
        ]
        for drill_id in idle:
            del self.snapshots[drill_id], self.loaded_at[drill_id]
        return idle

    def reload(self, engine: Engine, drill_ids: list[int]) -> None:
        """Refresh the given drills from the database with a session of its own."""
        with Session(engine) as session:
            for drill_id in drill_ids:
                drill = session.get(Drill, drill_id)
                if drill is not None:
                    self.load(session=session, drill=drill)

    def source(self, drill_id: int) -> "CachedSource":
        """The DrillSource a driver reads (the drill must have been loaded first)."""
        return CachedSource(self, drill_id)


class CachedSource:
    """A DrillSource answering from the cache's latest snapshot of one drill."""

    def __init__(self, cache: LiveCache, drill_id: int) -> None:
        self.cache = cache
        self.drill_id = drill_id

    def _snapshot(self) -> Snapshot:
        snapshot = self.cache.snapshots.get(self.drill_id)
        if snapshot is None:  # its driver fails and is restarted once the refresher reloads it
            raise LookupError(f"drill {self.drill_id} is not loaded in the live cache")
        return snapshot

    def clock_reading(self, now: datetime) -> tuple[str, float, float]:
        """(status, simulated seconds, speed) at real time `now`, from the cached clock log."""
        snap = self._snapshot()
        current = clock.read(snap.events, now, snap.duration_s, snap.speed)
        return current.status.value, current.sim_s, current.speed

    def actions(self) -> list[Action]:
        """The team's actions as last cached."""
        return self._snapshot().actions

    def fired(self) -> dict[str, float]:
        """The scenario injects fired early, as last cached."""
        return self._snapshot().fired

    def storm(self) -> Storm:
        """The drill's storm, built on first use (call it off the event loop)."""
        return storm_for(self._snapshot().drill)


async def refresh_forever(cache: LiveCache, engine: Engine, drill_ids, every_s: float) -> None:
    """Reload the drills being driven and forget idle ones, off the event loop, until cancelled."""
    while True:
        await asyncio.sleep(every_s)
        ids = sorted(drill_ids())
        cache.prune(set(ids))
        if not ids:
            continue
        try:
            await run_in_threadpool(cache.reload, engine, ids)
        except Exception:
            log.exception("refreshing the live drills %s failed", ids)


class Reloads:
    """Drills to reload soon, in a worker thread: a burst of changes costs one reload each."""

    def __init__(self, cache: LiveCache, engine: Engine) -> None:
        self.cache = cache
        self.engine = engine
        self.pending: set[int] = set()
        self._wake = asyncio.Event()

    def request(self, drill_id: int) -> None:
        """Reload the drill as soon as the reloads before it are done."""
        self.pending.add(drill_id)
        self._wake.set()

    async def forever(self) -> None:
        """Reload the requested drills, until cancelled."""
        while True:
            await self._wake.wait()
            self._wake.clear()
            ids, self.pending = sorted(self.pending), set()
            try:
                await run_in_threadpool(self.cache.reload, self.engine, ids)
            except Exception:
                log.exception("reloading the changed drills %s failed", ids)
