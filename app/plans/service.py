"""Plan services: create, edit, move through review and approval, freeze versions, cadence.

With `items.py` (section items) and `transfer.py` (files), the only code touching plan tables.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, update
from sqlmodel import Session, SQLModel, select

from app.accounts import audit
from app.accounts.audit_models import AuditAction as Audited
from app.accounts.models import Organisation, User
from app.core.db import begin_write, utcnow
from app.core.errors import Conflict, Forbidden, NotFound
from app.core.i18n import gettext as _
from app.plans.catalogue import DEFAULT_SEVERITIES, TRANSITIONS, PlanStatus
from app.plans.drill_record import drill_record_plan
from app.plans.models import Plan, PlanChange, PlanSeverity, PlanVersion
from app.plans.schemas import PlanCreate, PlanPublic, PlanUpdate


@contextmanager
def atomic(session: Session) -> Iterator[None]:
    """One write transaction: commit when the block succeeds, roll everything back when it
    raises. It begins as a writer (`begin_write`), so on SQLite it waits for its turn."""
    begin_write(session)
    try:
        yield
        session.commit()
    except Exception:
        session.rollback()
        raise


def claim_version(*, session: Session, row: Any, expected: int) -> None:
    """Move `row` from version `expected` to the next, or raise Conflict if someone was first.

    The conditional UPDATE makes the check hold even between two concurrent requests.
    """
    model = type(row)
    stale = Conflict(
        _(
            "Someone else saved this since you opened it (it is now at version %(now)s). "
            "Your changes were not saved: review them and save again.",
            now=row.version,
        ),
        field="version",
    )
    if row.version != expected:
        raise stale
    result = session.connection().execute(
        update(model)
        .where(model.id == row.id, model.version == expected)
        .values(version=expected + 1)
    )
    if result.rowcount != 1:
        raise stale
    row.version = expected + 1


def record_change(
    *,
    session: Session,
    plan: Plan,
    user: User | None,
    action: str,
    summary: str = "",
    detail: dict | None = None,
) -> PlanChange:
    """Add an entry to the plan's history."""
    change = PlanChange(
        plan_id=plan.id,
        user_id=user.id if user else None,
        action=action,
        summary=summary[:300],
        detail=detail or {},
    )
    session.add(change)
    return change


def changed_fields(row: SQLModel, values: dict[str, Any]) -> dict[str, list[Any]]:
    """The fields `values` would change on `row`, as {field: [before, after]}."""
    return {
        name: [getattr(row, name), value]
        for name, value in values.items()
        if getattr(row, name) != value
    }


def touch(*, session: Session, plan: Plan, user: User | None) -> None:
    """Note that the plan's content changed; an approved plan goes back to draft.

    Archived plans are read-only.
    """
    if plan.status == PlanStatus.archived:
        raise Conflict(
            _("This plan is archived and read-only. Restore it to draft first."), field="status"
        )
    if plan.status == PlanStatus.approved:
        plan.status = PlanStatus.draft
        latest = max((v.number for v in list_versions(session=session, plan=plan)), default=None)
        kept = (
            _(
                "v%(number)s stays the approved version for drills until the next approval.",
                number=latest,
            )
            if latest
            else ""
        )
        record_change(session=session, plan=plan, user=user, action="reopened", summary=kept)
    plan.updated_at = utcnow()
    session.add(plan)


def list_plans(*, session: Session, org: Organisation) -> list[Plan]:
    """The organisation's plans, most recently changed first."""
    return list(
        session.exec(
            select(Plan).where(Plan.organisation_id == org.id).order_by(Plan.updated_at.desc())
        ).all()
    )


def get_plan(*, session: Session, org: Organisation, plan_id: int) -> Plan:
    """The organisation's plan with this id; NotFound for any other."""
    plan = session.exec(
        select(Plan).where(Plan.id == plan_id, Plan.organisation_id == org.id)
    ).first()
    if plan is None:
        raise NotFound(_("This plan does not exist."))
    return plan


def find_plan(*, session: Session, plan_id: int) -> Plan:
    """Any plan by id, whatever its organisation: for trusted callers (CLI, drills)."""
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFound(_("This plan does not exist."))
    return plan


