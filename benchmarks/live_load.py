"""The live benchmark's load on a real deployment (tests/live/harness): every drill started,
consoles spread over the processes, actions posted at a steady rate, and what the consoles,
the servers' CPU and Redis's command counters say about it."""

import asyncio
import time
from collections import Counter
from dataclasses import dataclass

from tests.live.harness.clients import Console, Participant, close_all
from tests.live.harness.cluster import Cluster
from tests.live.harness.measure import (
    Action,
    action_delays,
    lost_and_doubled,
    percentile,
    post_delays,
)
from tests.live.harness.seed import clock_start

LIVE_WITHIN_S = 60.0  # the longest the run waits for every console's first event
SETTLE_S = 1.0  # after the last console's first event, before the measured window
REJOIN_SHARE = 10  # one console in ten drops its connection half-way and resumes
GRACE_S = 5.0  # after the last console closed, before idleness is measured
IDLE_S = 5.0


@dataclass(frozen=True)
class Load:
    """The size of a run."""

    drills: int
    consoles: int  # per drill
    actions_per_s: float
    seconds: float


@dataclass(frozen=True)
class Meter:
    """CPU and Redis counters read at one moment."""

    cpu_s: float
    redis_cpu_s: float
    redis_commands: int
    client_cpu_s: float  # this load generator's own (consoles and actions)
    machine: tuple[int, int]  # the machine's busy and total CPU ticks, all cores

    @classmethod
    def read(cls, deployment: Cluster) -> "Meter":
        """The servers' CPU time, Redis's CPU time and commands served so far, the load
        generator's CPU time and the machine's CPU ticks."""
        redis = deployment.redis
        return cls(
            sum(server.cpu_seconds() for server in deployment.servers),
            redis.cpu_seconds() if redis else 0.0,
            redis.commands() if redis else 0,
            time.process_time(),
            machine_ticks(),
        )


