"""Team actions: validated, stamped with the drill clock and committed before they are answered."""

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam
from sqlmodel import Session, func, select

from app.accounts.models import Role, User
from app.core.db import utcnow
from app.core.errors import Conflict, Forbidden
from app.core.i18n import gettext as _
from app.drills import rules, service
from app.drills.clock import ClockStatus
from app.drills.models import ActionCreate, Drill, DrillAction

PRIVILEGED = (Role.trainer, Role.admin)


# Built once, as every action and every reload of a live drill runs them (building a
# statement costs about as much CPU as running it; see accounts.session_service).
_ACTIONS_AFTER = (
    select(DrillAction)
    .where(DrillAction.drill_id == bindparam("drill_id"), DrillAction.seq > bindparam("since"))
    .order_by(DrillAction.seq)
)
_LAST_SEQ = select(func.max(DrillAction.seq)).where(DrillAction.drill_id == bindparam("drill_id"))


def list_actions(*, session: Session, drill: Drill, since_seq: int = 0) -> list[DrillAction]:
    """The drill's actions after `since_seq`, in the order they were stored."""
    params = {"drill_id": drill.id, "since": since_seq}
    return list(session.exec(_ACTIONS_AFTER, params=params).all())


def acting_role(
    *, plan_roles: list[dict], held: list[str], asked: str | None, privileged: bool
) -> list[dict]:
    """The plan roles the user acts with: the one asked for (if theirs), or all they hold."""
    by_key = {role["id"]: role for role in plan_roles}
    if asked is not None:
        if asked not in by_key or (asked not in held and not privileged):
            raise Forbidden(_("You do not hold the role “%(role)s”.", role=asked), field="role_key")
        return [by_key[asked]]
    return [by_key[key] for key in held if key in by_key]


def allowed_roles(
    *,
    session: Session,
    drill: Drill,
    plan: dict,
    user: User,
    member_role: Role,
    action_in: ActionCreate,
) -> list[dict]:
    """The plan roles `user` acts with for this action (`plan`: the drill's plan section);
    Forbidden or Conflict if they may not."""
    privileged = member_role in PRIVILEGED
    held = service.roles_of(session=session, drill=drill, user=user)
    if not held and not privileged:
        raise Forbidden(_("Only the drill's participants may act in it."))
    roles = acting_role(
        plan_roles=plan["roles"], held=held, asked=action_in.role_key, privileged=privileged
    )
    rules.check_role(
        kind=action_in.kind,
        roles=roles,
        privileged=privileged,
        approval_required=plan["approval_required"],
    )
    return roles


def record_action(
    *,
    session: Session,
    drill: Drill,
    user: User,
    member_role: Role,
    action_in: ActionCreate,
    now: datetime | None = None,
) -> list[DrillAction]:
    """Store a participant's action (and the statement an approval publishes); commit first."""
    data = action_in.model_dump(exclude={"role_key"})
    rules.check_fields(data)
    known = [a["key"] for a in service.audiences(session=session, drill=drill)]
    rules.check_audience(data, known)
    plan = service.plan_section(session=session, drill=drill)
    roles = allowed_roles(
        session=session,
        drill=drill,
        plan=plan,
        user=user,
        member_role=member_role,
        action_in=action_in,
    )
    rules.check_references(
        data,
        checklist={item["id"] for item in plan["checklist"]},
        rumours={rumour.id for rumour in service.scenario_of(drill).rumours},
    )
    role_key = action_in.role_key or pick_role(action_in.kind, roles)
    with service.locked(session=session, drill=drill):
        stored = new_rows(
            session=session, drill=drill, user=user, role_key=role_key, data=data, now=now
        )
        session.add_all(stored)
        session.commit()
    return stored  # every field set here, the ids by the flush: nothing to read back


def new_rows(
    *,
    session: Session,
    drill: Drill,
    user: User,
    role_key: str | None,
    data: dict,
    now: datetime | None,
) -> list[DrillAction]:
    """The rows an action stores, numbered after the last one (call under `service.locked`)."""
    clock_now = service.reading(session=session, drill=drill, now=now or utcnow())
    if clock_now.status not in (ClockStatus.running, ClockStatus.paused):
        raise Conflict(
            _("The drill is %(status)s: no actions now.", status=clock_now.status.value),
            field="clock",
        )
    seq = next_seq(session=session, drill=drill)
    base: dict[str, Any] = {"drill_id": drill.id, "at_s": round(clock_now.sim_s, 3)}
    stored = [DrillAction(**base, **data, seq=seq, user_id=user.id, role_key=role_key)]
    if data["kind"] == "request_approval":
        stored[0].ref = f"stmt-{seq}"
    elif data["kind"] in ("approve", "reject"):
        request = pending(session=session, drill=drill, ref=data.get("ref"))
        if data["kind"] == "approve":
            published = rules.published_on_approval(request.model_dump())
            stored.append(
                DrillAction(
                    **base,
                    **published,
                    seq=seq + 1,
                    user_id=request.user_id,
                    role_key=request.role_key,
                )
            )
    return stored


def pick_role(kind: str, roles: list[dict]) -> str | None:
    """The role to record for an action taken with any of `roles`: one entitled to it."""
    wanted = {"approve": "approves", "reject": "approves"}.get(
        kind, "can_publish" if kind in rules.PUBLIC_KINDS | {"request_approval"} else None
    )
    entitled = [role for role in roles if wanted is None or role.get(wanted)]
    chosen = entitled or roles
    return chosen[0]["id"] if chosen else None


def next_seq(*, session: Session, drill: Drill) -> int:
    """The next action number of the drill (final only under `service.locked`)."""
    last = session.exec(_LAST_SEQ, params={"drill_id": drill.id}).one()
    return (last or 0) + 1


def pending(*, session: Session, drill: Drill, ref: str | None) -> DrillAction:
    """The undecided request_approval named `ref`."""
    rows = session.exec(
        select(DrillAction).where(DrillAction.drill_id == drill.id, DrillAction.ref == ref)
    ).all()
    request = rules.pending_request([row.model_dump() for row in rows], ref or "")
    return next(row for row in rows if row.seq == request["seq"])
