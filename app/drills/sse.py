"""Server-sent events for a drill: any broker or hub subscription as an EventSourceResponse."""

from collections.abc import AsyncIterator
from contextlib import aclosing
from typing import Any, Protocol

from sse_starlette import EventSourceResponse

from app.drills.events import Event

PING_S = 15


class Subscribable(Protocol):
    """A DriverHub, or `OneByOne` of a broker: a drill's events after an id, in lists."""

    def batches(self, drill_id: int, last_event_id: str | None) -> AsyncIterator[list[Event]]:
        """Held events after `last_event_id`, then live ones, those ready together in a list."""
        ...


class OneByOne:
    """Any `subscribe`-style source (a broker) as a Subscribable of one-event lists."""

    def __init__(self, source: Any) -> None:
        self.source = source

    async def batches(self, drill_id: int, last_event_id: str | None) -> AsyncIterator[list[Event]]:
        """Each event of the source's subscription alone in its list."""
        async with aclosing(self.source.subscribe(drill_id, last_event_id)) as events:
            async for event in events:
                yield [event]


async def frames(
    source: Subscribable, drill_id: int, last_event_id: str | None
) -> AsyncIterator[bytes]:
    """The drill's events as ready-made SSE frames (each encoded once, whoever listens), the
    events ready together written as one chunk.

    Closing these frames closes the subscription at once (not when the garbage collector
    finds it), so a console that leaves stops counting as a listener of its drill.
    """
    async with aclosing(source.batches(drill_id, last_event_id)) as batches:
        async for batch in batches:
            yield b"".join(event.wire for event in batch)


class DrillEventSource(EventSourceResponse):
    """sse-starlette's response, without a cancel scope around each send when no send timeout
    is set (sse-starlette opens one even then: measured about 3 µs per chunk, on a path that
    writes a chunk per console for every batch of events). A console that stops reading is
    handled by the fan-out's bounded queues, not by a send timeout."""

    async def _send_with_timeout(self, send: Any, message: Any) -> None:
        if self.send_timeout is None:
            await send(message)
        else:
            await super()._send_with_timeout(send, message)


def event_stream(
    source: Subscribable, drill_id: int, last_event_id: str | None, *, ping_s: float = PING_S
) -> EventSourceResponse:
    """A streaming response of the drill's events, resuming after `last_event_id`, with pings."""
    return DrillEventSource(
        frames(source, drill_id, last_event_id),
        ping=ping_s,
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )
