"""Improvement items as tracked plan changes: open until the plan is updated in their section.

How "done when the plan is updated" works: reconciling on read. The plans domain records every
edit of a section in `plan_change` (`detail["section"]` is the section slug); it knows nothing
of scoring, and must not (dependencies point one way: scoring reads plans). Whenever items are
read here (`list_items`, `open_counts`), `reconcile` first closes every open item whose plan
had an item added, updated or removed in the item's section after the item was created (or
last reopened), linking that change as `done_change_id` and using its time as `done_at`.
Reordering a section (`item_moved`) does not count: it changes no content. A trainer can also
close an item by hand (no linked change) or reopen it; reopening sets `reopened_at`, so only
changes made after that moment can close it again.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col, select

from app.accounts import service as accounts
from app.accounts.models import Organisation, User
from app.core.db import utcnow
from app.core.errors import Invalid, NotFound
from app.core.i18n import gettext as _
from app.drills.models import Drill
from app.drills.service import aware
from app.plans.models import Plan, PlanChange
from app.plans.sections import SECTIONS
from app.scoring.models import ImprovementCreate, ImprovementItem, ItemStatus

FULFILLING_ACTIONS = frozenset({"item_added", "item_updated", "item_removed"})


@dataclass(frozen=True)
class ItemView:
    """An item with what its page shows beside it."""

    item: ImprovementItem
    owner: User | None
    drill: Drill | None
    change: PlanChange | None
    overdue: bool


def watched_since(item: ImprovementItem) -> datetime:
    """The moment after which a change in the item's section fulfils it."""
    return aware(item.reopened_at or item.created_at)


def fulfilling_change(item: ImprovementItem, changes: Iterable[PlanChange]) -> PlanChange | None:
    """The earliest change of the item's section made after it was created or reopened."""
    since = watched_since(item)
    return next(
        (
            change
            for change in changes
            if change.plan_id == item.plan_id
            and change.action in FULFILLING_ACTIONS
            and change.detail.get("section") == item.section
            and aware(change.created_at) > since
        ),
        None,
    )


def reconcile(*, session: Session, plan_ids: Iterable[int]) -> int:
    """Close the open items of these plans that a later plan change fulfilled; how many."""
    ids = list(plan_ids)
    items = session.exec(
        select(ImprovementItem).where(
            col(ImprovementItem.plan_id).in_(ids), ImprovementItem.status == ItemStatus.open
        )
    ).all()
    if not items:
        return 0
    changes = session.exec(
        select(PlanChange)
        .where(col(PlanChange.plan_id).in_({item.plan_id for item in items}))
        .order_by(PlanChange.created_at, PlanChange.id)
    ).all()
    closed = 0
    for item in items:
        change = fulfilling_change(item, changes)
        if change is not None:
            item.status, item.done_at, item.done_change_id = (
                ItemStatus.done,
                change.created_at,
                change.id,
            )
            session.add(item)
            closed += 1
    if closed:
        try:
            session.commit()
        except OperationalError:  # SQLite busy with another writer: the next read retries
            session.rollback()
            return 0
    return closed


def list_items(*, session: Session, plan: Plan, today: date | None = None) -> list[ItemView]:
    """The plan's items, reconciled: open ones first by due date, then done ones."""
    reconcile(session=session, plan_ids=[plan.id])
    today = today or utcnow().date()
    rows = session.exec(select(ImprovementItem).where(ImprovementItem.plan_id == plan.id)).all()
    rows = sorted(rows, key=lambda i: (i.status != ItemStatus.open, i.due_on, i.id))
    return [
        ItemView(
            item=item,
            owner=item.owner_id and session.get(User, item.owner_id),
            drill=item.drill_id and session.get(Drill, item.drill_id),
            change=item.done_change_id and session.get(PlanChange, item.done_change_id),
            overdue=item.status == ItemStatus.open and item.due_on < today,
        )
        for item in rows
    ]


def get_item(*, session: Session, plan: Plan, item_id: int) -> ImprovementItem:
    """One of the plan's items; NotFound for any other id."""
    item = session.get(ImprovementItem, item_id)
    if item is None or item.plan_id != plan.id:
        raise NotFound(_("This improvement item does not exist."))
    return item


def mark_done(*, session: Session, item: ImprovementItem, now: datetime | None = None) -> None:
    """Close the item by hand: no plan change is linked."""
    if item.status != ItemStatus.done:
        item.status, item.done_at, item.done_change_id = ItemStatus.done, now or utcnow(), None
        session.add(item)
        session.commit()


def reopen(*, session: Session, item: ImprovementItem, now: datetime | None = None) -> None:
    """Open the item again; only plan changes from now on can close it."""
    if item.status != ItemStatus.open:
        item.status, item.done_at, item.done_change_id = ItemStatus.open, None, None
        item.reopened_at = now or utcnow()
        session.add(item)
        session.commit()


def add_item(
    *,
    session: Session,
    plan: Plan,
    drill: Drill | None,
    user: User | None,
    item_in: ImprovementCreate,
    now: datetime | None = None,
) -> ImprovementItem:
    """A new open item of the plan: a known section, an owner from the plan's organisation."""
    if item_in.section not in SECTIONS:
        raise Invalid(_("Choose one of the plan's sections."), field="section")
    if item_in.owner_id is not None and not accounts.get_membership(
        session=session, user_id=item_in.owner_id, org_id=plan.organisation_id
    ):
        raise Invalid(_("The owner must be a member of the organisation."), field="owner_id")
    item = ImprovementItem(
        **item_in.model_dump(),
        plan_id=plan.id,
        drill_id=drill.id if drill else None,
        created_by_id=user.id if user else None,
        created_at=now or utcnow(),
    )
    session.add(item)
    session.commit()
    session.refresh(item)
    return item


def open_counts(
    *, session: Session, org: Organisation, today: date | None = None
) -> dict[int, tuple[int, int]]:
    """Per plan of `org`: (open items, of which overdue), after reconciling."""
    plan_ids = session.exec(select(Plan.id).where(Plan.organisation_id == org.id)).all()
    reconcile(session=session, plan_ids=plan_ids)
    today = today or utcnow().date()
    counts: dict[int, tuple[int, int]] = {}
    rows = session.exec(
        select(ImprovementItem).where(
            col(ImprovementItem.plan_id).in_(plan_ids), ImprovementItem.status == ItemStatus.open
        )
    ).all()
    for item in rows:
        total, late = counts.get(item.plan_id, (0, 0))
        counts[item.plan_id] = (total + 1, late + (item.due_on < today))
    return counts
