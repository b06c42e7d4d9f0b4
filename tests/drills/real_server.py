"""One real `stormdrill serve` process on a migrated database, for the concurrency tests.

Deliberately small (one process, the suite's database): the multi-process harness with Redis
lives in tests/live/. On PostgreSQL the server gets a database of its own, dropped afterwards,
since its writes are committed and cannot be rolled back like the suite's sessions.
"""

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2

from app.core import migrate
from app.core.settings import ROOT
from tests.databases import scratch_database
from tests.e2e.conftest import free_port

START_TIMEOUT_S = 30


@contextmanager
def migrated_database(test_url: str | None) -> Iterator[str]:
    """A fresh, migrated database of the suite's kind: a SQLite file when no URL is given."""
    with tempfile.TemporaryDirectory(prefix="stormdrill-conc-") as folder:
        with scratch_database(test_url or "sqlite://", Path(folder)) as url:
            migrate.upgrade(url)
            yield url


@contextmanager
def serve(database_url: str, **settings: str) -> Iterator[str]:
    """`stormdrill serve` on a free port with STORMDRILL_<NAME>=value settings; its base URL."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("STORMDRILL_")}
    env |= {
        "STORMDRILL_ENVIRONMENT": "test",
        "STORMDRILL_SECRET_KEY": "concurrency-test-secret",
        "STORMDRILL_DATABASE_URL": database_url,
        **{f"STORMDRILL_{name.upper()}": value for name, value in settings.items()},
    }
    command = [str(Path(sys.executable).parent / "stormdrill"), "serve", "--port", str(port)]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base, process)
        yield base
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def wait_until_healthy(base: str, process: subprocess.Popen) -> None:
    """Block until the server answers /health; fail if it exits or takes too long."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"stormdrill serve exited with status {process.returncode}")
        try:
            if httpx2.get(f"{base}/health", timeout=1).status_code == 200:
                return
        except httpx2.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"stormdrill serve did not answer on {base}")
