"""The storm engine: the posts of any time window, from a scenario, a seed and the team's actions.

Determinism: time is cut into one-second slots; slot s draws from its own `random.Random`
seeded by (seed, s), and from the audience state of its tick, which depends only on actions made
before the tick. Replies and quotes between posts point into the THREAD_WINDOW previous slots,
which a window regenerates (without emitting) before its start; what a slot draws never depends
on those earlier slots, only which ids its replies name. So [a, c) equals [a, b) + [b, c), and
an action at t changes nothing before t.
"""

import math
import random
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import attrgetter

from app.scenarios.models import Scenario
from app.storm.audience import TICK_S, AudienceModel, State, Timeline, clamp
from app.storm.authors import SKEW, plain_handle
from app.storm.content import VIRALITY, Content, InjectPost
from app.storm.text import Compiled
from app.storm.types import Action, Audience, Post
from app.storm.volume import VolumeCurve

THREAD_WINDOW = 30
REPLY_SHARE = 0.25
REPLY_FLOOR_PER_S = 0.02
REPLY_DECAY_S = 240
REPLY_HORIZON_S = 1200
REPLY_CHANCE = 0.2
QUOTE_CHANCE = {"journalist": 0.25, "influencer": 0.25, "activist": 0.2, "expert": 0.15}
DEFAULT_QUOTE_CHANCE = 0.05
RUMOUR_SHARE = 0.6
RUMOUR_SHARE_CAP = 0.5
SILENCE_SHARE = 0.15
ACTOR_FOLLOW_UP = 0.15
SENTIMENT_BOOST = {"negative": 1.5, "neutral": 1.0, "positive": 0.8}
_new = object.__new__
_by_time = attrgetter("at_ms")


