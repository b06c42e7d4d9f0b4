"""The drill clock: simulated time from the persisted log of clock events. Pure.

The server stores every start, pause, resume, speed change and end with its real
timestamp; the simulated time at any real moment is derived from that log alone, so a
restarted server (or any process behind a load balancer) finds the clock where it was.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

MIN_SPEED = 1.0
MAX_SPEED = 60.0


class ClockEventKind(StrEnum):
    start = "start"
    pause = "pause"
    resume = "resume"
    speed = "speed"
    end = "end"


class ClockStatus(StrEnum):
    scheduled = "scheduled"
    running = "running"
    paused = "paused"
    ended = "ended"


@dataclass(frozen=True)
class ClockEvent:
    """One entry of the clock log; `speed` is set on start and speed changes."""

    at: datetime
    kind: ClockEventKind
    speed: float | None = None


@dataclass(frozen=True)
class ClockReading:
    """Where the clock stands at a real moment."""

    status: ClockStatus
    sim_s: float
    speed: float
    real_elapsed_s: float


class ClockError(ValueError):
    """An event that the clock's current state does not allow."""


_ALLOWED = {
    ClockStatus.scheduled: {ClockEventKind.start, ClockEventKind.speed, ClockEventKind.end},
    ClockStatus.running: {ClockEventKind.pause, ClockEventKind.speed, ClockEventKind.end},
    ClockStatus.paused: {ClockEventKind.resume, ClockEventKind.speed, ClockEventKind.end},
    ClockStatus.ended: set(),
}


def check_speed(speed: float) -> float:
    """A speed within 1× to 60×."""
    if not MIN_SPEED <= speed <= MAX_SPEED:
        raise ClockError(f"speed must be between {MIN_SPEED:g}× and {MAX_SPEED:g}×")
    return speed


def read(
    events: Sequence[ClockEvent], now: datetime, duration_s: float, initial_speed: float = MIN_SPEED
) -> ClockReading:
    """The clock at real time `now`, given the events so far (in order).

    A running clock that reaches `duration_s` reads as ended at exactly `duration_s`.
    """
    status, sim_s, speed, real_s = ClockStatus.scheduled, 0.0, initial_speed, 0.0
    since: datetime | None = None
    for event in [*(e for e in events if e.at <= now), None]:
        until = now if event is None else event.at
        if since is not None:
            span = (until - since).total_seconds()
            if sim_s + span * speed >= duration_s:
                real_s += (duration_s - sim_s) / speed
                return ClockReading(ClockStatus.ended, float(duration_s), speed, real_s)
            sim_s, real_s, since = sim_s + span * speed, real_s + span, until
        if event is None:
            break
        if event.kind == ClockEventKind.speed and event.speed is not None:
            speed = event.speed
        elif event.kind in (ClockEventKind.start, ClockEventKind.resume):
            status, since, speed = ClockStatus.running, event.at, event.speed or speed
        elif event.kind == ClockEventKind.pause:
            status, since = ClockStatus.paused, None
        elif event.kind == ClockEventKind.end:
            status, since = ClockStatus.ended, None
    return ClockReading(status, sim_s, speed, real_s)


def apply(events: Sequence[ClockEvent], event: ClockEvent, duration_s: float) -> ClockEvent:
    """Check that `event` may follow `events`; returns it, or raises ClockError."""
    if events and event.at < events[-1].at:
        raise ClockError("clock events must be in time order")
    if event.speed is not None:
        check_speed(event.speed)
    status = read(events, event.at, duration_s).status
    if event.kind not in _ALLOWED[status]:
        raise ClockError(f"cannot {event.kind.value} a {status.value} drill")
    return event


def real_time_at(events: Sequence[ClockEvent], sim_s: float, duration_s: float) -> datetime | None:
    """The real moment the clock will show `sim_s`, if it is running and has not passed it."""
    if not events:
        return None
    last = events[-1]
    reading = read(events, last.at, duration_s)
    if reading.status != ClockStatus.running or sim_s < reading.sim_s:
        return None
    return last.at + timedelta(seconds=(sim_s - reading.sim_s) / reading.speed)
