"""Live-drill benchmark on the real app (issue 10, part 3): real `stormdrill serve` processes,
real sign-in, real `/drills/{id}/events` consoles and real action requests, in two set-ups
(one process on SQLite; two processes on PostgreSQL + Redis), against a bare SSE server
measured the same way.

The size comes from the environment (defaults: the issue's floors, 20 drills × 15 consoles
and 6 actions/s for 60 s): STORMDRILL_BENCH_LIVE_DRILLS, STORMDRILL_BENCH_LIVE_CONSOLES (per
drill), STORMDRILL_BENCH_LIVE_ACTIONS_PER_S, STORMDRILL_BENCH_LIVE_SECONDS, and
STORMDRILL_BENCH_LIVE_SETUPS (`sqlite,postgres`). Traffic stays on 127.0.0.1.

The measured window opens once every console has received its first event (the run's load
is 300 open consoles); how long that took, from opening them all at once with every drill
just started, is its own row.
"""

import asyncio
import math
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import httpx2

from benchmarks.live_load import Load, drive
from benchmarks.table import Result
from tests.databases import scratch_database
from tests.live.harness.clients import Console, Participant, close_all
from tests.live.harness.cluster import cluster
from tests.live.harness.services import (
    ROOT,
    cpu_seconds,
    die_with_parent,
    free_port,
    postgres_server,
    wait_until,
)
from tests.live.harness.takeover import end_the_driver

SCENARIO = "service-outage"  # the library's busiest storm
SPEED = 10
P99_GOAL_MS = 250
CPU_RATIO_GOAL = 3
REDIS_GOAL = 0.2
TAKEOVER_GOAL_S = 5
LIVE_GOAL_S = 20  # 300 consoles opened at once, 20 storms built: our own goal, not the issue's
IDLE_CPU_GOAL_PCT = 2  # drivers stopped: the servers idle
TAKEOVER_SPEED = 30  # the tutorial shows nearly every post at this speed: a gap is visible
TUTORIAL_S = 600
BARE_WRITES = 1_000  # notes posted one after another to the bare write server
NAMES = {"sqlite": "live 1×SQLite", "postgres": "live 2×PG+Redis"}


def load_from_env() -> Load:
    """The run's size, from STORMDRILL_BENCH_LIVE_* or the issue's floors."""
    env = os.environ.get
    return Load(
        drills=int(env("STORMDRILL_BENCH_LIVE_DRILLS", "20")),
        consoles=int(env("STORMDRILL_BENCH_LIVE_CONSOLES", "15")),
        actions_per_s=float(env("STORMDRILL_BENCH_LIVE_ACTIONS_PER_S", "6")),
        seconds=float(env("STORMDRILL_BENCH_LIVE_SECONDS", "60")),
    )


def measure_app(kind: str, load: Load) -> dict:
    """One set-up under the load."""
    with cluster(kind, drills=load.drills, scenario_id=SCENARIO, speed=SPEED) as deployment:
        return asyncio.run(drive(deployment, load))


@contextmanager
def bare_server(module: str, *args: str) -> Iterator[tuple[int, int]]:
    """`python -m benchmarks.<module> PORT ARGS…` running: its (pid, port), once it listens."""
    port = free_port()
    command = [sys.executable, "-m", f"benchmarks.{module}", str(port), *args]
    server = subprocess.Popen(command, cwd=ROOT, preexec_fn=die_with_parent)
    try:
        wait_until(lambda: probe(port), 30, f"benchmarks.{module} listens")
        yield server.pid, port
    finally:
        server.terminate()
        server.wait(10)


def measure_floor(load: Load, rate: float) -> dict:
    """The bare SSE server at `rate` events per second per drill, read by the same consoles."""
    with bare_server("bare_sse", str(load.drills), str(rate)) as (pid, port):
        return asyncio.run(read_floor(pid, port, load))


