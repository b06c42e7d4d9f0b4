"""What the review page, its printable version and its exports show, gathered once."""

from collections import defaultdict
from typing import Any

from sqlmodel import Session

from app.accounts import member_service
from app.core.i18n import current_language
from app.drills import monitor
from app.drills import service as drills
from app.drills.models import Drill
from app.plans.sections import SECTIONS
from app.scoring import charts, debrief, labels, review_items
from app.scoring.core.overrides import apply_overrides, metric_key
from app.scoring.core.phrases import cite
from app.scoring.core.reader import for_reader
from app.scoring.core.report import ScoreReport
from app.scoring.reviews import review_of


def effective_report(*, session: Session, drill: Drill) -> dict[str, Any]:
    """The cached score report with the trainer's overrides applied, computed values kept."""
    review = review_of(session=session, drill=drill)
    overrides = review_items.list_overrides(session=session, drill=drill)
    return apply_overrides(review.report, {row.metric: row.value for row in overrides})


def metric_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Every metric of every dimension, flattened, with its override key."""
    return [
        {**metric, "dimension": name, "key": metric_key(name, metric)}
        for name, dimension in report["dimensions"].items()
        for metric in dimension["metrics"]
    ]


def chart_data(timeline: dict[str, Any]) -> dict[str, Any]:
    """The timeline for review.js (uPlot) with translated series names.

    Annotation marks are read from the page itself, so that they follow htmx updates.
    """
    return {**timeline, "labels": {key: str(text) for key, text in labels.SERIES_LABELS.items()}}


def in_readers_language(
    report: dict[str, Any], cached: dict[str, Any], drill: Drill
) -> dict[str, Any]:
    """The effective report with its findings and notes written in the reader's language
    (the claims they quote stay in the drill's, as the feed had them)."""
    written = for_reader(
        ScoreReport.model_validate(cached), current_language.get(), claims_cited(drill)
    )
    for name, dimension in report["dimensions"].items():
        dimension["note"] = written.dimensions[name].note
    return {
        **report,
        "findings": [finding.model_dump(mode="json") for finding in written.findings],
        "critical_errors": [error.model_dump(mode="json") for error in written.critical_errors],
        "notes": written.notes,
    }


def claims_cited(drill: Drill) -> dict[str, str]:
    """Each rumour's and fact's id with its words quoted, as the scorer's findings cite them."""
    scenario, fill = drills.scenario_of(drill), monitor.filler(drill)
    claims = {f"rumour:{r.id}": r.claim for r in scenario.rumours}
    claims |= {f"fact:{f.id}": f.text for f in scenario.facts}
    return {
        key: cite(fill(text.get(drill.language)), drill.language) for key, text in claims.items()
    }


def filled_timeline(drill: Drill, timeline: dict[str, Any]) -> dict[str, Any]:
    """The timeline with its injects' brand slots filled ({brand_tag}…), as the feed had them."""
    fill = monitor.filler(drill)
    injects = [{**inject, "text": fill(inject["text"])} for inject in timeline["injects"]]
    return {**timeline, "injects": injects}


def names_of(*, session: Session, drill: Drill, timeline: dict, statements: dict) -> labels.Names:
    """People's words for the ids the review shows, in the drill's plan and scenario."""
    scenario, fill = drills.scenario_of(drill), monitor.filler(drill)
    claims = {f"rumour:{r.id}": fill(r.claim.get(drill.language)) for r in scenario.rumours}
    claims |= {f"fact:{f.id}": fill(f.text.get(drill.language)) for f in scenario.facts}
    plan = drills.plan_section(session=session, drill=drill)
    return labels.review_names(timeline=timeline, statements=statements, plan=plan, claims=claims)


def review_context(*, session: Session, drill: Drill) -> dict[str, Any]:
    """Everything the review page and the printable review show, in the reader's language."""
    review = review_of(session=session, drill=drill)
    overrides = review_items.list_overrides(session=session, drill=drill)
    report = apply_overrides(review.report, {row.metric: row.value for row in overrides})
    report = in_readers_language(report, review.report, drill)
    annotations = review_items.list_annotations(session=session, drill=drill)
    by_target: dict[str, list] = defaultdict(list)
    for row in annotations:
        by_target[f"{row.target_kind}:{row.target_id}"].append(row)
    members = member_service.list_members(session=session, org_id=drill.organisation_id)
    statements = {s["id"]: s for s in report["statements"]}
    return {
        "review": review,
        "report": report,
        "metrics": metric_rows(report),
        "statements": statements,
        "scenario_title": drills.scenario_of(drill).title,
        "names": names_of(
            session=session, drill=drill, timeline=review.timeline, statements=statements
        ),
        "timeline": filled_timeline(drill, review.timeline),
        "chart": chart_data(review.timeline),
        "bars": charts.score_bars(report),
        "annotations": annotations,
        "annotations_of": by_target,
        "overrides": {row.metric: row for row in overrides},
        "improvements": review_items.list_improvements(session=session, drill=drill),
        "members": {user.id: user.display_name for _membership, user in members},
        "sections": {slug: str(section.label) for slug, section in SECTIONS.items()},
        "debrief": debrief.list_answers(session=session, drill=drill),
        "participant_count": len(
            {p.user_id for p in drills.participants(session=session, drill=drill)}
        ),
        "L": labels,
    }
