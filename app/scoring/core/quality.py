"""Message quality: be right, be credible, express empathy, promote action, show respect (CERC)."""

from collections import defaultdict
from functools import cached_property

from app.analysis import near_duplicate, spam_bursts
from app.scoring.core import meaning
from app.scoring.core.accuracy import accuracy, consistency
from app.scoring.core.context import Context
from app.scoring.core.promises import commitments_kept
from app.scoring.core.report import Metric, clamp, ordered_evidence
from app.scoring.core.scct import strategy_fit
from app.scoring.core.text import is_thread_part
from app.scoring.core.tone import NEGATIVE, NEUTRAL
from app.scoring.core.voice import NON_APOLOGY

# Accuracy (40) and consistency (10) are in accuracy.py; docs/scoring.md gives the reasons.
METRIC_WEIGHTS = {
    "key_message_coverage": 20.0,
    "tone": 20.0,
    "network_fit": 5.0,
    "repetition": 15.0,
}
NETWORK_LIMIT = 280
DUPLICATE_LOOKBACK = 20  # a post is compared with this many earlier posts


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
            if message.reading.placeholders:
                # A template pasted with its slots unfilled carries nothing the audience can use.
                carried: list[tuple[str, str]] = []
            else:
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
        """Mean tone score of the messages; evidence: penalised posts, else the best ones. With
        no message, no tone was shown: no value, no points.

        A message with nothing checkable in it counts only against the team: its capped,
        neutral tone must not dilute the tone of what the team did say.
        """
        posts = self.ctx.messages
        judged = [p for p in posts if p.reading.substantive or p.tone.score < NEUTRAL] or posts
        mean = sum(p.tone.score for p in judged) / len(judged) if judged else None
        flawed = [p for p in posts if set(p.tone.labels) & {*NEGATIVE, NON_APOLOGY}]
        shown = flawed or sorted(posts, key=lambda p: (-p.tone.score, p.step.index))[:3]
        return Metric(
            name="tone",
            value=round(mean, 1) if mean is not None else None,
            points=clamp(mean) if mean is not None else 0.0,
            weight=METRIC_WEIGHTS["tone"],
            evidence=ordered_evidence({i for p in shown for i in p.ids}),
        )

    def network_fit(self) -> Metric | None:
        """Share of the posts that say something that fit one post (280 characters) or say they
        are part of a thread: empty posts, short by nature, must not dilute the long ones."""
        posts = self.ctx.speaking
        if not posts:
            return None
        misfits = [p for p in posts if not fits_network(p.step.action.text or "")]
        share = 1 - len(misfits) / len(posts)
        return Metric(
            name="network_fit",
            value=round(share, 3),
            points=clamp(100 * share),
            weight=METRIC_WEIGHTS["network_fit"],
            evidence=ordered_evidence({p.step.id for p in misfits or posts}),
        )

    @cached_property
    def repeats(self) -> dict[str, str]:
        """Action id -> why it is a repeat: `duplicate` of an earlier post, part of a `burst`, or
        `empty`: a post that says nothing (a ".", an "ok") adds nothing new either."""
        posts = self.ctx.public
        speaking = {p.step.id for p in self.ctx.speaking}
        found: dict[str, str] = {p.step.id: "empty" for p in posts if p.step.id not in speaking}
        for index, post in enumerate(posts):
            earlier = [p.reading.folded for p in posts[max(0, index - DUPLICATE_LOOKBACK) : index]]
            if near_duplicate(post.reading.folded, earlier) is not None:
                found.setdefault(post.step.id, "duplicate")
        for index in spam_bursts([p.step.at_s for p in posts]):
            found.setdefault(posts[index].step.id, "burst")
        return found

    def repetition(self) -> Metric | None:
        """Share of posts that are neither near-duplicates of earlier ones nor part of a burst."""
        posts = self.ctx.public
        if not posts:
            return None
        share = 1 - len(self.repeats) / len(posts)
        return Metric(
            name="repetition",
            value=round(share, 3),
            points=clamp(100 * share),
            weight=METRIC_WEIGHTS["repetition"],
            evidence=ordered_evidence(set(self.repeats) or {p.step.id for p in posts}),
        )

    def metrics(self) -> list[Metric]:
        """Every message-quality metric that applies to the record."""
        found = [
            self.coverage(),
            self.tone(),
            strategy_fit(self.ctx),
            accuracy(self.ctx),
            consistency(self.ctx),
            commitments_kept(self.ctx, frozenset(self.repeats)),
            self.network_fit(),
            self.repetition(),
        ]
        return [m for m in found if m is not None]


def fits_network(text: str) -> bool:
    """At most 280 characters, or announced as part of a thread."""
    return len(text) <= NETWORK_LIMIT or is_thread_part(text)
