"""A drill's live display, pure: which storm posts to show when, and what was left unshown.

Given the clock readings and actions it is stepped with, a `Feed` keeps at most N posts per
real second for display (the rest are counted into `feed-summary` events, which also carry the
simulated audience's sentiment and anger from the storm's model) and says when each is due.
Its `progress` (the simulated second up to which every post was shown or counted, and the
counts) is what a driver stores beside its lock, so that `Feed.resume` in another driver
continues without skipping or repeating a post.
"""

import json
import math
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Protocol

from app.storm.engine import Storm
from app.storm.types import Action, Post

TICK_S = 0.2
MAX_PER_S = 10
HIGH_REACH = 10_000
SUMMARY_WINDOW_S = 60.0


class DrillSource(Protocol):
    """What a driver needs from a drill: its clock, its team's actions, the scenario injects
    fired early, and its storm."""

    def clock_reading(self, now: datetime) -> tuple[str, float, float]:
        """(status, simulated seconds, speed) at real time `now`."""
        ...

    def actions(self) -> list[Action]:
        """The team's actions so far, in the order they were stored."""
        ...

    def fired(self) -> Mapping[str, float]:
        """The scenario injects fired ahead of their time: inject id → simulated second."""
        ...

    def storm(self) -> Storm:
        """The drill's storm (the one method that may take a while: called in a worker thread)."""
        ...


def priority(post: Post, team_refs: frozenset[str]) -> int:
    """Display priority: injects, journalists, verified or high reach, rumours, team replies."""
    author = post.author
    score = 16 if post.inject else 0
    score += 8 if author.persona == "journalist" else 0
    score += 4 if author.verified or author.followers >= HIGH_REACH else 0
    score += 2 if post.rumour else 0
    targets = (post.reply_to, post.quote_of, post.reacts_to)
    return score + (1 if any(t in team_refs for t in targets if t) else 0)


