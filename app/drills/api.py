"""The drills JSON API under /api/drills: set-up, clock, actions, feed, injects and record."""

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, Field
from sqlmodel import Session

from app.accounts.deps import MemberDep, TrainerDep
from app.core.contract import error_responses
from app.core.deps import SessionDep
from app.drills import actions, cadence, export, injects, notify, service
from app.drills.clock import ClockEventKind
from app.drills.deps import DrillDep
from app.drills.models import (
    ActionCreate,
    ActionPublic,
    AssignIn,
    Drill,
    DrillCreate,
    DrillPublic,
    DrillsPublic,
    DrillUpdate,
    InjectCreate,
    Roster,
)

router = APIRouter(prefix="/api/drills", tags=["drills"])


class SpeedIn(BaseModel):
    """A new clock speed."""

    speed: float = Field(ge=1, le=60)


class FireIn(BaseModel):
    """The scenario inject to fire now."""

    inject: str = Field(min_length=1, max_length=80)


@router.post("", response_model=DrillPublic, status_code=201)
def create_drill(drill_in: DrillCreate, ctx: TrainerDep, session: SessionDep) -> DrillPublic:
    """A new scheduled drill; the seed is random unless given, and shown."""
    drill = service.create_drill(session=session, org=ctx.org, user=ctx.user, drill_in=drill_in)
    return service.drill_public(session=session, drill=drill)


@router.get("", response_model=DrillsPublic)
def list_drills(ctx: MemberDep, session: SessionDep) -> DrillsPublic:
    """The organisation's drills, newest first."""
    drills = service.list_drills(session=session, org=ctx.org)
    data = [service.drill_public(session=session, drill=drill) for drill in drills]
    return DrillsPublic(data=data, count=len(data))


@router.get("/{drill_id}", response_model=DrillPublic)
def get_drill(drill: DrillDep, session: SessionDep) -> DrillPublic:
    """One drill with its clock reading."""
    return service.drill_public(session=session, drill=drill)


@router.patch("/{drill_id}", response_model=DrillPublic)
def update_drill(
    drill: DrillDep, drill_in: DrillUpdate, ctx: TrainerDep, session: SessionDep
) -> DrillPublic:
    """Mark the drill a practice or a rehearsal (the plan's "last drilled" follows)."""
    drill = cadence.update_drill(session=session, drill=drill, drill_in=drill_in)
    return service.drill_public(session=session, drill=drill)


@router.delete("/{drill_id}", status_code=204)
def delete_drill(drill: DrillDep, ctx: TrainerDep, session: SessionDep) -> Response:
    """Delete the drill and all it holds; the plan's history records who did."""
    cadence.delete_drill(session=session, drill=drill, user=ctx.user)
    return Response(status_code=204)


@router.get("/{drill_id}/participants", response_model=Roster)
def get_roster(drill: DrillDep, session: SessionDep) -> Roster:
    """The plan's roles and who holds them; unfilled roles listed apart."""
    return service.roster(session=session, drill=drill)


@router.put("/{drill_id}/participants", response_model=Roster)
def assign(drill: DrillDep, assign_in: AssignIn, ctx: TrainerDep, session: SessionDep) -> Roster:
    """Replace the roster: members to roles, one person possibly holding several."""
    return service.assign(session=session, org=ctx.org, drill=drill, assign_in=assign_in)


def _control(
    request: Request,
    session: Session,
    drill: Drill,
    kind: ClockEventKind,
    speed: float | None = None,
) -> DrillPublic:
    service.control(session=session, drill=drill, kind=kind, speed=speed)
    notify.changed_from_thread(request.app, session=session, drill=drill, topics=("clock",))
    return service.drill_public(session=session, drill=drill)


@router.post("/{drill_id}/start", response_model=DrillPublic, responses=error_responses(409))
def start(request: Request, drill: DrillDep, ctx: TrainerDep, session: SessionDep) -> DrillPublic:
    """Start the clock at the drill's speed."""
    return _control(request, session, drill, ClockEventKind.start)


@router.post("/{drill_id}/pause", response_model=DrillPublic, responses=error_responses(409))
def pause(request: Request, drill: DrillDep, ctx: TrainerDep, session: SessionDep) -> DrillPublic:
    """Pause the clock."""
    return _control(request, session, drill, ClockEventKind.pause)


