"""The audience model: anger, trust, attention and rumour reach, stepped every tick.

The equations are in docs/storm.md. State S_k holds at time k·TICK_S; S_{k+1} applies the
public actions made in [k·TICK_S, (k+1)·TICK_S), so an action at t changes no state before t.
Snapshots every minute, keyed by the public actions that precede them, make a recomputation
after a new action start from the last unaffected minute.
"""

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from app.analysis import Frame
from app.scenarios.models import Channel, CrisisType, Responsibility, Scenario
from app.storm.meaning import Weight, frame_for, novelty, weigh
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
# Baseline anger per crisis type, before responsibility and severity (docs/storm.md).
BASELINE_ANGER = {
    CrisisType.product_recall: 0.5,
    CrisisType.data_breach: 0.55,
    CrisisType.service_outage: 0.45,
    CrisisType.executive_misconduct: 0.6,
    CrisisType.offensive_advertisement: 0.55,
    CrisisType.industrial_accident: 0.55,
    CrisisType.social_conflict: 0.4,
    CrisisType.viral_customer_incident: 0.5,
    CrisisType.disinformation: 0.35,
    CrisisType.natural_disaster: 0.3,
    CrisisType.tutorial: 0.4,
}
TARGET_LOW, TARGET_HIGH = 0.05, 0.92  # soft bounds: the state approaches them, never reaches
RELAX_ANGER = 0.08  # per minute: anger follows its target with a time constant of 12.5 min
RELAX_TRUST = 0.05  # trust is slower to move: 20 min
RELAX_ATTENTION = 0.3
UNANSWERED_ANGER = 0.2  # times ρ: no satisfying answer past the deadline
UNANSWERED_TRUST = 0.25
DAMAGE_ANGER, DAMAGE_TRUST = 0.3, 0.35  # lasting harm of bad statements
CREDIT_ANGER, CREDIT_TRUST = 0.2, 0.2  # lasting goodwill of good ones
TRUST_HEADROOM = 0.15  # trust recovers at most this far above its starting level
CREDIT_DECAY, DAMAGE_DECAY = 0.02, 0.01  # per minute: goodwill fades in 50 min, harm in 100
RUMOUR_ANGER, RUMOUR_TRUST = 0.15, 0.1  # per unit of total reach (capped at 1)
CORRECTION_SPREAD = 0.4  # per minute: a correction takes ~2.5 min to reach its audience
CORRECTION_DECAY = 0.35  # per minute, times the correction's spread: the rumour's fall
REACH_CEILING = 0.7  # a rumour never reaches everyone: its logistic growth levels off here
RESIDUAL = 0.15  # share of a rumour's reach at its correction that keeps circulating
AFFIRM_REACH = 0.2  # a rumour the brand confirms reaches this much more of the room left
LATER_SILENCE_FACTOR = 3
EASE_MAX = 0.7
TIMELY = 0.6  # extra goodwill of a first response, falling to 0 at the deadline
CACHE_LIMIT = 20_000


def soft(value: float, push: float) -> float:
    """`value` in [0, 1] moved by `push`: up in proportion to the room left, down by the push
    itself but never by more than EASE_MAX of the value, so it approaches 0 and 1, never reaches."""
    if push > 0:
        return value + push * (1 - value)
    return max(value * (1 - EASE_MAX), value + push)


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
    answered: bool = False  # a statement that did more good than harm
    credit: float = 0.0
    damage: float = 0.0
    spread: tuple[float, ...] = ()  # how far each correction has reached (0 to its coverage)
    floor: tuple[float, ...] = ()  # each rumour's residual reach once corrected


