"""Section item services: add, edit, reorder and remove roles, levels, audiences, messages…

Each write checks the item's version and the cross-references between sections, and runs in
one transaction.
"""

from typing import Any

from pydantic import BaseModel
from sqlmodel import Session, SQLModel, select

from app.accounts import service as accounts
from app.accounts.models import Membership, Organisation, User
from app.core.errors import Conflict, Invalid, NotFound
from app.core.i18n import gettext as _
from app.plans.models import Plan, PlanAction, PlanAudience, PlanMessage, PlanRole, PlanSeverity
from app.plans.schemas import slugify, unique_key
from app.plans.sections import Section
from app.plans.service import (
    atomic,
    changed_fields,
    claim_version,
    lock_plan,
    record_change,
    touch,
)

PERSON_FIELDS = ("holder", "backup")


def list_items(*, session: Session, plan: Plan, section: Section) -> list[Any]:
    """The section's items in display order."""
    model = section.model
    order = (model.level,) if model is PlanSeverity else (model.position, model.id)
    return list(session.exec(select(model).where(model.plan_id == plan.id).order_by(*order)))


def get_item(*, session: Session, plan: Plan, section: Section, item_id: int) -> Any:
    """An item of this plan's section; NotFound for any other id."""
    row = session.get(section.model, item_id)
    if row is None or row.plan_id != plan.id:
        raise NotFound(_("This item does not exist."))
    return row


def list_members(*, session: Session, org: Organisation) -> list[User]:
    """The organisation's members, by name, to pick role holders from."""
    return list(
        session.exec(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.organisation_id == org.id)
            .order_by(User.display_name)
        ).all()
    )


def member_names(*, session: Session, document: dict[str, Any]) -> dict[str, str]:
    """The display names of the members a plan document names by email, for pages to show."""
    emails = {
        role.get(f"{person}_member")
        for role in document.get("roles", [])
        for person in PERSON_FIELDS
    } - {None}
    if not emails:
        return {}
    users = session.exec(select(User).where(User.email.in_(emails))).all()
    return {user.email: user.display_name for user in users}


def item_values(*, session: Session, section: Section, row: SQLModel) -> dict[str, Any]:
    """The item as its create schema sees it (members named by email)."""
    values = {
        name: getattr(row, name) for name in section.create.model_fields if hasattr(row, name)
    }
    if isinstance(row, PlanRole):
        for person in PERSON_FIELDS:
            user_id = getattr(row, f"{person}_user_id")
            user = user_id and session.get(User, user_id)
            values[f"{person}_member"] = user.email if user else None
    return values


def item_public(*, session: Session, section: Section, row: SQLModel) -> BaseModel:
    """The item as the API shows it."""
    return section.public(
        id=row.id,
        position=row.position,
        version=row.version,
        **item_values(session=session, section=section, row=row),
    )


def column_values(
    *, session: Session, org: Organisation, section: Section, data: BaseModel
) -> dict[str, Any]:
    """The table columns for validated input; member emails become user ids."""
    values = data.model_dump(exclude={"version"})
    if section.model is PlanRole:
        for person in PERSON_FIELDS:
            email = values.pop(f"{person}_member")
            values[f"{person}_user_id"] = email and member_id(
                session=session, org=org, email=email, field=f"{person}_member"
            )
    return values


def member_id(*, session: Session, org: Organisation, email: str, field: str) -> int:
    """The id of the organisation's member with this email, or Invalid naming `field`."""
    user = accounts.get_user_by_email(session=session, email=email)
    if user is None or not accounts.get_membership(session=session, user_id=user.id, org_id=org.id):
        raise Invalid(
            _("%(email)s is not a member of this organisation.", email=email), field=field
        )
    return user.id


def keys_of(*, session: Session, plan: Plan, model: type[SQLModel]) -> set[str]:
    """The keys already used in one section of the plan."""
    return set(session.exec(select(model.key).where(model.plan_id == plan.id)).all())


def check_references(*, session: Session, plan: Plan, values: dict[str, Any]) -> None:
    """Refuse references to roles or audiences the plan does not have, naming the field."""
    roles = keys_of(session=session, plan=plan, model=PlanRole)
    wanted = {
        "alert_roles": (values.get("alert_roles") or [], roles),
        "owner_role": ([values["owner_role"]] if values.get("owner_role") else [], roles),
        "audiences": (
            values.get("audiences") or [],
            keys_of(session=session, plan=plan, model=PlanAudience),
        ),
    }
    for field, (keys, known) in wanted.items():
        for key in keys:
            if key not in known:
                raise Invalid(
                    _("This plan has nothing with the key “%(key)s”.", key=key), field=field
                )
    if "language" in values and values["language"] not in plan.languages:
        raise Invalid(
            _("This plan is written in %(languages)s.", languages=", ".join(plan.languages)),
            field="language",
        )


