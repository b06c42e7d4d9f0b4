"""Everything a drill's posts are drawn from, prepared once: templates, authors, injects.

Template pools are grouped the way the engine picks them (persona × sentiment for the ambient
storm, per rumour, silence, reply_good, reply_bad); author pools carry each author's city and
engagement base in parallel lists so the hot loop only indexes lists.
"""

import random
import zlib
from dataclasses import dataclass
from statistics import NormalDist

from app.scenarios.models import Channel, Inject, Persona, Scenario
from app.storm.authors import AuthorPools, actor_author, followers_for, verified_for
from app.storm.text import (
    Compiled,
    compile_template,
    compile_text,
    make_filler,
    make_specialiser,
    static_text,
    static_values,
)
from app.storm.types import Author

SENTIMENTS = ("negative", "neutral", "positive")
FEED_CHANNELS = (Channel.social_post, Channel.news_article)
NEGATIVE_PERSONAS = frozenset({"angry_customer", "troll", "activist"})
# 2^VIRALITY_BITS quantiles of a log-normal (sigma 1): a post's virality, drawn as random bits.
VIRALITY_BITS = 8
VIRALITY = tuple(
    2.718281828459045 ** NormalDist().inv_cdf((i + 0.5) / (1 << VIRALITY_BITS))
    for i in range(1 << VIRALITY_BITS)
)


@dataclass(frozen=True)
class AuthorPool:
    """One persona's authors, with their cities and engagement bases, index-aligned."""

    authors: list[Author]
    cities: list[str]
    bases: list[float]


@dataclass(frozen=True)
class InjectPost:
    """An inject that appears in the feed, prepared: its author, text and engagement."""

    inject: Inject
    author: Author
    text: str
    sentiment: str
    likes_max: int


def engagement_base(author: Author) -> float:
    """Likes a typical post of this author ends with (before virality and sentiment)."""
    return 2.0 + author.followers**0.5


class Content:
    """The compiled templates, author pools and feed injects of one drill."""

    def __init__(
        self, scenario: Scenario, seed: int, language: str, brand: str, brand_handle: str
    ) -> None:
        values = static_values(scenario, language, brand, brand_handle)
        self.values = values  # the static slots' values, for texts shown outside the feed
        compiled = [compile_template(t, values) for t in scenario.templates.get(language)]
        self.hashtags = [static_text(tag, values) for tag in scenario.hashtags.get(language)]
        self.fill = make_filler(language, self.hashtags)
        self.filler = make_specialiser(language, self.hashtags)
        self.storm = [c for c in compiled if c.context == "storm"]
        self.by_persona = {p.value: self._sentiment_pools(p.value) for p in Persona}
        self.rumour = {
            r.id: [c for c in compiled if c.context == "rumour" and c.rumour == r.id]
            for r in scenario.rumours
        }
        self.silence = [c for c in compiled if c.context == "silence"]
        self.reply_good = [c for c in compiled if c.context == "reply_good"]
        self.reply_bad = [c for c in compiled if c.context == "reply_bad"]
        pools = AuthorPools(seed, language)
        self.authors = {
            persona.value: AuthorPool(
                authors=pool,
                cities=[pools.author_cities[a.handle] for a in pool],
                bases=[engagement_base(a) for a in pool],
            )
            for persona, pool in pools.pools.items()
        }
        self.injects = self._inject_posts(scenario, seed, language, values, pools.cities)
        self.inject_times = {
            post.inject.id: second for second, posts in self.injects.items() for post in posts
        }
        self.actor_city = pools.cities[0]  # where the inject actors' follow-ups come from

    def _sentiment_pools(self, persona: str) -> tuple[list[Compiled], ...]:
        """Storm templates per sentiment for a persona, falling back to the nearest match."""
        own = [c for c in self.storm if c.persona == persona]
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
            parts = compile_text(inject.content.get(language), values)
            text = self.fill(parts, rng.random, cities[rng.randrange(len(cities))])
            sentiment = "negative" if persona.value in NEGATIVE_PERSONAS else "neutral"
            likes = int(3 * engagement_base(author) * VIRALITY[rng.randrange(128, 256)])
            found.setdefault(inject.at, []).append(
                InjectPost(inject, author, text, sentiment, likes)
            )
        return found