def rumour_start(scenario: Scenario, rumour: str, appears_at: int) -> int:
    """When a rumour starts to spread: its time, but never before the post that seeds it (the
    first social-post inject naming it; an article only reports it). A conditional inject seeds
    nothing: the rumour's course must not hang on whether it fires."""
    seeds = [
        inject.at
        for inject in scenario.injects
        if inject.rumour == rumour and inject.channel is Channel.social_post and inject.when is None
    ]
    return max(appears_at, min(seeds)) if seeds else appears_at


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
        self.factors: list[float] = []  # each action's novelty, filled by the audience model

    def key_before(self, t_s: float) -> int:
        """A key identifying the public actions made strictly before `t_s`."""
        return self.keys[bisect_left(self.times, t_s)]

    def between(self, start_s: float, end_s: float) -> list[Action]:
        """The public actions made in [start_s, end_s)."""
        return self.actions[bisect_left(self.times, start_s) : bisect_left(self.times, end_s)]

    def index(self, action: Action) -> int:
        """Where an action of this timeline stands in it."""
        index = bisect_left(self.times, action.at_s)
        while self.actions[index] is not action:
            index += 1
        return index

    def weighted(self, start_s: float, end_s: float) -> list[tuple[Action, float]]:
        """The public actions made in [start_s, end_s), each with its novelty."""
        first, last = bisect_left(self.times, start_s), bisect_left(self.times, end_s)
        return list(zip(self.actions[first:last], self.factors[first:last], strict=True))


