"""Outcome: what the storm's audience model says the team's words achieved."""

from app.scoring.core.context import Context
from app.scoring.core.report import Metric, clamp, linear_points

METRIC_WEIGHTS = {"final_sentiment": 40.0, "peak_anger": 30.0, "recovery_s": 30.0}


def outcome(ctx: Context) -> list[Metric]:
    """Final sentiment, peak anger and time to recover; nothing when no outcome is given."""
    given = ctx.outcome
    if given is None:
        return []
    series = given.series
    angriest = max(series, key=lambda p: (p.anger or 0.0, -p.minute), default=None)
    lowest = min(series, key=lambda p: (p.sentiment, p.minute), default=None)
    last = max(series, key=lambda p: p.minute, default=None)
    target = 2 * ctx.deadline_s
    recovery_points = (
        0.0 if given.recovery_s is None else linear_points(given.recovery_s, target, 4 * target)
    )
    metrics = [
        Metric(
            name="final_sentiment",
            value=round(given.final_sentiment, 3),
            points=clamp(50 * (given.final_sentiment + 1)),
            weight=METRIC_WEIGHTS["final_sentiment"],
            evidence=[f"minute:{last.minute}"] if last else ["audience_outcome"],
            target=ctx.kpi_target("final_sentiment"),
        ),
        Metric(
            name="peak_anger",
            value=round(given.peak_anger, 3),
            points=clamp(100 * (1 - given.peak_anger)),
            weight=METRIC_WEIGHTS["peak_anger"],
            evidence=[f"minute:{angriest.minute}"]
            if angriest and angriest.anger is not None
            else ["audience_outcome"],
        ),
        Metric(
            name="recovery_s",
            value=given.recovery_s,
            points=recovery_points,
            weight=METRIC_WEIGHTS["recovery_s"],
            evidence=[f"minute:{lowest.minute}"] if lowest else ["audience_outcome"],
            target=target,
        ),
    ]
    if series:
        mean = sum(p.sentiment for p in series) / len(series)
        metrics.append(
            Metric(
                name="mean_sentiment",
                value=round(mean, 3),
                points=clamp(50 * (mean + 1)),
                weight=0.0,
                evidence=[f"minute:{lowest.minute}"] if lowest else [],
            )
        )
    return metrics
