"""The plan's KPIs: their place in the dimensions, their weights, and target against actual."""

from app.record import Kpi
from app.scoring.core.report import DIMENSIONS, Dimension, KpiRow

# The doctrine's default weights (sum 100), used alone when no KPI carries a weight.
DEFAULT_WEIGHTS = {
    "responsiveness": 25.0,
    "message_quality": 25.0,
    "rumour_control": 20.0,
    "process": 15.0,
    "outcome": 15.0,
}
# Each catalogue metric, the dimension it belongs to, and whether the target is a floor.
KPI_CATALOGUE: dict[str, tuple[str, bool]] = {
    "time_to_first_response_s": ("responsiveness", False),
    "priority_reply_rate": ("responsiveness", True),
    "median_reply_latency_s": ("responsiveness", False),
    "rumour_correction_s": ("rumour_control", False),
    "key_message_coverage": ("message_quality", True),
    "checklist_on_time_rate": ("process", True),
    "final_sentiment": ("outcome", True),
}


def dimension_weights(kpis: list[Kpi]) -> dict[str, float]:
    """Default weights, blended half and half with the plan's KPI weights when it gives some.

    The KPI weights are scaled to sum to 100 and added, per dimension, to the defaults; the
    result is halved so the weights still sum to 100.
    """
    weighted = [(KPI_CATALOGUE[k.metric][0], k.weight) for k in kpis if k.metric in KPI_CATALOGUE]
    total = sum(w for _d, w in weighted if w)
    if not total:
        return dict(DEFAULT_WEIGHTS)
    from_kpis = dict.fromkeys(DIMENSIONS, 0.0)
    for dimension, weight in weighted:
        from_kpis[dimension] += 100 * (weight or 0.0) / total
    return {d: round((DEFAULT_WEIGHTS[d] + from_kpis[d]) / 2, 2) for d in DIMENSIONS}


def _actual(metric: str, dimensions: dict[str, Dimension]) -> tuple[float | None, bool, bool]:
    """A KPI metric's measured value, whether every part of it was achieved, and if measured.

    A time that never came (no response, a rumour never corrected) is measured but missed.
    """
    if metric not in KPI_CATALOGUE:
        return None, False, False
    found = [m for m in dimensions[KPI_CATALOGUE[metric][0]].metrics if m.name == metric]
    if not found:
        return None, False, False
    values = [m.value for m in found]
    numbers = [float(v) for v in values if isinstance(v, int | float)]
    complete = len(numbers) == len(values)
    if metric == "rumour_correction_s":
        # The slowest correction stands for all; an uncorrected rumour misses the KPI.
        return (max(numbers) if numbers else None), complete, True
    return (numbers[0] if numbers else None), complete, bool(numbers) or metric.endswith("_s")


def kpi_table(kpis: list[Kpi], dimensions: dict[str, Dimension]) -> list[KpiRow]:
    """Each plan KPI: target, actual, met; unknown or unmeasurable metrics are not assessed."""
    rows = []
    for kpi in kpis:
        actual, complete, assessed = _actual(kpi.metric, dimensions)
        entry = KPI_CATALOGUE.get(kpi.metric)
        met = False
        if actual is not None and entry is not None:
            met = complete and (actual >= kpi.target if entry[1] else actual <= kpi.target)
        rows.append(
            KpiRow(
                metric=kpi.metric,
                target=kpi.target,
                actual=actual,
                met=met,
                assessed=assessed,
                dimension=entry[0] if entry else None,
            )
        )
    return rows
