"""The storm engine: the posts of any time window, from a scenario, a seed and the team's actions.

Determinism: time is cut into one-second slots, grouped in ticks of TICK_S slots; each tick
draws from its own `random.Random` seeded by (seed, tick), slot after slot, and from the audience
state of the tick, which depends only on actions made before the tick. Replies and quotes between
posts point into the THREAD_WINDOW previous slots. A window regenerates (without emitting) from
the tick boundary at or before THREAD_WINDOW slots ahead of its start, so every slot it emits sees
the same draws and the same earlier posts whatever the window. So [a, c) equals [a, b) + [b, c);
and since a slot's draws depend only on the actions before it (its tick's state, the replies of
earlier slots), an action at t changes nothing before t.

No account posts the same text twice: a template's readings are distinct and no two templates
share one; an account reads a template at most once per half-minute (the engine keeps the
half-minute's (account, template) pairs and picks another author for a pair already used) and
its reading is (account key + half-minute) mod the template's readings, so two half-minutes of a
drill give different readings. A template with fewer readings than the drill's half-minutes has
`turns` > 1: each account reads it only in one half-minute out of `turns` (those equal to its key
plus the template's number, mod `turns`), and its reading is (key + half-minute // turns) mod the
readings. The warm-up starts on a half-minute, so the pairs it keeps are
the whole half-minute's.
"""

import math
import random
from bisect import bisect_right
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, repeat, starmap
from math import floor
from operator import attrgetter, call

from app.scenarios.models import Scenario
from app.storm.audience import RESIDUAL, TICK_S, AudienceModel, State, Timeline, clamp
from app.storm.authors import plain_handle
from app.storm.branching import Branch, reason
from app.storm.cascade import (
    ACTION_TAU_S,
    HORIZON_TAUS,
    VIRAL_LIKES,
    VIRAL_SOURCE_S,
    Excitation,
    action_event,
    inject_events,
    viral_moments,
)
from app.storm.content import (
    REPLY_TAIL_S,
    VARIANT_MS,
    VIRALITY,
    VIRALITY_BITS,
    Content,
    InjectPost,
)
from app.storm.listener import FollowUp, Listener
from app.storm.meaning import frame_for
from app.storm.pools import (
    AUTHOR_BITS,
    DEPTH_BITS,
    DEPTH_CELLS,
    PERSONA_TABLE,
    REPLY_CHANCE,
    THREAD_BITS,
    THREAD_LEVELS,
    Pools,
    build_pools,
)
from app.storm.text import static_text, static_values
from app.storm.types import Action, Audience, Post
from app.storm.volume import VolumeCurve

THREAD_WINDOW = 30
LIKES_TAU_MS = 900_000
REPOSTS_TAU_MS = 1_200_000
REPLY_SHARE = 0.25
REPLY_FLOOR_PER_S = 0.02
REPLY_DECAY_S = 240
REPLY_HORIZON_S = REPLY_TAIL_S
BUCKET_S = VARIANT_MS // 1000  # the half-minute an account reads a template once in
REDRAWS = 8  # authors tried for a post whose first author may not read its template
OTHER_TEMPLATES = 4  # other templates of the pool tried when no author may read the first
CROWD_MAX = 20  # the crowd grows with the volume up to this many times its size
UID_SPACE = 1 << 16  # (account key, template number) packed into one int
REPLY_LEVEL = round(REPLY_CHANCE * THREAD_LEVELS)
LATE_PRAISE = 0.5  # of the praise a first response loses when it comes twice the deadline late
LISTEN_SHARE = 0.6  # of the reactions to an action quote its words (docs/storm.md, Listening)
CALL_OUT_RATE = 0.03  # posts per second calling out a missed update, at its due time
CALL_OUT_DECAY_S = 300
CALL_OUT_WINDOW_S = 900
# How many slots back a reply or quote reaches: 1 + ⌊z²/THREAD_WINDOW⌋ for z uniform in
# [0, THREAD_WINDOW), mostly the last few seconds, tabulated over DEPTH_CELLS cells.
THREAD_DEPTHS = tuple(
    1 + floor(((i + 0.5) / DEPTH_CELLS * THREAD_WINDOW) ** 2 / THREAD_WINDOW)
    for i in range(DEPTH_CELLS)
)
RUMOUR_SHARE = 0.4
RUMOUR_SHARE_CAP = 0.3
SILENCE_SHARE = 0.15
ACTOR_FOLLOW_UP = 0.05
HOT_SHARE = 0.3  # of replies and quotes go to the most visible post of the thread window
NEVER_S = 10**9  # where an armed conditional inject's post waits: past every storm's end
MAX_POOLS = 16  # lookup tables kept for distinct sets of injects fired early
_new = object.__new__
_by_time = attrgetter("at_ms")
_by_likes = attrgetter("likes_max")
# The C-level seed: `_reseed(rng, n)` then `rng.gauss_next = None` leaves a reused generator in
# exactly the state of `random.Random(n)`, without building a new object for every slot.
_reseed = random.Random.__base__.seed