def check_unique(
    *,
    session: Session,
    plan: Plan,
    section: Section,
    values: dict[str, Any],
    row: SQLModel | None = None,
) -> None:
    """Refuse a second severity level with the same number, or a second KPI on one metric."""
    attr = section.key_attr
    if attr == "key" or (row is not None and getattr(row, attr) == values[attr]):
        return
    model = section.model
    clash = session.exec(
        select(model.id).where(model.plan_id == plan.id, getattr(model, attr) == values[attr])
    ).first()
    if clash is not None:
        raise Invalid(_("This plan already has one with this value."), field=attr)


def record_item_change(
    *,
    session: Session,
    plan: Plan,
    user: User | None,
    section: Section,
    row: SQLModel,
    action: str,
    fields: dict[str, list[Any]] | None = None,
) -> None:
    """Log a change to one item in the plan's history, naming its section (and changed fields)."""
    detail: dict[str, Any] = {"section": section.slug}
    if fields is not None:
        detail["fields"] = fields
    record_change(
        session=session,
        plan=plan,
        user=user,
        action=action,
        summary=section.describe(row),
        detail=detail,
    )


def create_item(
    *,
    session: Session,
    org: Organisation,
    user: User | None,
    plan: Plan,
    section: Section,
    data: BaseModel,
) -> SQLModel:
    """Add an item at the end of the section."""
    values = column_values(session=session, org=org, section=section, data=data)
    check_references(session=session, plan=plan, values=values)
    check_unique(session=session, plan=plan, section=section, values=values)
    model = section.model
    if section.key_attr == "key":
        taken = keys_of(session=session, plan=plan, model=model)
        if values.get("key") in taken:
            raise Invalid(_("This key is already used in this section."), field="key")
        values["key"] = values.get("key") or unique_key(slugify(section.describe(data)), taken)
    with atomic(session):
        lock_plan(session=session, plan=plan)
        last = [row.position for row in list_items(session=session, plan=plan, section=section)]
        touch(session=session, plan=plan, user=user)
        row = model(plan_id=plan.id, position=max(last, default=0) + 1, **values)
        session.add(row)
        session.flush()
        record_item_change(
            session=session, plan=plan, user=user, section=section, row=row, action="item_added"
        )
    return row


def update_item(
    *,
    session: Session,
    org: Organisation,
    user: User | None,
    plan: Plan,
    section: Section,
    row: SQLModel,
    data: BaseModel,
) -> SQLModel:
    """Replace an item's values, refusing a stale version; its key never changes."""
    values = column_values(session=session, org=org, section=section, data=data)
    values.pop("key", None)
    check_references(session=session, plan=plan, values=values)
    check_unique(session=session, plan=plan, section=section, values=values, row=row)
    with atomic(session):
        claim_version(session=session, row=row, expected=data.version)
        changes = changed_fields(row, values)
        touch(session=session, plan=plan, user=user)
        for name, value in values.items():
            setattr(row, name, value)
        session.add(row)
        record_item_change(
            session=session,
            plan=plan,
            user=user,
            section=section,
            row=row,
            action="item_updated",
            fields=changes,
        )
    return row


def users_of(*, session: Session, plan: Plan, key: str) -> list[str]:
    """Names of the checklist actions, levels and messages that refer to a role or audience."""
    found = [
        f"{_('Level')} {s.level}"
        for s in session.exec(select(PlanSeverity).where(PlanSeverity.plan_id == plan.id))
        if key in s.alert_roles
    ]
    found += [
        a.title
        for a in session.exec(
            select(PlanAction).where(PlanAction.plan_id == plan.id, PlanAction.owner_role == key)
        )
    ]
    return found


def delete_item(
    *,
    session: Session,
    user: User | None,
    plan: Plan,
    section: Section,
    row: SQLModel,
    version: int,
) -> None:
    """Remove an item at `version` (Conflict if someone saved it since); one still used is kept."""
    if isinstance(row, PlanRole):
        used_by = users_of(session=session, plan=plan, key=row.key)
    elif isinstance(row, PlanAudience):
        used_by = [
            m.title
            for m in session.exec(select(PlanMessage).where(PlanMessage.plan_id == plan.id))
            if row.key in m.audiences
        ]
    else:
        used_by = []
    if used_by:
        raise Conflict(
            _("Still used by: %(items)s. Change those first.", items=", ".join(used_by)),
            field=section.key_attr,
        )
    with atomic(session):
        claim_version(session=session, row=row, expected=version)
        touch(session=session, plan=plan, user=user)
        record_item_change(
            session=session, plan=plan, user=user, section=section, row=row, action="item_removed"
        )
        session.delete(row)


def move_item(
    *, session: Session, user: User | None, plan: Plan, section: Section, row: SQLModel, offset: int
) -> None:
    """Move an item one place up (offset -1) or down (+1) in its section."""
    items = list_items(session=session, plan=plan, section=section)
    index = next(i for i, item in enumerate(items) if item.id == row.id)
    target = index + offset
    if not 0 <= target < len(items) or section.model is PlanSeverity:
        return
    items[index], items[target] = items[target], items[index]
    with atomic(session):
        touch(session=session, plan=plan, user=user)
        for position, item in enumerate(items, start=1):
            item.position = position
            session.add(item)
        record_item_change(
            session=session, plan=plan, user=user, section=section, row=row, action="item_moved"
        )