class AudienceModel:
    """Steps the audience state for one scenario and language, caching minute snapshots."""

    def __init__(
        self,
        scenario: Scenario,
        language: str,
        deadline_s: int | None = None,
        frame: Frame | None = None,
    ) -> None:
        self.language = language
        self.frame = frame or frame_for(scenario, language, scenario.brand.name)
        self.rumours = list(scenario.rumours)
        self.rumour_facts = [(r.id, tuple(r.contradicts)) for r in self.rumours]
        self.rho = RESPONSIBILITY[scenario.responsibility]
        base = BASELINE_ANGER[scenario.crisis_type] + 0.15 * (self.rho - 1)
        self.baseline = min(0.85, max(0.15, base + 0.04 * (scenario.severity - 2)))
        self.deadline_s = deadline_s if deadline_s is not None else DEADLINES_S[scenario.severity]
        self.appears = [rumour_start(scenario, r.id, r.appears_at) for r in self.rumours]
        none = tuple(0.0 for _ in self.rumours)
        self.trust0 = 0.65 - 0.1 * self.rho
        self.initial = State(
            anger=0.5 * self.baseline,
            trust=self.trust0,
            attention=1.0,
            reach=none,
            correction=none,
            responded=False,
            last_public_s=0.0,
            spread=none,
            floor=none,
        )
        self._effects: dict[str, Weight] = {}
        self._factors: dict[int, list[float]] = {}
        self._snapshots: dict[tuple[int, int], State] = {}

    def effect(self, action: Action) -> Weight:
        """The (cached) weight of a public action's text: goodwill, harm, rumours it corrects."""
        found = self._effects.get(action.text)
        if found is None:
            if len(self._effects) > CACHE_LIMIT:
                self._effects.clear()
            found = weigh(action.text, self.frame, self.rumour_facts, self.rho)
            self._effects[action.text] = found
        return found

    def prepare(self, timeline: Timeline) -> Timeline:
        """Fill the timeline's novelty factors (cached per action prefix: an action's factor
        depends on the actions before it only)."""
        if len(timeline.factors) != len(timeline.actions):
            key = timeline.keys[-1]
            found = self._factors.get(key)
            if found is None:
                if len(self._factors) > CACHE_LIMIT:
                    self._factors.clear()
                readings = [self.effect(a).reading for a in timeline.actions]
                found = self._factors[key] = novelty(readings, timeline.times)
            timeline.factors = found
        return timeline

    def overdue(self, t_s: float) -> float:
        """How far past the first-response deadline `t_s` is: 0 up to it, rising to 1 at twice
        the deadline and staying there."""
        return min(1.0, max(0.0, t_s - self.deadline_s) / self.deadline_s)

    def silent(self, state: State, t_s: float) -> bool:
        """No public word past the deadline, or none for three deadlines since the last one."""
        if not state.responded:
            return t_s >= self.deadline_s
        return t_s - state.last_public_s >= LATER_SILENCE_FACTOR * self.deadline_s

    def step(self, state: State, tick: int, actions: list[tuple[Action, float]]) -> State:
        """S_{k+1} from S_k and the public actions of tick k."""
        t_s, m = tick * TICK_S, PER_TICK
        reach, spread, floor = self._rumours(state, t_s)
        anger_target, trust_target = self._targets(state, t_s, min(1.0, sum(reach)))
        anger = state.anger + RELAX_ANGER * (anger_target - state.anger) * m
        trust = state.trust + RELAX_TRUST * (trust_target - state.trust) * m
        target = clamp(1 + 1.5 * (state.anger - self.baseline), 0.3, 3.0)
        attention = state.attention + RELAX_ATTENTION * (target - state.attention) * m
        credit = state.credit * (1 - CREDIT_DECAY * m)
        damage = state.damage * (1 - DAMAGE_DECAY * m)
        correction = list(state.correction)
        responded, last, answered = state.responded, state.last_public_s, state.answered
        for action, novel in actions:
            e = self.effect(action)
            timely = 0.0 if responded or not e.good else max(0.0, 1 - action.at_s / self.deadline_s)
            good = (e.good + TIMELY * timely) * novel
            late = 1 + self.overdue(action.at_s)
            bad = e.bad * (late if not answered else 1.0)
            anger = soft(anger, -0.2 * good + 0.3 * bad)
            trust = soft(trust, 0.06 * good - 0.25 * bad)
            attention += 0.4 * bad - 0.1 * good
            credit = soft(credit, 0.5 * good)
            damage = soft(damage, 0.6 * bad)
            for i, (corrects, spreads) in enumerate(zip(e.corrects, e.spreads, strict=True)):
                if corrects and correction[i] < 1.0:
                    trust = soft(trust, 0.1 * (1.0 - correction[i]))
                    anger = soft(anger, -0.05 * (1.0 - correction[i]))
                    floor[i] = max(floor[i], RESIDUAL * reach[i])
                    correction[i] = 1.0
                elif spreads and self.appears[i] <= t_s:
                    reach[i] = soft(reach[i], AFFIRM_REACH)
                    correction[i] = 0.0
            responded, last = True, action.at_s
            answered = answered or good > bad
        return State(
            anger=clamp(anger),
            trust=clamp(trust),
            attention=clamp(attention, 0.3, 3.0),
            reach=tuple(reach),
            correction=tuple(correction),
            responded=responded,
            last_public_s=last,
            answered=answered,
            credit=credit,
            damage=damage,
            spread=tuple(spread),
            floor=tuple(floor),
        )

    def _targets(self, state: State, t_s: float, rumours: float) -> tuple[float, float]:
        """Where anger and trust head: the baseline, pushed by an unanswered crisis past its
        deadline, lasting harm and goodwill, and the rumours."""
        unanswered = 1.0 if not state.answered and t_s >= self.deadline_s else 0.0
        if state.answered and self.silent(state, t_s):
            unanswered = 0.5  # it answered once, then went quiet for long
        anger = self.baseline + UNANSWERED_ANGER * self.rho * unanswered
        anger += DAMAGE_ANGER * state.damage - CREDIT_ANGER * state.credit
        anger += RUMOUR_ANGER * rumours
        trust = self.trust0 - UNANSWERED_TRUST * unanswered - DAMAGE_TRUST * state.damage
        trust += CREDIT_TRUST * state.credit * (1 - state.damage) - RUMOUR_TRUST * rumours
        ceiling = min(TARGET_HIGH, self.trust0 + TRUST_HEADROOM)
        return clamp(anger, TARGET_LOW, TARGET_HIGH), clamp(trust, TARGET_LOW, ceiling)

    def _rumours(self, state: State, t_s: float) -> tuple[list, list, list]:
        """Each rumour's reach, correction spread and residual floor one tick later: logistic
        growth slowed by low trust's opposite and by the correction, and a fall towards the
        residual as the correction spreads."""
        m = PER_TICK
        reach, spread, floor = list(state.reach), list(state.spread), list(state.floor)
        for i, rumour in enumerate(self.rumours):
            if self.appears[i] > t_s:
                continue
            r = max(reach[i], rumour.initial_reach) if reach[i] == 0 else reach[i]
            k = spread[i] + CORRECTION_SPREAD * (state.correction[i] - spread[i]) * m
            growth = rumour.spread_rate * r * (1 - r / REACH_CEILING) * (1.5 - state.trust)
            growth *= 1 - k
            fall = CORRECTION_DECAY * k * max(0.0, r - floor[i])
            reach[i], spread[i] = clamp(r + (growth - fall) * m), k
        return reach, spread, floor

    def states(self, timeline: Timeline, first_tick: int, last_tick: int) -> Iterator[State]:
        """S_k for k in [first_tick, last_tick), starting from the latest valid snapshot."""
        self.prepare(timeline)
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
            actions = timeline.weighted(tick * TICK_S, (tick + 1) * TICK_S)
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
