"""What the consoles received, checked and measured: events lost or doubled, each action's
delay from its acknowledgement to its event on every console, each post's delay from the
moment it was due, and the storm posts a console never got."""

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tests.live.harness.clients import AT_S, Answer, Console


def id_key(event_id: str) -> tuple[int, ...]:
    """An event id in order: in-memory ids are integers, Redis ids `millis-sequence`."""
    return tuple(int(part) for part in event_id.split("-"))


def lost_and_doubled(consoles: Iterable[Console], key=lambda c: (c.drill_id, c.base)) -> tuple:
    """(events lost, events doubled) over consoles grouped by `key` (consoles sharing event ids:
    one drill on one process, or one drill on every process with Redis). A console lost an event
    another of its group got between the first and the last event it got itself."""
    groups: dict[object, list[Console]] = defaultdict(list)
    for console in consoles:
        groups[key(console)].append(console)
    lost = doubled = 0
    for group in groups.values():
        union = {event.id for console in group for event in console.events}
        for console in group:
            got = [event.id for event in console.events]
            if not got:
                continue
            first, last = id_key(got[0]), id_key(got[-1])
            expected = {i for i in union if first <= id_key(i) <= last}
            lost += len(expected - set(got))
            doubled += len(got) - len(set(got))
    return lost, doubled


@dataclass(frozen=True)
class Action:
    """An action posted by the harness: the drill, its marker text and its answer."""

    drill_id: int
    marker: str
    answer: Answer


def action_delays(actions: Sequence[Action], consoles: Sequence[Console]) -> tuple[list, list]:
    """Delays (s) from each acknowledged action to its `team-action` event on every console of
    its drill that was open when it was acknowledged (0 when the event came first: it is
    published before the answer leaves), and the (marker, console url) pairs never delivered."""
    delays: list[float] = []
    missing: list[tuple[str, str]] = []
    for action in actions:
        if action.answer.status != 201:
            continue
        for console in consoles:
            if console.drill_id != action.drill_id or not opened_before(console, action):
                continue
            arrivals = [e.arrival for e in console.named("team-action") if action.marker in e.data]
            if arrivals:
                delays.append(max(0.0, arrivals[0] - action.answer.acked))
            else:
                missing.append((action.marker, console.url))
    return delays, missing


def opened_before(console: Console, action: Action) -> bool:
    """Whether the console had received an event before the action was acknowledged."""
    return bool(console.events) and console.events[0].arrival < action.answer.acked


def post_delays(
    console: Console, started_at: float, speed: float, window: tuple[float, float]
) -> list[float]:
    """Delays (s) from each post's due moment (clock start + at_s / speed) to its arrival, for
    the posts arriving within `window` (real times)."""
    delays = []
    for event in console.named("post"):
        found = AT_S.search(event.data)
        if found is not None and window[0] <= event.arrival < window[1]:
            delays.append(event.arrival - (started_at + float(found.group(1)) / speed))
    return delays


def percentile(values: Sequence[float], share: float) -> float:
    """The value below which `share` of `values` lie; NaN (shown as such) with no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]