def measure_bare_write() -> float:
    """Seconds of CPU the bare write server (benchmarks.bare_write) spends per signed-in write,
    on a scratch PostgreSQL database."""
    with (
        tempfile.TemporaryDirectory(prefix="stormdrill-bare-write-") as folder,
        scratch_database(postgres_server(), Path(folder)) as url,
        bare_server("bare_write", url) as (pid, port),
        httpx2.Client(base_url=f"http://127.0.0.1:{port}") as client,
    ):
        client.get("/sign-in").raise_for_status()
        for number in range(BARE_WRITES // 10):  # warm-up: connections, caches
            client.post("/notes", json={"text": f"warm-up {number}"}).raise_for_status()
        before = cpu_seconds(pid)
        for number in range(BARE_WRITES):
            client.post("/notes", json={"text": f"note {number}"}).raise_for_status()
        return (cpu_seconds(pid) - before) / BARE_WRITES


def probe(port: int) -> bool:
    """Whether something accepts connections on the port."""
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        return True
    except OSError:
        return False


async def read_floor(pid: int, port: int, load: Load) -> dict:
    """Consoles on the bare server for the run's duration: events delivered and CPU spent."""
    reader = Participant("floor")
    base = f"http://127.0.0.1:{port}"
    consoles = [Console(reader, base, d) for d in range(load.drills) for _ in range(load.consoles)]
    stop = asyncio.Event()
    tasks = [asyncio.create_task(console.run(stop)) for console in consoles]
    await asyncio.sleep(2)
    before, started = cpu_seconds(pid), time.time()
    await asyncio.sleep(load.seconds)
    spent, ended = cpu_seconds(pid) - before, time.time()
    await close_all(stop, tasks, reader)
    delivered = sum(started <= e.arrival < ended for c in consoles for e in c.events)
    return {"delivered": delivered, "cpu_s": spent}


def measure_takeover() -> list[Result]:
    """kill -9 of the process driving a tutorial drill at TAKEOVER_SPEED, on two processes."""
    with cluster("postgres", scenario_id="tutorial", speed=TAKEOVER_SPEED) as deployment:
        drill_id = deployment.seeded.drill_ids[0]
        seen = asyncio.run(end_the_driver(deployment, drill_id, TUTORIAL_S / TAKEOVER_SPEED))
    waited = max(math.inf if v.waited_s is None else v.waited_s for v in seen)
    skipped = sum(max(0, v.skipped) for v in seen)
    doubled = sum(len(v.doubled) for v in seen)
    resets = sum(len(v.counter_drops) for v in seen)
    name = NAMES["postgres"]
    return [
        Result(name, "kill -9 of the driver: takeover", waited, "s", f"< {TAKEOVER_GOAL_S}",
               waited < TAKEOVER_GOAL_S),
        Result(name, "kill -9: posts or injects skipped", skipped,
               f"of {sum(v.expected for v in seen)}", "0", skipped == 0),
        Result(name, "kill -9: posts or injects doubled", doubled, "posts", "0", doubled == 0),
        Result(name, "kill -9: 'posts not shown' counter resets", resets, "resets", "0",
               resets == 0),
    ]  # fmt: skip


def errors_unit(run: dict) -> str:
    """'of N', with the failed answers' statuses and how many of each."""
    statuses = ", ".join(
        f"{s or 'no answer'}×{n}" for s, n in sorted(run["error_statuses"].items())
    )
    return f"of {run['actions']}" + (f" ({statuses})" if statuses else "")


def per_event_us(seconds: float, events: int) -> float:
    """Microseconds of CPU per delivered event."""
    return 1e6 * seconds / max(1, events)


def rows(kind: str, run: dict, floor_us: float, load: Load) -> list[Result]:
    """One set-up's table rows."""
    name, scale_out = NAMES[kind], kind == "postgres"
    cpu_us = per_event_us(run["cpu_s"], run["delivered"])
    bad = run["lost"] + run["doubled"]
    out = [
        Result(name, "every console live (first event) after", run["live_after_s"], "s",
               f"< {LIVE_GOAL_S}", run["live_after_s"] < LIVE_GOAL_S),
        Result(name, "consoles served", run["served"], f"of {run['consoles']}",
               f">= {load.drills * load.consoles}", run["served"] == run["consoles"]),
        Result(name, "events delivered", run["delivered"], "events", "reference", True),
        Result(name, "events lost or doubled", bad, "events", "0", bad == 0),
        Result(name, "consoles resumed with Last-Event-ID", run["rejoined"], "consoles",
               "reference", True),
        Result(name, "action errors", run["action_errors"], errors_unit(run), "0",
               run["action_errors"] == 0),
        Result(name, "p50 action ack→every console", run["action_p50_ms"], "ms", "reference", True),
        Result(name, "p99 action ack→every console", run["action_p99_ms"], "ms",
               f"< {P99_GOAL_MS}", 0 <= run["action_p99_ms"] < P99_GOAL_MS),
        Result(name, "p50 post due→client", run["post_p50_ms"], "ms", "reference", True),
        Result(name, "p99 post due→client", run["post_p99_ms"], "ms", f"< {P99_GOAL_MS}",
               0 <= run["post_p99_ms"] < P99_GOAL_MS),
        Result(name, "app CPU per delivered event", cpu_us, "µs", "reference", True),
        Result(name, "app CPU / bare-SSE floor", cpu_us / floor_us, "ratio",
               f"<= {CPU_RATIO_GOAL}" if scale_out else "reference",
               cpu_us / floor_us <= CPU_RATIO_GOAL or not scale_out),
    ]  # fmt: skip
    out += [
        Result(name, "load generator CPU (consoles, actions)", 100 * run["client_cpu_s"]
               / run["seconds"], "% of a core", "reference", True),
        Result(name, "machine CPU busy (all cores)", 100 * run["machine_busy"], "%",
               "reference", True),
    ]  # fmt: skip
    idle_pct = 100 * run["idle_cpu_share"]
    out.append(
        Result(name, "app CPU after every console left", idle_pct, "% of a core",
               f"< {IDLE_CPU_GOAL_PCT}", idle_pct < IDLE_CPU_GOAL_PCT)
    )  # fmt: skip
    if scale_out:
        out.append(
            Result(name, "Redis commands/s after every console left", run["idle_redis_per_s"],
                   "commands/s", "0", run["idle_redis_per_s"] == 0)
        )  # fmt: skip
        commands = run["redis_commands"] / max(1, run["delivered"])
        redis_us = per_event_us(run["redis_cpu_s"], run["delivered"])
        out += [
            Result(name, "Redis commands per delivered event", commands, "commands",
                   f"<= {REDIS_GOAL}", commands <= REDIS_GOAL),
            Result(name, "Redis CPU per delivered event", redis_us, "µs", "reference", True),
        ]  # fmt: skip
    return out


def action_rows(
    run: dict, quiet: dict, floor_us: float, write_s: float, load: Load
) -> list[Result]:
    """Where the scale-out run's CPU goes: the same consoles without actions, the CPU each
    action added, and the load's own floor (the bare SSE server's cost for its events plus
    the bare write server's for its actions)."""
    name = NAMES["postgres"]
    added_s = run["cpu_s"] / run["seconds"] - quiet["cpu_s"] / quiet["seconds"]
    events_per_s = run["delivered"] / run["seconds"]
    load_floor_us = floor_us + 1e6 * write_s * load.actions_per_s / max(1.0, events_per_s)
    ratio = per_event_us(run["cpu_s"], run["delivered"]) / load_floor_us
    return [
        Result(name, "app CPU per delivered event, no actions", per_event_us(quiet["cpu_s"],
               quiet["delivered"]), "µs", "reference", True),
        Result(name, "app CPU per action (the run less the one without)",
               1000 * added_s / load.actions_per_s, "ms", "reference", True),
        Result(name, "floor of the load (bare SSE + bare writes)", load_floor_us,
               "µs per event", "reference", True),
        Result(name, "app CPU / floor of the load", ratio, "ratio", "reference", True),
    ]  # fmt: skip


def run() -> list[Result]:
    """Each set-up under the load, the bare floor at the highest rate a served console got;
    when PostgreSQL + Redis is among the set-ups, the same consoles without actions and the
    bare write's cost (where the CPU goes), and a kill -9 of the driving process."""
    load = load_from_env()
    setups = os.environ.get("STORMDRILL_BENCH_LIVE_SETUPS", "sqlite,postgres").split(",")
    runs = {kind: measure_app(kind, load) for kind in setups}
    rate = max(1.0, *(r["delivered"] / r["seconds"] / max(1, r["served"]) for r in runs.values()))
    floor = measure_floor(load, round(rate, 1))
    floor_us = per_event_us(floor["cpu_s"], floor["delivered"])
    results = [row for kind, figures in runs.items() for row in rows(kind, figures, floor_us, load)]
    decomposed = "postgres" in runs and load.actions_per_s > 0
    if decomposed:
        quiet = measure_app("postgres", replace(load, actions_per_s=0))
        write_s = measure_bare_write()
        results += action_rows(runs["postgres"], quiet, floor_us, write_s, load)
    if "postgres" in runs:
        results += measure_takeover()
    results += [
        Result("live bare SSE", "events delivered", floor["delivered"], "events",
               f"{rate:.1f}/s per console", True),
        Result("live bare SSE", "CPU per delivered event", floor_us, "µs", "reference", True),
    ]  # fmt: skip
    if decomposed:
        results.append(
            Result("live bare write", "CPU per signed-in write", 1000 * write_s, "ms",
                   "reference", True)
        )  # fmt: skip
    return results
