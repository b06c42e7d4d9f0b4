"""Fan-out over Redis: Redis commands per delivered event, two hubs as two processes would.

Two DriverHubs, each on its own RedisBroker (as two `stormdrill serve` processes), share a
redis-server of the benchmark's own on a free port. 20 drills at the busiest scenario's peak,
15 consoles each split over the two hubs, for RUN_S seconds. Counts every command each broker
client sends, the events the consoles receive, and events a console got twice or missed
(against the other consoles of its drill). Both hubs run in this one process, so this
measures the Redis cost of the fan-out, not the CPU of a real deployment (bench_live does):
its CPU row is what the drivers, the Redis round trips and the in-memory fan-out cost before
any HTTP (posts not rendered), the share of bench_live's figure spent before the responses.
"""

import asyncio
import shutil
import socket
import subprocess
import tempfile
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta

import redis

from app.drills.broker import RedisBroker
from app.drills.live import DriverHub
from app.scenarios.library import load_scenario
from app.storm import Storm
from app.storm.types import Action
from benchmarks.table import Result

NAME = "fanout"
SCENARIO, PEAK_S, SPEED = "service-outage", 3900.0, 10.0  # the library's busiest storm
DRILLS, CONSOLES, WARMUP_S, RUN_S = 20, 15, 3.0, 10.0
GOAL = 0.2  # issue 10: at most 0.2 Redis commands per delivered event


class PeakSource:
    """A drill running at SPEED from the scenario's peak since `start`, with no actions."""

    def __init__(self, storm: Storm, start: datetime) -> None:
        self._storm, self.start = storm, start

    def clock_reading(self, now: datetime) -> tuple[str, float, float]:
        return "running", PEAK_S + (now - self.start).total_seconds() * SPEED, SPEED

    def actions(self) -> list[Action]:
        return []

    def fired(self) -> dict[str, float]:
        return {}

    def storm(self) -> Storm:
        return self._storm


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def counted(client) -> Counter:
    """Count the commands a Redis client sends."""
    sent: Counter = Counter()
    execute = client.execute_command

    async def counting(*args, **options):
        sent[str(args[0]).lower()] += 1
        return await execute(*args, **options)

    client.execute_command = counting
    return sent


async def measure(url: str) -> dict[str, float]:
    start = datetime.now(UTC) + timedelta(seconds=1)
    storm = Storm(load_scenario(SCENARIO), 1, None, "en")
    sources = {d: PeakSource(storm, start) for d in range(DRILLS)}
    brokers = [RedisBroker.from_url(url) for _ in range(2)]
    sent = [counted(broker.redis) for broker in brokers]
    hubs = [DriverHub(b, sources.__getitem__, lambda p: p.id) for b in brokers]
    seen: dict[tuple[int, int], list[str]] = defaultdict(list)
    counting = {"on": False}

    async def console(hub: DriverHub, drill: int, number: int) -> None:
        async for event in hub.subscribe(drill, None):
            if counting["on"]:
                seen[drill, number].append(event.id)

    tasks = [asyncio.create_task(console(hubs[n % 2], d, n))
             for d in range(DRILLS) for n in range(CONSOLES)]  # fmt: skip
    await asyncio.sleep(WARMUP_S)
    before, cpu_before = sum(sum(s.values()) for s in sent), time.process_time()
    counting["on"] = True
    await asyncio.sleep(RUN_S)
    counting["on"] = False
    commands = sum(sum(s.values()) for s in sent) - before
    cpu_s = time.process_time() - cpu_before
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    for hub, broker in zip(hubs, brokers, strict=True):
        await hub.close()
        await broker.close()
    return {"commands": commands, "cpu_s": cpu_s, **tally(seen)}


def tally(seen: dict[tuple[int, int], list[str]]) -> dict[str, float]:
    """Events delivered, doubled, and missed against the other consoles of the drill."""
    by_drill: dict[int, set[str]] = defaultdict(set)
    for (drill, _), ids in seen.items():
        by_drill[drill].update(ids)
    delivered = sum(len(ids) for ids in seen.values())
    doubled = sum(len(ids) - len(set(ids)) for ids in seen.values())
    missed = 0
    for (drill, _), ids in seen.items():
        if ids:
            key = lambda i: tuple(map(int, i.split("-")))  # noqa: E731
            window = {i for i in by_drill[drill] if key(ids[0]) <= key(i) <= key(ids[-1])}
            missed += len(window - set(ids))
    return {"delivered": delivered, "doubled": doubled, "missed": missed}


def started(port: int, timeout_s: float = 10) -> None:
    """Wait until the redis-server on `port` answers PING."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            redis.Redis(port=port, socket_connect_timeout=0.2).ping()
            return
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def run() -> list[Result]:
    """Start a redis-server of our own, measure, stop it."""
    binary = shutil.which("redis-server")
    if binary is None:
        return [Result(NAME, "redis-server available", 0, "", "installed", False)]
    port, folder = free_port(), tempfile.mkdtemp(prefix="stormdrill-bench-redis-")
    server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                               "--dir", folder], stdout=subprocess.DEVNULL)  # fmt: skip
    try:
        started(port)
        got = asyncio.run(measure(f"redis://127.0.0.1:{port}/0"))
    finally:
        server.kill()
        server.wait()
        shutil.rmtree(folder, ignore_errors=True)
    per_event = got["commands"] / max(1, got["delivered"])
    cpu_us = 1e6 * got["cpu_s"] / max(1, got["delivered"])
    return [
        Result(NAME, "consoles (2 hubs, Redis)", DRILLS * CONSOLES, "consoles", "reference", True),
        Result(NAME, "events delivered", got["delivered"], "events", "reference", True),
        Result(NAME, "events doubled", got["doubled"], "events", "0", got["doubled"] == 0),
        Result(NAME, "events missed", got["missed"], "events", "0", got["missed"] == 0),
        Result(NAME, "Redis commands per delivered event", per_event, "commands",
               f"<= {GOAL}", per_event <= GOAL),
        Result(NAME, "CPU per delivered event, no HTTP", cpu_us, "µs", "reference", True),
    ]  # fmt: skip
