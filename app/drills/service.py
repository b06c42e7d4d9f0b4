"""Drill services: set-up, roster, and the clock (each control appends to the clock log)."""

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import bindparam
from sqlalchemy.orm import object_session
from sqlmodel import Session, select

from app.accounts import audit
from app.accounts import service as accounts
from app.accounts.audit_models import AuditAction as Audited
from app.accounts.models import Organisation, User
from app.core.db import begin_write, get_engine, utcnow
from app.core.errors import Conflict, Invalid, NotFound
from app.core.i18n import gettext as _
from app.core.memo import Memo
from app.core.settings import get_settings
from app.core.timezones import aware
from app.drills import clock
from app.drills.models import (
    AssignIn,
    Drill,
    DrillClockEvent,
    DrillCreate,
    DrillMode,
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
from app.scenarios.rebrand import default_handle, rebranded
from app.storm.text import at_handle
from app.studio import service as studio
from app.studio.models import ScenarioVersion


def create_drill(
    *, session: Session, org: Organisation, user: User | None, drill_in: DrillCreate
) -> Drill:
    """A scheduled drill of an approved plan version of `org` against one of its scenarios
    (the latest version, recorded) or a library one."""
    try:
        version = plans.get_plan_version(
            session=session, org=org, version_id=drill_in.plan_version_id
        )
    except NotFound:
        raise Invalid(
            _("Choose an approved version of one of your plans."), field="plan_version_id"
        ) from None
    try:
        scenario, scenario_version = studio.resolve(
            session=session, org=org, reference=drill_in.scenario_id
        )
    except NotFound:
        raise Invalid(
            _("No scenario “%(id)s” in the library.", id=drill_in.scenario_id),
            field="scenario_id",
        ) from None
    seed = drill_in.seed if drill_in.seed is not None else random.SystemRandom().randrange(2**31)
    brand = drill_in.brand or scenario.brand.name
    drill = Drill(
        organisation_id=org.id,
        plan_id=version.plan_id,
        plan_version_id=version.id,
        scenario_id=scenario.id,
        scenario_version_id=scenario_version.id if scenario_version else None,
        title=drill_in.title or scenario.title.get(drill_in.language),
        language=drill_in.language,
        seed=seed,
        speed=drill_in.speed,
        scheduled_at=drill_in.scheduled_at,
        duration_s=scenario.duration,
        brand=brand,
        brand_handle=at_handle(drill_in.brand_handle or default_handle(scenario, brand)),
        mode=drill_in.mode.value,
        created_by_id=user.id if user else None,
    )
    session.add(drill)
    session.flush()
    session.add_all(planned_roster(session=session, org=org, drill=drill, version=version))
    session.commit()
    session.refresh(drill)
    return drill


def planned_roster(
    *, session: Session, org: Organisation, drill: Drill, version: PlanVersion
) -> list[DrillParticipant]:
    """The roster a drill starts with: each role's holder in the plan, if still a member."""
    holders = []
    for role in version.snapshot.get("roles", []):
        email = role.get("holder_member")
        user = email and accounts.get_user_by_email(session=session, email=email)
        if user and accounts.get_membership(session=session, user_id=user.id, org_id=org.id):
            holders.append(
                DrillParticipant(drill_id=drill.id, user_id=user.id, role_key=role["key"])
            )
    return holders


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


def upcoming_for(*, session: Session, org: Organisation, user: User) -> list[DrillPublic]:
    """The drills of `org` where `user` holds a role and that have not ended, soonest first."""
    drills = session.exec(
        select(Drill)
        .join(DrillParticipant, DrillParticipant.drill_id == Drill.id)
        .where(
            Drill.organisation_id == org.id,
            DrillParticipant.user_id == user.id,
            Drill.ended_at.is_(None),
        )
        .distinct()
        .order_by(Drill.scheduled_at, Drill.id)
    ).all()
    found = [drill_public(session=session, drill=drill) for drill in drills]
    return [drill for drill in found if drill.status != clock.ClockStatus.ended.value]


# The statements every action runs, built once (building one costs about as much CPU as
# running it; see accounts.session_service).
_LOCK_DRILL = (
    select(Drill)
    .where(Drill.id == bindparam("drill_id"))
    .with_for_update()
    .execution_options(populate_existing=True)
)
_CLOCK_LOG = (
    select(DrillClockEvent)
    .where(DrillClockEvent.drill_id == bindparam("drill_id"))
    .order_by(DrillClockEvent.at, DrillClockEvent.id)
)
_ROLES_HELD = select(DrillParticipant.role_key).where(
    DrillParticipant.drill_id == bindparam("drill_id"),
    DrillParticipant.user_id == bindparam("user_id"),
)


@contextmanager
def locked(*, session: Session, drill: Drill) -> Iterator[None]:
    """A write transaction holding the drill's lock, with `drill` reread under it.

    Writers to one drill take turns (SQLite: the database's write lock; PostgreSQL: the
    drill's row), so what they read next (the last action number, a pending approval, the
    clock log) is final until they commit: a race is decided once, never by a duplicate.
    The block commits; if it raises, the lock is released at once by a rollback.
    """
    begin_write(session)
    session.exec(_LOCK_DRILL, params={"drill_id": drill.id}).one()
    try:
        yield
    except Exception:
        session.rollback()
        raise


_rebranded: Memo[tuple[Scenario, Scenario]] = Memo()  # (as written, rebranded)


def base_scenario(drill: Drill) -> Scenario:
    """The scenario the drill runs, as written: the version it recorded, else the library file.

    The version is read through the session the drill was loaded in, or a new one for a drill
    held outside any (a version never changes, so any session reads the same document).
    """
    if drill.scenario_version_id is None:
        return library.load_scenario(drill.scenario_id)
    session = object_session(drill)
    if session is not None:
        return studio.document_of(session.get(ScenarioVersion, drill.scenario_version_id))
    with Session(get_engine()) as own:
        return studio.document_of(own.get(ScenarioVersion, drill.scenario_version_id))


def scenario_of(drill: Drill) -> Scenario:
    """The drill's scenario, speaking of the drill's brand (cached while the scenario is)."""
    scenario = base_scenario(drill)
    handle = drill.brand_handle or default_handle(scenario, drill.brand)
    key = (drill.scenario_id, drill.scenario_version_id, drill.brand, handle)
    cached = _rebranded.get(
        key,
        lambda: (scenario, rebranded(scenario, drill.brand, handle)),
        fresh=lambda entry: entry[0] is scenario,
    )
    return cached[1]


def plan_version(*, session: Session, drill: Drill) -> PlanVersion:
    """The drill's frozen plan version, held for the session's life. The identity map holds
    objects weakly: an action's request, which reads the plan five times (roles, audiences,
    checklist, the activity line's words), queried and decoded the whole plan each time."""
    held = session.info.setdefault("plan_versions", {})
    version = held.get(drill.plan_version_id)
    if version is None:
        version = held[drill.plan_version_id] = session.get(PlanVersion, drill.plan_version_id)
    return version


def plan_section(*, session: Session, drill: Drill) -> dict:
    """The record's `plan` section: the frozen version at the scenario's severity and language."""
    version = plan_version(session=session, drill=drill)
    return drill_record_plan(
        version.snapshot, severity=scenario_of(drill).severity, language=drill.language
    )


def audiences(*, session: Session, drill: Drill) -> list[dict]:
    """The plan version's audiences (key, name, channels): whom a public statement addresses."""
    version = plan_version(session=session, drill=drill)
    return [
        {"key": a["key"], "name": a["name"], "channels": a.get("channels", [])}
        for a in version.snapshot.get("audiences", [])
    ]


def clock_events(*, session: Session, drill: Drill) -> list[clock.ClockEvent]:
    """The drill's clock log, in order."""
    rows = session.exec(_CLOCK_LOG, params={"drill_id": drill.id}).all()
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
    """Append a start, pause, resume, speed change or end to the clock log, if allowed now.

    Under the drill's lock: of simultaneous controls, those the first makes invalid (a second
    pause) are refused with Conflict instead of being stored too.
    """
    with locked(session=session, drill=drill):
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
    """Close the drill (also when its clock ran out by itself); a rehearsal that counts marks
    the plan as drilled.

    Called under `locked`: this commits, with the plan's mark in the same transaction.
    """
    drill.ended_at = at
    session.add(drill)
    audit.record(
        session=session,
        org_id=drill.organisation_id,
        action=Audited.drill_ended,
        target=f"#{drill.id} {drill.scenario_id}",
    )
    ended = reading(session=session, drill=drill, now=at)
    if counts_at(drill, ended.sim_s):
        plans.mark_drilled(session=session, plan_id=drill.plan_id, at=at)
    else:
        session.commit()
    return ended


def counts_at(drill: Drill, ran_s: float, min_share: float | None = None) -> bool:
    """Whether an ended drill that ran `ran_s` counts for its plan's cadence and trends:
    a rehearsal (never a practice) that ran at least the configured share of its scenario."""
    if drill.mode != DrillMode.rehearsal or drill.ended_at is None:
        return False
    share = get_settings().rehearsal_min_share if min_share is None else min_share
    return ran_s + 0.001 >= share * drill.duration_s


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
    with locked(session=session, drill=drill):
        for row in participants(session=session, drill=drill):
            session.delete(row)
        session.flush()
        for user_id, role_key in sorted({(a.user_id, a.role_key) for a in assign_in.assignments}):
            session.add(DrillParticipant(drill_id=drill.id, user_id=user_id, role_key=role_key))
        session.commit()
    return roster(session=session, drill=drill)


def roles_of(*, session: Session, drill: Drill, user: User) -> list[str]:
    """The role keys `user` holds in the drill, sorted."""
    return sorted(session.exec(_ROLES_HELD, params={"drill_id": drill.id, "user_id": user.id}))
