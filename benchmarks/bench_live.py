"""Live-feed benchmark: 50 drills at the busiest scenario's peak, 10× speed, ≤10 posts/s shown each,
500 SSE clients (10 per drill) in another process, against a bare SSE server at the same rate.

Measures each event's delay from its due time to its arrival, events lost, a resume with
Last-Event-ID, and the server's CPU time per delivered event (from /proc/<pid>/stat) for the
full stack and for the floor. Traffic stays on 127.0.0.1.
"""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.table import Result

ROOT = Path(__file__).resolve().parents[1]
NAME = "live"
DRILLS = 50
PER_DRILL = 10
WARMUP_S = 4.0
RUN_S = 22.0


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_for(port: int, timeout: float = 30.0) -> None:
    """Block until something listens on the port."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the benchmark server did not start on port {port}")


def measure(mode: str) -> dict:
    """Run one server and the client against it; the client's figures plus server CPU."""
    port = free_port()
    python = sys.executable
    server = subprocess.Popen(
        [python, "-m", "benchmarks.live_server", mode, str(port), str(DRILLS)], cwd=ROOT
    )
    try:
        wait_for(port)
        args = [str(port), str(DRILLS), str(PER_DRILL), str(WARMUP_S), str(RUN_S)]
        client = subprocess.Popen(
            [python, "-m", "benchmarks.live_client", *args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert client.stdout is not None
        assert client.stdout.readline().strip() == "ready"
        before = cpu_seconds(server.pid)
        report = json.loads(client.stdout.readline())
        report["cpu_s"] = cpu_seconds(server.pid) - before
        client.wait(10)
        return report
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def run() -> list[Result]:
    """Full stack and bare floor, one after the other."""
    full, bare = measure("full"), measure("bare")
    per_event = {
        k: 1e6 * r["cpu_s"] / max(1, r["delivered"]) for k, r in (("full", full), ("bare", bare))
    }
    ratio = per_event["full"] / per_event["bare"]
    lost = full["lost"] + full["duplicated"] + full["silent"]
    return [
        Result(NAME, "events delivered (full)", full["delivered"], "events", "reference", True),
        Result(
            NAME,
            "delivery rate (full)",
            full["delivered"] / full["seconds"],
            "events/s",
            "reference",
            True,
        ),
        Result(NAME, "p50 delay due→client", full["p50_ms"], "ms", "reference", True),
        Result(
            NAME, "p99 delay due→client", full["p99_ms"], "ms", "< 100", 0 <= full["p99_ms"] < 100
        ),
        Result(NAME, "events lost or doubled", lost, "events", "0", lost == 0),
        Result(
            NAME,
            "resumed with Last-Event-ID",
            full["resumed"],
            f"of {full['rejoined']}",
            "all, no gap",
            full["resumed"] == full["rejoined"] > 0,
        ),
        Result(NAME, "server CPU per event (full)", per_event["full"], "µs", "reference", True),
        Result(NAME, "bare SSE p99 delay", bare["p99_ms"], "ms", "reference", True),
        Result(NAME, "bare SSE events delivered", bare["delivered"], "events", "reference", True),
        Result(NAME, "server CPU per event (bare)", per_event["bare"], "µs", "reference", True),
        Result(NAME, "full / bare CPU per event", ratio, "ratio", "<= 3", ratio <= 3),
    ]
