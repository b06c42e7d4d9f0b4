"""Be right (CERC): accuracy and consistency from the analysis's stances, and the critical errors.

A critical error is an HSEEP critical task failed: confirming a false rumour, contradicting a
safety fact, publishing a template with its placeholders unfilled. docs/scoring.md.
"""

from collections import defaultdict
from dataclasses import dataclass

from app.analysis import Stance
from app.analysis.frame import safety_claims
from app.scoring.core.context import Context, PublicText
from app.scoring.core.report import Metric, clamp, ordered_evidence

WEIGHTS = {"accuracy": 40.0, "consistency": 10.0}
INACCURACY_PENALTY = 50.0
HEDGED_SHARE = 0.5  # "we are checking whether X" about a rumour costs half a flat "X"
CONFLICT_PENALTY = 35.0


@dataclass(frozen=True)
class Critical:
    """A critical error: its kind, the dimensions it caps, and its evidence."""

    kind: str
    dimensions: tuple[str, ...]
    evidence: tuple[str, ...]


def wrong_stances(post: PublicText) -> list[Stance]:
    """What a post gets wrong: any rumour affirmed (hedged or not), any fact flatly denied."""
    return [
        s
        for s in post.reading.stances
        if (s.claim_id.startswith("rumour:") and s.label == "affirms")
        or (s.claim_id.startswith("fact:") and s.label == "denies" and not s.hedged)
    ]


def accuracy(ctx: Context) -> Metric | None:
    """Posts that contradict the scenario's facts or state a rumour as true; None with no
    facts or rumours to check, or no post to check them in (silence is not accuracy)."""
    if not ctx.frame.claims or not ctx.public:
        return None
    evidence: set[str] = set()
    wrong, penalty = 0, 0.0
    for post in ctx.public:
        stances = wrong_stances(post)
        if stances:
            wrong += 1
            hedged = all(s.hedged for s in stances)
            penalty += INACCURACY_PENALTY * (HEDGED_SHARE if hedged else 1.0)
            evidence |= {post.step.id, *(s.claim_id for s in stances)}
    return Metric(
        name="accuracy",
        value=wrong,
        points=clamp(100 - penalty),
        weight=WEIGHTS["accuracy"],
        evidence=ordered_evidence(evidence or {p.step.id for p in ctx.public}),
    )


def consistency(ctx: Context) -> Metric | None:
    """Pairs of posts taking opposite, unhedged stances on the same fact or rumour."""
    if len(ctx.public) < 2:
        return None
    said: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for post in ctx.public:
        for s in post.reading.stances:
            if s.label != "silent" and not s.hedged:
                said[s.claim_id][s.label].append(post.step.id)
    conflicts = {
        (a, d) for labels in said.values() for a in labels["affirms"] for d in labels["denies"]
    }
    return Metric(
        name="consistency",
        value=len(conflicts),
        points=clamp(100 - CONFLICT_PENALTY * len(conflicts)),
        weight=WEIGHTS["consistency"],
        evidence=ordered_evidence(
            {i for pair in conflicts for i in pair} or {p.step.id for p in ctx.public}
        ),
    )


def critical_errors(ctx: Context) -> list[Critical]:
    """Every critical error of the record, one per post and kind, in time order."""
    safety = safety_claims(ctx.frame)
    found: list[Critical] = []
    for post in ctx.public:
        for s in post.reading.stances:
            if s.claim_id.startswith("rumour:") and s.label == "affirms" and not s.hedged:
                dims = ("message_quality", "rumour_control")
                found.append(Critical("false_rumour_confirmed", dims, (post.step.id, s.claim_id)))
            elif s.claim_id in safety and s.label == "denies" and not s.hedged:
                dims = ("message_quality",)
                found.append(Critical("safety_fact_contradicted", dims, (post.step.id, s.claim_id)))
        if post.reading.placeholders:
            found.append(Critical("unfilled_placeholder", ("message_quality",), (post.step.id,)))
    return found