def poisson(rng: random.Random, lam: float) -> int:
    """A Poisson draw: inversion for small means, a rounded normal above 40."""
    if lam <= 0:
        return 0
    if lam > 40:
        return max(0, int(rng.gauss(lam, math.sqrt(lam)) + 0.5))
    u = rng.random()
    p = math.exp(-lam)
    total, k = p, 0
    while u > total and k < 200:
        k += 1
        p *= lam / k
        total += p
    return k


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
    kind_names: tuple[str, ...]
    negative: float
    not_positive: float
    storm_pools: tuple[tuple[tuple, ...], ...]
    persona_cuts: tuple[float, ...]


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
        self.language = "fr" if language == "fr" else "en"
        self.brand = brand or scenario.brand.name
        if brand_handle is None:
            same = self.brand == scenario.brand.name
            brand_handle = (
                scenario.brand.handle if same else plain_handle(self.brand.replace(" ", ""))
            )
        self.volume_scale = volume_scale
        self.model = AudienceModel(scenario, self.language, deadline_s)
        self.content = Content(scenario, seed, self.language, self.brand, brand_handle)
        self.curve = VolumeCurve(scenario)
        self._seed_base = (seed % 2**64) << 32
        self._picks = {
            persona: (
                pool.authors,
                pool.cities,
                pool.bases,
                len(pool.authors),
                tuple(self.content.actors.get(persona, ())) or None,
                REPLY_CHANCE + QUOTE_CHANCE.get(persona, DEFAULT_QUOTE_CHANCE),
            )
            for persona, pool in self.content.authors.items()
        }
        self._storm = {
            p: tuple(map(self._fast, pools)) for p, pools in self.content.by_persona.items()
        }
        self._silence = self._fast(self.content.silence)

    def posts(self, actions: Sequence[Action], start_s: float, end_s: float) -> list[Post]:
        """The posts of [start_s, end_s), in time order."""
        return list(self.stream(actions, start_s, end_s))

    def stream(self, actions: Sequence[Action], start_s: float, end_s: float) -> Iterator[Post]:
        """The posts of [start_s, end_s), in time order, one slot at a time."""
        if end_s <= start_s or end_s <= 0:
            return
        timeline = Timeline(actions)
        first, last = max(0, math.floor(start_s)), math.ceil(end_s)
        start_ms, end_ms = round(start_s * 1000), round(end_s * 1000)
        warm = max(0, first - THREAD_WINDOW)
        states = self.model.states(timeline, warm // TICK_S, (last - 1) // TICK_S + 1)
        recent: deque = deque(maxlen=THREAD_WINDOW)
        tick, plan, state = -1, None, None
        for slot in range(warm, last):
            if slot // TICK_S != tick:
                tick = slot // TICK_S
                state = next(states)
                plan = self._plan(state, tick)
            posts = self._slot(slot, plan, timeline, recent)  # type: ignore[arg-type]
            if slot < first:
                continue
            if slot == first or slot == last - 1:
                posts = [p for p in posts if start_ms <= p.at_ms < end_ms]
            yield from posts

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

    def _plan(self, state: State, tick: int) -> Plan:
        """Choice thresholds for the slots of one tick."""
        content, t_s = self.content, tick * TICK_S
        shares, pools, names = [], [], []
        rumour_total = sum(state.reach)
        scale = min(1.0, RUMOUR_SHARE_CAP / (RUMOUR_SHARE * rumour_total or 1.0))
        for rumour, reach in zip(self.model.rumours, state.reach, strict=True):
            pool = content.rumour[rumour.id]
            if pool and reach > 0:
                shares.append(RUMOUR_SHARE * reach * scale)
                pools.append(self._fast(pool))
                names.append("rumour")
        if content.silence and self.model.silent(state, t_s):
            shares.append(SILENCE_SHARE)
            pools.append(self._silence)
            names.append("silence")
        anger, trust = state.anger, state.trust
        negative = clamp(0.1 + 0.8 * anger - 0.2 * (trust - 0.5), 0.05, 0.95)
        positive = clamp(0.05 + 0.3 * trust * (1 - anger), 0.0, 1 - negative)
        phase = self.curve.phase_at(t_s) or self.curve.phases[-1]
        personas = tuple(p.value for p, w in phase.personas.items() if w > 0) or ("angry_customer",)
        weights = [w for w in phase.personas.values() if w > 0] or [1.0]
        total = sum(weights)
        return Plan(
            anger=anger,
            attention=state.attention,
            kind_cuts=tuple(accumulate(shares)),
            kind_pools=tuple(pools),
            kind_names=tuple(names),
            negative=negative,
            not_positive=negative + (1 - negative - positive),
            storm_pools=tuple(self._storm[p] for p in personas),
            persona_cuts=tuple(w / total for w in accumulate(weights)),
        )

    def _slot(self, slot: int, plan: Plan, timeline: Timeline, recent: deque) -> list[Post]:
        """Every post of one second, in time order; records their ids for later threads."""
        rng = random.Random(self._seed_base | slot)
        volume = self.curve.per_minute(slot) * plan.attention * self.volume_scale / 60
        count = poisson(rng, volume)
        prefix = f"p-{slot:06d}-"
        posts: list[Post] = []
        ids: list[str] = []
        handles: list[str] = []
        self._ambient(rng, slot, count, plan, prefix, posts, ids, handles, recent)
        replying = timeline.between(slot - REPLY_HORIZON_S, slot)
        if replying:
            self._replies(rng, slot, volume, plan, replying, prefix, posts, ids, handles)
        for inject_post in self.content.injects.get(slot, ()):
            posts.append(self._inject_post(inject_post))
            ids.append(f"i-{inject_post.inject.id}")
            handles.append(inject_post.author.handle)
        recent.append((ids, handles))
        posts.sort(key=_by_time)
        return posts

    def _inject_post(self, item: InjectPost) -> Post:
        """The feed post of an inject, at its exact time."""
        return new_post(
            {
                "id": f"i-{item.inject.id}",
                "at_ms": item.inject.at * 1000,
                "author": item.author,
                "text": item.text,
                "language": self.language,
                "sentiment": item.sentiment,
                "kind": "inject",
                "reply_to": None,
                "quote_of": None,
                "rumour": item.inject.rumour,
                "inject": item.inject.id,
                "reacts_to": None,
                "likes_max": item.likes_max,
                "reposts_max": item.likes_max // 4,
            }
        )

    def _pick_author(self, rand: Callable[[], float], persona: str, now_ms: int) -> tuple:
        """An author of a persona: skewed towards the pool's most active, or an inject's actor."""
        authors, cities, bases, size, actors, _quote = self._picks[persona]
        if actors is not None and actors[0][0] <= now_ms and rand() < ACTOR_FOLLOW_UP:
            available = [a for a in actors if a[0] <= now_ms]
            return available[int(rand() * len(available))][1:]
        index = int(size * rand() ** SKEW)
        return authors[index], cities[index], bases[index]

    def _fast(self, pool: list[Compiled]) -> tuple[tuple, ...]:
        """Templates as tuples for the hot loop: (constant text, parts, author pick, sentiment,
        rumour, engagement boost)."""
        return tuple(
            (
                c.constant,
                c.parts,
                self._picks[c.persona],
                c.sentiment,
                c.rumour,
                SENTIMENT_BOOST[c.sentiment],
            )
            for c in pool
        )

    def _ambient(self, rng, slot, count, plan, prefix, posts, ids, handles, recent) -> None:
        """The slot's ambient posts: rumour, silence or storm templates, threads and quotes.

        The hot loop of the engine: locals only, templates and author pools as tuples, and
        posts built without the dataclass __init__ (fields left at their default are not set).
        """
        rand, fill, language = rng.random, self.content.fill, self.language
        kind_cuts, kind_pools, kind_names = plan.kind_cuts, plan.kind_pools, plan.kind_names
        kind_total = kind_cuts[-1] if kind_cuts else 0.0
        storm_pools, persona_cuts = plan.storm_pools, plan.persona_cuts
        negative, not_positive = plan.negative, plan.not_positive
        base_ms, depth = slot * 1000, len(recent)
        for _ in range(count):
            at_ms = base_ms + int(rand() * 1000)
            u = rand()
            if u < kind_total:
                kind_index = bisect_right(kind_cuts, u)
                pool, kind = kind_pools[kind_index], kind_names[kind_index]
            else:
                v = rand()
                pool = storm_pools[bisect_right(persona_cuts, rand())][
                    0 if v < negative else 1 if v < not_positive else 2
                ]
                kind = "storm"
            if not pool:
                continue
            text, parts, pick, sentiment, rumour, boost = pool[int(rand() * len(pool))]
            authors, cities, bases, size, actors, quote_cut = pick
            if actors is not None and actors[0][0] <= at_ms and rand() < ACTOR_FOLLOW_UP:
                available = [a for a in actors if a[0] <= at_ms]
                _at, author, city, base = available[int(rand() * len(available))]
            else:
                index = int(size * rand() ** SKEW)
                author, city, base = authors[index], cities[index], bases[index]
            if text is None:
                text = fill(parts, rand, city)
            likes = int(base * VIRALITY[int(rand() * 256)] * boost)
            post_id = prefix + str(len(ids))
            values = {
                "id": post_id,
                "at_ms": at_ms,
                "author": author,
                "text": text,
                "language": language,
                "sentiment": sentiment,
                "kind": kind,
                "likes_max": likes,
                "reposts_max": likes // 5,
            }
            if rumour is not None:
                values["rumour"] = rumour
            w = rand()
            if w < quote_cut and kind != "silence":
                d = 1 + int(THREAD_WINDOW * rand() ** 2)
                pick_target = rand()
                if d <= depth:
                    target_ids, target_handles = recent[-d]
                    if target_ids:
                        k = int(pick_target * len(target_ids))
                        if w < REPLY_CHANCE:
                            values["reply_to"] = target_ids[k]
                            values["text"] = f"{target_handles[k]} {text}"
                        else:
                            values["quote_of"] = target_ids[k]
            post = _new(Post)
            post.__dict__.update(values)
            posts.append(post)
            ids.append(post_id)
            handles.append(author.handle)

    def _replies(self, rng, slot, volume, plan, replying, prefix, posts, ids, handles) -> None:
        """Replies and quotes reacting to the team's recent public actions."""
        rand = rng.random
        content, fill, language = self.content, self.content.fill, self.language
        for action in replying:
            effect = self.model.effect(action)
            age = slot - action.at_s
            rate = (REPLY_SHARE * volume + REPLY_FLOOR_PER_S * self.volume_scale) * math.exp(
                -age / REPLY_DECAY_S
            )
            rate *= (1 + effect.bad) * (0.5 if action.kind == "reply" else 1.0)
            good_chance = clamp(
                0.5 + 0.8 * (effect.good - effect.bad) - 0.3 * (plan.anger - 0.5), 0.05, 0.95
            )
            ref = action.ref
            for _ in range(poisson(rng, rate)):
                good = rand() < good_chance
                pool = content.reply_good if good else content.reply_bad
                if not pool:
                    continue
                template = pool[int(rand() * len(pool))]
                author, city, base = self._pick_author(rand, template.persona, slot * 1000)
                parts = template.parts
                text = parts[0] if len(parts) == 1 else fill(parts, rand, city)
                quote = not good and rand() < 0.4
                likes = int(
                    base * VIRALITY[int(rand() * 256)] * SENTIMENT_BOOST[template.sentiment]
                )
                post_id = prefix + str(len(ids))
                posts.append(
                    new_post(
                        {
                            "id": post_id,
                            "at_ms": slot * 1000 + int(rand() * 1000),
                            "author": author,
                            "text": text,
                            "language": language,
                            "sentiment": template.sentiment,
                            "kind": template.context,
                            "reply_to": None if quote else ref,
                            "quote_of": ref if quote else None,
                            "rumour": None,
                            "inject": None,
                            "reacts_to": ref,
                            "likes_max": likes,
                            "reposts_max": likes // 5,
                        }
                    )
                )
                ids.append(post_id)
                handles.append(author.handle)


def engagement_at(post: Post, t_s: float) -> tuple[int, int]:
    """Likes and reposts a post has at time t_s: they saturate towards its maxima."""
    age = t_s - post.at_ms / 1000
    if age <= 0:
        return 0, 0
    likes = round(post.likes_max * (1 - math.exp(-age / 900)))
    reposts = round(post.reposts_max * (1 - math.exp(-age / 1200)))
    return likes, reposts
