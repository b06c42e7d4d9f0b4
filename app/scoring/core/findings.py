"""Findings: the main strengths and improvements, in the record's language, with evidence."""

from app.scoring.core.phrases import IMPROVEMENTS, NOTES, STRENGTHS, VALUE_WORDS
from app.scoring.core.report import CriticalError, Dimension, Finding, Metric, Value

STRENGTH_FLOOR = 85.0  # a metric earning at least this is a strength
IMPROVEMENT_CEILING = 60.0  # a metric earning less is an improvement
MAX_STRENGTHS = 4
MAX_IMPROVEMENTS = 6
RATES = frozenset(
    {
        "priority_reply_rate",
        "key_message_coverage",
        "checklist_on_time_rate",
        "approvals",
        "roles",
        "network_fit",
        "repetition",
        "commitments_kept",
    }
)


def format_duration(seconds: float) -> str:
    """12 min 30 s, 1 h 05 min: readable in both languages."""
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min" + (f" {secs:02d} s" if secs else "")
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def format_value(name: str, value: Value, language: str) -> str:
    """A metric value as people read it: durations, percentages, signed sentiments."""
    if value is None:
        return NOTES[language]["never" if name.endswith("_s") else "none"]
    if isinstance(value, str):
        return VALUE_WORDS[language].get(name, {}).get(value, value)
    if name.endswith("_s"):
        return format_duration(float(value))
    if name in RATES:
        return f"{round(100 * float(value))} %"
    if name in ("final_sentiment", "mean_sentiment"):
        return _decimal_mark(f"{float(value):+.2f}", language)
    if name == "peak_anger":
        return _decimal_mark(f"{float(value):.2f}", language)
    return _decimal_mark(f"{value:g}", language) if isinstance(value, float) else str(value)


def _decimal_mark(text: str, language: str) -> str:
    """French writes a decimal comma."""
    return text.replace(".", ",") if language == "fr" else text


def _text(table: dict, metric: Metric, language: str, subjects: dict[str, str]) -> str:
    target = format_value(metric.name, metric.target, language) if metric.target else ""
    subject = subjects.get(metric.subject or "") or (metric.subject or "").partition(":")[2]
    key = metric.name
    if metric.value is None and f"{key}:never" in table[language]:
        key = f"{key}:never"
    return table[language][key].format(
        value=format_value(metric.name, metric.value, language), target=target, subject=subject
    )


def findings(
    dimensions: dict[str, Dimension],
    language: str,
    errors: list[CriticalError] | None = None,
    subjects: dict[str, str] | None = None,
) -> list[Finding]:
    """Critical errors first, then strengths (high points, heaviest first) and improvements.

    Each finding is written from the metric it names, so none can contradict the scores; a
    dimension capped by a critical error gives no strength. `subjects` words the claims a
    finding names (`rumour:id` → its quoted claim).
    """
    errors = errors or []
    capped = {d for e in errors for d in e.dimensions}
    critical = [
        Finding(
            kind="improvement",
            text=e.text,
            evidence=e.evidence,
            dimension=e.dimensions[0],
            metric=e.kind,
        )
        for e in errors
    ]
    candidates = [
        (name, metric)
        for name, dimension in dimensions.items()
        if dimension.assessed
        for metric in dimension.metrics
        if metric.weight > 0 and metric.name in STRENGTHS[language]
    ]
    strong = sorted(
        (c for c in candidates if c[1].points >= STRENGTH_FLOOR and c[0] not in capped),
        key=lambda c: (-c[1].weight * dimensions[c[0]].weight, -c[1].points, c[1].name),
    )
    weak = sorted(
        (c for c in candidates if c[1].points < IMPROVEMENT_CEILING),
        key=lambda c: (c[1].points, -c[1].weight * dimensions[c[0]].weight, c[1].name),
    )
    return critical + [
        Finding(
            kind=kind,
            text=_text(table, metric, language, subjects or {}),
            evidence=metric.evidence,
            dimension=name,
            metric=metric.name,
        )
        for kind, table, chosen in (
            ("strength", STRENGTHS, strong[:MAX_STRENGTHS]),
            ("improvement", IMPROVEMENTS, weak[:MAX_IMPROVEMENTS]),
        )
        for name, metric in chosen
    ]
