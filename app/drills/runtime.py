"""The live layer of a running application: broker, driver hub and cache, in `app.state.live`."""

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field

from fastapi import FastAPI
from sqlalchemy.engine import Engine

from app.core import dbclock
from app.drills import guard
from app.drills.broker import Broker, make_broker
from app.drills.live import RETENTION_S, DriverHub
from app.drills.livecache import REFRESH_S, LiveCache, Reloads, refresh_forever
from app.drills.outbox import Outbox
from app.drills.posts import render_post

READY_TIMEOUT_S = 2.0
log = logging.getLogger(__name__)


@dataclass
class Live:
    """One process's live drills: where events go, who drives the feeds, what they read."""

    broker: Broker
    hub: DriverHub
    cache: LiveCache
    outbox: Outbox
    tasks: list[asyncio.Task[None]] = field(default_factory=list)

    async def retire(self, drill_id: int) -> None:
        """Let an ended drill's stream expire (best effort: the broker may be down)."""
        try:
            await self.broker.retire(drill_id, self.hub.retention_s)
        except Exception:
            log.warning("could not set drill %s's stream to expire", drill_id, exc_info=True)

    async def ready(self, timeout_s: float = READY_TIMEOUT_S) -> bool:
        """Whether the broker answers within `timeout_s`."""
        try:
            await asyncio.wait_for(self.broker.ping(), timeout_s)
        except Exception:
            return False
        return True


def make_live(
    broker: Broker, *, retention_s: float = RETENTION_S, engine: Engine | None = None
) -> Live:
    """A live layer on `broker`: posts rendered once per drill, drills read from the cache;
    with an `engine`, a drill another process changed is reloaded from it at once."""
    cache = LiveCache()
    reloads = Reloads(cache, engine) if engine is not None else None
    changed = reloads.request if reloads is not None else (lambda drill_id: None)
    hub = DriverHub(broker, cache.source, render_post, retention_s=retention_s, changed=changed)
    live = Live(broker=broker, hub=hub, cache=cache, outbox=Outbox(broker))
    if reloads is not None:
        live.tasks.append(asyncio.create_task(reloads.forever(), name="live-drill-reloads"))
    return live


def live_of(app: FastAPI) -> Live | None:
    """The application's live layer; None outside its lifespan (plain test clients)."""
    return getattr(app.state, "live", None)


async def start_live(app: FastAPI) -> Live:
    """Create the live layer (Redis-backed when settings.redis_url is set) and its refresher."""
    settings = app.state.settings
    guard.claim(settings.database_url, settings.redis_url)
    live = make_live(
        make_broker(settings.redis_url),
        retention_s=settings.live_retention_s,
        engine=app.state.engine,
    )
    refresher = refresh_forever(live.cache, app.state.engine, live.hub.active, REFRESH_S)
    live.tasks.append(asyncio.create_task(refresher, name="live-drill-refresher"))
    live.tasks.append(asyncio.create_task(live.outbox.deliver_forever(), name="live-outbox"))
    clock_sync = dbclock.sync_forever(app.state.engine)
    live.tasks.append(asyncio.create_task(clock_sync, name="deployment-clock"))
    app.state.live = live
    return live


async def stop_live(app: FastAPI) -> None:
    """Stop the drivers and the refresher, close the broker."""
    live = live_of(app)
    if live is None:
        return
    for task in live.tasks:
        task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await asyncio.gather(*live.tasks)
    await live.hub.close()
    await live.broker.close()
    settings = app.state.settings
    if not settings.redis_url:
        guard.release(settings.database_url)
    del app.state.live
