"""Message quality: be right, be credible, express empathy, promote action, show respect (CERC)."""

from collections import defaultdict
from functools import cached_property

from app.scoring.core import meaning
from app.scoring.core.context import Context, PublicText
from app.scoring.core.report import Metric, clamp, ordered_evidence
from app.scoring.core.scct import strategy_fit
from app.scoring.core.text import Analysed, is_thread_part
from app.scoring.core.tone import NEGATIVE, cue_matches

METRIC_WEIGHTS = {
    "key_message_coverage": 25.0,
    "tone": 25.0,
    "accuracy": 20.0,
    "consistency": 10.0,
    "network_fit": 10.0,
}
INACCURACY_PENALTY = 40.0
CONFLICT_PENALTY = 35.0
NETWORK_LIMIT = 280
CONSISTENCY_JACCARD = 0.5


class MessageQuality:
    """The message-quality metrics of a record, and the per-statement key-message matches."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @cached_property
    def matches(self) -> dict[str, list[tuple[str, str]]]:
        """Action id -> the (key message id, kind) pairs its message carries by meaning.

        Every part of a thread gets the matches of the whole thread.
        """
        found: dict[str, list[tuple[str, str]]] = {}
        for message in self.ctx.messages:
            carried = [
                (km_id, kind)
                for km_id, kind, km_text in self.ctx.key_messages
                if meaning.carries_key_message(message.text, km_text, kind) is not None
            ]
            for action_id in message.ids:
                found[action_id] = carried
        return found

    def coverage(self) -> Metric:
        """Share of the plan's key-message kinds the team's posts carried."""
        kinds = sorted({kind for _id, kind, _text in self.ctx.key_messages})
        used: dict[str, set[str]] = defaultdict(set)
        for action_id, pairs in self.matches.items():
            for km_id, kind in pairs:
                used[kind] |= {action_id, f"key_message:{km_id}"}
        share = len([k for k in kinds if used[k]]) / len(kinds) if kinds else 0.0
        missing = {f"key_message:{i}" for i, kind, _t in self.ctx.key_messages if not used[kind]}
        return Metric(
            name="key_message_coverage",
            value=round(share, 3),
            points=clamp(100 * share),
            weight=METRIC_WEIGHTS["key_message_coverage"] if kinds else 0.0,
            evidence=ordered_evidence(set().union(missing, *used.values())),
            target=self.ctx.kpi_target("key_message_coverage"),
        )

    def tone(self) -> Metric:
        """Mean tone score of the messages; evidence: penalised posts, else the best ones."""
        posts = self.ctx.messages
        mean = sum(p.tone.score for p in posts) / len(posts) if posts else 0.0
        flawed = [p for p in posts if set(p.tone.labels) & set(NEGATIVE)]
        shown = flawed or sorted(posts, key=lambda p: (-p.tone.score, p.step.index))[:3]
        return Metric(
            name="tone",
            value=round(mean, 1),
            points=clamp(mean),
            weight=METRIC_WEIGHTS["tone"],
            evidence=ordered_evidence({i for p in shown for i in p.ids}),
        )

    def accuracy(self) -> Metric | None:
        """Posts that contradict the scenario's facts or repeat a rumour as true."""
        scenario = self.ctx.record.scenario
        if not scenario.facts and not scenario.rumours:
            return None
        facts = [(f"fact:{f.id}", self.ctx.analysed(f.text)) for f in scenario.facts]
        rumours = [(f"rumour:{r.id}", self.ctx.rumour_claims[r.id]) for r in scenario.rumours]
        wrong: set[str] = set()
        evidence: set[str] = set()
        for post in self.ctx.public:
            declared = post.step.action.kind == "correct_rumour"
            hits = [fid for fid, fact in facts if meaning.contradicts(post.text, fact)]
            if not declared:
                hits += [rid for rid, r in rumours if meaning.repeats_as_true(post.text, r)]
            if hits:
                wrong.add(post.step.id)
                evidence |= {post.step.id, *hits}
        return Metric(
            name="accuracy",
            value=len(wrong),
            points=clamp(100 - INACCURACY_PENALTY * len(wrong)),
            weight=METRIC_WEIGHTS["accuracy"],
            evidence=ordered_evidence(evidence or self._all_posts()),
        )

    def _all_posts(self) -> set[str]:
        """Every public post's id: the evidence when a check found nothing wrong."""
        return {p.step.id for p in self.ctx.public}

    def _clauses(self) -> list[tuple[PublicText, Analysed]]:
        """Every assertive clause of every post (hedged "we don't know yet" clauses left out)."""
        found = []
        for post in self.ctx.public:
            for clause in meaning.clauses(post.text):
                if len(clause.stems) >= 2 and not cue_matches(clause, "aspect:unknown"):
                    found.append((post, clause))
        return found

    def consistency(self) -> Metric | None:
        """Pairs of posts that say opposite things about the same subject."""
        if len(self.ctx.public) < 2:
            return None
        conflicts, evidence = _conflicting_pairs(self._clauses())
        return Metric(
            name="consistency",
            value=conflicts,
            points=clamp(100 - CONFLICT_PENALTY * conflicts),
            weight=METRIC_WEIGHTS["consistency"],
            evidence=ordered_evidence(evidence or self._all_posts()),
        )

    def network_fit(self) -> Metric | None:
        """Share of posts that fit one post (280 characters) or say they are part of a thread."""
        posts = self.ctx.public
        if not posts:
            return None
        misfits = [p for p in posts if not fits_network(p.step.action.text or "")]
        share = 1 - len(misfits) / len(posts)
        return Metric(
            name="network_fit",
            value=round(share, 3),
            points=clamp(100 * share),
            weight=METRIC_WEIGHTS["network_fit"],
            evidence=ordered_evidence({p.step.id for p in misfits} or self._all_posts()),
        )

    def metrics(self) -> list[Metric]:
        """Every message-quality metric that applies to the record."""
        found = [
            self.coverage(),
            self.tone(),
            strategy_fit(self.ctx),
            self.accuracy(),
            self.consistency(),
            self.network_fit(),
        ]
        return [m for m in found if m is not None]


