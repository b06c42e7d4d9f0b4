"""The harness's own services: a free port, the PostgreSQL server to make databases on,
`stormdrill migrate`, and a Redis it can kill.

Everything here starts, stops and deletes what it made, so a test or a benchmark run leaves
no process, file or database behind.
"""

import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psycopg
import redis

from tests.conftest import IN_CI

ROOT = Path(__file__).resolve().parents[3]
STORMDRILL = Path(sys.executable).with_name("stormdrill")
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """In a child before exec: be killed when the harness dies, even by kill -9, so no server
    outlives an interrupted test or benchmark (Linux prctl PR_SET_PDEATHSIG)."""
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def free_port() -> int:
    """A TCP port nobody listens on right now, on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(check: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Poll `check` until it holds; fail naming `what` after `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise TimeoutError(f"{what} within {timeout_s:.0f} s")


def unavailable(message: str) -> None:
    """A missing service: in a test, a failure in CI (CI=true) and a skip elsewhere; outside
    tests (`make bench`), an error."""
    import pytest

    if "PYTEST_CURRENT_TEST" not in os.environ:
        raise RuntimeError(message)
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def migrate(url: str) -> None:
    """Migrate a database the way an operator does: `stormdrill migrate`."""
    env = {**os.environ, "STORMDRILL_DATABASE_URL": url}
    done = subprocess.run(
        [str(STORMDRILL), "migrate"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    if done.returncode != 0:
        raise RuntimeError(f"stormdrill migrate failed:\n{done.stdout}\n{done.stderr}")


def postgres_server() -> str:
    """The PostgreSQL server to make databases on: STORMDRILL_TEST_DATABASE_URL's, if it is a
    PostgreSQL URL, else 127.0.0.1:5432; unreachable fails in CI and skips elsewhere."""
    given = os.environ.get("STORMDRILL_TEST_DATABASE_URL", "")
    server = given if given.startswith("postgresql") else DEFAULT_POSTGRES
    try:
        with psycopg.connect(server.replace("+psycopg", ""), connect_timeout=3):
            pass
    except psycopg.Error as exc:
        unavailable(f"PostgreSQL not reachable at {server}: {exc}")
    return server


class RedisServer:
    """A redis-server of our own on a free port, in a temporary folder; it can be killed and
    restarted on the same port with its data (append-only file, fsynced at every write)."""

    def __init__(self, folder: Path) -> None:
        if shutil.which("redis-server") is None:
            unavailable("redis-server not found: apt-get install redis-server")
        self.folder, self.port = folder, free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None
        self.reader: redis.Redis | None = None

    def start(self) -> None:
        """Start it and wait until it answers PING."""
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "yes", "--appendfsync", "always", "--dir", str(self.folder),
             "--logfile", str(self.folder / "redis.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=die_with_parent,
        )  # fmt: skip
        wait_until(self.answers, 10, f"redis-server answers on port {self.port}")
        self.reader = redis.Redis(port=self.port, socket_timeout=2)  # one connection: one HELLO

    def answers(self) -> bool:
        """Whether it answers PING now."""
        try:
            return bool(redis.Redis(port=self.port, socket_timeout=0.5).ping())
        except redis.RedisError:
            return False

    def kill(self) -> None:
        """kill -9: an outage, not a shutdown."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def commands(self) -> int:
        """Commands served so far (INFO commandstats' calls), but the INFO that reads them."""
        stats = self.reader.info("commandstats")
        return sum(int(entry["calls"]) for name, entry in stats.items() if name != "cmdstat_info")

    def cpu_seconds(self) -> float:
        """Its CPU time so far."""
        return cpu_seconds(self.process.pid) if self.process else 0.0


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a live process so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