def new_plan_row(
    *, session: Session, org: Organisation, user: User | None, plan_in: PlanCreate
) -> Plan:
    """Insert the plan row itself (no sections), with its first history entry."""
    plan = Plan(
        organisation_id=org.id, created_by_id=user.id if user else None, **plan_in.model_dump()
    )
    session.add(plan)
    session.flush()
    record_change(session=session, plan=plan, user=user, action="created", summary=plan.title)
    return plan


def create_plan(
    *, session: Session, org: Organisation, user: User | None, plan_in: PlanCreate
) -> Plan:
    """A new draft plan with the four default severity levels, in its first language."""
    with atomic(session):
        plan = new_plan_row(session=session, org=org, user=user, plan_in=plan_in)
        defaults = DEFAULT_SEVERITIES[plan.languages[0]]
        for level, (name, criteria, tone, minutes, approval) in enumerate(defaults, start=1):
            session.add(
                PlanSeverity(
                    plan_id=plan.id,
                    position=level,
                    level=level,
                    name=name,
                    criteria=criteria,
                    tone=tone,
                    response_minutes=minutes,
                    needs_approval=approval,
                )
            )
    return plan


def update_plan(
    *, session: Session, org: Organisation, user: User | None, plan: Plan, plan_in: PlanUpdate
) -> Plan:
    """Change the plan's own fields, refusing a stale version."""
    values = plan_in.model_dump(exclude_unset=True, exclude={"version"})
    with atomic(session):
        claim_version(session=session, row=plan, expected=plan_in.version)
        changes = changed_fields(plan, values)
        touch(session=session, plan=plan, user=user)
        for name, value in values.items():
            setattr(plan, name, value)
        record_change(
            session=session,
            plan=plan,
            user=user,
            action="updated",
            summary=plan.title,
            detail={"fields": changes},
        )
    return plan


def change_status(
    *,
    session: Session,
    org: Organisation,
    user: User | None,
    plan: Plan,
    status: PlanStatus,
    version: int,
) -> Plan:
    """Move the plan to `status`; approving freezes a new numbered version."""
    if status not in TRANSITIONS[plan.status]:
        raise Conflict(
            _("A plan cannot go from “%(old)s” to “%(new)s”.", old=plan.status, new=status),
            field="status",
        )
    from app.plans import transfer

    if status == PlanStatus.approved and not transfer.has_key_messages(session=session, plan=plan):
        raise Conflict(
            _("Write at least one key message before approving the plan."), field="status"
        )
    if status == PlanStatus.approved and not may_approve(
        session=session, org=org, plan=plan, user=user
    ):
        raise Forbidden(
            _("You sent this plan for review: another author or an admin approves it."),
            field="status",
        )
    with atomic(session):
        claim_version(session=session, row=plan, expected=version)
        old = plan.status
        plan.status = status
        plan.updated_at = utcnow()
        session.add(plan)
        detail: dict[str, Any] = {"from": old, "to": status}
        if status == PlanStatus.approved:
            frozen = freeze_version(
                session=session,
                plan=plan,
                user=user,
                snapshot=transfer.export_document(session=session, plan=plan),
            )
            detail["version_number"] = frozen.number
            audit.record(
                session=session,
                org_id=plan.organisation_id,
                action=Audited.plan_approved,
                target=plan.title,
                detail=f"v{frozen.number}",
            )
        record_change(
            session=session,
            plan=plan,
            user=user,
            action=f"status_{status}",
            summary=plan.title,
            detail=detail,
        )
    return plan


def lock_plan(*, session: Session, plan: Plan) -> None:
    """Hold the plan's row until the transaction ends: numbering its items is then final."""
    session.exec(select(Plan.id).where(Plan.id == plan.id).with_for_update()).one()


def submitted_by(*, session: Session, plan: Plan) -> int | None:
    """Who sent the plan for review, if the plan's last status change did that."""
    last = session.exec(
        select(PlanChange)
        .where(PlanChange.plan_id == plan.id, PlanChange.action.startswith("status_"))
        .order_by(PlanChange.id.desc())
        .limit(1)
    ).first()
    return last.user_id if last and last.action == f"status_{PlanStatus.in_review}" else None


def may_approve(*, session: Session, org: Organisation, plan: Plan, user: User | None) -> bool:
    """Four eyes: the author who sent the plan for review approves it only if the org allows."""
    if org.plans_self_approval or user is None:
        return True
    return submitted_by(session=session, plan=plan) != user.id


