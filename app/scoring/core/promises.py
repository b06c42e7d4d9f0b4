"""Promises kept (CERC: be credible): each update the team promised, and whether it came."""

from app.analysis import check_commitments
from app.scoring.core.context import Context
from app.scoring.core.report import Metric, clamp, ordered_evidence

WEIGHT = 10.0
NO_PROMISE_POINTS = 50.0  # never saying when the next update comes: not broken, not credible


def commitments_kept(ctx: Context, repeats: frozenset[str] = frozenset()) -> Metric | None:
    """Share of the promised updates that fell due and came (value None: nothing promised).

    A repeat of an earlier post (`repeats`) neither promises nor delivers anything new.
    """
    timeline = [(p.step.at_s, p.step.id, p.reading) for p in ctx.public if p.step.id not in repeats]
    checks = check_commitments(timeline, ctx.end_s)
    judged = [c for c in checks if c.kept is not None]
    if not timeline or (checks and not judged):
        return None
    if not checks:
        return Metric(
            name="commitments_kept",
            value=None,
            points=NO_PROMISE_POINTS,
            weight=WEIGHT,
            evidence=ordered_evidence({p.step.id for p in ctx.public}),
        )
    broken = {c.source for c in judged if not c.kept}
    kept = {i for c in judged if c.kept for i in (c.source, c.kept_by) if i}
    share = 1 - len([c for c in judged if not c.kept]) / len(judged)
    return Metric(
        name="commitments_kept",
        value=round(share, 3),
        points=clamp(100 * share),
        weight=WEIGHT,
        evidence=ordered_evidence(broken or kept),
    )
