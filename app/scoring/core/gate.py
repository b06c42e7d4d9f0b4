"""The critical-error gate (HSEEP critical tasks): a critical failure cannot be bought back."""

from app.scoring.core.accuracy import Critical
from app.scoring.core.phrases import CRITICAL
from app.scoring.core.report import (
    CRITICAL_DIMENSION_CAP,
    CRITICAL_OVERALL_CAP,
    CriticalError,
    Dimension,
    hseep_rating,
)


def critical_text(
    kind: str, evidence: list[str], language: str, subjects: dict[str, str] | None = None
) -> str:
    """What a critical error says, in `language`; its subject is the second evidence id's,
    in `subjects`' words when it has them (`rumour:id` → its quoted claim)."""
    subjects = subjects or {}
    subject = next((subjects.get(e) or e.partition(":")[2] for e in evidence[1:]), "")
    return CRITICAL[language][kind].format(subject=subject)


def report_errors(
    found: list[Critical], language: str, subjects: dict[str, str] | None = None
) -> list[CriticalError]:
    """The critical errors as the report shows them, in the record's language."""
    return [
        CriticalError(
            kind=c.kind,  # type: ignore[arg-type]
            text=critical_text(c.kind, list(c.evidence), language, subjects),
            dimensions=list(c.dimensions),
            evidence=list(c.evidence),
        )
        for c in found
    ]


def cap_dimensions(dimensions: dict[str, Dimension], found: list[Critical]) -> dict[str, Dimension]:
    """Each dimension a critical error touches, capped at U whatever its metrics earn."""
    touched = {d for c in found for d in c.dimensions}
    capped = dict(dimensions)
    for name in touched:
        dimension = capped.get(name)
        if dimension is None or not dimension.assessed or dimension.score is None:
            continue
        score = min(dimension.score, CRITICAL_DIMENSION_CAP)
        capped[name] = dimension.model_copy(update={"score": score, "rating": hseep_rating(score)})
    return capped


def cap_overall(overall: float, found: list[Critical]) -> float:
    """The overall, capped at M when any critical error stands."""
    return min(overall, CRITICAL_OVERALL_CAP) if found else overall
