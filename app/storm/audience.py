"""The audience model: anger, trust, attention and rumour reach, stepped every tick.

The equations are in docs/storm.md. State S_k holds at time k·TICK_S; S_{k+1} applies the
public actions made in [k·TICK_S, (k+1)·TICK_S), so an action at t changes no state before t.
Snapshots every minute, keyed by the public actions that precede them, make a recomputation
after a new action start from the last unaffected minute.
"""

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from app.scenarios.models import Responsibility, Scenario
from app.storm.cues import Analysis, analyse, terms_addressed
from app.storm.types import Action, Audience

TICK_S = 10
SNAPSHOT_TICKS = 6
PER_TICK = TICK_S / 60  # rates below are per minute
DEADLINES_S = {1: 3600, 2: 1800, 3: 900, 4: 600}
RESPONSIBILITY = {
    Responsibility.victim: 0.7,
    Responsibility.accident: 1.0,
    Responsibility.preventable: 1.4,
}
RELAX_ANGER = 0.05
RELAX_ATTENTION = 0.3
SILENCE_ANGER = 0.02
SILENCE_TRUST = 0.015
RUMOUR_ANGER = 0.01
RUMOUR_TRUST = 0.005
CORRECTION_DECAY = 0.25
LATER_SILENCE_FACTOR = 3
CACHE_LIMIT = 20_000


@dataclass(frozen=True)
class Effect:
    """How one public action moves the audience, before timeliness is known."""

    good: float
    bad: float
    coverage: tuple[float, ...]
    analysis: Analysis


@dataclass(frozen=True)
class State:
    """The model's full state at a tick (what a snapshot stores)."""

    anger: float
    trust: float
    attention: float
    reach: tuple[float, ...]
    correction: tuple[float, ...]
    responded: bool
    last_public_s: float


def clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    """`value` limited to [low, high]."""
    return low if value < low else high if value > high else value


class Timeline:
    """The public actions of one call, sorted, with prefix keys for snapshot lookups."""

    def __init__(self, actions: Sequence[Action]) -> None:
        public = sorted((a for a in actions if a.public), key=lambda a: a.at_s)
        self.actions = public
        self.times = [a.at_s for a in public]
        self.keys = [0]
        for action in public:
            self.keys.append(hash((self.keys[-1], action)))

    def key_before(self, t_s: float) -> int:
        """A key identifying the public actions made strictly before `t_s`."""
        return self.keys[bisect_left(self.times, t_s)]

    def between(self, start_s: float, end_s: float) -> list[Action]:
        """The public actions made in [start_s, end_s)."""
        return self.actions[bisect_left(self.times, start_s) : bisect_left(self.times, end_s)]


