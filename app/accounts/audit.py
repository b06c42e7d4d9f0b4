"""The audit log: services record who did what, when and from where in their organisation.

`record` adds the event to the caller's transaction, so it is saved with the change it
describes, or not at all. Who and from where default to the current request's caller
and client address, which `RequestContext` and the access dependency note, so
any domain logs an event in one line:

    audit.record(session=session, org_id=plan.organisation_id,
                 action=AuditAction.plan_approved, target=plan.title)
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session, col, select

from app.accounts.audit_models import AuditAction, AuditEvent, AuditEventPublic
from app.accounts.models import Membership, User
from app.core.logs import request_notes

PAGE_SIZE = 100


def note_actor(user: User) -> None:
    """Remember who the current request acts as, for the events it records."""
    context = request_notes.get()
    if context is not None:
        context["actor"] = user


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def record(
    *,
    session: Session,
    org_id: int,
    action: AuditAction,
    target: str = "",
    detail: str = "",
    actor: User | None = None,
    email: str = "",
) -> AuditEvent:
    """Add an event to the organisation's log; the caller's commit saves it with its change."""
    context = request_notes.get() or {}
    actor = actor or context.get("actor")
    event = AuditEvent(
        organisation_id=org_id,
        actor_id=actor.id if actor else None,
        actor_email=_clip(actor.email if actor else email, 254),
        action=action,
        target=_clip(target, 300),
        detail=_clip(detail, 300),
        address=_clip(context.get("address", ""), 64),
    )
    session.add(event)
    return event


def _end_reads(session: Session) -> None:
    # On SQLite a transaction that read and then writes gets "database is locked" at once
    # when another writer went first; one that starts by writing waits for the lock. Sign-ins
    # come in parallel bursts, so their writes start a transaction of their own.
    session.commit()


def record_sign_in(*, session: Session, user: User, org_id: int | None) -> None:
    """Log a successful sign-in in the organisation it lands in."""
    if org_id is not None:
        _end_reads(session)
        record(session=session, org_id=org_id, action=AuditAction.sign_in, actor=user)
        session.commit()


def record_sign_out(*, session: Session, user: User, org_id: int | None) -> None:
    """Log a sign-out in the organisation the session was acting in; the logout commits."""
    if org_id is not None:
        record(session=session, org_id=org_id, action=AuditAction.sign_out, actor=user)


def record_failed_sign_in(*, session: Session, email: str) -> None:
    """Log a wrong password in every organisation of that account (unknown emails: nowhere)."""
    user = session.exec(select(User).where(User.email == email.strip().lower())).first()
    if user is None:
        return
    org_ids = session.exec(select(Membership.organisation_id).where(Membership.user_id == user.id))
    org_ids = org_ids.all()
    _end_reads(session)
    for org_id in org_ids:
        record(session=session, org_id=org_id, action=AuditAction.sign_in_failed, actor=user)
    session.commit()


@dataclass(frozen=True)
class AuditFilter:
    """What the log page and exports narrow the events to; empty fields do not filter."""

    action: AuditAction | None = None
    actor: str = ""
    since: date | None = None
    until: date | None = None


def _query(org_id: int, where: AuditFilter):
    query = select(AuditEvent).where(AuditEvent.organisation_id == org_id)
    if where.action:
        query = query.where(AuditEvent.action == where.action)
    if where.actor.strip():
        query = query.where(
            col(AuditEvent.actor_email).contains(where.actor.strip().lower(), autoescape=True)
        )
    if where.since:
        query = query.where(AuditEvent.created_at >= datetime.combine(where.since, time(), UTC))
    if where.until:
        end = datetime.combine(where.until + timedelta(days=1), time(), UTC)
        query = query.where(AuditEvent.created_at < end)
    return query.order_by(col(AuditEvent.id).desc())


def list_events(
    *, session: Session, org_id: int, where: AuditFilter, before: int | None = None
) -> list[AuditEvent]:
    """One page of the organisation's events, newest first, older than event `before`."""
    query = _query(org_id, where)
    if before is not None:
        query = query.where(col(AuditEvent.id) < before)
    return list(session.exec(query.limit(PAGE_SIZE)).all())


def iter_events(*, session: Session, org_id: int, where: AuditFilter) -> Iterator[AuditEvent]:
    """Every matching event of the organisation, newest first, read in pages for exports."""
    before = None
    while page := list_events(session=session, org_id=org_id, where=where, before=before):
        yield from page
        before = page[-1].id


def public(event: AuditEvent) -> AuditEventPublic:
    """An event as exports show it, its time in UTC with its zone."""
    moment = event.created_at
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return AuditEventPublic.model_validate(event, from_attributes=True).model_copy(
        update={"created_at": moment}
    )
