"""The live-feed benchmark's server: `full` (storm, display sampling, rendering, broker, SSE)
or `bare` (pre-made frames at the same rate through plain queues), served by uvicorn.

Run as `python -m benchmarks.live_server full|bare PORT DRILLS`. Every event's data carries the
real time it was due (`data-due="…"` or `"due":…`) so the client can measure its delay.
"""

import asyncio
import sys
import time
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import StreamingResponse
from starlette.routing import Route

from app.drills.broker import InMemoryBroker
from app.drills.live import DriverHub, json_data
from app.drills.posts import render_post
from app.drills.sse import event_stream
from app.scenarios.library import load_scenario
from app.storm import Storm
from app.storm.types import Action, Post

SCENARIO = "service-outage"  # the library's busiest storm: about 170 posts a minute at its peak
PEAK_S = 3900.0
SPEED = 10.0
BARE_RATE = 12  # the full server's rate: 10 posts, a clock and a summary per second
ARTICLE = "<article "


class PeakSource:
    """A drill running at SPEED from the scenario's peak since the server started."""

    def __init__(self, storm: Storm, start: datetime) -> None:
        self._storm, self.start = storm, start

    def clock_reading(self, now: datetime) -> tuple[str, float, float]:
        """Running from PEAK_S at SPEED."""
        return "running", PEAK_S + (now - self.start).total_seconds() * SPEED, SPEED

    def actions(self) -> list[Action]:
        """No team actions."""
        return []

    def fired(self) -> dict[str, float]:
        """No inject fired early."""
        return {}

    def storm(self) -> Storm:
        """The drill's storm."""
        return self._storm


def full_app(drills: int) -> Starlette:
    """Drivers, storm, the drills' post rendering and sse-starlette, as the routes use them."""
    start = datetime.now(UTC) + timedelta(seconds=1)
    storm = Storm(load_scenario(SCENARIO), 1, None, "en")  # shared: each driver streams its own
    sources = {d: PeakSource(storm, start) for d in range(drills)}

    def render(post: Post) -> str:
        """The drills' own post rendering, with the due time the client measures from."""
        due = start.timestamp() + (post.at_s - PEAK_S) / SPEED
        return render_post(post).replace(ARTICLE, f'{ARTICLE}data-due="{due:.6f}" ', 1)

    def render_data(name: str, payload: dict) -> str:
        return json_data(name, {**payload, "due": time.time()})

    hub = DriverHub(InMemoryBroker(), sources.__getitem__, render, render_data=render_data)

    async def events(request: Request) -> StreamingResponse:
        drill_id = int(request.path_params["drill_id"])
        return event_stream(hub, drill_id, request.headers.get("last-event-id"))

    return Starlette(routes=[Route("/drills/{drill_id:int}/events", events)])


def bare_app(drills: int) -> Starlette:
    """The floor: one task per drill putting a pre-made frame into plain per-client queues."""
    clients: dict[int, set[asyncio.Queue[tuple[int, bytes]]]] = {d: set() for d in range(drills)}
    held = {d: deque[tuple[int, bytes]](maxlen=1000) for d in range(drills)}

    async def tick(drill_id: int) -> None:
        number, step = 0, 1 / BARE_RATE
        due = time.time()
        while True:
            due += step
            await asyncio.sleep(max(0.0, due - time.time()))
            number += 1
            frame = f"id: {number}\r\nevent: post\r\ndata: {due:.6f}\r\n\r\n".encode()
            held[drill_id].append((number, frame))
            for queue in clients[drill_id]:
                queue.put_nowait((number, frame))

    async def stream(drill_id: int, last: int | None) -> AsyncIterator[bytes]:
        queue: asyncio.Queue[tuple[int, bytes]] = asyncio.Queue()
        clients[drill_id].add(queue)
        seen = -1 if last is None else last
        try:
            for number, frame in list(held[drill_id]) if last is not None else []:
                if number > seen:
                    seen = number
                    yield frame
            while True:
                number, frame = await queue.get()
                if number > seen:
                    seen = number
                    yield frame
        finally:
            clients[drill_id].discard(queue)

    async def events(request: Request) -> StreamingResponse:
        drill_id = int(request.path_params["drill_id"])
        last = request.headers.get("last-event-id")
        body = stream(drill_id, int(last) if last else None)
        return StreamingResponse(body, media_type="text/event-stream")

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        tasks = [asyncio.create_task(tick(d)) for d in range(drills)]
        yield
        for task in tasks:
            task.cancel()

    return Starlette(routes=[Route("/drills/{drill_id:int}/events", events)], lifespan=lifespan)


if __name__ == "__main__":
    mode, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    app = full_app(count) if mode == "full" else bare_app(count)
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=2,
    )
