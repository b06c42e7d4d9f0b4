"""Review factories for tests and the route walk: drills run and ended, cached reviews,
annotations, overrides, improvement items."""

from datetime import date, datetime, timedelta

from sqlmodel import Session, select

from app.accounts.models import Organisation, Role
from app.core.db import utcnow
from app.drills import actions, service
from app.drills.clock import ClockEventKind, ClockStatus
from app.drills.models import ActionCreate, Drill
from app.scoring import improvements, review_items
from app.scoring.models import AnnotationCreate, DrillReview, ImprovementCreate, OverrideCreate
from tests.drills.helpers import Team, at, make_drill, make_team
from tests.factories import Factory

STATEMENT = "We are so sorry. We know the cause; we do not yet know how many are affected."


def act(session: Session, team: Team, user, now_s: float, **fields) -> None:
    """Record an action for `user` at real second `now_s` after T0."""
    actions.record_action(
        session=session,
        drill=team.drill,
        user=user,
        member_role=Role.member,
        action_in=ActionCreate(**fields),
        now=at(now_s),
    )


def ended_team(session: Session, factory: Factory, end_s: float = 60) -> Team:
    """A team whose drill ran with a note, a statement and a checklist item, then ended."""
    team = make_team(session, factory)
    service.control(session=session, drill=team.drill, kind=ClockEventKind.start, now=at(0))
    act(session, team, team.monitor, 3, kind="note", text="Cell convened")
    act(session, team, team.spokesperson, 6, kind="statement", text=STATEMENT)
    act(session, team, team.monitor, 9, kind="checklist_done", item="alert")
    service.control(session=session, drill=team.drill, kind=ClockEventKind.end, now=at(end_s))
    return team


def ended_drill(session: Session, org: Organisation) -> Drill:
    """The organisation's first drill (made if none), started and ended: reviewable."""
    drill = session.exec(select(Drill).where(Drill.organisation_id == org.id)).first()
    drill = drill or make_drill(session, org)
    if service.reading(session=session, drill=drill).status != ClockStatus.ended:
        service.control(session=session, drill=drill, kind=ClockEventKind.start, now=at(0))
        service.control(session=session, drill=drill, kind=ClockEventKind.end, now=at(30))
    return drill


def org_drill_id(session: Session, factory: Factory, org: Organisation) -> int:
    """The organisation's first drill (a review maker's, whichever ran first), else a new one."""
    existing = session.exec(select(Drill).where(Drill.organisation_id == org.id)).first()
    return (existing or make_drill(session, org)).id


def annotation_id(session: Session, factory: Factory, org: Organisation) -> int:
    """An annotation on a post of an ended, reviewed drill of `org`."""
    drill = ended_drill(session, org)
    note = AnnotationCreate(target_kind="post", target_id="p-1", body="Worth discussing")
    user = factory.member(org, Role.trainer)
    return review_items.add_annotation(
        session=session, drill=drill, user=user, annotation_in=note
    ).id


def override_id(session: Session, factory: Factory, org: Organisation) -> int:
    """An override of a dimension of an ended, reviewed drill of `org`."""
    drill = ended_drill(session, org)
    override = OverrideCreate(metric="process", value=50, justification="Judged on the debrief")
    user = factory.member(org, Role.trainer)
    return review_items.set_override(
        session=session, drill=drill, user=user, override_in=override
    ).id


def report(overall: float, kpis: dict[str, bool] | None = None, **dimensions: float) -> dict:
    """A small score report: overall score, dimension scores, KPI rows met or missed."""
    from app.scoring.core.report import hseep_rating

    return {
        "overall": overall,
        "rating": hseep_rating(overall),
        "dimensions": {
            key: {
                "score": score,
                "rating": hseep_rating(score),
                "weight": 1.0,
                "assessed": True,
                "metrics": [],
            }
            for key, score in dimensions.items()
        },
        "kpis": [
            {"metric": metric, "target": 1.0, "actual": 0.5, "met": met, "assessed": True}
            for metric, met in (kpis or {}).items()
        ],
    }


def reviewed_drill(
    session: Session, org, *, report_: dict, ended: datetime, user=None, **overrides
) -> Drill:
    """A drill of `org` that ran and ended at `ended`, with `report_` cached as its review."""
    drill = make_drill(session, org, user, **overrides)
    start = ended - timedelta(seconds=60)
    service.control(session=session, drill=drill, kind=ClockEventKind.start, now=start)
    service.control(session=session, drill=drill, kind=ClockEventKind.end, now=ended)
    session.add(DrillReview(drill_id=drill.id, report=report_, timeline={}))
    session.commit()
    return drill


def in_days(days: int) -> date:
    """The date `days` after today (UTC, as the app reckons overdue items)."""
    return utcnow().date() + timedelta(days=days)


def item_of(session: Session, plan, *, section: str = "messages", created: datetime | None = None):
    """An open improvement item of `plan` in `section`, written at `created` (default now)."""
    return improvements.add_item(
        session=session,
        plan=plan,
        drill=None,
        user=None,
        item_in=ImprovementCreate(
            section=section, title="Add a rumour-correction message", due_on=in_days(30)
        ),
        now=created,
    )
