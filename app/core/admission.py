"""Admission: requests wait their turn before they can hold a database connection.

FastAPI runs each synchronous dependency of a request in the thread pool, one call at a time,
and a request's session keeps its connection from its first query to its end. With more
requests in flight than connections, the requests holding the connections wait for a thread
while every thread is taken by a request waiting for a connection: the process stalls until
the pool's timeout turns them all into 500s (300 consoles opening at once did exactly that).

The gate lets at most `slots` requests past at once, fewer than the pool's connections and
the pool's threads, so an admitted request always finds both; the others wait here, holding
neither. A streamed response (server-sent events) leaves the gate as soon as its headers go
out: the stream holds no connection, and a console must not keep a slot for an hour.

Requests asking for a stream (`Accept: text/event-stream`, as EventSource sends) also take a
turn in a lane of half the slots first: when a whole team's consoles open or reconnect at once
they fill that lane, not the gate, and an action posted meanwhile still finds a slot.
"""

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

RESERVE = 5  # connections and threads kept for work outside requests (drivers, refreshers)
UNGATED = ("/static/", "/health")  # no database: liveness must answer under any load
STREAMED = b"text/event-stream"


def slots_for(pool_connections: int, threads: int) -> int:
    """How many requests may hold a connection at once, leaving the reserve to the rest."""
    return max(1, min(pool_connections, threads) - RESERVE)


class AdmissionGate:
    """At most `slots` requests at a time between their first byte and their response."""

    def __init__(self, app: ASGIApp, slots: int) -> None:
        self.app = app
        self.slots = slots
        self.stream_slots = max(1, slots // 2)
        self._semaphores: tuple[anyio.Semaphore, anyio.Semaphore] | None = None

    @property
    def semaphore(self) -> anyio.Semaphore:
        """The gate's slots (made on first use, inside the server's event loop)."""
        return self._made()[0]

    @property
    def stream_lane(self) -> anyio.Semaphore:
        """The lane streams wait in before the gate."""
        return self._made()[1]

    def _made(self) -> tuple[anyio.Semaphore, anyio.Semaphore]:
        if self._semaphores is None:
            self._semaphores = (anyio.Semaphore(self.slots), anyio.Semaphore(self.stream_slots))
        return self._semaphores

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(UNGATED):
            await self.app(scope, receive, send)
            return
        taken = [self.stream_lane, self.semaphore] if _asks_stream(scope) else [self.semaphore]
        for index, semaphore in enumerate(taken):
            try:
                await semaphore.acquire()
            except BaseException:  # cancelled while waiting: give back what it already took
                for earlier in taken[:index]:
                    earlier.release()
                raise

        def leave() -> None:
            while taken:
                taken.pop().release()

        async def leave_when_streaming(message: Message) -> None:
            if taken and message["type"] == "http.response.start" and _streamed(message):
                leave()
            await send(message)

        try:
            await self.app(scope, receive, leave_when_streaming)
        finally:
            leave()


def _asks_stream(scope: Scope) -> bool:
    return any(name == b"accept" and STREAMED in value for name, value in scope.get("headers", ()))


def _streamed(message: Message) -> bool:
    return any(
        name.lower() == b"content-type" and value.startswith(STREAMED)
        for name, value in message.get("headers", ())
    )
