"""Review factories for tests: a drill with a few team actions, run and ended."""

from sqlmodel import Session

from app.accounts.models import Role
from app.drills import actions, service
from app.drills.clock import ClockEventKind
from app.drills.models import ActionCreate
from tests.drills.helpers import Team, at, make_team
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
