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


def _dimension_lines(report: ScoreReport) -> list[str]:
    lang, label = report.language, TEXT_LABELS[report.language]
    rows = [(label["dimension"], label["score"], label["rating"], label["weight"])]
    for name, dim in report.dimensions.items():
        score = f"{dim.score:.1f}" if dim.score is not None else label["not_assessed"]
        rows.append((DIMENSION_NAMES[lang][name], score, dim.rating or "-", f"{dim.weight:g}"))
    lines = _table(rows)
    for name, dim in report.dimensions.items():
        if not dim.metrics:
            continue
        lines += ["", DIMENSION_NAMES[lang][name]]
        for metric in dim.metrics:
            subject = f" [{metric.subject}]" if metric.subject else ""
            value = format_value(metric.name, metric.value, lang)
            evidence = ", ".join(metric.evidence)
            evidence = f" — {label['evidence']}: {evidence}" if evidence else ""
            name_text = METRIC_NAMES[lang][metric.name]
            lines.append(f"  {name_text}{subject}: {value} → {metric.points:.0f}{evidence}")
    return lines


def _kpi_lines(report: ScoreReport) -> list[str]:
    lang, label = report.language, TEXT_LABELS[report.language]
    if not report.kpis:
        return []
    rows = [(label["metric"], label["target"], label["actual"], label["met"])]
    for kpi in report.kpis:
        rows.append(
            (
                METRIC_NAMES[lang].get(kpi.metric, kpi.metric),
                format_value(kpi.metric, kpi.target, lang),
                format_value(kpi.metric, kpi.actual, lang) if kpi.assessed else "-",
                label["yes"] if kpi.met else label["no"],
            )
        )
    return ["", label["kpis"]] + ["  " + line for line in _table(rows)]


def _finding_lines(report: ScoreReport) -> list[str]:
    label = TEXT_LABELS[report.language]
    lines: list[str] = []
    for kind, title in (("strength", "strengths"), ("improvement", "improvements")):
        chosen = [f for f in report.findings if f.kind == kind]
        if chosen:
            lines += ["", label[title]]
            lines += [f"  - {f.text} ({', '.join(f.evidence)})" for f in chosen]
    if report.notes:
        lines += ["", label["notes"]] + [f"  - {note}" for note in report.notes]
    return lines


def render_text(report: ScoreReport) -> str:
    """Overall, dimensions with their HSEEP ratings and metrics, KPIs, findings and notes."""
    label = TEXT_LABELS[report.language]
    title = f"{label['title']} — {label['overall']}: {report.overall:.1f}/100 ({report.rating})"
    lines = [title, "", *_dimension_lines(report), *_kpi_lines(report), *_finding_lines(report)]
    return "\n".join(lines) + "\n"
