"""Everything a drill's posts are drawn from, prepared once: templates, authors, injects.

Each template is a grammar (`app.scenarios.grammar`); it is read per gender it needs until it
has a distinct reading for each half-minute of the drill (`needed_readings`), each reading bent
by the author type's way of writing (`app.storm.variation`), and each reading compiled with its
own filler. No text belongs to two templates. A post picks its reading from its author's key and
its half-minute (docs/storm.md, Variety), so an account's posts of a template in two
half-minutes read differently; the engine keeps an account from posting a template twice in one.
"""

import random
import zlib
from dataclasses import dataclass
from functools import lru_cache
from statistics import NormalDist

from app.scenarios.grammar import expand, gendered, parse
from app.scenarios.models import Channel, Gender, Inject, Persona, PostTemplate, Scenario
from app.storm.authors import Member, actor_author, author_pools, followers_for, verified_for
from app.storm.text import (
    Slots,
    compile_text,
    number_names,
    of_action,
    static_text,
    static_values,
)
from app.storm.types import Author
from app.storm.variation import vary

VARIANT_MS = 30_000  # a reading lasts a half-minute for each account
READING_TRIES = 8  # a template is read up to this many times the readings it needs
REPLY_TAIL_S = 1200  # replies to the team's last action may follow the drill's end this long
SENTIMENTS = ("negative", "neutral", "positive")
FEED_CHANNELS = (Channel.social_post, Channel.news_article)
NEGATIVE_PERSONAS = frozenset({"angry_customer", "troll", "activist"})
REACTION_CONTEXTS = frozenset({"reply_good", "reply_bad"})
MOODLESS = frozenset({"bot"})  # spam whatever the audience feels
# 2^VIRALITY_BITS quantiles of a log-normal (sigma VIRALITY_SIGMA): a post's virality, drawn as
# random bits. A wide sigma gives the heavy tail of real cascades (Goel 2016): most posts get
# next to nothing, the top 1% most of the likes.
VIRALITY_BITS = 10
VIRALITY_SIGMA = 2.0
VIRALITY = tuple(
    2.718281828459045 ** (VIRALITY_SIGMA * NormalDist().inv_cdf((i + 0.5) / (1 << VIRALITY_BITS)))
    for i in range(1 << VIRALITY_BITS)
)


@dataclass(frozen=True)
class Compiled:
    """A template's readings: per gender (None: any author), its distinct texts compiled."""

    persona: str
    sentiment: str
    context: str
    rumour: str | None
    readings: dict[bool | None, tuple[tuple, tuple]]  # (constants, fillers), as many of each
    answers: frozenset[str] = frozenset()  # a reaction's: what a statement must say to get it