class Feed:
    """One drill's display state: pure given the clock readings and actions it is stepped with."""

    def __init__(
        self, storm: Storm, start_s: float, max_per_s: float = MAX_PER_S, tick_s: float = TICK_S
    ) -> None:
        self.storm = storm
        self.max_per_s = max_per_s
        self.tick_s = tick_s
        self.planned_s = self.shown_s = on_the_millisecond(start_s)
        self.pending: deque[Post] = deque()
        self.hidden: deque[float] = deque()
        self.hidden_before = 0
        self.tokens = 0.0
        self.next_clock: float | None = None
        self._actions: tuple[Action, ...] = ()
        self._team_refs: frozenset[str] = frozenset()  # what the team published, for priority
        self._fired: dict[str, float] = {}
        self._posts: Iterator[Post] = iter(())
        self._peek: Post | None = None
        self._restart(self.planned_s)

    def _restart(self, from_s: float) -> None:
        end_s = float(self.storm.scenario.duration)
        self._posts = self.storm.stream(self._actions, from_s, end_s, self._fired)
        self._peek = next(self._posts, None)

    def will_regenerate(
        self, actions: Sequence[Action], fired: Mapping[str, float] | None = None
    ) -> bool:
        """Whether stepping with these actions and fired injects pulls the lookahead again
        (a new public action or a moved inject: tens of milliseconds of work)."""
        new = actions[len(self._actions) :]
        return any(a.public for a in new) or (fired or {}) != self._fired

    def _take_actions(self, actions: Sequence[Action]) -> None:
        """Regenerate the lookahead from the first new public action on."""
        if len(actions) == len(self._actions):
            return
        new = [a.at_s for a in actions[len(self._actions) :] if a.public]
        self._actions = tuple(actions)
        self._team_refs = frozenset(a.ref for a in self._actions if a.public)
        if new:
            self._regenerate_from(min(new))

    def _take_fired(self, fired: Mapping[str, float]) -> None:
        """Regenerate the lookahead from the earliest newly fired inject on: its post moves."""
        if fired == self._fired:
            return
        changed = [at_s for key, at_s in fired.items() if self._fired.get(key) != at_s]
        self._fired = dict(fired)
        if changed:
            self._regenerate_from(min(changed))

    def _regenerate_from(self, first_s: float) -> None:
        """Drop the posts planned from `first_s` on (never those shown) and pull them again."""
        if first_s >= self.planned_s:
            self._restart(self.planned_s)
            return
        cut = max(first_s, self.shown_s)
        while self.pending and self.pending[-1].at_s >= cut:
            self.pending.pop()
        while self.hidden and self.hidden[-1] >= cut:
            self.hidden.pop()
        self.planned_s = cut
        self._restart(cut)

    def _plan(self, until_s: float, speed: float) -> None:
        """Pull the posts of [planned_s, until_s) and pick the ones to display."""
        window: list[Post] = []
        while self._peek is not None and self._peek.at_s < until_s:
            window.append(self._peek)
            self._peek = next(self._posts, None)
        earned = self.max_per_s * (until_s - self.planned_s) / speed
        cap = max(1.0, self.max_per_s * self.tick_s, earned)  # a late, longer window earns more
        self.tokens = min(cap, self.tokens + earned)
        self.planned_s = until_s
        refs = self._team_refs
        ranked = sorted(range(len(window)), key=lambda i: (-priority(window[i], refs), i))
        kept = set(ranked[: int(self.tokens)])
        self.tokens -= len(kept)
        self.pending.extend(window[i] for i in sorted(kept))
        self.hidden.extend(p.at_s for i, p in enumerate(window) if i not in kept)

    def summary(self, sim_s: float) -> dict[str, float]:
        """Hidden posts in the last simulated minute and in all, before `sim_s`."""
        while self.hidden and self.hidden[0] <= sim_s - SUMMARY_WINDOW_S:
            self.hidden.popleft()
            self.hidden_before += 1
        recent = sum(1 for at_s in self.hidden if at_s < sim_s)
        total = self.hidden_before + recent
        return {"hidden_last_minute": recent, "hidden_total": total, "sim_s": sim_s}

    def progress(self) -> dict[str, object]:
        """Where the display stands: every post before `sim_s` is shown or counted hidden.

        The hidden posts of the last simulated minute are kept as counts per whole second,
        so the record stays small whatever the storm's volume.
        """
        recent: dict[int, int] = {}
        before = self.hidden_before
        for at_s in self.hidden:
            if at_s >= self.shown_s:
                break
            if at_s <= self.shown_s - SUMMARY_WINDOW_S:
                before += 1
            else:
                recent[int(at_s)] = recent.get(int(at_s), 0) + 1
        return {"sim_s": self.shown_s, "hidden_before": before, "recent": sorted(recent.items())}

    @classmethod
    def resume(
        cls, storm: Storm, progress: Mapping, max_per_s: float = MAX_PER_S, tick_s: float = TICK_S
    ) -> "Feed":
        """A feed continuing from another's `progress()`: the next post, the same counts."""
        feed = cls(storm, float(progress["sim_s"]), max_per_s, tick_s)
        feed.hidden_before = int(progress["hidden_before"])
        feed.hidden.extend(float(s) for s, count in progress["recent"] for _ in range(count))
        return feed

    def mood(self, sim_s: float) -> dict[str, float]:
        """The simulated audience's sentiment (-1 to 1) and anger at `sim_s`: what the
        console's gauge shows, and what the review's timeline will show for this moment."""
        audience = self.storm.audience(self._actions, sim_s)
        return {"sentiment": audience.sentiment, "anger": audience.anger}

    def step(
        self,
        now: float,
        status: str,
        sim_s: float,
        speed: float,
        actions: Sequence[Action],
        fired: Mapping[str, float] | None = None,
    ) -> list[tuple[str, object]]:
        """The events due at real time `now` (seconds), as (name, Post or dict) pairs."""
        sim_s = on_the_millisecond(sim_s)
        self._take_actions(actions)
        self._take_fired(fired or {})
        if status in ("running", "ended"):
            ahead = sim_s if status == "ended" else sim_s + speed * self.tick_s
            if ahead > self.planned_s:
                self._plan(ahead, speed)
        out: list[tuple[str, object]] = []
        while self.pending and self.pending[0].at_s < sim_s:
            out.append(("post", self.pending.popleft()))
        self.shown_s = max(self.shown_s, sim_s)
        if self.next_clock is None or now >= self.next_clock or status == "ended":
            # On the deployment clock's whole seconds, every drill's at once: one read of the
            # broker then carries the clocks of all the drills a process follows.
            self.next_clock = max(math.floor(now) + 1.0, now + 0.5)
            out.append(("feed-summary", {**self.summary(sim_s), **self.mood(sim_s)}))
            out.append(("clock", {"status": status, "sim_s": sim_s, "speed": speed}))
        return out

    def wait(self, now: float, status: str, sim_s: float, speed: float) -> float:
        """Real seconds until the next post is due, the next clock event or the next tick."""
        wait = min(self.tick_s, (self.next_clock or now) - now)
        if status == "running" and self.pending:
            wait = min(wait, (self.pending[0].at_s - sim_s) / speed)
        return max(0.0, wait)


def on_the_millisecond(sim_s: float) -> float:
    """A clock reading on the millisecond grid the posts sit on (`Post.at_ms`), as the clock
    events report it: the feed shows and counts the posts before the second it reports, not
    before a reading a fraction of a millisecond away (which could hold one post more)."""
    return round(sim_s, 3)


def json_data(name: str, payload: dict) -> str:
    """The default data of `clock` and `feed-summary` events: compact JSON."""
    return json.dumps(payload, separators=(",", ":"))
