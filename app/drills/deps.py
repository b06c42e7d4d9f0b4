"""Drill lookups for routes: by id, always scoped to the caller's organisation (404 otherwise)."""

from typing import Annotated

from fastapi import Depends

from app.accounts.deps import MemberDep
from app.core.deps import SessionDep
from app.drills import service
from app.drills.models import Drill


def valid_drill_id(drill_id: int, ctx: MemberDep, session: SessionDep) -> Drill:
    """The caller's organisation's drill with this id."""
    return service.get_drill(session=session, org=ctx.org, drill_id=drill_id)


DrillDep = Annotated[Drill, Depends(valid_drill_id)]