def needed_readings(duration_s: int, tail_s: int) -> int:
    """Distinct readings a template needs so that no account reads it twice in a drill: one per
    half-minute of the drill and of the `tail_s` seconds of replies that may follow it."""
    return -(-(duration_s + tail_s) * 1000 // VARIANT_MS)


@dataclass(frozen=True)
class InjectPost:
    """An inject that appears in the feed, prepared: its author, text and engagement."""

    inject: Inject
    author: Author
    text: str
    sentiment: str
    likes_max: int


def engagement_base(author: Author) -> float:
    """Likes a median post of this author ends with (before virality and sentiment): a small
    share of the followers see it, and fewer like it."""
    return 0.02 * author.followers**0.8


@lru_cache(maxsize=4096)
def readings(
    text: str, persona: str, sentiment: str, language: str, tags: tuple, feminine: bool, count: int
) -> tuple[str, ...]:
    """Up to `count` distinct readings of a template, each bent by the author type's way of
    writing (fewer if READING_TRIES times as many draws do not find them); seeded by the
    template, so every drill of a scenario shares them (and the cache)."""
    rng = random.Random(f"{text}:{persona}:{language}:{feminine}")
    grammar = parse(text)
    found: dict[str, None] = {}
    for _ in range(READING_TRIES * count):
        words = expand(grammar, rng, feminine)
        found[vary(words, persona, sentiment, language, list(tags), rng)] = None
        if len(found) == count:
            break
    return tuple(found)


TEMPLATES_KEPT = 32
# (scenario, language, brand, handle) → the scenario, its slots and compiled templates: never
# changed once made, so storms of different seeds share them (in any thread).
_TEMPLATES: dict[tuple, tuple[Scenario, "Slots", list[Compiled]]] = {}


class Content:
    """The compiled templates, author pools and feed injects of one drill."""

    def __init__(
        self,
        scenario: Scenario,
        seed: int,
        language: str,
        brand: str,
        brand_handle: str,
        crowd: int = 1,
    ) -> None:
        values = static_values(scenario, language, brand, brand_handle)
        self.values = values  # the static slots' values, for texts shown outside the feed
        self.hashtags = [static_text(tag, values) for tag in scenario.hashtags.get(language)]
        self.numbers = number_names(scenario)
        self.language = language
        self.needed = needed_readings(scenario.duration, REPLY_TAIL_S)
        # The compiled templates depend on the scenario, language and brand, not on the seed:
        # drills of one scenario share them (they are nearly half of a storm's set-up).
        key = (id(scenario), language, brand, brand_handle)
        shared = _TEMPLATES.get(key)
        if shared is None or shared[0] is not scenario:
            self.slots = Slots(scenario, language, self.hashtags)
            self._claimed: set[str] = set()  # texts read by a template: none reads another's
            compiled = [self._compile(t) for t in scenario.templates.get(language)]
            if len(_TEMPLATES) >= TEMPLATES_KEPT:
                _TEMPLATES.clear()
            _TEMPLATES[key] = (scenario, self.slots, compiled)
        else:
            _, self.slots, compiled = shared
        self.storm = [c for c in compiled if c.context == "storm"]
        self.by_persona = {p.value: self._sentiment_pools(p.value) for p in Persona}
        self.rumour = {
            r.id: [c for c in compiled if c.context == "rumour" and c.rumour == r.id]
            for r in scenario.rumours
        }
        self.silence = [c for c in compiled if c.context == "silence"]
        self.reply_good = [c for c in compiled if c.context == "reply_good"]
        self.reply_bad = [c for c in compiled if c.context == "reply_bad"]
        pools = author_pools(seed, language, scenario.countries.get(language), crowd)
        self.authors: dict[str, list[Member]] = {
            persona.value: pool for persona, pool in pools.pools.items()
        }
        self.injects = self._inject_posts(scenario, seed, language, values, pools.cities)
        self.inject_times = {
            post.inject.id: second for second, posts in self.injects.items() for post in posts
        }
        self.actor_city = pools.cities[0]  # where the inject actors' follow-ups come from

    def _compile(self, template: PostTemplate) -> Compiled:
        """A template's readings for each gender its words need."""
        grammar = parse(template.text)
        if template.gender is not None:
            genders: tuple[bool | None, ...] = (template.gender is Gender.female,)
        else:
            genders = (False, True) if gendered(grammar) else (None,)
        key = (template.persona.value, template.sentiment.value, self.language)
        tags, reaction = tuple(self.hashtags), template.context.value in REACTION_CONTEXTS
        return Compiled(
            persona=template.persona.value,
            sentiment=template.sentiment.value,
            context=template.context.value,
            rumour=template.rumour,
            answers=frozenset(a.value for a in template.answers),
            readings={
                feminine: self._readings(
                    readings(template.text, *key, tags, bool(feminine), self.needed), reaction
                )
                for feminine in genders
            },
        )

    def _readings(self, texts: tuple[str, ...], reaction: bool) -> tuple[tuple, tuple]:
        """The texts no earlier template read, compiled: constants (None where a filler is
        needed) and fillers; a reaction's {time} is its action's (filled with the action's
        time). (A template whose every text another one read keeps its own.)"""
        own = [text for text in texts if text not in self._claimed] or list(texts)
        self._claimed.update(own)
        pairs = []
        for text in own:
            parts = compile_text(text, self.values, self.numbers, self.language)
            parts = of_action(parts) if reaction else parts
            filler = self.slots.filler(parts)
            pairs.append((parts[0] if filler is None else None, filler))
        return tuple(p[0] for p in pairs), tuple(p[1] for p in pairs)

    def _sentiment_pools(self, persona: str) -> tuple[list[Compiled], ...]:
        """Storm templates per sentiment for a persona, falling back to the nearest match. A
        persona without moods (bots) draws from all its templates whatever the audience feels:
        else its one template of a sentiment takes all its posts of that sentiment (a bot's
        only neutral spam, "Top 10 foods to avoid", a tenth of a product recall's feed)."""
        own = [c for c in self.storm if c.persona == persona]
        if persona in MOODLESS and own:
            return (own, own, own)
        pools = []
        for sentiment in SENTIMENTS:
            exact = [c for c in own if c.sentiment == sentiment]
            same_mood = [c for c in self.storm if c.sentiment == sentiment]
            pools.append(exact or own or same_mood or self.storm)
        return tuple(pools)

    def _inject_posts(
        self, scenario: Scenario, seed: int, language: str, values: dict, cities: list[str]
    ) -> dict[int, list[InjectPost]]:
        """The injects shown in the feed (social posts, news articles), by second."""
        found: dict[int, list[InjectPost]] = {}
        for inject in sorted(scenario.injects, key=lambda i: (i.at, i.id)):
            if inject.channel not in FEED_CHANNELS:
                continue
            rng = random.Random(seed ^ zlib.crc32(inject.id.encode()))
            persona = inject.actor.persona
            followers = 3 * followers_for(persona, rng)  # scripted actors are prominent
            author = actor_author(inject.actor, followers, verified_for(persona, followers, rng))
            parts = compile_text(inject.content.get(language), values, self.numbers, language)
            filler = self.slots.filler(parts)
            city = cities[rng.randrange(len(cities))]
            text = parts[0] if filler is None else filler(rng.random, city, inject.at * 1000)
            sentiment = "negative" if persona.value in NEGATIVE_PERSONAS else "neutral"
            likes = int(3 * engagement_base(author) * VIRALITY[rng.randrange(768, 1024)])
            found.setdefault(inject.at, []).append(
                InjectPost(inject, author, text, sentiment, likes)
            )
        return found
