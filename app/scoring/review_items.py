"""What a trainer adds to a review: annotations, overrides, the summary, improvement items.

Each write checks everything before it touches the database, so a refused input leaves
nothing half-written.
"""

from sqlmodel import Session, select

from app.accounts import audit
from app.accounts.audit_models import AuditAction as Audited
from app.accounts.models import User
from app.core.db import utcnow
from app.core.errors import Conflict, Invalid, NotFound
from app.core.i18n import gettext as _
from app.drills.models import Drill
from app.plans import service as plans
from app.scoring import improvements
from app.scoring.core.overrides import override_keys
from app.scoring.models import (
    AnnotationCreate,
    DrillReview,
    ImprovementCreate,
    ImprovementItem,
    MetricOverride,
    OverrideCreate,
    ReviewAnnotation,
    SummaryUpdate,
    TargetKind,
)
from app.scoring.reviews import review_of

POST_ID_MAX = 120


def target_time(review: DrillReview, kind: str, target_id: str) -> float | None:
    """Where an annotation's target sits on the timeline; Invalid when it is not in the review."""
    timeline = review.timeline
    if kind == TargetKind.action:
        found = [a["at_s"] for a in timeline["actions"] if a["id"] == target_id]
    elif kind == TargetKind.inject:
        found = [i["at_s"] for i in timeline["injects"] if f"inject:{i['id']}" == target_id]
    elif kind == TargetKind.metric:
        found = [None] if target_id in override_keys(review.report) else []
    else:
        listed = [p["at_s"] for p in timeline.get("posts", []) if p["id"] == target_id.strip()]
        found = listed or ([None] if target_id.strip() else [])
    if not found:
        raise Invalid(_("This drill's review has no such item."), field="target_id")
    return found[0]


def add_annotation(
    *, session: Session, drill: Drill, user: User, annotation_in: AnnotationCreate
) -> ReviewAnnotation:
    """Pin a trainer's note to an action, post, inject or metric of the review."""
    review = review_of(session=session, drill=drill)
    at_s = target_time(review, annotation_in.target_kind, annotation_in.target_id)
    row = ReviewAnnotation(
        drill_id=drill.id,
        target_kind=annotation_in.target_kind.value,
        target_id=annotation_in.target_id.strip(),
        at_s=annotation_in.at_s if annotation_in.at_s is not None else at_s,
        body=annotation_in.body.strip(),
        author_id=user.id,
    )
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def list_annotations(*, session: Session, drill: Drill) -> list[ReviewAnnotation]:
    """The drill's annotations, oldest first."""
    query = select(ReviewAnnotation).where(ReviewAnnotation.drill_id == drill.id)
    return list(session.exec(query.order_by(ReviewAnnotation.id)).all())


def delete_annotation(*, session: Session, drill: Drill, annotation_id: int) -> None:
    """Remove one of the drill's annotations."""
    row = session.get(ReviewAnnotation, annotation_id)
    if row is None or row.drill_id != drill.id:
        raise NotFound(_("No such annotation."))
    session.delete(row)
    session.commit()


def list_overrides(*, session: Session, drill: Drill) -> list[MetricOverride]:
    """The drill's live overrides."""
    query = select(MetricOverride).where(MetricOverride.drill_id == drill.id)
    return list(session.exec(query.order_by(MetricOverride.metric)).all())


def set_override(
    *, session: Session, drill: Drill, user: User, override_in: OverrideCreate
) -> MetricOverride:
    """Override a metric's points or a dimension's score; a new one replaces the old."""
    review = review_of(session=session, drill=drill)
    if override_in.metric not in override_keys(review.report):
        raise Invalid(_("The score report has no such metric."), field="metric")
    query = select(MetricOverride).where(
        MetricOverride.drill_id == drill.id, MetricOverride.metric == override_in.metric
    )
    row = session.exec(query).first() or MetricOverride(drill_id=drill.id, metric="", value=0)
    row.sqlmodel_update(override_in.model_dump())
    row.justification = override_in.justification.strip()
    row.author_id, row.created_at = user.id, utcnow()
    session.add(row)
    audit.record(
        session=session,
        org_id=drill.organisation_id,
        action=Audited.score_overridden,
        target=row.metric,
        detail=row.justification,
        actor=user,
    )
    session.commit()
    session.refresh(row)
    return row


def remove_override(*, session: Session, drill: Drill, override_id: int) -> None:
    """Drop an override: the computed value counts again."""
    row = session.get(MetricOverride, override_id)
    if row is None or row.drill_id != drill.id:
        raise NotFound(_("No such override."))
    session.delete(row)
    session.commit()


def save_summary(
    *, session: Session, drill: Drill, user: User, summary_in: SummaryUpdate
) -> DrillReview:
    """Save the trainer's summary unless someone saved another since its version was read."""
    review = review_of(session=session, drill=drill)
    if review.version != summary_in.version:
        raise Conflict(
            _("Someone else saved the summary meanwhile: copy your text, reload, merge."),
            field="summary",
        )
    review.summary = summary_in.summary.strip()
    review.version += 1
    review.updated_at, review.updated_by_id = utcnow(), user.id
    session.add(review)
    session.commit()
    session.refresh(review)
    return review


def add_improvement(
    *, session: Session, drill: Drill, user: User, item_in: ImprovementCreate
) -> ImprovementItem:
    """A corrective action decided in the drill's review, tracked against the drill's plan."""
    plan = plans.find_plan(session=session, plan_id=drill.plan_id)
    return improvements.add_item(
        session=session, plan=plan, drill=drill, user=user, item_in=item_in
    )


def list_improvements(*, session: Session, drill: Drill) -> list[ImprovementItem]:
    """The corrective actions decided in this drill's review, by due date."""
    query = select(ImprovementItem).where(ImprovementItem.drill_id == drill.id)
    return list(session.exec(query.order_by(ImprovementItem.due_on, ImprovementItem.id)).all())
