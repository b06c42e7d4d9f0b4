"""Drill services: set-up, roster, and the clock (each control appends to the clock log)."""

import random
from datetime import UTC, datetime

from sqlmodel import Session, select

from app.accounts import audit
from app.accounts import service as accounts
from app.accounts.audit_models import AuditAction as Audited
from app.accounts.models import Organisation, User
from app.core.db import utcnow
from app.core.errors import Conflict, Invalid, NotFound
from app.core.i18n import gettext as _
from app.drills import clock
from app.drills.models import (
    AssignIn,
    Drill,
    DrillClockEvent,
    DrillCreate,
    DrillParticipant,
    DrillPublic,
    RoleSlot,
    Roster,
)
from app.plans import service as plans
from app.plans.drill_record import drill_record_plan
from app.plans.models import PlanVersion
from app.scenarios import library
from app.scenarios.models import Scenario


def aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def create_drill(
    *, session: Session, org: Organisation, user: User | None, drill_in: DrillCreate
) -> Drill:
    """A scheduled drill of an approved plan version of `org` against a library scenario."""
    try:
        version = plans.get_plan_version(
            session=session, org=org, version_id=drill_in.plan_version_id
        )
    except NotFound:
        raise Invalid(
            _("Choose an approved version of one of your plans."), field="plan_version_id"
        ) from None
    try:
        scenario = library.load_scenario(drill_in.scenario_id)
    except NotFound:
        raise Invalid(
            _("No scenario “%(id)s” in the library.", id=drill_in.scenario_id),
            field="scenario_id",
        ) from None
    seed = drill_in.seed if drill_in.seed is not None else random.SystemRandom().randrange(2**31)
    drill = Drill(
        organisation_id=org.id,
        plan_id=version.plan_id,
        plan_version_id=version.id,
        scenario_id=scenario.id,
        title=drill_in.title or scenario.title.get(drill_in.language),
        language=drill_in.language,
        seed=seed,
        speed=drill_in.speed,
        scheduled_at=drill_in.scheduled_at,
        duration_s=scenario.duration,
        brand=org.name,
        created_by_id=user.id if user else None,
    )
    session.add(drill)
    session.commit()
    session.refresh(drill)
    return drill


def get_drill(*, session: Session, org: Organisation, drill_id: int) -> Drill:
    """One of the organisation's drills; NotFound for any other id."""
    drill = session.get(Drill, drill_id)
    if drill is None or drill.organisation_id != org.id:
        raise NotFound(_("This drill does not exist."))
    return drill


def list_drills(*, session: Session, org: Organisation) -> list[Drill]:
    """The organisation's drills, newest first."""
    return list(
        session.exec(
            select(Drill)
            .where(Drill.organisation_id == org.id)
            .order_by(Drill.created_at.desc(), Drill.id.desc())
        ).all()
    )


def scenario_of(drill: Drill) -> Scenario:
    """The drill's library scenario."""
    return library.load_scenario(drill.scenario_id)


def plan_section(*, session: Session, drill: Drill) -> dict:
    """The record's `plan` section: the frozen version at the scenario's severity and language."""
    version = session.get(PlanVersion, drill.plan_version_id)
    return drill_record_plan(
        version.snapshot, severity=scenario_of(drill).severity, language=drill.language
    )


def audiences(*, session: Session, drill: Drill) -> list[dict]:
    """The plan version's audiences (key, name, channels): whom a public statement addresses."""
    version = session.get(PlanVersion, drill.plan_version_id)
    return [
        {"key": a["key"], "name": a["name"], "channels": a.get("channels", [])}
        for a in version.snapshot.get("audiences", [])
    ]


def clock_events(*, session: Session, drill: Drill) -> list[clock.ClockEvent]:
    """The drill's clock log, in order."""
    rows = session.exec(
        select(DrillClockEvent)
        .where(DrillClockEvent.drill_id == drill.id)
        .order_by(DrillClockEvent.at, DrillClockEvent.id)
    ).all()
    return [clock.ClockEvent(aware(r.at), clock.ClockEventKind(r.kind), r.speed) for r in rows]


def reading(*, session: Session, drill: Drill, now: datetime | None = None) -> clock.ClockReading:
    """Where the drill's clock stands now."""
    events = clock_events(session=session, drill=drill)
    return clock.read(events, now or utcnow(), drill.duration_s, drill.speed)


