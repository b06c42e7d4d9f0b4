"""Drill lookups for routes: by id, always scoped to the caller's organisation (404 otherwise)."""

from typing import Annotated

from fastapi import Depends, Request

from app.accounts.deps import MEMBER_RULE, member_here
from app.core.access import mark
from app.core.deps import SessionDep
from app.drills import service
from app.drills.models import Drill


@mark(MEMBER_RULE)
def valid_drill_id(request: Request, drill_id: int, session: SessionDep) -> Drill:
    """The caller's organisation's drill with this id, for any member of it. The membership
    is checked here, in the same worker thread as the lookup (a route's own role
    dependency then finds it resolved and checks the role on the event loop)."""
    ctx = member_here(request, session)
    return service.get_drill(session=session, org=ctx.org, drill_id=drill_id)


DrillDep = Annotated[Drill, Depends(valid_drill_id)]
