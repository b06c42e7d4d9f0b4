"""A kill -9 (or a stop) of the process driving a drill, watched from consoles on another
process: how long their feed waited for a new driver, and which storm posts and injects it
skipped or sent twice.

Meant for a quiet scenario at a moderate speed (the tutorial at 30×), where the feed shows
nearly every post: from its first `feed-summary` to the end, a console must receive each of
the storm's posts once, except those the feed counted as not shown (its `hidden_total` grows
by exactly as many, and never goes down).
"""

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass

from tests.live.harness.clients import Console, close_all, open_consoles
from tests.live.harness.cluster import Cluster
from tests.live.harness.seed import clock_start, storm_posts
from tests.live.harness.servers import AppServer

SETTLE_S = 2.0  # the feed runs this long before the kill


@dataclass(frozen=True)
class Takeover:
    """What one console on the surviving process saw."""

    console: str
    waited_s: float | None  # from the kill to the first clock event published after it
    killed_sim: float
    sims: list[float]  # the clock readings received
    hidden: list[tuple[float, int]]  # (simulated second, posts not shown before it) received
    ended: bool
    expected: int
    missing: list[str]
    doubled: list[str]

    @property
    def backwards(self) -> list[tuple[float, float]]:
        """Consecutive clock readings where simulated time went back."""
        return [(a, b) for a, b in zip(self.sims, self.sims[1:], strict=False) if b < a]

    @property
    def counter_drops(self) -> list[tuple[int, int]]:
        """Consecutive 'posts not shown' totals that went down (the counter was reset)."""
        totals = [total for _, total in self.hidden]
        return [(a, b) for a, b in zip(totals, totals[1:], strict=False) if b < a]

    @property
    def skipped(self) -> int:
        """Posts neither received nor counted as not shown."""
        return len(self.missing) - (self.hidden[-1][1] - self.hidden[0][1])


async def end_the_driver(
    deployment: Cluster,
    drill_id: int,
    duration_s: float,
    end_process: Callable[[AppServer], object] = AppServer.kill9,
    watch_s: float | None = None,
) -> list[Takeover]:
    """Start the drill, let the first process drive it, end that process with `end_process`
    (kill -9 by default; in a thread, the consoles reading meanwhile), and watch the second
    process's consoles until the drill ends (or `duration_s` plus 10 s), or for `watch_s`
    after the end if given."""
    first, survivor = deployment.servers[:2]
    trainer = await deployment.sign_in(deployment.seeded.trainer, survivor)
    member = await deployment.sign_in(deployment.seeded.members[drill_id][0], survivor)
    # The first process starts the drill and has its first console, so it drives the drill
    # whether drivers start with the clock or with the first listener.
    await deployment.start_drill(trainer, drill_id, first)
    stop = asyncio.Event()
    driving = Console(member, first.base, drill_id)
    watched = [Console(member, survivor.base, drill_id) for _ in range(2)]
    tasks = await open_consoles([driving], stop)
    tasks += await open_consoles(watched, stop)
    await asyncio.sleep(SETTLE_S)
    killed_at = time.time()
    await asyncio.to_thread(end_process, first)
    deadline = time.monotonic() + (duration_s + 10 if watch_s is None else watch_s)
    while not all(c.ended for c in watched) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    await close_all(stop, tasks, trainer, member)
    return [seen_by(deployment, console, killed_at) for console in watched]


def seen_by(deployment: Cluster, console: Console, killed_at: float) -> Takeover:
    """The console's view of the takeover, against the storm's own posts."""
    clocks = [(e.arrival, json.loads(e.data)["sim_s"]) for e in console.named("clock")]
    summaries = [json.loads(e.data) for e in console.named("feed-summary")]
    hidden = [(s["sim_s"], s["hidden_total"]) for s in summaries]
    got = console.post_ids()
    # Events published just before the kill may still arrive after it: the wait ends with
    # the first clock published after the kill (its simulated second tells when).
    start, speed = clock_start(deployment.database_url, console.drill_id)
    fresh = [arrival for arrival, sim in clocks if start + sim / speed > killed_at]
    # Posts due from the first summary's second on are sent after it (see app.drills.live).
    expected = storm_posts(deployment.database_url, console.drill_id, hidden[0][0], hidden[-1][0])
    return Takeover(
        console=console.url,
        waited_s=fresh[0] - killed_at if fresh else None,
        killed_sim=max((sim for arrival, sim in clocks if arrival < killed_at), default=0.0),
        sims=[sim for _, sim in clocks],
        hidden=hidden,
        ended=console.ended,
        expected=len(expected),
        missing=[f"{p.id}@{p.at_s:.0f}s" for p in expected if p.id not in got],
        doubled=sorted({p for p in got if got.count(p) > 1}),
    )
