"""The live benchmark's floor: a bare SSE server sending pre-made frames through plain queues,
at a given rate per drill, on the same route as the app (`/drills/{id}/events`), served by
uvicorn. What the real app's CPU per delivered event is compared with.

Run as `python -m benchmarks.bare_sse PORT DRILLS EVENTS_PER_S`.
"""

import asyncio
import sys
import time
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import StreamingResponse
from starlette.routing import Route


def bare_app(drills: int, rate: float) -> Starlette:
    """One task per drill putting a pre-made frame into plain per-client queues."""
    clients: dict[int, set[asyncio.Queue[tuple[int, bytes]]]] = {d: set() for d in range(drills)}
    held = {d: deque[tuple[int, bytes]](maxlen=1000) for d in range(drills)}

    async def tick(drill_id: int) -> None:
        number, step = 0, 1 / rate
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
        drill_id = int(request.path_params["drill_id"]) % drills
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
    port, count, per_s = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    uvicorn.run(
        bare_app(count, per_s),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=2,
    )
