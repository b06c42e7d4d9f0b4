"""One clock for the whole deployment: the database's.

A drill's simulated time is (real time - start) x speed, so two machines whose clocks differ
by d would disagree by d x speed simulated seconds (and stamp clock controls inconsistently).
Each process therefore measures the database server's clock against its own, at start-up and
every SYNC_S seconds, and `app.core.db.utcnow()` reads its own clock plus that offset.

One round trip's offset is wrong by up to half its length (the query may have run anywhere in
it), and a busy process can stall for a long time between its two stamps: so each measure
takes SAMPLES round trips and keeps the shortest's offset, as NTP does.
"""

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.engine import Engine

SYNC_S = 60.0
SAMPLES = 5
QUERIES = {
    "postgresql": "SELECT extract(epoch FROM clock_timestamp())",
    "sqlite": "SELECT (julianday('now') - 2440587.5) * 86400.0",
}
log = logging.getLogger(__name__)


class DeploymentClock:
    """This process's clock corrected by its measured offset to the database's clock."""

    def __init__(self, local: Callable[[], float] = time.time) -> None:
        self.local = local
        self.offset_s = 0.0

    def now(self) -> datetime:
        """The deployment's current time, timezone-aware."""
        return datetime.fromtimestamp(self.local() + self.offset_s, UTC)

    def measure(self, engine: Engine) -> float:
        """The database's clock minus this one, at the midpoint of the shortest round trip."""
        query = QUERIES.get(engine.dialect.name)
        if query is None:
            return 0.0
        samples = []
        with engine.connect() as connection:
            for _ in range(SAMPLES):
                before = self.local()
                database_s = float(connection.execute(text(query)).scalar_one())
                after = self.local()
                samples.append((after - before, database_s - (before + after) / 2))
        return min(samples)[1]

    def sync(self, engine: Engine) -> float:
        """Measure and adopt the offset to the database's clock; returns it."""
        self.offset_s = self.measure(engine)
        return self.offset_s


DEPLOYMENT = DeploymentClock()


async def sync_forever(engine: Engine, clock: DeploymentClock = DEPLOYMENT) -> None:
    """Resynchronise `clock` every SYNC_S seconds, off the event loop, until cancelled."""
    while True:
        try:
            offset = await asyncio.to_thread(clock.sync, engine)
            log.debug("deployment clock offset: %.3f s", offset)
        except Exception:
            log.warning("could not read the database's clock; keeping the last offset")
        await asyncio.sleep(SYNC_S)