class AudienceModel:
    """Steps the audience state for one scenario and language, caching minute snapshots."""

    def __init__(self, scenario: Scenario, language: str, deadline_s: int | None = None) -> None:
        self.language = language
        self.rumours = list(scenario.rumours)
        self.rumour_terms = [r.key_terms.get(language) for r in self.rumours]
        self.rho = RESPONSIBILITY[scenario.responsibility]
        self.baseline = min(0.9, 0.1 + 0.1 * scenario.severity + 0.15 * self.rho)
        self.deadline_s = deadline_s if deadline_s is not None else DEADLINES_S[scenario.severity]
        self.facts = [
            (
                fact.text.get(language),
                [
                    t
                    for r, terms in zip(self.rumours, self.rumour_terms, strict=True)
                    if fact.id in r.contradicts
                    for t in terms
                ],
            )
            for fact in scenario.facts
        ]
        self.initial = State(
            anger=0.5 * self.baseline,
            trust=0.65 - 0.1 * self.rho,
            attention=1.0,
            reach=tuple(0.0 for _ in self.rumours),
            correction=tuple(0.0 for _ in self.rumours),
            responded=False,
            last_public_s=0.0,
        )
        self._effects: dict[Action, Effect] = {}
        self._snapshots: dict[tuple[int, int], State] = {}

    def effect(self, action: Action) -> Effect:
        """The (cached) effect of a public action: its good and bad weights, rumour coverage."""
        found = self._effects.get(action)
        if found is not None:
            return found
        a = analyse(action.text, self.language, self.facts)
        good = 0.35 * a.empathy + 0.25 * self.rho * a.accountability
        good += 0.25 * a.transparency + 0.2 * a.advice
        bad = self.rho * (0.35 * a.defensive + 0.4 * a.blame + 0.45 * a.no_comment)
        bad += 0.5 * a.contradiction
        coverage = []
        for rumour, terms in zip(self.rumours, self.rumour_terms, strict=True):
            hits = terms_addressed(action.text, terms)
            named = action.kind == "correct_rumour" and action.rumour == rumour.id
            coverage.append(hits / len(terms) if hits and (a.negation or named) else 0.0)
        found = Effect(good=good, bad=bad, coverage=tuple(coverage), analysis=a)
        self._effects[action] = found
        return found

    def silent(self, state: State, t_s: float) -> bool:
        """No public word past the deadline, or none for three deadlines since the last one."""
        if not state.responded:
            return t_s >= self.deadline_s
        return t_s - state.last_public_s >= LATER_SILENCE_FACTOR * self.deadline_s

    def step(self, state: State, tick: int, actions: list[Action]) -> State:
        """S_{k+1} from S_k and the public actions of tick k."""
        t_s = tick * TICK_S
        m = PER_TICK
        silence = 1.0 if self.silent(state, t_s) else 0.0
        anger = state.anger + RELAX_ANGER * (self.baseline - state.anger) * m
        anger += SILENCE_ANGER * self.rho * silence * m
        trust = state.trust - SILENCE_TRUST * silence * m
        reach = list(state.reach)
        for i, rumour in enumerate(self.rumours):
            if rumour.appears_at > t_s:
                continue
            r = max(reach[i], rumour.initial_reach) if reach[i] == 0 else reach[i]
            c = state.correction[i]
            growth = rumour.spread_rate * r * (1 - r) * (1.5 - state.trust) * (1 - c)
            reach[i] = clamp(r + (growth - CORRECTION_DECAY * c * r) * m)
        total_reach = sum(reach)
        anger += RUMOUR_ANGER * total_reach * m
        trust -= RUMOUR_TRUST * total_reach * m
        target = clamp(1 + 1.5 * (state.anger - self.baseline), 0.3, 3.0)
        attention = state.attention + RELAX_ATTENTION * (target - state.attention) * m
        correction = list(state.correction)
        responded, last = state.responded, state.last_public_s
        for action in actions:
            e = self.effect(action)
            timely = 0.0 if responded else max(0.0, 1 - action.at_s / self.deadline_s)
            good = e.good + 0.3 * timely
            anger += -0.25 * good + 0.3 * e.bad
            trust += 0.15 * good - 0.25 * e.bad
            attention += 0.4 * e.bad - 0.1 * good
            for i, cov in enumerate(e.coverage):
                if cov > correction[i]:
                    trust += 0.1 * (cov - correction[i])
                    anger -= 0.05 * (cov - correction[i])
                    correction[i] = cov
            responded, last = True, action.at_s
        return State(
            anger=clamp(anger),
            trust=clamp(trust),
            attention=clamp(attention, 0.3, 3.0),
            reach=tuple(reach),
            correction=tuple(correction),
            responded=responded,
            last_public_s=last,
        )

    def states(self, timeline: Timeline, first_tick: int, last_tick: int) -> Iterator[State]:
        """S_k for k in [first_tick, last_tick), starting from the latest valid snapshot."""
        snap = max(0, first_tick) // SNAPSHOT_TICKS
        state = None
        while snap > 0:
            key = (snap, timeline.key_before(snap * SNAPSHOT_TICKS * TICK_S))
            state = self._snapshots.get(key)
            if state is not None:
                break
            snap -= 1
        if state is None:
            state = self.initial
        tick = snap * SNAPSHOT_TICKS
        if len(self._snapshots) > CACHE_LIMIT:
            self._snapshots.clear()
        while tick < last_tick:
            if tick % SNAPSHOT_TICKS == 0:
                self._snapshots[(tick // SNAPSHOT_TICKS, timeline.key_before(tick * TICK_S))] = (
                    state
                )
            if tick >= first_tick:
                yield state
            actions = timeline.between(tick * TICK_S, (tick + 1) * TICK_S)
            state = self.step(state, tick, actions)
            tick += 1

    def audience(self, state: State, t_s: float) -> Audience:
        """The public view of a state at time t_s."""
        sentiment = clamp(1.25 * (state.trust - state.anger), -1.0, 1.0)
        return Audience(
            t_s=t_s,
            anger=round(state.anger, 6),
            trust=round(state.trust, 6),
            attention=round(state.attention, 6),
            sentiment=round(sentiment, 6),
            silent=self.silent(state, t_s),
            responded=state.responded,
            reach={r.id: round(v, 6) for r, v in zip(self.rumours, state.reach, strict=True)},
        )
