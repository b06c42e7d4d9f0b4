"""Which drills count for a plan's cadence and trends (practice or rehearsal), and deletion.

A practice never counts; a rehearsal counts once it has ended having run at least the
configured share of its scenario (`STORMDRILL_REHEARSAL_MIN_SHARE`). The plan's "last drilled"
follows whenever a drill starts or stops counting, or is deleted.
"""

from sqlmodel import Session, select

from app.accounts.models import User
from app.drills import service
from app.drills.models import Drill, DrillUpdate
from app.plans import service as plans


def counts(*, session: Session, drill: Drill) -> bool:
    """`counts_at` for the drill as its clock log says it ran."""
    return service.counts_at(drill, service.reading(session=session, drill=drill).sim_s)


def refresh_last_drilled(*, session: Session, plan_id: int) -> None:
    """Set the plan's "last drilled" to the end of its latest drill that counts (or none)."""
    ended = session.exec(
        select(Drill).where(Drill.plan_id == plan_id, Drill.ended_at.is_not(None))
    ).all()
    latest = max(
        (service.aware(d.ended_at) for d in ended if counts(session=session, drill=d)), default=None
    )
    plans.set_last_drilled(session=session, plan_id=plan_id, at=latest)


def update_drill(*, session: Session, drill: Drill, drill_in: DrillUpdate) -> Drill:
    """Mark the drill a practice or a rehearsal; the plan's "last drilled" follows."""
    drill.mode = drill_in.mode.value
    session.add(drill)
    session.commit()
    refresh_last_drilled(session=session, plan_id=drill.plan_id)
    session.refresh(drill)
    return drill


def delete_drill(*, session: Session, drill: Drill, user: User | None) -> None:
    """Delete the drill and all it holds; the plan's history keeps a line saying who did."""
    plan_id = drill.plan_id
    plans.record_change(
        session=session,
        plan=plans.find_plan(session=session, plan_id=plan_id),
        user=user,
        action="drill_deleted",
        summary=drill.title,
        detail={"drill_id": drill.id, "mode": str(drill.mode), "seed": drill.seed},
    )
    session.delete(drill)
    session.commit()
    refresh_last_drilled(session=session, plan_id=plan_id)
