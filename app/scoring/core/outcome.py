"""Outcome: what the storm's audience model says the team's words achieved."""

from app.record import AudienceOutcome, OutcomePoint
from app.scoring.core.context import Context
from app.scoring.core.report import Metric, clamp, linear_points

METRIC_WEIGHTS = {"final_sentiment": 40.0, "peak_anger": 30.0, "recovery_s": 30.0}
WHOLE_OUTCOME = "audience_outcome"  # the evidence when there is no per-minute series


def _minute(point: OutcomePoint | None) -> list[str]:
    return [f"minute:{point.minute}"] if point is not None else [WHOLE_OUTCOME]


def _series_metric(series: list[OutcomePoint], lowest: OutcomePoint | None) -> Metric:
    mean = sum(p.sentiment for p in series) / len(series)
    return Metric(
        name="mean_sentiment",
        value=round(mean, 3),
        points=clamp(50 * (mean + 1)),
        weight=0.0,
        evidence=_minute(lowest),
    )


def _recovery(ctx: Context, given: AudienceOutcome, lowest: OutcomePoint | None) -> Metric:
    target = 2 * ctx.deadline_s
    points = (
        0.0 if given.recovery_s is None else linear_points(given.recovery_s, target, 4 * target)
    )
    return Metric(
        name="recovery_s",
        value=given.recovery_s,
        points=points,
        weight=METRIC_WEIGHTS["recovery_s"],
        evidence=_minute(lowest),
        target=target,
    )


def outcome(ctx: Context) -> list[Metric]:
    """Final sentiment, peak anger and time to recover; nothing when no outcome is given."""
    given = ctx.outcome
    if given is None:
        return []
    series = given.series
    angry = [p for p in series if p.anger is not None]
    angriest = max(angry, key=lambda p: (p.anger, -p.minute), default=None)
    lowest = min(series, key=lambda p: (p.sentiment, p.minute), default=None)
    last = max(series, key=lambda p: p.minute, default=None)
    metrics = [
        Metric(
            name="final_sentiment",
            value=round(given.final_sentiment, 3),
            points=clamp(50 * (given.final_sentiment + 1)),
            weight=METRIC_WEIGHTS["final_sentiment"],
            evidence=_minute(last),
            target=ctx.kpi_target("final_sentiment"),
        ),
        Metric(
            name="peak_anger",
            value=round(given.peak_anger, 3),
            points=clamp(100 * (1 - given.peak_anger)),
            weight=METRIC_WEIGHTS["peak_anger"],
            evidence=_minute(angriest),
        ),
        _recovery(ctx, given, lowest),
    ]
    return metrics + ([_series_metric(series, lowest)] if series else [])