def drill_public(*, session: Session, drill: Drill, now: datetime | None = None) -> DrillPublic:
    """The drill with its clock reading, as the API shows it."""
    current = reading(session=session, drill=drill, now=now)
    return DrillPublic.model_validate(
        {
            **drill.model_dump(),
            "created_at": aware(drill.created_at),
            "status": current.status.value,
            "speed": current.speed,
            "sim_s": round(current.sim_s, 3),
            "real_elapsed_s": round(current.real_elapsed_s, 3),
        }
    )


def control(
    *,
    session: Session,
    drill: Drill,
    kind: clock.ClockEventKind,
    speed: float | None = None,
    now: datetime | None = None,
) -> clock.ClockReading:
    """Append a start, pause, resume, speed change or end to the clock log, if allowed now."""
    now = now or utcnow()
    if kind == clock.ClockEventKind.start and speed is None:
        speed = drill.speed
    events = clock_events(session=session, drill=drill)
    current = clock.read(events, now, drill.duration_s, drill.speed)
    if kind == clock.ClockEventKind.end and current.status == clock.ClockStatus.ended:
        if drill.ended_at is not None:
            raise Conflict(_("This drill has already ended."), field="clock")
        return finish(session=session, drill=drill, at=now)
    try:
        clock.apply(events, clock.ClockEvent(now, kind, speed), drill.duration_s)
    except clock.ClockError as exc:
        raise Conflict(str(exc), field="clock") from None
    session.add(DrillClockEvent(drill_id=drill.id, at=now, kind=kind.value, speed=speed))
    if kind == clock.ClockEventKind.start:
        audit.record(
            session=session,
            org_id=drill.organisation_id,
            action=Audited.drill_started,
            target=f"#{drill.id} {drill.scenario_id}",
        )
    if kind == clock.ClockEventKind.end:
        return finish(session=session, drill=drill, at=now)
    session.commit()
    return reading(session=session, drill=drill, now=now)


def finish(*, session: Session, drill: Drill, at: datetime) -> clock.ClockReading:
    """Close the drill (also when its clock ran out by itself) and mark the plan as drilled."""
    drill.ended_at = at
    session.add(drill)
    audit.record(
        session=session,
        org_id=drill.organisation_id,
        action=Audited.drill_ended,
        target=f"#{drill.id} {drill.scenario_id}",
    )
    session.commit()
    plans.mark_drilled(session=session, plan_id=drill.plan_id, at=at)
    return reading(session=session, drill=drill, now=at)


def participants(*, session: Session, drill: Drill) -> list[DrillParticipant]:
    """Who holds which role in the drill."""
    return list(
        session.exec(
            select(DrillParticipant)
            .where(DrillParticipant.drill_id == drill.id)
            .order_by(DrillParticipant.role_key, DrillParticipant.user_id)
        ).all()
    )


def roster(*, session: Session, drill: Drill) -> Roster:
    """Every plan role with its holders; the roles nobody holds are listed apart."""
    held = participants(session=session, drill=drill)
    slots = [
        RoleSlot(
            role_key=role["id"],
            name=role["name"],
            can_publish=role["can_publish"],
            approves=role["approves"],
            user_ids=[p.user_id for p in held if p.role_key == role["id"]],
        )
        for role in plan_section(session=session, drill=drill)["roles"]
    ]
    return Roster(roles=slots, unfilled=[slot.role_key for slot in slots if not slot.user_ids])


def assign(*, session: Session, org: Organisation, drill: Drill, assign_in: AssignIn) -> Roster:
    """Replace the drill's roster: members of `org` to the plan's roles (several roles allowed)."""
    role_keys = {role["id"] for role in plan_section(session=session, drill=drill)["roles"]}
    for index, item in enumerate(assign_in.assignments):
        if item.role_key not in role_keys:
            raise Invalid(
                _("The plan has no role “%(role)s”.", role=item.role_key),
                field=f"assignments.{index}.role_key",
            )
        if not accounts.get_membership(session=session, user_id=item.user_id, org_id=org.id):
            raise Invalid(
                _("This person is not a member of the organisation."),
                field=f"assignments.{index}.user_id",
            )
    for row in participants(session=session, drill=drill):
        session.delete(row)
    session.flush()
    for user_id, role_key in sorted({(a.user_id, a.role_key) for a in assign_in.assignments}):
        session.add(DrillParticipant(drill_id=drill.id, user_id=user_id, role_key=role_key))
    session.commit()
    return roster(session=session, drill=drill)


def roles_of(*, session: Session, drill: Drill, user: User) -> list[str]:
    """The role keys `user` holds in the drill."""
    return sorted(
        p.role_key for p in participants(session=session, drill=drill) if p.user_id == user.id
    )