def poisson(rng: random.Random, lam: float) -> int:
    """A Poisson draw: inversion for small means, transformed rejection (PTRS) from 10 up."""
    if lam <= 0:
        return 0
    if lam >= 10:
        return _transformed_rejection(rng.random, lam)
    u = rng.random()
    p = math.exp(-lam)
    total, k = p, 0
    while u > total and k < 200:
        k += 1
        p *= lam / k
        total += p
    return k


def _transformed_rejection(rand, lam: float) -> int:
    """Hörmann's PTRS (Insurance: Mathematics and Economics 12, 1993): two uniforms per try,
    about 1.15 tries, the log-factorial test only in the rare border cases. Exact, unlike a
    rounded normal, and far fewer steps than inversion, which walks k up to the mean."""
    root = math.sqrt(lam)
    b = 0.931 + 2.53 * root
    a = -0.059 + 0.02483 * b
    inverse_alpha = 1.1239 + 1.1328 / (b - 3.4)
    v_r = 0.9277 - 3.6224 / (b - 2)
    while True:
        u = rand() - 0.5
        v = rand()
        us = 0.5 - abs(u)
        k = floor((2 * a / us + b) * u + lam + 0.43)
        if us >= 0.07 and v <= v_r:
            return k
        if k < 0 or (us < 0.013 and v > us):
            continue
        log_accept = math.log(v * inverse_alpha / (a / (us * us) + b))
        if log_accept <= -lam + k * math.log(lam) - math.lgamma(k + 1):
            return k


_SUFFIXES: list[str] = [str(i) for i in range(1024)]


def _suffixes(count: int) -> list[str]:
    """The post id suffixes "0", "1", … of a slot with `count` posts, made once for all slots.

    A larger table replaces the shared one whole (never extended in place), so a stream in
    another thread reads either table, both right.
    """
    global _SUFFIXES  # noqa: PLW0603
    table = _SUFFIXES
    if count > len(table):
        table = _SUFFIXES = [str(i) for i in range(max(count, 2 * len(table)))]
    return table


def new_post(values: dict) -> Post:
    """A Post built from a full field dict, skipping the frozen dataclass's slow __init__."""
    post = _new(Post)
    post.__dict__.update(values)
    return post


@dataclass(frozen=True)
class Plan:
    """What a tick's state means for the slots in it: rates and choice thresholds."""

    anger: float
    attention: float
    kind_cuts: tuple[float, ...]
    kind_pools: tuple[tuple, ...]
    negative: float
    not_positive: float
    persona_table: tuple[tuple[tuple, ...], ...]
    storm_scale: float
    surge: float  # the self-exciting part of the volume: 1 + the excitation of past events
    to_neutral: float  # rescale a uniform that fell in the neutral band to [0, 1)
    to_positive: float  # the same for the positive band


def feed_language(language: str) -> str:
    """The language a storm writes in: French or English."""
    return "fr" if language == "fr" else "en"


def brand_of(scenario: Scenario, brand: str | None, brand_handle: str | None) -> tuple[str, str]:
    """The brand a storm speaks of and its handle: the scenario's, unless given."""
    brand = brand or scenario.brand.name
    if brand_handle is None:
        same = brand == scenario.brand.name
        brand_handle = scenario.brand.handle if same else plain_handle(brand.replace(" ", ""))
    return brand, brand_handle


def storm_values(
    scenario: Scenario,
    language: str = "en",
    brand: str | None = None,
    brand_handle: str | None = None,
) -> dict[str, str]:
    """The static slots' values (brand, handle, tag, placeholders) of the Storm these
    arguments make, its `content.values`, without the cost of building it."""
    brand, brand_handle = brand_of(scenario, brand, brand_handle)
    return static_values(scenario, feed_language(language), brand, brand_handle)


