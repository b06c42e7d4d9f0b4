"""Real `stormdrill serve` processes: started on a free port, killed with -9, restarted.

Each server logs to a file of its own; `log_tail()` goes into failure messages, so a 500 in a
test shows the server's traceback.
"""

import os
import re
import signal
import subprocess
import time
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

from tests.live.harness.services import (
    STORMDRILL,
    cpu_seconds,
    die_with_parent,
    free_port,
    wait_until,
)

SECRET = "harness-secret-shared-by-every-process"
START_TIMEOUT_S = 60
EXCEPTION = re.compile(r"^[A-Za-z_][\w.]*(?:Error|Exception): .*$", re.M)


class AppServer:
    """One `stormdrill serve` process on the given database (and Redis, if any)."""

    def __init__(self, name: str, folder: Path, database_url: str, redis_url: str | None) -> None:
        self.name, self.folder = name, folder
        self.env = {
            **os.environ,
            "STORMDRILL_ENVIRONMENT": "test",
            "STORMDRILL_SECRET_KEY": SECRET,
            "STORMDRILL_DATABASE_URL": database_url,
            "STORMDRILL_HOST": "127.0.0.1",
        }
        if redis_url:
            self.env["STORMDRILL_REDIS_URL"] = redis_url
        else:
            self.env.pop("STORMDRILL_REDIS_URL", None)
        self.log = folder / f"{name}.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.port = 0

    @property
    def base(self) -> str:
        """The server's base URL."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Start on a new free port and wait until /health answers."""
        self.launch()
        self.wait_ready()

    def launch(self) -> None:
        """Start the process on a new free port, without waiting for it."""
        self.port = free_port()
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [str(STORMDRILL), "serve", "--port", str(self.port)],
                env={**self.env, "STORMDRILL_PORT": str(self.port)},
                cwd=self.folder,  # no stray .env file from the repository
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=die_with_parent,
            )

    def wait_ready(self) -> None:
        """Wait until /health answers (fails if the process exits first)."""
        wait_until(self._healthy, START_TIMEOUT_S, f"{self.name} serves /health")

    def _healthy(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise RuntimeError(f"{self.name} exited at start-up:\n{self.log_tail()}")
        try:
            with urlopen(f"{self.base}/health", timeout=1) as answer:
                return answer.status == 200
        except (URLError, ConnectionError, TimeoutError):
            return False

    @property
    def alive(self) -> bool:
        """Whether the process is still running."""
        return self.process is not None and self.process.poll() is None

    def kill9(self) -> None:
        """kill -9: the process dies without cleaning up (no lock released, nothing flushed)."""
        if self.alive:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        """A clean stop (SIGTERM), or kill -9 after 10 s."""
        if self.alive:
            self.stop_as_systemd(within_s=10)

    def stop_as_systemd(self, within_s: float) -> tuple[int | None, float]:
        """SIGTERM, as `systemctl stop` sends: (exit status, seconds until the process exited),
        or (None, within_s) if it had not exited after `within_s` (it is then killed -9)."""
        started = time.monotonic()
        self.process.terminate()
        try:
            status = self.process.wait(within_s)
        except subprocess.TimeoutExpired:
            self.kill9()
            return None, within_s
        return status, time.monotonic() - started

    def cpu_seconds(self) -> float:
        """The process's CPU time so far."""
        return cpu_seconds(self.process.pid) if self.alive else 0.0

    def exceptions(self, limit: int = 5) -> list[str]:
        """The distinct exception lines of its log (`module.Error: message`): why it failed."""
        if not self.log.exists():
            return []
        found = EXCEPTION.findall(self.log.read_text(errors="replace"))
        return sorted(set(found))[:limit]

    def log_tail(self, lines: int = 40) -> str:
        """The end of the server's log."""
        if not self.log.exists():
            return "(no log)"
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
