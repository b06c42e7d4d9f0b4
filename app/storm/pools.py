"""The storm engine's lookup tables: templates as flat tuples, author and persona tables.

Built once per drill, and once more for each placement of the inject actors that a
facilitator's early firing makes: an actor's follow-up posts start when their inject appears,
and the actors travel inside the template tuples the hot loop reads.
"""

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import accumulate

from app.scenarios.models import Phase
from app.storm.authors import SKEW
from app.storm.content import Content, engagement_base
from app.storm.text import Compiled

PERSONA_TABLE = 1024
# Table cells drawn as random bits (`getrandbits`: one C call, no float, no floor): a post's
# author cell, virality cell, thread level (against the template's reply-or-quote chance) and
# thread depth cell.
AUTHOR_BITS, THREAD_BITS, DEPTH_BITS = 10, 12, 10
AUTHOR_TABLE, THREAD_LEVELS, DEPTH_CELLS = 1 << AUTHOR_BITS, 1 << THREAD_BITS, 1 << DEPTH_BITS
REPLY_CHANCE = 0.2
QUOTE_CHANCE = {"journalist": 0.25, "influencer": 0.25, "activist": 0.2, "expert": 0.15}
DEFAULT_QUOTE_CHANCE = 0.05
SENTIMENT_BOOST = {"negative": 1.5, "neutral": 1.0, "positive": 0.8}


@dataclass(frozen=True)
class Pools:
    """The template tuples the hot loop picks from, grouped as it picks them."""

    rumour: dict[str, tuple[tuple, ...]]
    reply_good: tuple[tuple, ...]
    reply_bad: tuple[tuple, ...]
    silence: tuple[tuple, ...]
    persona_tables: dict[str, tuple]  # phase id → PERSONA_TABLE cells of sentiment pools


def build_pools(content: Content, phases: list[Phase], moved_ms: Mapping[str, int]) -> Pools:
    """The tables of a drill whose injects `moved_ms` (id → millisecond) were fired early."""
    actors = _actors(content, moved_ms)
    picks: dict[str, tuple] = {}

    def fast(pool: list[Compiled], kind: str) -> tuple[tuple, ...]:
        """Templates as flat tuples: (constant text, its own filler, author table, inject actors,
        thread level, sentiment, rumour, kind, engagement boost). The thread level is the
        reply-or-quote chance out of THREAD_LEVELS; silence posts start no thread."""
        out = []
        for c in pool:
            if c.persona not in picks:
                picks[c.persona] = (_author_table(content, c.persona), actors.get(c.persona))
            chance = REPLY_CHANCE + QUOTE_CHANCE.get(c.persona, DEFAULT_QUOTE_CHANCE)
            threads = 0 if kind == "silence" else round(chance * THREAD_LEVELS)
            boost = SENTIMENT_BOOST[c.sentiment]
            table, persona_actors = picks[c.persona]
            filler = content.filler(c.parts)
            out.append(
                (c.constant, filler, table, persona_actors, threads)
                + (c.sentiment, c.rumour, kind, boost)
            )
        return tuple(out)

    storm = {
        persona: tuple(fast(pool, "storm") for pool in pools)
        for persona, pools in content.by_persona.items()
    }
    return Pools(
        rumour={rumour: fast(pool, "rumour") for rumour, pool in content.rumour.items()},
        reply_good=fast(content.reply_good, "reply_good"),
        reply_bad=fast(content.reply_bad, "reply_bad"),
        silence=fast(content.silence, "silence"),
        persona_tables={phase.id: _persona_table(storm, phase.personas) for phase in phases},
    )


def _actors(content: Content, moved_ms: Mapping[str, int]) -> dict[str, tuple]:
    """Per persona, the feed injects' actors who may follow up, by the time they appeared:
    (millisecond, author, city, engagement base)."""
    found: dict[str, list[tuple]] = {}
    for second, posts in sorted(content.injects.items()):
        for post in posts:
            at_ms = moved_ms.get(post.inject.id, second * 1000)
            entry = (at_ms, post.author, content.actor_city, engagement_base(post.author))
            found.setdefault(post.author.persona, []).append(entry)
    return {persona: tuple(sorted(found[persona], key=lambda a: a[0])) for persona in found}


def _author_table(content: Content, persona: str) -> tuple:
    """AUTHOR_TABLE cells skewed towards the pool's most active (cell i holds author
    n·((i+0.5)/AUTHOR_TABLE)^SKEW); one tuple per author, shared by its cells, so the tables
    stay small enough for the processor's cache."""
    pool = content.authors[persona]
    size = len(pool.authors)
    entries = list(zip(pool.authors, pool.cities, pool.bases, strict=True))
    return tuple(
        entries[min(size - 1, int(size * ((i + 0.5) / AUTHOR_TABLE) ** SKEW))]
        for i in range(AUTHOR_TABLE)
    )


def _persona_table(storm: dict[str, tuple], weights: dict) -> tuple:
    """PERSONA_TABLE cells, each a persona's (negative, neutral, positive) template pools, in
    proportion to the phase's persona weights: one uniform picks a persona by indexing."""
    chosen = [(p.value, w) for p, w in weights.items() if w > 0] or [("angry_customer", 1.0)]
    total = sum(w for _p, w in chosen)
    cuts = list(accumulate(w / total for _p, w in chosen))
    return tuple(
        storm[chosen[min(bisect_right(cuts, (i + 0.5) / PERSONA_TABLE), len(cuts) - 1)][0]]
        for i in range(PERSONA_TABLE)
    )