class Storm:
    """A drill's storm: `posts`, `stream`, `audience` and `audience_series` for given actions."""

    def __init__(
        self,
        scenario: Scenario,
        seed: int,
        brand: str | None = None,
        language: str = "en",
        *,
        volume_scale: float = 1.0,
        deadline_s: int | None = None,
        brand_handle: str | None = None,
    ) -> None:
        self.scenario = scenario
        self.seed = seed
        self.language = feed_language(language)
        self.brand, brand_handle = brand_of(scenario, brand, brand_handle)
        self.volume_scale = volume_scale
        # The crowd grows with the volume, a louder storm has more people in it, up to
        # CROWD_MAX times (past that, memory and set-up time would grow with the volume).
        crowd = max(1, min(CROWD_MAX, math.ceil(volume_scale)))
        self.content = Content(scenario, seed, self.language, self.brand, brand_handle, crowd)
        values = self.content.values
        frame = frame_for(scenario, self.language, self.brand, lambda t: static_text(t, values))
        self.model = AudienceModel(scenario, self.language, deadline_s, frame)
        self.listener = Listener(scenario, self.model, self.content, self.brand)
        self.curve = VolumeCurve(scenario)
        # The curve at every whole second of the scenario (slots are whole seconds): zero after.
        horizon = max((p.end for p in self.curve.phases), default=0)
        self._per_second = [self.curve.per_minute(s) for s in range(horizon)]
        self._seed_base = (seed % 2**64) << 32
        # The lookup tables, by the injects fired early (none: the scenario's schedule).
        self._pools: dict[tuple, Pools] = {(): build_pools(self.content, scenario.phases, {})}
        self._viral = viral_moments(seed, horizon)
        self._excitations: dict[tuple, Excitation] = {}
        # The conditional feed injects: placed where the actions make them fire (stream).
        self._conditional = tuple(
            i.id
            for i in scenario.injects
            if i.when is not None and i.id in self.content.inject_times
        )
        self._scheduled = {
            second: [(item, second * 1000) for item in items]
            for second, items in self.content.injects.items()
        }

    def posts(
        self,
        actions: Sequence[Action],
        start_s: float,
        end_s: float,
        fired: Mapping[str, float] | None = None,
    ) -> list[Post]:
        """The posts of [start_s, end_s), in time order."""
        return list(self.stream(actions, start_s, end_s, fired))

    def stream(
        self,
        actions: Sequence[Action],
        start_s: float,
        end_s: float,
        fired: Mapping[str, float] | None = None,
    ) -> Iterator[Post]:
        """The posts of [start_s, end_s), in time order, one tick at a time (chained in C: no
        Python frame resumes per post or per slot).

        `fired` holds the scenario injects a facilitator fired ahead of their time (inject id
        → simulated second): their feed post appears then, and not at the scheduled time. A
        conditional inject's post appears when the actions make it fire, and never otherwise.
        """
        moved = {
            key: round(max(0.0, at_s) * 1000)
            for key, at_s in (fired or {}).items()
            if self.content.inject_times.get(key, 0) > at_s and key not in self._conditional
        }
        if self._conditional:
            moved |= self._conditional_ms(actions, fired)
        injected, pools = self._injects_by_slot(moved), self._pools_for(moved)
        excitation = self._excitation_for(moved)
        ticks = self._tick_posts(actions, start_s, end_s, injected, (pools, excitation))
        return chain.from_iterable(chain.from_iterable(ticks))

    def _conditional_ms(
        self, actions: Sequence[Action], fired: Mapping[str, float] | None
    ) -> dict[str, int]:
        """The conditional feed injects at the millisecond they fire; armed ones past the end."""
        branches = self.branches(actions, fired)
        return {
            key: round((branches[key].at_s if branches[key].fired else NEVER_S) * 1000)
            for key in self._conditional
        }

    def _injects_by_slot(self, moved_ms: Mapping[str, int]) -> dict[int, list[tuple]]:
        """The feed injects of each slot, as (inject, millisecond), the early ones moved."""
        if not moved_ms:
            return self._scheduled
        by_slot: dict[int, list[tuple]] = {}
        for _second, items in sorted(self._scheduled.items()):
            for item, at_ms in items:
                at_ms = moved_ms.get(item.inject.id, at_ms)
                by_slot.setdefault(at_ms // 1000, []).append((item, at_ms))
        return by_slot

    def _pools_for(self, moved_ms: Mapping[str, int]) -> Pools:
        """The lookup tables with the inject actors placed where their injects appear."""
        key = tuple(sorted(moved_ms.items()))
        pools = self._pools.get(key)
        if pools is None:
            if len(self._pools) > MAX_POOLS:
                self._pools = {(): self._pools[()]}
            pools = self._pools[key] = build_pools(self.content, self.scenario.phases, moved_ms)
        return pools

    def _excitation_for(self, moved_ms: Mapping[str, int]) -> Excitation:
        """The storm's viral moments and its feed injects' bursts, the early ones moved."""
        key = tuple(sorted(moved_ms.items()))
        found = self._excitations.get(key)
        if found is None:
            if len(self._excitations) > MAX_POOLS:
                self._excitations.clear()
            times = [
                moved_ms.get(item.inject.id, second * 1000) / 1000
                for second, items in self.content.injects.items()
                for item in items
            ]
            found = self._excitations[key] = Excitation(self._viral + inject_events(times))
        return found

    def _tick_posts(
        self,
        actions: Sequence[Action],
        start_s: float,
        end_s: float,
        injected: dict,
        tables: tuple[Pools, Excitation],
    ) -> Iterator[list[list[Post]]]:
        """The posts of [start_s, end_s), one list of slot lists per tick, in time order."""
        pools, excitation = tables
        if end_s <= start_s or end_s <= 0:
            return
        timeline = Timeline(actions)
        first, last = max(0, math.floor(start_s)), math.ceil(end_s)
        warm = self._warm_start(first)
        states = self.model.states(timeline, warm // TICK_S, (last - 1) // TICK_S + 1)
        recent: deque = deque(maxlen=THREAD_WINDOW)
        tops: deque = deque(maxlen=THREAD_WINDOW)  # each recent slot's most liked post
        seen: set[int] = set()  # the half-minute's (account, template) pairs
        sources = [(round(e.at_s * 1000), e.alpha) for e in self._viral if e.at_s >= warm]
        sources.reverse()  # the next viral moment last, popped when its source is found
        history = (recent, tops, seen, sources)
        rng, replies = random.Random(), {}
        for tick in range(warm // TICK_S, (last - 1) // TICK_S + 1):
            plan = self._plan(next(states), tick, pools, self._surge(excitation, timeline, tick))
            _reseed(rng, self._seed_base | tick)
            rng.gauss_next = None  # type: ignore[attr-defined]
            slots = range(tick * TICK_S, min(last, (tick + 1) * TICK_S))
            ticked = self._tick(rng, slots, plan, timeline, history, replies, injected, pools)
            if slots.start > first and slots.stop < last:
                yield ticked
                continue
            kept = [posts for slot, posts in zip(slots, ticked, strict=True) if slot >= first]
            # Bounds compared on the posts' own seconds, as the live feed compares them: a
            # window starting a fraction of a millisecond after a post leaves it out (rounding
            # the bound to a millisecond put it in both a feed's window and its successor's).
            if kept and slots.start <= first:
                kept[0] = [p for p in kept[0] if p.at_s >= start_s]
            if kept and slots.stop == last:
                kept[-1] = [p for p in kept[-1] if p.at_s < end_s]
            yield kept

    def _warm_start(self, first: int) -> int:
        """The slot a window's warm-up starts at: on a half-minute, THREAD_WINDOW slots or more
        before `first`, and never inside a viral moment's search for its source (so the warm-up
        keeps the same (account, template) pairs and finds the same sources as a storm read
        from the start)."""
        warm = max(0, first - THREAD_WINDOW) // BUCKET_S * BUCKET_S
        moved = True
        while moved:
            moved = False
            for event in self._viral:
                if event.at_s < warm < event.at_s + VIRAL_SOURCE_S:
                    warm, moved = floor(event.at_s) // BUCKET_S * BUCKET_S, True
        return warm

    def branches(
        self, actions: Sequence[Action], fired: Mapping[str, float] | None = None
    ) -> dict[str, Branch]:
        """Which conditional injects fire and when, from the actions alone (and the timed
        injects fired early): the same actions give the same answer."""
        return self.listener.branches(list(actions), fired)

    def reason(self, branch: Branch) -> str:
        """Why a conditional inject fired, in the drill's language and words."""
        values = self.content.values
        return reason(self.scenario, branch, self.language, lambda t: static_text(t, values))

    def follow_ups(self, actions: Sequence[Action]) -> list[FollowUp]:
        """The journalists' follow-up questions on the team's statements (inbox injects with a
        deadline), from the actions alone: the same actions give the same questions."""
        return self.listener.follow_ups(list(actions))

    def audience(self, actions: Sequence[Action], t_s: float) -> Audience:
        """The audience at time t_s."""
        tick = max(0, math.floor(t_s / TICK_S))
        state = next(self.model.states(Timeline(actions), tick, tick + 1))
        return self.model.audience(state, t_s)

    def audience_series(
        self, actions: Sequence[Action], until_s: float, step_s: float = 60
    ) -> list[Audience]:
        """The audience every `step_s` seconds from 0 up to and including `until_s`."""
        timeline = Timeline(actions)
        last_tick = math.floor(until_s / TICK_S) + 1
        by_tick = dict(enumerate(self.model.states(timeline, 0, last_tick)))
        count = math.floor(until_s / step_s) + 1
        times = [i * step_s for i in range(count)]
        return [self.model.audience(by_tick[math.floor(t / TICK_S)], t) for t in times]

    def _surge(self, excitation: Excitation, timeline: Timeline, tick: int) -> float:
        """How much the events before this tick multiply its volume: 1 + their excitation."""
        t_s = tick * TICK_S
        recent = timeline.between(t_s - ACTION_TAU_S * HORIZON_TAUS, t_s)
        extra = [action_event(a.at_s, self.model.effect(a).bad) for a in recent]
        return 1 + excitation.at(t_s, extra)

    def _plan(self, state: State, tick: int, pools: Pools, surge: float) -> Plan:
        """Choice thresholds for the slots of one tick."""
        content, t_s = self.content, tick * TICK_S
        shares, kinds = [], []
        # The cap shares the feed by each rumour's peak, so a corrected rumour's fall does not
        # make room for the others to fill.
        peaks = (max(r, f / RESIDUAL) for r, f in zip(state.reach, state.floor, strict=True))
        scale = min(1.0, RUMOUR_SHARE_CAP / (RUMOUR_SHARE * sum(peaks) or 1.0))
        for rumour, reach in zip(self.model.rumours, state.reach, strict=True):
            if pools.rumour[rumour.id] and reach > 0:
                shares.append(RUMOUR_SHARE * reach * scale)
                kinds.append(pools.rumour[rumour.id])
        if content.silence and self.model.silent(state, t_s):
            shares.append(SILENCE_SHARE)
            kinds.append(pools.silence)
        anger, trust = state.anger, state.trust
        negative = clamp(0.1 + 0.8 * anger - 0.2 * (trust - 0.5), 0.05, 0.95)
        positive = clamp(0.05 + 0.3 * trust * (1 - anger), 0.01, 1 - negative - 0.01)
        phase = self.curve.phase_at(t_s) or self.curve.phases[-1]
        cuts = tuple(accumulate(shares))
        return Plan(
            anger=anger,
            attention=state.attention,
            kind_cuts=cuts,
            kind_pools=tuple(kinds),
            negative=negative,
            not_positive=1 - positive,
            persona_table=pools.persona_tables[phase.id],
            storm_scale=PERSONA_TABLE / (1 - cuts[-1]) if cuts else PERSONA_TABLE,
            surge=surge,
            to_neutral=1 / (1 - positive - negative),
            to_positive=1 / positive,
        )

    def _inject_post(self, item: InjectPost, at_ms: int) -> Post:
        """The feed post of an inject, at its exact time (its scheduled one unless fired early)."""
        return new_post(
            {
                "id": f"i-{item.inject.id}",
                "at_ms": at_ms,
                "author": item.author,
                "text": item.text,
                "language": self.language,
                "sentiment": item.sentiment,
                "kind": "inject",
                "rumour": item.inject.rumour,
                "inject": item.inject.id,
                "likes_max": item.likes_max,
                "reposts_max": item.likes_max // 4,
            }
        )

    def _tick(
        self, rng, slots, plan, timeline, history, cache, injected, tables
    ) -> list[list[Post]]:
        """Every post of each slot of one tick, one list per slot, each in time order; kept in
        `history` (each slot's posts, and its most liked post) for later threads, with the
        half-minute's (account, template) pairs and the viral moments to come. `rng` is the
        tick's generator; `cache` holds each action's reply constants; `injected` the feed
        injects of each slot; `tables` the lookup tables (their reply pools: the others are in
        `plan`).

        The engine's hot loop, set up once per tick: locals only, lookup tables instead of
        searches, a slot's times drawn first (in C) and sorted (floats sort in C; posts by key
        would not), a time's fractional millisecond reused to pick the kind or persona, one
        uniform for the sentiment then (rescaled to its band) the template, and table cells
        drawn as random bits (author, virality, thread level and depth: no float, no floor).
        Posts are built without the dataclass __init__, filling the instance `__dict__` in place
        (fields left at their class default are not set). Ambient posts come out in time order:
        only a slot with replies or injects sorts its posts.
        """
        rand, language = rng.random, self.language
        recent, tops, seen, sources = history
        seen_add, viral_at = seen.add, sources[-1][0] if sources else math.inf
        kind_cuts, kind_pools = plan.kind_cuts, plan.kind_pools
        kind_total = kind_cuts[-1] if kind_cuts else 0.0
        persona_table, storm_scale = plan.persona_table, plan.storm_scale
        negative, not_positive = plan.negative, plan.not_positive
        to_neutral, to_positive = plan.to_neutral, plan.to_positive
        virality, follow_up = VIRALITY, ACTOR_FOLLOW_UP
        reply_level, getrandbits = REPLY_LEVEL, rng.getrandbits
        author_bits, virality_bits, thread_bits, depth_bits, depths = (
            AUTHOR_BITS,
            VIRALITY_BITS,
            THREAD_BITS,
            DEPTH_BITS,
            THREAD_DEPTHS,
        )
        new, post_class = _new, Post
        variant_ms, bucket_s, uid_space = VARIANT_MS, BUCKET_S, UID_SPACE
        hot_share, to_recent = HOT_SHARE, 1 / (1 - HOT_SHARE)
        per_second, horizon = self._per_second, len(self._per_second)
        # posts per second per post/min
        rate_scale = plan.attention * plan.surge * self.volume_scale / 60
        between = timeline.between
        # Only a tick within REPLY_HORIZON_S of an action looks for actions slot by slot.
        answering = between(slots.start - REPLY_HORIZON_S, slots.stop)
        calling = timeline.actions and [
            m
            for m in self.listener.missed(timeline)
            if m.due_s < slots.stop and slots.start < min(m.due_s + CALL_OUT_WINDOW_S, m.until_s)
        ]
        ticked: list[list[Post]] = []
        kept = (tables, seen)
        for slot in slots:
            if slot % bucket_s == 0:
                seen.clear()
            volume = (per_second[slot] if slot < horizon else 0.0) * rate_scale
            count = poisson(rng, volume)
            prefix = f"p-{slot:06d}-"
            posts: list[Post] = []
            hot = max(filter(None, tops), key=_by_likes, default=None)
            append, base_ms, depth = posts.append, slot * 1000, len(recent)
            times = list(map(call, repeat(rand, count)))  # drawn in C: no frame per draw
            times.sort()
            for suffix, x in zip(_suffixes(count), times, strict=False):
                x *= 1000.0
                at_ms = floor(x)
                u = x - at_ms
                at_ms += base_ms
                v = rand()
                if u < kind_total:
                    pool = kind_pools[bisect_right(kind_cuts, u)]
                else:
                    pools = persona_table[floor((u - kind_total) * storm_scale)]
                    if v < negative:
                        pool, v = pools[0], v / negative
                    elif v < not_positive:
                        pool, v = pools[1], (v - negative) * to_neutral
                    else:
                        pool, v = pools[2], (v - not_positive) * to_positive
                if not pool:
                    continue
                template = pool[floor(v * len(pool))]
                (
                    consts,
                    fillers,
                    table,
                    actors,
                    threads,
                    sentiment,
                    rumour,
                    kind,
                    boost,
                    uid,
                    size,
                    turns,
                    by_turn,
                    _answers,
                ) = template
                if actors is not None and actors[0][0] <= at_ms and rand() < follow_up:
                    available = [a for a in actors if a[0] <= at_ms]
                    _at, author, city, base, key = available[floor(rand() * len(available))]
                else:
                    author, city, base, key = table[getrandbits(author_bits)]
                bucket = at_ms // variant_ms
                if turns > 1 and (key + uid - bucket) % turns:
                    # Not this account's turn for this template: one whose turn it is.
                    accounts = by_turn[bucket % turns]
                    if accounts:
                        author, city, base, key = accounts[floor(rand() * len(accounts))]
                mark = key * uid_space + uid
                if mark in seen or (turns > 1 and (key + uid - bucket) % turns):
                    # This account may not read this template now: another author, or another
                    # template of the same pool.
                    found = _free_pick(rng, pool, template, bucket, seen)
                    if found is None:
                        continue
                    template, (author, city, base, key) = found
                    consts, fillers, _, _, threads, sentiment, rumour, kind, boost = template[:9]
                    size, turns = template[10], template[11]
                else:
                    seen_add(mark)
                reading = (key + bucket // turns) % size
                text = consts[reading]
                if text is None:
                    text = fillers[reading](rand, city, at_ms)
                likes = floor(base * virality[getrandbits(virality_bits)] * boost)
                if at_ms >= viral_at:
                    likes, viral_at = _take_off(sources, at_ms, author, likes)
                post = new(post_class)
                values = post.__dict__  # filled in place: cheaper than building a dict to copy
                values["id"] = prefix + suffix
                values["at_ms"] = at_ms
                values["author"] = author
                values["text"] = text
                values["language"] = language
                values["sentiment"] = sentiment
                values["kind"] = kind
                values["likes_max"] = likes
                values["reposts_max"] = likes // 5
                if rumour is not None:
                    values["rumour"] = rumour
                level = getrandbits(thread_bits)
                if level < threads:
                    # Both draws come whatever the history holds, so a slot regenerated with a
                    # shorter history (a window's warm-up) draws what it drew the first time.
                    d = depths[getrandbits(depth_bits)]
                    pick = rand()
                    target = None
                    if pick < hot_share:
                        target = hot  # the window's most visible post draws the crowd
                    elif d <= depth:
                        targets = recent[-d]
                        if targets:
                            target = targets[floor((pick - hot_share) * to_recent * len(targets))]
                    if target is not None:
                        if level < reply_level:
                            values["reply_to"] = target.id
                            values["text"] = f"{target.author.handle} {text}"
                        else:
                            values["quote_of"] = target.id
                append(post)
            # Ambient posts come out in time order: only replies and injects need a sort.
            replying = answering and between(slot - REPLY_HORIZON_S, slot)
            injects = injected.get(slot)
            if replying:
                self._replies(
                    rng, slot, volume, plan, (timeline, replying), prefix, posts, cache, kept
                )
            if calling:
                self._call_outs(rng, slot, calling, prefix, posts, kept)
            if injects:
                posts.extend(starmap(self._inject_post, injects))
            recent.append(posts)
            tops.append(max(posts, key=_by_likes, default=None))
            if replying or injects or calling:
                posts.sort(key=_by_time)
            ticked.append(posts)
        return ticked

    def _replies(self, rng, slot, volume, plan, replying, prefix, posts, cache, kept) -> None:
        """Replies and quotes reacting to the team's recent public actions (`kept`: the lookup
        tables and the half-minute's (account, template) pairs): LISTEN_SHARE of the crowd's
        quote its words (`app.storm.listening`, in the voice of the author's kind: the crowd's,
        a newsroom's, an expert's) before the author's own reading of a reaction template, so
        they too are never an account's repeat; the others, and the institutions' and bots'
        (who never quote the team), are the scenario's reactions."""
        rand, language = rng.random, self.language
        tables, seen = kept
        virality, now_ms = VIRALITY, slot * 1000
        base_rate = REPLY_SHARE * volume + REPLY_FLOOR_PER_S * self.volume_scale
        anger_term = 0.3 * (plan.anger - 0.5)
        timeline, replying = replying
        for action in replying:
            constants = cache.get(id(action))
            if constants is None:
                effect = self.model.effect(action)
                listened = self.listener.reactions(timeline, action)
                constants = cache[id(action)] = (
                    action.at_s,
                    1 + effect.bad,
                    0.5 if action.kind == "reply" else 1.0,
                    0.8 * (effect.good - effect.bad),
                    # Nothing good and something bad said: nobody praises it (supporters who
                    # defend the brand write in the poor-answer pool, as they do after silence).
                    effect.good > 0 or effect.bad == 0,
                    action.ref,
                    listened,
                    answering(tables.reply_good, listened[2]),
                    answering(tables.reply_bad, listened[2]),
                    1 - LATE_PRAISE * self._overdue_first(timeline, action),
                )
            at_s, bad_factor, half, tone, praised, ref, listened, good_pool, bad_pool, timing = (
                constants
            )
            rate = base_rate * (math.exp(-(slot - at_s) / REPLY_DECAY_S) * bad_factor)
            rate *= half
            chance = (0.5 + tone - anger_term) * timing
            good_chance = clamp(chance, 0.05, 0.95) if praised else 0.0
            for _ in range(poisson(rng, rate)):
                good = rand() < good_chance
                pool = good_pool if good else bad_pool
                if not pool:
                    continue
                template = pool[floor(rand() * len(pool))]
                table, actors = template[2], template[3]
                if actors is not None and actors[0][0] <= now_ms and rand() < ACTOR_FOLLOW_UP:
                    available = [a for a in actors if a[0] <= now_ms]
                    member = available[floor(rand() * len(available))][1:]
                else:
                    member = table[rng.getrandbits(AUTHOR_BITS)]
                at_ms = now_ms + floor(rand() * 1000)
                found = _free_reading(rng, pool, template, at_ms, seen, member, at_s * 1000)
                if found is None:
                    continue
                (_, _, _, _, _, sentiment, _, kind, boost, *_), (author, _, base, _), text = found
                heard = listened[not good].get(author.persona)
                if heard and rand() < LISTEN_SHARE:
                    text = f"{heard[floor(rand() * len(heard))]} {text}"
                quote = not good and rand() < 0.4
                likes = floor(base * virality[rng.getrandbits(VIRALITY_BITS)] * boost)
                post = new_post(
                    {
                        "id": prefix + str(len(posts)),
                        "at_ms": at_ms,
                        "author": author,
                        "text": text,
                        "language": language,
                        "sentiment": sentiment,
                        "kind": kind,
                        "reacts_to": ref,
                        "likes_max": likes,
                        "reposts_max": likes // 5,
                        ("quote_of" if quote else "reply_to"): ref,
                    }
                )
                posts.append(post)

    def _overdue_first(self, timeline: Timeline, action: Action) -> float:
        """How late an action comes as the team's first public word (`AudienceModel.overdue`),
        0 for any later one: "finally" greets a first statement an hour into the storm, not an
        update. From the actions before it only, so the reactions before it never change."""
        return 0.0 if timeline.between(0, action.at_s) else self.model.overdue(action.at_s)

    def _call_outs(self, rng, slot, calling, prefix, posts, kept) -> None:
        """Posts calling out an update the team promised and did not give, naming its time:
        from its due time on, tailing off (they quote the promise, before the author's own
        reading of a hostile reaction template, so no account repeats itself)."""
        rand, (tables, seen) = rng.random, kept
        pool = answering(tables.reply_bad, frozenset())  # a missed update answers no statement
        for missed in calling:
            age = slot - missed.due_s
            if age < 0 or slot >= missed.until_s or not pool:
                continue
            rate = CALL_OUT_RATE * self.volume_scale * math.exp(-age / CALL_OUT_DECAY_S)
            texts = self.listener.call_outs(missed)
            for _ in range(poisson(rng, rate)):
                template = pool[floor(rand() * len(pool))]
                at_ms = slot * 1000 + floor(rand() * 1000)
                member = template[2][rng.getrandbits(AUTHOR_BITS)]
                found = _free_reading(rng, pool, template, at_ms, seen, member)
                if found is None:
                    continue
                (_, _, _, _, _, sentiment, _, kind, boost, *_), (author, _, base, _), own = found
                likes = floor(base * VIRALITY[rng.getrandbits(VIRALITY_BITS)] * boost)
                posts.append(
                    new_post(
                        {
                            "id": prefix + str(len(posts)),
                            "at_ms": at_ms,
                            "author": author,
                            "text": f"{texts[floor(rand() * len(texts))]} {own}",
                            "language": self.language,
                            "sentiment": sentiment,
                            "kind": kind,
                            "reacts_to": missed.ref,
                            "quote_of": missed.ref,
                            "likes_max": likes,
                            "reposts_max": likes // 5,
                        }
                    )
                )


def answering(pool: tuple, kinds: frozenset[str]) -> tuple:
    """The reaction templates of a pool that may follow a statement saying `kinds`: those that
    answer one of them, and those that presume nothing."""
    return tuple(t for t in pool if not t[13] or t[13] & kinds)


def _free_pick(
    rng, pool: tuple, template: tuple, bucket: int, seen: set[int], member: tuple | None = None
) -> tuple[tuple, tuple] | None:
    """A (template, author) pair whose author may read the template in this half-minute (kept
    in `seen`): `member` if given and free, else up to REDRAWS other accounts of the template's
    pool whose turn it is, drawn evenly (the skewed table would hand the post back to the
    busiest accounts), then as many of each of up to OTHER_TEMPLATES other templates of the
    pool; None if nobody may (a crowded half-minute of a small pool)."""
    rand = rng.random
    uid, turns = template[9], template[11]
    if member is not None and not (member[3] + uid - bucket) % turns:
        mark = member[3] * UID_SPACE + uid
        if mark not in seen:
            seen.add(mark)
            return template, member
    for attempt in range(OTHER_TEMPLATES + 1):
        if attempt:
            template = pool[floor(rand() * len(pool))]
            uid, turns = template[9], template[11]
        accounts = template[12][bucket % turns]  # those whose turn it is
        for _ in range(REDRAWS if accounts else 0):
            member = accounts[floor(rand() * len(accounts))]
            mark = member[3] * UID_SPACE + uid
            if mark not in seen:
                seen.add(mark)
                return template, member
    return None


def _free_reading(
    rng, pool: tuple, template: tuple, at_ms: int, seen: set[int], member: tuple, since_ms=None
) -> tuple[tuple, tuple, str] | None:
    """A reaction's (template, author, text): the pair `_free_pick` finds for `member` at
    `at_ms`, and the author's reading of the template in that half-minute, its {time} the
    action's (`since_ms`) if given; None if nobody may."""
    bucket = at_ms // VARIANT_MS
    found = _free_pick(rng, pool, template, bucket, seen, member)
    if found is None:
        return None
    template, member = found
    consts, fillers, size, turns = template[0], template[1], template[10], template[11]
    reading = (member[3] + bucket // turns) % size
    text = consts[reading]
    if text is None:
        clock_ms = at_ms if since_ms is None else int(since_ms)
        text = fillers[reading](rng.random, member[1], clock_ms)
    return template, member, text


def _take_off(sources: list, at_ms: int, author, likes: int) -> tuple[int, float]:
    """A viral moment's source: the first post after it (a bot's does not count), within
    VIRAL_SOURCE_S, takes off with VIRAL_LIKES × the moment's strength more likes. Returns the
    post's likes and when the next moment waiting for its source began."""
    while sources and at_ms >= sources[-1][0] + VIRAL_SOURCE_S * 1000:
        sources.pop()  # nobody posted in time: this moment has no source
    if sources and at_ms >= sources[-1][0] and author.persona != "bot":
        likes += floor(VIRAL_LIKES * sources.pop()[1])
    return likes, sources[-1][0] if sources else math.inf


def engagement_at(post: Post, t_s: float) -> tuple[int, int]:
    """Likes and reposts a post has at time t_s: they saturate towards its maxima."""
    age = t_s - post.at_ms / 1000
    if age <= 0:
        return 0, 0
    likes = round(post.likes_max * (1 - math.exp(-age * 1000 / LIKES_TAU_MS)))
    reposts = round(post.reposts_max * (1 - math.exp(-age * 1000 / REPOSTS_TAU_MS)))
    return likes, reposts
