"""Self-exciting volume: what happens makes a burst of posts and a tail (a Hawkes-like kernel).

The volume curve gives the storm's shape; on top of it each event excites the rate by
α·e^(−age/τ): a feed inject (the article everybody shares), a public action of the team (more if
it went badly) and the storm's own viral moments (a post that takes off), drawn from the seed
like everything else. The excitation at a tick depends only on events before it, so an action at
t changes nothing before t and windows still compose.

A viral moment has a source: the first post after it (not a bot's) takes off, reaching far past
its author's followers (VIRAL_LIKES × the moment's strength more likes), and, being the most
visible post, draws the replies and quotes. So engagement is heavy-tailed because of the
cascades, not only because of each post's own luck: most posts get next to nothing, a few take
most of the likes (Bakshy et al. 2011; Goel et al. 2016). Every storm has a first viral moment
early on (a storm is a storm because something took off), then one every VIRAL_EVERY_S on
average.
"""

import math
import random
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

INJECT_ALPHA, INJECT_TAU_S = 0.8, 480.0
ACTION_ALPHA, ACTION_BAD_ALPHA, ACTION_TAU_S = 0.2, 1.5, 360.0
VIRAL_EVERY_S = 900.0  # one viral moment every 15 minutes on average
VIRAL_ALPHA_MIN, VIRAL_ALPHA_MAX, VIRAL_SHAPE, VIRAL_TAU_S = 0.3, 3.0, 1.5, 300.0
FIRST_VIRAL = (0.1, 0.5)  # the first moment, as a share of min(duration, VIRAL_EVERY_S)
VIRAL_SOURCE_S = 120  # a moment's source is the first post within this many seconds of it
VIRAL_LIKES = 20_000  # likes a source gains per unit of the moment's strength
HORIZON_TAUS = 6  # an event older than six time constants no longer counts


@dataclass(frozen=True)
class Event:
    """One excitation: when, how strong, how long it lasts."""

    at_s: float
    alpha: float
    tau_s: float


def viral_moments(seed: int, duration_s: int) -> list[Event]:
    """The storm's own bursts: the first early, then Poisson times; Pareto strengths (a few
    big, most small)."""
    rng = random.Random(seed ^ 0xCA5CADE)
    events, t = [], rng.uniform(*FIRST_VIRAL) * min(duration_s, VIRAL_EVERY_S)
    while t < duration_s:
        alpha = min(VIRAL_ALPHA_MAX, VIRAL_ALPHA_MIN * rng.paretovariate(VIRAL_SHAPE))
        events.append(Event(t, alpha, VIRAL_TAU_S))
        t += rng.expovariate(1 / VIRAL_EVERY_S)
    return events


def inject_events(times_s: Iterable[float]) -> list[Event]:
    """A burst for each feed inject, at the time it appears."""
    return [Event(t, INJECT_ALPHA, INJECT_TAU_S) for t in times_s]


def action_event(at_s: float, bad: float) -> Event:
    """A burst for a public action of the team: small, larger the worse it went."""
    return Event(at_s, ACTION_ALPHA + ACTION_BAD_ALPHA * bad, ACTION_TAU_S)


class Excitation:
    """The sum of the kernels of sorted events, at any time."""

    def __init__(self, events: Iterable[Event]) -> None:
        self.events = sorted(events, key=lambda e: e.at_s)
        self.times = [e.at_s for e in self.events]
        self.longest = max((e.tau_s for e in self.events), default=0.0) * HORIZON_TAUS

    def at(self, t_s: float, extra: Iterable[Event] = ()) -> float:
        """The excitation at t_s from the events strictly before it, and `extra` ones."""
        total = 0.0
        end = bisect_right(self.times, t_s - 1e-9)
        start = bisect_right(self.times, t_s - self.longest)
        for event in (*self.events[start:end], *extra):
            age = t_s - event.at_s
            if 0 < age < event.tau_s * HORIZON_TAUS:
                total += event.alpha * math.exp(-age / event.tau_s)
        return total
