"""A live drill event and the order of event ids, shared by the brokers and the fan-out."""

import asyncio
import re
from dataclasses import dataclass, field
from functools import cached_property

EVENT_ID = re.compile(r"\d+(-\d+){0,2}")  # in-memory: integers; Redis: "ms-seq", "ms-seq-n"
LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Event:
    """One live event: its id (increasing per drill), kebab-case name and data."""

    id: str
    name: str
    data: str
    origin: str = field(default="", compare=False, repr=False)  # the process of a change

    @cached_property
    def key(self) -> tuple[int, ...]:
        """The id as `order` reads it, () if malformed: parsed once per event, however many
        consoles of the process compare it with where they stand."""
        return order(self.id) or ()

    @cached_property
    def wire(self) -> bytes:
        """The event as a server-sent-events frame (built once per event, shared by clients)."""
        lines = "".join(f"data: {line}\r\n" for line in LINE_BREAK.split(self.data))
        return f"id: {self.id}\r\nevent: {self.name}\r\n{lines}\r\n".encode()


def unless_cancelled() -> None:
    """Raise CancelledError if this task is being cancelled: for retry loops that catch errors.

    A cancellation racing a client's read timeout can surface as that client's TimeoutError,
    which redis-py may even retry by itself: a loop of such calls would swallow the
    cancellation and never stop, so it checks here on each turn.
    """
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError


def order(event_id: str | None) -> tuple[int, ...] | None:
    """An event id as a comparable key (None when absent or malformed)."""
    if event_id is None or not EVENT_ID.fullmatch(event_id):
        return None
    return tuple(int(part) for part in event_id.split("-"))