def freeze_version(
    *, session: Session, plan: Plan, user: User | None, snapshot: dict
) -> PlanVersion:
    """Store the next numbered, immutable snapshot of the plan."""
    last = session.exec(
        select(func.max(PlanVersion.number)).where(PlanVersion.plan_id == plan.id)
    ).one()
    version = PlanVersion(
        plan_id=plan.id,
        number=(last or 0) + 1,
        snapshot=snapshot,
        approved_by_id=user.id if user else None,
    )
    session.add(version)
    session.flush()
    return version


def list_versions(*, session: Session, plan: Plan) -> list[PlanVersion]:
    """The plan's approved versions, newest first."""
    return list(
        session.exec(
            select(PlanVersion)
            .where(PlanVersion.plan_id == plan.id)
            .order_by(PlanVersion.number.desc())
        ).all()
    )


def get_plan_version(*, session: Session, org: Organisation, version_id: int) -> PlanVersion:
    """A frozen version of one of the organisation's plans; NotFound for any other."""
    version = session.exec(
        select(PlanVersion)
        .join(Plan, Plan.id == PlanVersion.plan_id)
        .where(PlanVersion.id == version_id, Plan.organisation_id == org.id)
    ).first()
    if version is None:
        raise NotFound(_("This plan version does not exist."))
    return version


def list_changes(*, session: Session, plan: Plan) -> list[tuple[PlanChange, User | None]]:
    """The plan's history, newest first, with who made each change."""
    rows = session.exec(
        select(PlanChange, User)
        .outerjoin(User, User.id == PlanChange.user_id)
        .where(PlanChange.plan_id == plan.id)
        .order_by(PlanChange.created_at.desc(), PlanChange.id.desc())
    )
    return list(rows.all())


def mark_drilled(*, session: Session, plan_id: int, at: datetime) -> Plan:
    """Record that the plan was drilled at `at` (called by drills when one ends)."""
    plan = find_plan(session=session, plan_id=plan_id)
    with atomic(session):
        if plan.last_drilled_at is None or at > as_aware(plan.last_drilled_at):
            plan.last_drilled_at = at
            session.add(plan)
        record_change(
            session=session,
            plan=plan,
            user=None,
            action="drilled",
            summary=plan.title,
            detail={"at": at.isoformat()},
        )
    return plan


def set_last_drilled(*, session: Session, plan_id: int, at: datetime | None) -> None:
    """Put the plan's "last drilled" right after a drill stopped counting or was deleted."""
    plan = find_plan(session=session, plan_id=plan_id)
    with atomic(session):
        plan.last_drilled_at = at
        session.add(plan)


def as_aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def next_drill_due(plan: Plan) -> datetime | None:
    """When the plan should next be drilled: N days after the last drill, or after creation."""
    if plan.status == PlanStatus.archived:
        return None
    start = plan.last_drilled_at or plan.created_at
    return as_aware(start) + timedelta(days=plan.drill_every_days)


def is_overdue(plan: Plan, now: datetime) -> bool:
    """Whether the plan's next drill is past due."""
    due = next_drill_due(plan)
    return due is not None and due < now


def plan_public(plan: Plan, now: datetime | None = None) -> PlanPublic:
    """The plan as the API shows it, with its cadence worked out."""
    now = now or utcnow()
    return PlanPublic(
        id=plan.id,
        title=plan.title,
        description=plan.description,
        languages=plan.languages,
        drill_every_days=plan.drill_every_days,
        status=plan.status,
        version=plan.version,
        last_drilled_at=plan.last_drilled_at and as_aware(plan.last_drilled_at),
        next_drill_due_at=next_drill_due(plan),
        overdue=is_overdue(plan, now),
        created_at=as_aware(plan.created_at),
        updated_at=as_aware(plan.updated_at),
    )


def version_drill_plan(
    *,
    session: Session,
    org: Organisation,
    version_id: int,
    severity: int | None = None,
    language: str | None = None,
) -> dict:
    """The drill record's `plan` section for one of the organisation's frozen versions."""
    version = get_plan_version(session=session, org=org, version_id=version_id)
    return drill_record_plan(version.snapshot, severity=severity, language=language)