@router.post("/{drill_id}/resume", response_model=DrillPublic, responses=error_responses(409))
def resume(request: Request, drill: DrillDep, ctx: TrainerDep, session: SessionDep) -> DrillPublic:
    """Resume a paused clock."""
    return _control(request, session, drill, ClockEventKind.resume)


@router.post("/{drill_id}/end", response_model=DrillPublic, responses=error_responses(409))
def end(request: Request, drill: DrillDep, ctx: TrainerDep, session: SessionDep) -> DrillPublic:
    """End the drill (the plan is marked as drilled)."""
    return _control(request, session, drill, ClockEventKind.end)


@router.post("/{drill_id}/speed", response_model=DrillPublic, responses=error_responses(409))
def set_speed(
    request: Request, drill: DrillDep, speed_in: SpeedIn, ctx: TrainerDep, session: SessionDep
) -> DrillPublic:
    """Change the clock's speed (1× to 60×), even mid-drill."""
    return _control(request, session, drill, ClockEventKind.speed, speed_in.speed)


@router.post(
    "/{drill_id}/actions",
    response_model=list[ActionPublic],
    status_code=201,
    responses=error_responses(409),
)
def post_action(
    request: Request, drill: DrillDep, action_in: ActionCreate, ctx: MemberDep, session: SessionDep
) -> list[ActionPublic]:
    """Record an action; stored before this answers (an approval also returns its statement)."""
    rows = actions.record_action(
        session=session, drill=drill, user=ctx.user, member_role=ctx.role, action_in=action_in
    )
    notify.changed_from_thread(request.app, session=session, drill=drill, actions=rows)
    return [ActionPublic.model_validate(row.model_dump()) for row in rows]


@router.get("/{drill_id}/actions", response_model=list[ActionPublic])
def list_actions(
    drill: DrillDep, session: SessionDep, since_seq: Annotated[int, Query(ge=0)] = 0
) -> list[ActionPublic]:
    """The actions stored after `since_seq`, in order."""
    rows = actions.list_actions(session=session, drill=drill, since_seq=since_seq)
    return [ActionPublic.model_validate(row.model_dump()) for row in rows]


@router.get("/{drill_id}/feed")
def get_feed(
    drill: DrillDep,
    session: SessionDep,
    since_s: Annotated[float, Query(ge=0)] = 0.0,
    until_s: Annotated[float | None, Query(ge=0)] = None,
    limit: Annotated[int, Query(ge=1, le=2000)] = 500,
) -> dict[str, Any]:
    """The storm's posts and the injects of [since_s, until_s), never past the clock."""
    return export.feed(session=session, drill=drill, since_s=since_s, until_s=until_s, limit=limit)


@router.get("/{drill_id}/injects")
def list_injects(drill: DrillDep, session: SessionDep) -> list[dict[str, Any]]:
    """Every inject of the drill (scenario and ad-hoc) at its time; the facilitator's view."""
    return injects.timeline(session=session, drill=drill)


@router.post("/{drill_id}/injects", status_code=201, responses=error_responses(409))
def create_inject(
    request: Request, drill: DrillDep, inject_in: InjectCreate, ctx: TrainerDep, session: SessionDep
) -> dict[str, Any]:
    """An ad-hoc inject, now."""
    row = injects.create_adhoc_inject(session=session, drill=drill, inject_in=inject_in)
    notify.changed_from_thread(
        request.app, session=session, drill=drill, topics=("inject",), inject=row
    )
    return row.model_dump(mode="json")


@router.post("/{drill_id}/injects/fire", status_code=201, responses=error_responses(409))
def fire_inject(
    request: Request, drill: DrillDep, fire_in: FireIn, ctx: TrainerDep, session: SessionDep
) -> dict[str, Any]:
    """Fire a scenario inject now, ahead of its time."""
    row = injects.fire_inject(session=session, drill=drill, inject_key=fire_in.inject)
    notify.changed_from_thread(request.app, session=session, drill=drill, topics=("inject",))
    return row.model_dump(mode="json")


@router.get("/{drill_id}/record")
def get_record(drill: DrillDep, session: SessionDep) -> Response:
    """The drill record (formats/drill-record.md), as a downloadable JSON file."""
    record = export.portable_record(session=session, drill=drill)
    return Response(
        json.dumps(record, ensure_ascii=False, indent=2),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="drill-{drill.id}-record.json"'},
    )
