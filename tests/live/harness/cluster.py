"""A whole deployment for a test or a benchmark: a fresh migrated, seeded database and real
servers. `cluster("sqlite")` is one process on a SQLite file; `cluster("postgres")` is two
processes on a new PostgreSQL database with a Redis of their own. Leaving the `with` block
stops every process and deletes the database and the folder."""

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tests.databases import scratch_database
from tests.live.harness.clients import Answer, Participant
from tests.live.harness.seed import Seeded, seed
from tests.live.harness.servers import AppServer
from tests.live.harness.services import RedisServer, migrate, postgres_server

Kind = Literal["sqlite", "postgres"]


@dataclass
class Cluster:
    """The running deployment: its database URL, servers, Redis (if any) and seeded people."""

    folder: Path
    database_url: str
    servers: list[AppServer]
    redis: RedisServer | None
    seeded: Seeded

    async def sign_in(self, email: str, server: AppServer) -> Participant:
        """A participant signed in through `server`'s sign-in form."""
        participant = Participant(email)
        status = await participant.sign_in(server.base, self.seeded.password)
        if status != 303:
            raise AssertionError(f"sign-in of {email} on {server.name}: {status}\n{self.logs()}")
        return participant

    async def start_drill(self, trainer: Participant, drill_id: int, server: AppServer) -> None:
        """Start a drill's clock through the API, as its trainer."""
        answer: Answer = await trainer.post(f"{server.base}/api/drills/{drill_id}/start")
        if answer.status != 200:
            raise AssertionError(f"starting drill {drill_id}: {answer.status} {answer.body}")

    def exceptions(self) -> dict[str, list[str]]:
        """Each server's distinct exception lines, for failure messages."""
        return {s.name: found for s in self.servers if (found := s.exceptions())}

    def logs(self) -> str:
        """Every server's log tail, for failure messages."""
        return "\n".join(f"--- {s.name}\n{s.log_tail()}" for s in self.servers)


@contextmanager
def cluster(
    kind: Kind, *, drills: int = 1, scenario_id: str = "tutorial", speed: float = 30
) -> Iterator[Cluster]:
    """Set up the deployment, yield it, and tear everything down whatever happened."""
    folder = Path(tempfile.mkdtemp(prefix=f"stormdrill-{kind}-"))
    with ExitStack() as cleanup:
        cleanup.callback(shutil.rmtree, folder, ignore_errors=True)
        redis = None
        where = "sqlite://" if kind == "sqlite" else postgres_server()
        database_url = cleanup.enter_context(scratch_database(where, folder))
        if kind == "postgres":
            redis = RedisServer(folder)
            redis.start()
            cleanup.callback(redis.kill)
        migrate(database_url)
        seeded = seed(database_url, drills_count=drills, scenario_id=scenario_id, speed=speed)
        redis_url = redis.url if redis else None
        names = ["app1"] if kind == "sqlite" else ["app1", "app2"]
        servers = [AppServer(name, folder, database_url, redis_url) for name in names]
        for server in servers:
            cleanup.callback(server.stop)
            server.launch()
        for server in servers:
            server.wait_ready()
        yield Cluster(folder, database_url, servers, redis, seeded)
