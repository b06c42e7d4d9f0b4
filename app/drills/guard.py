"""Without Redis the live fan-out is in memory, so one process only may serve a database.

Events published in one process never reach the consoles of another, so a second process on
the same database without STORMDRILL_REDIS_URL would serve live drills wrongly (missing
actions, clocks disagreeing). It is refused at start-up instead: the first process holds a
PostgreSQL advisory lock (or, on SQLite, an exclusive lock on a file beside the database) for
as long as it serves. Several applications inside one process (tests) share the claim.
"""

import fcntl
import logging
import threading
from pathlib import Path
from typing import IO

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.pool import NullPool

ADVISORY_KEY = 0x53544F524D  # "STORM"
REFUSAL = (
    "another Stormdrill process already serves this database without Redis: live drills "
    "need STORMDRILL_REDIS_URL on every process to run several (or run only one)"
)
log = logging.getLogger(__name__)
_held: dict[str, list] = {}  # database url -> [lock handle, applications holding it]
_lock = threading.Lock()


class SecondProcessRefused(RuntimeError):
    """Another process serves this database with an in-memory fan-out."""


def _take_postgres(url: str) -> Connection | None:
    connection = create_engine(url, poolclass=NullPool).connect()
    connection = connection.execution_options(isolation_level="AUTOCOMMIT")
    taken = connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": ADVISORY_KEY})
    if taken.scalar():
        return connection
    connection.close()
    return None


def _take_file(path: Path) -> IO | None:
    handle = path.open("a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return handle


def claim(database_url: str, redis_url: str | None) -> bool:
    """Claim the database for this process's in-memory fan-out; True if a claim was taken.

    Raises SecondProcessRefused when another process holds it. Nothing to claim with Redis,
    or on a database no other process can open (SQLite in memory).
    """
    url = make_url(database_url)
    if redis_url or url.database in (None, "", ":memory:"):
        return False
    with _lock:
        if database_url in _held:
            _held[database_url][1] += 1
            return True
        if url.get_backend_name() == "postgresql":
            handle = _take_postgres(database_url)
        else:
            handle = _take_file(Path(f"{url.database}.live-lock"))
        if handle is None:
            raise SecondProcessRefused(REFUSAL)
        _held[database_url] = [handle, 1]
    log.warning("no STORMDRILL_REDIS_URL: live drills are fanned out in memory; this process "
                "must be the only one serving this database")  # fmt: skip
    return True


def release(database_url: str) -> None:
    """Give up this application's claim; the lock goes with the process's last one."""
    with _lock:
        entry = _held.get(database_url)
        if entry is None:
            return
        entry[1] -= 1
        if entry[1] == 0:
            del _held[database_url]
            entry[0].close()
