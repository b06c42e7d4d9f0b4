"""Score a drill record: the five dimensions, the overall, the KPI table and the findings."""

import json

from app.record import AudienceOutcome, DrillRecord
from app.scoring.core.accuracy import critical_errors
from app.scoring.core.context import Context
from app.scoring.core.findings import findings, format_duration
from app.scoring.core.gate import cap_dimensions, cap_overall, report_errors
from app.scoring.core.kpis import dimension_weights, kpi_table
from app.scoring.core.outcome import outcome
from app.scoring.core.phrases import NOTES
from app.scoring.core.process import process
from app.scoring.core.quality import MessageQuality, fits_network
from app.scoring.core.report import (
    DIMENSIONS,
    Dimension,
    ScoreReport,
    StatementReport,
    clamp,
    dimension_from,
    hseep_rating,
)
from app.scoring.core.responsiveness import responsiveness
from app.scoring.core.rumours import rumour_control

NOT_ASSESSED_NOTE = {
    "outcome": "outcome_missing",
    "rumour_control": "rumours_missing",
    "process": "process_missing",
}


def _statements(ctx: Context, quality: MessageQuality) -> list[StatementReport]:
    """Each public post with its tone and what the statement analysis read in it."""
    return [
        StatementReport(
            id=p.step.id,
            at_s=p.step.at_s,
            kind=p.step.action.kind,
            language=p.text.language,
            chars=len(p.step.action.text or ""),
            tone_score=p.tone.score,
            labels=list(p.tone.labels),
            cues={label: list(cues) for label, cues in p.tone.cues.items()},
            transparency=list(p.tone.transparency),
            key_messages=[km_id for km_id, _kind in quality.matches[p.step.id]],
            fits_network=fits_network(p.step.action.text or ""),
            stances={s.claim_id: s.label for s in p.reading.stances if s.label != "silent"},
            apology=p.reading.voice.apology,
            blames=list(p.reading.voice.blames),
            commitments=[c.evidence.text for c in p.reading.commitments],
            placeholders=[s.text for s in p.reading.placeholders],
            quotable=[s.text for s in p.reading.quotable],
            substantive=p.reading.substantive,
            repeat=quality.repeats.get(p.step.id),
        )
        for p in ctx.public
    ]


def score_record(record: DrillRecord, outcome_in: AudienceOutcome | None = None) -> ScoreReport:
    """Score a validated record; `outcome_in` (else the record's own) feeds the outcome."""
    ctx = Context(record, outcome_in)
    quality = MessageQuality(ctx)
    weights = dimension_weights(record.plan.kpis)
    notes_table = NOTES[ctx.language]
    metrics = {
        "responsiveness": responsiveness(ctx),
        "message_quality": quality.metrics(),
        "rumour_control": rumour_control(ctx),
        "process": process(ctx),
        "outcome": outcome(ctx),
    }
    dimensions: dict[str, Dimension] = {}
    for name in DIMENSIONS:
        dimension = dimension_from(metrics[name], weights[name])
        if not dimension.assessed and name in NOT_ASSESSED_NOTE:
            dimension = dimension.model_copy(update={"note": notes_table[NOT_ASSESSED_NOTE[name]]})
        dimensions[name] = dimension
    critical = critical_errors(ctx)
    dimensions = cap_dimensions(dimensions, critical)
    assessed = [d for d in dimensions.values() if d.assessed and d.weight > 0]
    total = sum(d.weight for d in assessed)
    overall = clamp(sum(d.score * d.weight for d in assessed) / total) if total else 0.0
    overall = cap_overall(overall, critical)
    errors = report_errors(critical, ctx.language, ctx.subjects)
    notes = [d.note for d in dimensions.values() if d.note]
    if record.scenario.model_fields_set == {"id"}:
        notes.append(notes_table["library_scenario"])
    if ctx.after_end:
        # A count, not the actions' ids: notes are read by people.
        late = len(ctx.after_end)
        notes.append(notes_table["after_end"].format(count=late, end=format_duration(ctx.end_s)))
    return ScoreReport(
        language=ctx.language,
        overall=overall,
        rating=hseep_rating(overall),
        dimensions=dimensions,
        kpis=kpi_table(record.plan.kpis, dimensions),
        findings=findings(dimensions, ctx.language, errors, ctx.subjects),
        statements=_statements(ctx, quality),
        notes=notes,
        critical_errors=errors,
    )


def report_json(report: ScoreReport) -> str:
    """The report as JSON text: same report, same bytes."""
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2)
