"""Plan factories for tests: plans with a few items in every section, through the services."""

from sqlmodel import Session

from app.accounts.models import Organisation, User
from app.plans import items, service
from app.plans.models import Plan
from app.plans.schemas import (
    ActionCreate,
    AudienceCreate,
    KpiCreate,
    MessageCreate,
    PlanCreate,
    RoleCreate,
)
from app.plans.sections import SECTIONS


def make_plan(session: Session, org: Organisation, user: User | None = None, **overrides) -> Plan:
    """A draft plan with its default severity levels and nothing else."""
    plan_in = PlanCreate(**{"title": "Product recall plan", "languages": ["en"], **overrides})
    return service.create_plan(session=session, org=org, user=user, plan_in=plan_in)


def add(session: Session, org: Organisation, plan: Plan, slug: str, data, user=None):
    """Add one item to a section of the plan."""
    return items.create_item(
        session=session, org=org, user=user, plan=plan, section=SECTIONS[slug], data=data
    )


def make_full_plan(session: Session, org: Organisation, user: User | None = None) -> Plan:
    """A plan with an item in every section, ready to approve."""
    plan = make_plan(session, org, user)
    add(
        session,
        org,
        plan,
        "roles",
        RoleCreate(
            name="Spokesperson",
            responsibilities=["Speaks to the media"],
            holder_contact="Ana Ruiz",
            may_publish=True,
        ),
        user,
    )
    add(session, org, plan, "audiences", AudienceCreate(name="Customers", channels=["X"]), user)
    add(
        session,
        org,
        plan,
        "messages",
        MessageCreate(
            title="First holding line",
            kind="holding",
            audiences=["customers"],
            language="en",
            text="We know about {incident} and are on it. Next update {next_update}.",
        ),
        user,
    )
    add(
        session,
        org,
        plan,
        "checklist",
        ActionCreate(title="Alert the crisis cell", owner_role="spokesperson", due_minutes=15),
        user,
    )
    add(session, org, plan, "kpis", KpiCreate(metric="priority_reply_rate", target=0.8), user)
    return plan


def send_for_review(
    session: Session, org: Organisation, plan: Plan, user: User | None = None
) -> None:
    """Send the plan for review as `user` (by default nobody, so anyone may approve it)."""
    service.change_status(
        session=session, org=org, user=user, plan=plan, status="in_review", version=plan.version
    )


def approve(session: Session, org: Organisation, plan: Plan, user: User | None = None) -> None:
    """Another person sends the plan for review, then `user` approves it (freezing a version)."""
    send_for_review(session, org, plan)
    service.change_status(
        session=session, org=org, user=user, plan=plan, status="approved", version=plan.version
    )


def walk_plan(session: Session, org: Organisation) -> Plan:
    """The one full plan of `org` the route walk uses, so nested ids belong together."""
    key = ("route-walk-plan", org.id)
    if key not in session.info:
        session.info[key] = make_full_plan(session, org)
    return session.info[key]


def plan_id(session: Session, factory, org: Organisation) -> int:
    """The id of a full plan in `org` (for the access route walk)."""
    return walk_plan(session, org).id


def version_id(session: Session, factory, org: Organisation) -> int:
    """The id of a frozen version of the walk's plan in `org`."""
    plan = walk_plan(session, org)
    versions = service.list_versions(session=session, plan=plan)
    if not versions:
        approve(session, org, plan)
        versions = service.list_versions(session=session, plan=plan)
    return versions[0].id


def section_item_id(slug: str):
    """A maker of the id of an item of section `slug` in the walk's plan of `org`."""

    def make(session: Session, factory, org: Organisation) -> int:
        plan = walk_plan(session, org)
        return items.list_items(session=session, plan=plan, section=SECTIONS[slug])[0].id

    make.__name__ = f"{slug}_item_id"
    return make
