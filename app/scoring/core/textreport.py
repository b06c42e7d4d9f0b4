"""The score report as plain text for people, in the record's language."""

from app.scoring.core.findings import format_value
from app.scoring.core.phrases import DIMENSION_NAMES, METRIC_NAMES, TEXT_LABELS
from app.scoring.core.report import ScoreReport


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def render_text(report: ScoreReport) -> str:
    """Overall, dimensions with their HSEEP ratings and metrics, KPIs, findings and notes."""
    lang = report.language
    label = TEXT_LABELS[lang]
    lines = [
        f"{label['title']} — {label['overall']}: {report.overall:.1f}/100 ({report.rating})",
        "",
    ]
    rows = [(label["dimension"], label["score"], label["rating"], label["weight"])]
    for name, dim in report.dimensions.items():
        score = f"{dim.score:.1f}" if dim.score is not None else label["not_assessed"]
        rows.append((DIMENSION_NAMES[lang][name], score, dim.rating or "-", f"{dim.weight:g}"))
    lines += _table(rows)
    for name, dim in report.dimensions.items():
        if not dim.metrics:
            continue
        lines += ["", DIMENSION_NAMES[lang][name]]
        for metric in dim.metrics:
            subject = f" [{metric.subject}]" if metric.subject else ""
            value = format_value(metric.name, metric.value, lang)
            evidence = (
                f" — {label['evidence']}: {', '.join(metric.evidence)}" if metric.evidence else ""
            )
            name = METRIC_NAMES[lang][metric.name]
            lines.append(f"  {name}{subject}: {value} → {metric.points:.0f}{evidence}")
    if report.kpis:
        lines += ["", label["kpis"]]
        rows = [(label["metric"], label["target"], label["actual"], label["met"])]
        for kpi in report.kpis:
            name = METRIC_NAMES[lang].get(kpi.metric, kpi.metric)
            rows.append(
                (
                    name,
                    format_value(kpi.metric, kpi.target, lang),
                    format_value(kpi.metric, kpi.actual, lang) if kpi.assessed else "-",
                    label["yes"] if kpi.met else label["no"],
                )
            )
        lines += ["  " + line for line in _table(rows)]
    for kind, title in (("strength", "strengths"), ("improvement", "improvements")):
        chosen = [f for f in report.findings if f.kind == kind]
        if chosen:
            lines += ["", label[title]]
            lines += [f"  - {f.text} ({', '.join(f.evidence)})" for f in chosen]
    if report.notes:
        lines += ["", label["notes"]] + [f"  - {note}" for note in report.notes]
    return "\n".join(lines) + "\n"
