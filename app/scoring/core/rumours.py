"""Rumour control: be right, and be first to correct what is false (CERC)."""

import math

from app.record import Rumour
from app.scoring.core.context import Context, denies
from app.scoring.core.report import Metric, clamp, linear_points, ordered_evidence

LATE_FLOOR = 20.0  # a correction, however late, is worth this much
FLAGGED_ONLY = 10.0  # spotted and flagged internally, never corrected publicly


def horizon_s(ctx: Context) -> float:
    """Rumours appearing after the drill's stated duration are not held against the team."""
    return ctx.record.duration_s or ctx.record.scenario.duration_s or math.inf


def corrections(ctx: Context, rumour: Rumour) -> tuple[list[tuple[float, str]], list[str]]:
    """(latency, action id) of each correction, and the ids of ineffective declared ones.

    Only a text that denies the rumour, without hedging, corrects it: declaring a post a
    correction proves nothing (one that affirms the rumour is a critical error, accuracy.py).
    """
    good: list[tuple[float, str]] = []
    ineffective: list[str] = []
    for post in ctx.public:
        declared = (
            post.step.action.kind == "correct_rumour" and post.step.action.rumour == rumour.id
        )
        if denies(post.reading, rumour.id):
            good.append((max(0.0, post.step.at_s - rumour.appears_at_s), post.step.id))
        elif declared:
            ineffective.append(post.step.id)
    return good, ineffective


def _flagged(ctx: Context, rumour: Rumour) -> str | None:
    return next(
        (
            s.id
            for s in ctx.steps
            if s.action.kind == "flag_rumour" and s.action.rumour == rumour.id
        ),
        None,
    )


def rumour_points(latency: float, target: float) -> float:
    """100 within the target, falling to the late floor at four times the target."""
    return clamp(LATE_FLOOR + (100 - LATE_FLOOR) * linear_points(latency, target, 4 * target) / 100)


def rumour_control(ctx: Context) -> list[Metric]:
    """One metric per rumour (its best correction) and the count never corrected."""
    rumours = [r for r in ctx.record.scenario.rumours if r.appears_at_s <= horizon_s(ctx)]
    metrics: list[Metric] = []
    uncorrected: set[str] = set()
    for rumour in rumours:
        good, ineffective = corrections(ctx, rumour)
        evidence = {f"rumour:{rumour.id}", *ineffective}
        if good:
            latency, action_id = min(good)
            points, value = rumour_points(latency, ctx.rumour_target_s), round(latency, 1)
            evidence.add(action_id)
        else:
            flag = _flagged(ctx, rumour)
            points, value = (FLAGGED_ONLY if flag else 0.0), None
            evidence |= {flag} if flag else set()
            uncorrected |= {f"rumour:{rumour.id}", *ineffective}
        metrics.append(
            Metric(
                name="rumour_correction_s",
                value=value,
                points=points,
                weight=1.0,
                evidence=ordered_evidence(evidence),
                target=ctx.rumour_target_s,
                subject=f"rumour:{rumour.id}",
            )
        )
    if rumours:
        never = len([i for i in uncorrected if i.startswith("rumour:")])
        metrics.append(
            Metric(
                name="rumours_uncorrected",
                value=never,
                points=clamp(100 * (1 - never / len(rumours))),
                weight=0.0,
                evidence=ordered_evidence(uncorrected or {f"rumour:{r.id}" for r in rumours}),
            )
        )
    return metrics
