"""Review factories for tests: drills run and ended, cached reviews, improvement items."""

from datetime import date, datetime, timedelta

from sqlmodel import Session

from app.accounts.models import Role
from app.drills import actions, service
from app.drills.clock import ClockEventKind
from app.drills.models import ActionCreate, Drill
from app.scoring import improvements
from app.scoring.models import DrillReview, ImprovementCreate
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


def report(overall: float, kpis: dict[str, bool] | None = None, **dimensions: float) -> dict:
    """A small score report: overall score, dimension scores, KPI rows met or missed."""
    from app.scoring.core.report import hseep_rating

    return {
        "overall": overall,
        "rating": hseep_rating(overall),
        "dimensions": {
            key: {"score": score, "rating": hseep_rating(score), "metrics": []}
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


def item_of(session: Session, plan, *, section: str = "messages", created: datetime | None = None):
    """An open improvement item of `plan` in `section`, written at `created` (default now)."""
    return improvements.add_item(
        session=session,
        plan=plan,
        drill=None,
        user=None,
        item_in=ImprovementCreate(
            section=section, title="Add a rumour-correction message", due_on=date(2026, 12, 1)
        ),
        now=created,
    )
