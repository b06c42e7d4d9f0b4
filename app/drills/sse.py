"""Server-sent events for a drill: any broker or hub subscription as an EventSourceResponse."""

from collections.abc import AsyncIterator
from contextlib import aclosing
from typing import Protocol

from sse_starlette import EventSourceResponse

from app.drills.events import Event

PING_S = 15


class Subscribable(Protocol):
    """A Broker or a DriverHub: something that streams a drill's events after an id."""

    def subscribe(self, drill_id: int, last_event_id: str | None) -> AsyncIterator[Event]:
        """Held events after `last_event_id`, then live ones."""
        ...


async def frames(
    source: Subscribable, drill_id: int, last_event_id: str | None
) -> AsyncIterator[bytes]:
    """The drill's events as ready-made SSE frames (each encoded once, whoever listens).

    Closing these frames closes the subscription at once (not when the garbage collector
    finds it), so a console that leaves stops counting as a listener of its drill.
    """
    async with aclosing(source.subscribe(drill_id, last_event_id)) as events:
        async for event in events:
            yield event.encoded()


def event_stream(
    source: Subscribable, drill_id: int, last_event_id: str | None, *, ping_s: float = PING_S
) -> EventSourceResponse:
    """A streaming response of the drill's events, resuming after `last_event_id`, with pings."""
    return EventSourceResponse(
        frames(source, drill_id, last_event_id),
        ping=ping_s,
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )
