"""The storm engine's lookup tables: templates as flat tuples, author and persona tables.

Built once per drill, and once more for each placement of the inject actors that a
facilitator's early firing makes: an actor's follow-up posts start when their inject appears,
and the actors travel inside the template tuples the hot loop reads. Per phase: the cast grows
with the volume (a share of each persona's accounts is active from the start, the rest joins as
the storm builds), and accounts with a cadence (newsrooms, reporters, authorities) are capped to
a few posts an hour each.
"""

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import accumulate

from app.scenarios.models import Persona, Phase
from app.storm.authors import PROFILES, Member
from app.storm.content import Compiled, Content, engagement_base
from app.storm.volume import shape_value

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
PERSONA_BOOST = {"bot": 0.05, "troll": 0.5}  # few people like a bot's post
# Posts an hour each active account of these personas makes at most, on average.
CADENCE_PER_HOUR = {"journalist": 3.0, "regulator": 1.5, "influencer": 4.0, "expert": 2.0}
ACTIVE_FLOOR = 0.2  # share of a persona's accounts active from the start
# In the rumour and silence pools (picked template first), a persona with a cadence counts once
# and the crowd's personas CROWD_WEIGHT times, so newsrooms do not post every other rumour.
CROWD_WEIGHT = 8


@dataclass(frozen=True)
class Pools:
    """The template tuples the hot loop picks from, grouped as it picks them."""

    rumour: dict[str, tuple[tuple, ...]]
    reply_good: tuple[tuple, ...]
    reply_bad: tuple[tuple, ...]
    silence: tuple[tuple, ...]
    persona_tables: dict[str, tuple]  # phase id → PERSONA_TABLE cells of sentiment pools


class _Builder:
    """Template tuples for one set of active accounts (a phase's, or the whole cast)."""

    def __init__(
        self,
        content: Content,
        actors: dict[str, tuple],
        active: float,
        shared: tuple[dict[int, int], dict[int, tuple]],
    ) -> None:
        self.content, self.actors, self.active = content, actors, active
        # Shared by every builder of a drill: one number per template reading list, and one
        # entry per account (built once, not once per phase: 51,000 accounts at 200x volume).
        self.uids, self.entries = shared
        self.tables: dict[tuple[str, bool | None], tuple] = {}
        self.members: dict[tuple[str, bool | None], tuple] = {}  # each table's accounts, once

    def entry(self, member: Member) -> tuple:
        """What the hot loop reads of an author: (author, town, engagement base, variety key),
        one tuple per author however many tables hold it."""
        found = self.entries.get(member.key)
        if found is None:
            found = self.entries[member.key] = (
                member.author,
                member.city,
                engagement_base(member.author),
                member.key,
            )
        return found

    def table(self, persona: str, feminine: bool | None) -> tuple:
        """AUTHOR_TABLE cells over the active accounts, skewed per persona (cell i holds
        account n·((i+0.5)/AUTHOR_TABLE)^skew), one shared tuple per account."""
        key = (persona, feminine)
        if key not in self.tables:
            members = self.content.authors[persona]
            active = members[: max(1, round(len(members) * self.active))]
            chosen = [m for m in active if feminine is None or m.feminine is feminine] or active
            skew = PROFILES[Persona(persona)][4]
            entries = [self.entry(m) for m in chosen]
            size = len(entries)
            self.members[key] = tuple(entries)
            self.tables[key] = tuple(
                entries[min(size - 1, int(size * ((i + 0.5) / AUTHOR_TABLE) ** skew))]
                for i in range(AUTHOR_TABLE)
            )
        return self.tables[key]

    def fast(self, pool: list[Compiled], kind: str) -> tuple[tuple, ...]:
        """Templates as flat tuples, one per gender reading: (constant texts, fillers, author
        table, inject actors, thread level, sentiment, rumour, kind, engagement boost, template
        number, readings, turns, the table's accounts by the half-minutes they may read the
        template in, each once: account (key + number) mod turns, answers). The thread level is the
        reply-or-quote chance out of THREAD_LEVELS; silence posts start no thread; a reaction's
        answers (what a statement must say for it, empty: any) come last. A template
        with fewer readings than the drill's half-minutes has turns > 1: each account may read
        it in one half-minute out of that many only."""
        out = []
        for c in pool:
            chance = REPLY_CHANCE + QUOTE_CHANCE.get(c.persona, DEFAULT_QUOTE_CHANCE)
            threads = 0 if kind == "silence" else round(chance * THREAD_LEVELS)
            boost = SENTIMENT_BOOST[c.sentiment] * PERSONA_BOOST.get(c.persona, 1.0)
            for feminine, (consts, fillers) in c.readings.items():
                # Inject actors follow up in the ambient storm only, not by repeating a rumour.
                ambient = feminine is None and kind == "storm"
                actors = self.actors.get(c.persona) if ambient else None
                table = self.table(c.persona, feminine)
                entry = (consts, fillers, table, actors, threads)
                entry += (c.sentiment, c.rumour, kind, boost)
                size = len(consts)
                entry += (self.uids.setdefault(id(consts), len(self.uids)), size)
                turns = -(-self.content.needed // size)
                entry += (turns, _by_turn(self.members[(c.persona, feminine)], entry[9], turns))
                entry += (c.answers,)
                crowd = kind in ("rumour", "silence") and c.persona not in CADENCE_PER_HOUR
                out.extend([entry] * (CROWD_WEIGHT if crowd else 1))
        return tuple(out)


def build_pools(content: Content, phases: list[Phase], moved_ms: Mapping[str, int]) -> Pools:
    """The tables of a drill whose injects `moved_ms` (id → millisecond) were fired early."""
    actors = _actors(content, moved_ms)
    volumes = [_phase_posts(phase) for phase in phases]
    total = sum(volumes) or 1.0
    shared: tuple[dict[int, int], dict[int, tuple]] = ({}, {})
    whole = _Builder(content, actors, 1.0, shared)
    persona_tables = {}
    for phase, done in zip(phases, accumulate(volumes), strict=True):
        active = ACTIVE_FLOOR + (1 - ACTIVE_FLOOR) * done / total
        builder = _Builder(content, actors, active, shared)
        storm = {
            persona: tuple(builder.fast(pool, "storm") for pool in pools)
            for persona, pools in content.by_persona.items()
        }
        weights = _capped(phase, builder.active, content)
        persona_tables[phase.id] = _persona_table(storm, weights)
    return Pools(
        rumour={rumour: whole.fast(pool, "rumour") for rumour, pool in content.rumour.items()},
        reply_good=whole.fast(content.reply_good, "reply_good"),
        reply_bad=whole.fast(content.reply_bad, "reply_bad"),
        silence=whole.fast(content.silence, "silence"),
        persona_tables=persona_tables,
    )


def _by_turn(members: tuple, uid: int, turns: int) -> tuple[tuple, ...]:
    """The accounts that may read template `uid` in a half-minute h, at h mod `turns`."""
    groups: list[list] = [[] for _ in range(turns)]
    for member in members:
        groups[(member[3] + uid) % turns].append(member)
    return tuple(map(tuple, groups))


def _phase_posts(phase: Phase) -> float:
    """About how many posts a phase makes (its mean rate times its length), before attention."""
    v = phase.volume
    samples = [shape_value(v.shape, v.start_per_min, v.end_per_min, i / 20) for i in range(21)]
    return sum(samples) / len(samples) * (phase.end - phase.start) / 60


def _capped(phase: Phase, active: float, content: Content) -> dict[str, float]:
    """The phase's persona weights, those with a cadence capped to their accounts' rate."""
    total = sum(w for w in phase.personas.values() if w > 0) or 1.0
    per_hour = 60 * _phase_posts(phase) / max(1e-9, (phase.end - phase.start) / 60)
    weights = {}
    for persona, weight in phase.personas.items():
        share = weight / total
        cadence = CADENCE_PER_HOUR.get(persona.value)
        if cadence is not None and per_hour > 0:
            accounts = max(1, round(len(content.authors[persona.value]) * active))
            share = min(share, accounts * cadence / per_hour)
        weights[persona.value] = share
    return weights


def _actors(content: Content, moved_ms: Mapping[str, int]) -> dict[str, tuple]:
    """Per persona, the feed injects' actors who may follow up, by the time they appeared:
    (millisecond, author, city, engagement base, variety key)."""
    found: dict[str, list[tuple]] = {}
    for second, posts in sorted(content.injects.items()):
        for post in posts:
            at_ms = moved_ms.get(post.inject.id, second * 1000)
            key = sum(map(ord, post.author.handle)) * 7919
            entry = (at_ms, post.author, content.actor_city, engagement_base(post.author), key)
            found.setdefault(post.author.persona, []).append(entry)
    return {persona: tuple(sorted(found[persona], key=lambda a: a[0])) for persona in found}


def _persona_table(storm: dict[str, tuple], weights: dict[str, float]) -> tuple:
    """PERSONA_TABLE cells, each a persona's (negative, neutral, positive) template pools, in
    proportion to the phase's persona weights: one uniform picks a persona by indexing."""
    chosen = [(p, w) for p, w in weights.items() if w > 0] or [("angry_customer", 1.0)]
    total = sum(w for _p, w in chosen)
    cuts = list(accumulate(w / total for _p, w in chosen))
    return tuple(
        storm[chosen[min(bisect_right(cuts, (i + 0.5) / PERSONA_TABLE), len(cuts) - 1)][0]]
        for i in range(PERSONA_TABLE)
    )
