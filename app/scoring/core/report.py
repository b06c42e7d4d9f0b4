"""The score report, format `stormdrill.score/1`: dimensions, metrics, KPIs, findings."""

from typing import Literal

from pydantic import BaseModel, ConfigDict

REPORT_FORMAT = "stormdrill.score/1"
DIMENSIONS = ("responsiveness", "message_quality", "rumour_control", "process", "outcome")
# HSEEP ratings: the lowest score each rating needs (docs/scoring.md).
HSEEP_THRESHOLDS = (("P", 80.0), ("S", 60.0), ("M", 40.0), ("U", 0.0))
# A critical error caps the dimensions it touches at U and the overall at M (docs/scoring.md).
CRITICAL_DIMENSION_CAP = 39.0
CRITICAL_OVERALL_CAP = 59.0

Value = float | int | str | None


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class Metric(_Out):
    """One measured metric: its value, the points (0..100) it earns, and its evidence."""

    name: str
    value: Value
    points: float
    weight: float
    evidence: list[str]
    target: float | None = None
    subject: str | None = None


class Dimension(_Out):
    """A dimension's score and HSEEP rating; not assessed when the record cannot say."""

    score: float | None
    rating: Literal["P", "S", "M", "U"] | None
    weight: float
    assessed: bool
    note: str | None = None
    metrics: list[Metric]


class KpiRow(_Out):
    """A plan KPI: target against actual."""

    metric: str
    target: float
    actual: float | None
    met: bool
    assessed: bool
    dimension: str | None


class Finding(_Out):
    """A strength or an improvement, in plain words, pointing at its evidence."""

    kind: Literal["strength", "improvement"]
    text: str
    evidence: list[str]
    dimension: str
    metric: str


class CriticalError(_Out):
    """An HSEEP critical task failed: it caps its dimensions and the overall, whatever the time."""

    kind: Literal["false_rumour_confirmed", "safety_fact_contradicted", "unfilled_placeholder"]
    text: str
    dimensions: list[str]
    evidence: list[str]


class StatementReport(_Out):
    """The analysis of one public post."""

    id: str
    at_s: float
    kind: str
    language: str
    chars: int
    tone_score: float
    labels: list[str]
    cues: dict[str, list[str]]
    transparency: list[str]
    key_messages: list[str]
    fits_network: bool
    stances: dict[str, str] = {}
    apology: str = "none"
    blames: list[str] = []
    commitments: list[str] = []
    placeholders: list[str] = []
    quotable: list[str] = []
    substantive: bool = True
    repeat: str | None = None


class ScoreReport(_Out):
    """The answer to scoring a drill record."""

    format: Literal["stormdrill.score/1"] = REPORT_FORMAT
    language: str
    overall: float
    rating: Literal["P", "S", "M", "U"]
    dimensions: dict[str, Dimension]
    kpis: list[KpiRow]
    findings: list[Finding]
    statements: list[StatementReport]
    notes: list[str]
    critical_errors: list[CriticalError] = []


def hseep_rating(score: float) -> Literal["P", "S", "M", "U"]:
    """P performed without challenges, S some, M major challenges, U unable to perform."""
    return next(rating for rating, floor in HSEEP_THRESHOLDS if score >= floor)  # type: ignore[return-value]


def clamp(points: float) -> float:
    """Points kept within 0..100, rounded for a stable report."""
    return round(max(0.0, min(100.0, points)), 1)


def linear_points(value: float, target: float, zero_at: float) -> float:
    """100 up to `target`, falling linearly to 0 at `zero_at` (times: lower is better)."""
    if value <= target:
        return 100.0
    if value >= zero_at:
        return 0.0
    return clamp(100.0 * (zero_at - value) / (zero_at - target))


def ordered_evidence(ids: set[str]) -> list[str]:
    """Evidence ids in a stable order: actions by their index, then other ids by name."""

    def key(evidence_id: str) -> tuple[int, int, str]:
        prefix, _sep, rest = evidence_id.partition(":")
        if prefix == "action" and rest.isdigit():
            return (0, int(rest), "")
        return (1, 0, evidence_id)

    return sorted(ids, key=key)


def dimension_from(metrics: list[Metric], weight: float, note: str | None = None) -> Dimension:
    """A dimension whose score is the weighted mean of its metrics' points."""
    total = sum(m.weight for m in metrics)
    if total <= 0:
        return Dimension(
            score=None, rating=None, weight=weight, assessed=False, note=note, metrics=metrics
        )
    score = clamp(sum(m.points * m.weight for m in metrics) / total)
    return Dimension(
        score=score,
        rating=hseep_rating(score),
        weight=weight,
        assessed=True,
        note=note,
        metrics=metrics,
    )
