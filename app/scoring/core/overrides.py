"""Trainer overrides applied to a score report (a plain dict), keeping the computed values.

Keys: a dimension's key (`"responsiveness"`) overrides its 0..100 score; a metric's key
(`"responsiveness.time_to_first_response_s"`, with `"@subject"` when the metric has one)
overrides the points that metric earns. A dimension's score is then the weighted mean of its
metrics' points, overridden ones included, unless the dimension itself is overridden; the
overall is the weighted mean of the dimensions, exactly as the scorer computes it: a critical
error still caps the dimensions it touches (unless the trainer overrides the dimension itself)
and the overall.
"""

import copy
from collections.abc import Mapping
from typing import Any

from app.scoring.core.report import (
    CRITICAL_DIMENSION_CAP,
    CRITICAL_OVERALL_CAP,
    clamp,
    hseep_rating,
)


def metric_key(dimension: str, metric: Mapping[str, Any]) -> str:
    """The override key of one metric of a dimension."""
    subject = metric.get("subject")
    return f"{dimension}.{metric['name']}" + (f"@{subject}" if subject else "")


def override_keys(report: Mapping[str, Any]) -> list[str]:
    """Every key an override may name: each dimension, then each of its metrics."""
    keys: list[str] = []
    for name, dimension in report["dimensions"].items():
        keys.append(name)
        keys.extend(metric_key(name, metric) for metric in dimension["metrics"])
    return keys


def _weighted(pairs: list[tuple[float, float]]) -> float | None:
    """The weighted mean of (value, weight) pairs; None when no weight counts."""
    total = sum(weight for _value, weight in pairs)
    return clamp(sum(value * weight for value, weight in pairs) / total) if total > 0 else None


def _dimension(name: str, dimension: dict, overrides: Mapping[str, float], capped: bool) -> None:
    """Apply the overrides of one dimension and its metrics in place."""
    touched = False
    for metric in dimension["metrics"]:
        key = metric_key(name, metric)
        if key in overrides:
            metric["computed_points"] = metric["points"]
            metric["points"] = clamp(overrides[key])
            metric["overridden"] = touched = True
    score = dimension["score"]
    if touched:
        score = _weighted([(m["points"], m["weight"]) for m in dimension["metrics"]])
        if capped and score is not None:
            score = min(score, CRITICAL_DIMENSION_CAP)
    if name in overrides:
        score = clamp(overrides[name])
        dimension["overridden"] = True
    if score != dimension["score"] or name in overrides:
        dimension["computed_score"] = dimension["score"]
        dimension["computed_rating"] = dimension["rating"]
        dimension["score"] = score
        dimension["rating"] = hseep_rating(score) if score is not None else None
        dimension["assessed"] = dimension["assessed"] or name in overrides


def apply_overrides(report: Mapping[str, Any], overrides: Mapping[str, float]) -> dict[str, Any]:
    """A copy of the report with the overrides applied, the computed values kept beside them."""
    out = copy.deepcopy(dict(report))
    out["overrides"] = dict(overrides)
    if not overrides:
        return out
    errors = out.get("critical_errors") or []
    capped = {d for error in errors for d in error["dimensions"]}
    for name, dimension in out["dimensions"].items():
        _dimension(name, dimension, overrides, name in capped)
    assessed = [
        (d["score"], d["weight"])
        for d in out["dimensions"].values()
        if d["assessed"] and d["score"] is not None and d["weight"] > 0
    ]
    overall = _weighted(assessed)
    out["computed_overall"], out["computed_rating"] = out["overall"], out["rating"]
    out["overall"] = overall if overall is not None else 0.0
    if errors:
        out["overall"] = min(out["overall"], CRITICAL_OVERALL_CAP)
    out["rating"] = hseep_rating(out["overall"])
    return out