def machine_ticks() -> tuple[int, int]:
    """(busy, total) CPU ticks of the whole machine so far, from /proc/stat: a window's share
    of busy ticks says whether the machine had a core to spare (a saturated machine delays
    every process, the servers' event loops included)."""
    with open("/proc/stat") as stat:
        fields = [int(f) for f in stat.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle and iowait
    return sum(fields) - idle, sum(fields)


async def participants(deployment: Cluster) -> tuple[Participant, dict[int, Participant]]:
    """The trainer, and one signed-in team member per drill (spread over the processes)."""
    servers = deployment.servers
    trainer = await deployment.sign_in(deployment.seeded.trainer, servers[0])
    members = {}
    for index, drill_id in enumerate(deployment.seeded.drill_ids):
        email = deployment.seeded.members[drill_id][0]
        members[drill_id] = await deployment.sign_in(email, servers[index % len(servers)])
    return trainer, members


async def post_actions(deployment: Cluster, members: dict, load: Load) -> list[Action]:
    """Notes at a steady rate, round-robin over drills and processes, none waiting for another."""
    drills, servers = list(members), deployment.servers
    count = int(load.actions_per_s * load.seconds)
    start = time.monotonic()

    async def one(number: int) -> Action:
        await asyncio.sleep(max(0.0, start + number / load.actions_per_s - time.monotonic()))
        drill_id = drills[number % len(drills)]
        base = servers[number % len(servers)].base
        marker = f"bench-note-{number}"
        answer = await members[drill_id].post(
            f"{base}/api/drills/{drill_id}/actions", {"kind": "note", "text": marker}
        )
        return Action(drill_id, marker, answer)

    return list(await asyncio.gather(*(one(n) for n in range(count))))


def make_consoles(deployment: Cluster, members: dict, load: Load) -> list[Console]:
    """`load.consoles` consoles per drill, alternating over the processes."""
    servers = deployment.servers
    return [
        Console(members[drill_id], servers[number % len(servers)].base, drill_id)
        for drill_id in members
        for number in range(load.consoles)
    ]


async def drive(deployment: Cluster, load: Load) -> dict:
    """Start the drills, open the consoles, post the actions; the figures of the run."""
    trainer, members = await participants(deployment)
    for drill_id in members:
        await deployment.start_drill(trainer, drill_id, deployment.servers[0])
    consoles = make_consoles(deployment, members, load)
    stop = asyncio.Event()
    opened = time.time()
    tasks = [asyncio.create_task(console.run(stop)) for console in consoles]
    live_after_s = await all_live(consoles, opened)
    await asyncio.sleep(SETTLE_S)
    for console in consoles[::REJOIN_SHARE]:
        console.drop_at = time.time() + load.seconds / 2
    before, started = Meter.read(deployment), time.time()
    actions = await post_actions(deployment, members, load)
    await asyncio.sleep(max(0.0, started + load.seconds - time.time()))
    after, ended = Meter.read(deployment), time.time()
    await asyncio.sleep(1)  # the last actions' events
    await close_all(stop, tasks, trainer, *members.values())
    result = figures(deployment, consoles, actions, (before, after), (started, ended))
    return {**result, "live_after_s": live_after_s, **await after_everyone_left(deployment)}


async def all_live(consoles: list[Console], opened: float) -> float:
    """Seconds from opening the consoles until every one has received an event (its drill's
    storm built, its stream open), at most LIVE_WITHIN_S. The measured window starts then: it
    measures the load the run describes, 300 open consoles; the start is reported apart."""
    deadline = time.monotonic() + LIVE_WITHIN_S
    while not all(c.events for c in consoles) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    firsts = [c.events[0].arrival for c in consoles if c.events]
    return max(firsts) - opened if len(firsts) == len(consoles) else float("inf")


async def after_everyone_left(deployment: Cluster) -> dict:
    """The servers' CPU (share of one core) and Redis commands per second once every console
    has closed and GRACE_S has passed: drivers must not outlive their consoles."""
    await asyncio.sleep(GRACE_S)
    before, started = Meter.read(deployment), time.monotonic()
    await asyncio.sleep(IDLE_S)
    after, seconds = Meter.read(deployment), time.monotonic() - started
    return {
        "idle_cpu_share": (after.cpu_s - before.cpu_s) / seconds,
        "idle_redis_per_s": (after.redis_commands - before.redis_commands) / seconds,
    }


def figures(deployment: Cluster, consoles, actions, meters, window) -> dict:
    """What the run measured, as plain numbers."""
    started, ended = window
    shared = deployment.redis is not None
    key = (lambda c: c.drill_id) if shared else (lambda c: (c.drill_id, c.base))
    lost, doubled = lost_and_doubled(consoles, key=key)
    acted, missing = action_delays(actions, consoles)
    clocks = {d: clock_start(deployment.database_url, d) for d in deployment.seeded.drill_ids}
    posted = [
        delay
        for console in consoles
        for delay in post_delays(console, *clocks[console.drill_id], window)
    ]
    delivered = sum(started <= e.arrival < ended for c in consoles for e in c.events)
    before, after = meters
    return {
        "consoles": len(consoles),
        "served": sum(any(started <= e.arrival < ended for e in c.events) for c in consoles),
        "delivered": delivered,
        "seconds": ended - started,
        "lost": lost + len(missing),
        "doubled": doubled,
        "actions": len(actions),
        "action_errors": sum(a.answer.status != 201 for a in actions),
        "error_statuses": dict(Counter(a.answer.status for a in actions if a.answer.status != 201)),
        "rejoined": sum(c.connects > 1 for c in consoles),
        "action_p50_ms": 1000 * percentile(acted, 0.5),
        "action_p99_ms": 1000 * percentile(acted, 0.99),
        "post_p50_ms": 1000 * percentile(posted, 0.5),
        "post_p99_ms": 1000 * percentile(posted, 0.99),
        "cpu_s": after.cpu_s - before.cpu_s,
        "redis_cpu_s": after.redis_cpu_s - before.redis_cpu_s,
        "redis_commands": after.redis_commands - before.redis_commands,
        "client_cpu_s": after.client_cpu_s - before.client_cpu_s,
        "machine_busy": (after.machine[0] - before.machine[0])
        / max(1, after.machine[1] - before.machine[1]),
    }