def fits_network(text: str) -> bool:
    """At most 280 characters, or announced as part of a thread."""
    return len(text) <= NETWORK_LIMIT or is_thread_part(text)


Signature = tuple[frozenset[str], bool]


def _opposed(clauses: list[Signature]) -> set[tuple[int, int]]:
    """Pairs of distinct clauses sharing two stems and half their terms, one of them negated."""
    index: dict[str, list[int]] = defaultdict(list)
    for number, (stems, _negated) in enumerate(clauses):
        for stem in stems:
            index[stem].append(number)
    opposed = set()
    for number, (stems, negated) in enumerate(clauses):
        shared: dict[int, int] = defaultdict(int)
        for stem in stems:
            for other in index[stem]:
                if other > number:
                    shared[other] += 1
        for other, count in shared.items():
            other_stems, other_negated = clauses[other]
            union = len(stems | other_stems)
            if count >= 2 and count / union >= CONSISTENCY_JACCARD and negated != other_negated:
                opposed.add((number, other))
    return opposed


def _conflicting_pairs(found: list[tuple[PublicText, Analysed]]) -> tuple[int, set[str]]:
    """How many pairs of posts contradict each other, and the posts involved.

    Repeated clauses are compared once and posts saying the same clauses are counted in groups,
    so a record repeating a few posts thousands of times costs what the few posts cost.
    """
    signatures: dict[Signature, int] = {}
    said: dict[str, set[int]] = defaultdict(set)
    for post, clause in found:
        number = signatures.setdefault((clause.stems, clause.negated), len(signatures))
        said[post.step.id].add(number)
    profiles: dict[frozenset[int], list[str]] = defaultdict(list)
    for post_id, numbers in said.items():
        profiles[frozenset(numbers)].append(post_id)
    holders: dict[int, list[frozenset[int]]] = defaultdict(list)
    for profile in profiles:
        for number in profile:
            holders[number].append(profile)
    pairs = {
        tuple(sorted((a, b), key=sorted))
        for first, second in _opposed(list(signatures))
        for a in holders[first]
        for b in holders[second]
    }
    count, evidence = 0, set()
    for a, b in pairs:
        posts_a, posts_b = profiles[a], profiles[b]
        size_a, size_b = len(posts_a), len(posts_b)
        found_here = size_a * (size_a - 1) // 2 if a == b else size_a * size_b
        if found_here:
            count += found_here
            evidence.update(posts_a, posts_b)
    return count, evidence
