"""The live-feed benchmark's client: many SSE connections over raw asyncio sockets.

Run as `python -m benchmarks.live_client PORT DRILLS PER_DRILL WARMUP_S RUN_S`. It prints
`ready` once every client is connected and warmed up, then after RUN_S one JSON line: the
delays of the events received (their arrival minus the due time embedded in their data), the
events each client missed or got twice (ids are consecutive per drill), and whether the clients
that reconnected half-way with Last-Event-ID resumed without a gap.
"""

import asyncio
import json
import re
import sys
import time
from dataclasses import dataclass, field

DUE = re.compile(rb'data-due="([\d.]+)"|"due":([\d.]+)|^data: ([\d.]+)', re.M)
RECONNECT_PAUSE_S = 0.5


@dataclass
class Client:
    """One subscriber's record: the ids it got, and its delays while measuring."""

    drill_id: int
    ids: list[int] = field(default_factory=list)
    delays: list[float] = field(default_factory=list)
    counted: int = 0
    measuring: bool = False
    replay_until: float = 0.0


class SSEProtocol(asyncio.Protocol):
    """Splits a chunked SSE response into frames without decoding the chunk framing: each
    chunk is one frame ending in a blank line, so a frame starts at its `id:` line."""

    def __init__(self, client: Client, closed: asyncio.Future[None]) -> None:
        self.client, self.closed, self.pending = client, closed, b""

    def data_received(self, data: bytes) -> None:
        arrival = time.time()
        *frames, self.pending = (self.pending + data).split(b"\r\n\r\n")
        for frame in frames:
            start = frame.find(b"id: ")
            if start >= 0:
                handle(self.client, frame[start:], arrival)

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.closed.done():
            self.closed.set_result(None)


def handle(client: Client, frame: bytes, arrival: float) -> None:
    """Record one SSE frame that starts with its id line."""
    client.ids.append(int(frame[4 : frame.index(b"\r\n")]))
    if not client.measuring:
        return
    client.counted += 1
    found = DUE.search(frame)
    if found is not None and arrival > client.replay_until:
        client.delays.append(arrival - float(next(g for g in found.groups() if g)))


async def listen(client: Client, port: int, stop: asyncio.Event, last_id: str | None) -> None:
    """Stream one connection until `stop` is set."""
    loop = asyncio.get_running_loop()
    closed: asyncio.Future[None] = loop.create_future()
    transport, _ = await loop.create_connection(
        lambda: SSEProtocol(client, closed), "127.0.0.1", port
    )
    header = f"Last-Event-ID: {last_id}\r\n" if last_id else ""
    request = f"GET /drills/{client.drill_id}/events HTTP/1.1\r\nHost: bench\r\n{header}\r\n"
    transport.write(request.encode())
    await asyncio.wait([closed, asyncio.ensure_future(stop.wait())], return_when="FIRST_COMPLETED")
    transport.close()


async def reconnect(client: Client, port: int, stop: asyncio.Event, at: float) -> None:
    """Drop the connection at `at`, wait, and resume from the last id received."""
    first_stop = asyncio.Event()
    task = asyncio.create_task(listen(client, port, first_stop, None))
    await asyncio.sleep(max(0.0, at - time.time()))
    first_stop.set()
    await task
    await asyncio.sleep(RECONNECT_PAUSE_S)
    client.replay_until = time.time() + 0.2
    await listen(client, port, stop, str(client.ids[-1]))


def gaps(client: Client) -> tuple[int, int]:
    """(events missed, events received twice) between the client's first and last id."""
    ids = client.ids
    if not ids:
        return 0, 0
    return ids[-1] - ids[0] + 1 - len(set(ids)), len(ids) - len(set(ids))


async def main(port: int, drills: int, per_drill: int, warmup_s: float, run_s: float) -> dict:
    """Connect, warm up, measure, report."""
    clients = [Client(d) for d in range(drills) for _ in range(per_drill)]
    stop = asyncio.Event()
    rejoining = clients[::per_drill][:10]
    half = time.time() + warmup_s + run_s / 2
    tasks = [
        asyncio.create_task(
            reconnect(c, port, stop, half) if c in rejoining else listen(c, port, stop, None)
        )
        for c in clients
    ]
    await asyncio.sleep(warmup_s)
    for client in clients:
        client.measuring = True
    print("ready", flush=True)
    started = time.time()
    await asyncio.sleep(run_s)
    stop.set()
    elapsed = time.time() - started
    await asyncio.gather(*tasks, return_exceptions=True)
    delays = sorted(d for c in clients for d in c.delays)
    missed = [gaps(c) for c in clients]
    return {
        "clients": len(clients),
        "silent": sum(1 for c in clients if not c.counted),
        "delivered": sum(c.counted for c in clients),
        "seconds": elapsed,
        "p50_ms": 1000 * delays[len(delays) // 2] if delays else -1,
        "p99_ms": 1000 * delays[int(len(delays) * 0.99)] if delays else -1,
        "lost": sum(m for m, _ in missed),
        "duplicated": sum(d for _, d in missed),
        "resumed": sum(1 for c in rejoining if c.ids and gaps(c) == (0, 0)),
        "rejoined": len(rejoining),
    }


if __name__ == "__main__":
    port, drills, per_drill = map(int, sys.argv[1:4])
    warmup, run_s = map(float, sys.argv[4:6])
    print(json.dumps(asyncio.run(main(port, drills, per_drill, warmup, run_s))), flush=True)
