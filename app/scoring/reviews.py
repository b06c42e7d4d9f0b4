"""A drill's after-action review: scored once from its drill record, then cached.

Scoring a long drill means replaying its storm (hundreds of thousands of posts), so the score
report and the timeline series are computed on the first visit and kept in `DrillReview`.
"""

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app.core.db import utcnow
from app.core.errors import Conflict
from app.core.i18n import gettext as _
from app.drills import actions as drill_actions
from app.drills import export
from app.drills import injects as drill_injects
from app.drills import service as drills
from app.drills.clock import ClockStatus
from app.drills.models import Drill
from app.scoring import service
from app.scoring.models import DrillReview
from app.scoring.timeline import build_timeline


def cached_review(*, session: Session, drill: Drill) -> DrillReview | None:
    """The drill's review if it was already computed."""
    return session.exec(select(DrillReview).where(DrillReview.drill_id == drill.id)).first()


def compute(*, session: Session, drill: Drill) -> tuple[dict, dict]:
    """Score the drill's record and build its timeline: (report, timeline), JSON-ready."""
    record = export.drill_record(session=session, drill=drill)
    scenario = drills.base_scenario(drill)
    report = service.score_payload(payload=record, scenario=scenario).model_dump(mode="json")
    rows = drill_actions.list_actions(session=session, drill=drill)
    timeline = build_timeline(
        storm=export.storm_for(drill),
        storm_actions=export.storm_actions(rows),
        record=record,
        duration_s=record["duration_s"],
        fired=drill_injects.fired_times(session=session, drill=drill),
    )
    return report, timeline


def review_of(*, session: Session, drill: Drill) -> DrillReview:
    """The drill's review, scoring and caching it on first call; the drill must have ended."""
    review = cached_review(session=session, drill=drill)
    if review is not None:
        return review
    if drills.reading(session=session, drill=drill).status != ClockStatus.ended:
        raise Conflict(_("A drill can be reviewed once it has ended."), field="drill")
    report, timeline = compute(session=session, drill=drill)
    # End the read transaction scoring ran in: on SQLite, a deferred transaction that read
    # before another writer committed cannot become a writer (busy at once, no waiting).
    session.commit()
    now = utcnow()
    review = DrillReview(
        drill_id=drill.id, report=report, timeline=timeline, scored_at=now, updated_at=now
    )
    session.add(review)
    try:
        session.commit()
    except IntegrityError:  # another request cached it first: theirs is as good as ours
        session.rollback()
        return cached_review(session=session, drill=drill)  # type: ignore[return-value]
    session.refresh(review)
    return review


def rescore(*, session: Session, drill: Drill) -> DrillReview:
    """Score the drill again from its record (after the scoring rules changed, say), keeping
    the trainer's summary, annotations, overrides and improvement items."""
    review = review_of(session=session, drill=drill)
    report, timeline = compute(session=session, drill=drill)
    session.commit()  # end the read transaction first, as in review_of
    review.report, review.timeline, review.scored_at = report, timeline, utcnow()
    session.add(review)
    session.commit()
    session.refresh(review)
    return review
