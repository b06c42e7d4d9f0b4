"""Path parameters for the route walk (tests/test_access.py).

Each path-parameter name maps to a function `(session, factory, org)` returning a
value that belongs to `org`. A domain that adds a route with a new path parameter
registers it here, e.g. `"plan_id": lambda session, factory, org: make_plan(...).id`.

Something a person owns (a personal API token) belongs to the organisation's first
admin, who is also the walk's allowed caller: `first_admin(session, org)`.
"""

from collections.abc import Callable

from sqlmodel import Session

from app.accounts import member_service, service, token_service
from app.accounts.models import Organisation, Role, User
from tests.factories import Factory
from tests.plans.helpers import plan_id, section_item_id, version_id, walk_plan
from tests.scoring.review_helpers import annotation_id, item_of, org_drill_id, override_id
from tests.studio.helpers import bank_entry_id, scenario_id

PathValue = Callable[[Session, Factory, Organisation], int | str]


def membership_id(session: Session, factory: Factory, org: Organisation) -> int:
    """A plain member's membership in `org`."""
    user = factory.member(org, Role.member)
    return service.get_membership(session=session, user_id=user.id, org_id=org.id).id


def _invite(session: Session, factory: Factory, org: Organisation) -> member_service.AddOutcome:
    return member_service.add_by_email(
        session=session,
        org=org,
        email=factory.fake.unique.email(),
        role="member",
        invited_by=factory.member(org, Role.admin),
    )


def invitation_id(session: Session, factory: Factory, org: Organisation) -> int:
    """A pending invitation to `org`."""
    return _invite(session, factory, org).invitation.id


def invitation_token(session: Session, factory: Factory, org: Organisation) -> str:
    """The one-time link token of an invitation to `org` for its first admin, the walk's caller.

    Accepting is for the invited account only: the walk's outsider gets 404, the admin joins.
    """
    admin = first_admin(session, org)
    return member_service.create_invitation(
        session=session, org=org, email=admin.email, role=Role.member, invited_by=admin
    ).token


def first_admin(session: Session, org: Organisation) -> User:
    """The organisation's earliest admin."""
    admins = [
        (membership.id, user)
        for membership, user in member_service.list_members(session=session, org_id=org.id)
        if membership.role == Role.admin
    ]
    return min(admins, key=lambda pair: pair[0])[1]


def token_id(session: Session, factory: Factory, org: Organisation) -> int:
    """A personal API token of the first admin, bound to `org`."""
    row, _secret = token_service.create_token(
        session=session, user_id=first_admin(session, org).id, org_id=org.id, name="walk"
    )
    return row.id


REGISTRY: dict[str, PathValue] = {
    "plan_id": plan_id,
    "fmt": lambda session, factory, org: "yaml",
    "version_id": version_id,
    "role_id": section_item_id("roles"),
    "severity_id": section_item_id("severities"),
    "audience_id": section_item_id("audiences"),
    "message_id": section_item_id("messages"),
    "action_id": section_item_id("checklist"),
    "kpi_id": section_item_id("kpis"),
    "membership_id": membership_id,
    "invitation_id": invitation_id,
    "invitation_token": invitation_token,
    "token_id": token_id,
    # A review's annotation or override and drill_id must name the same drill: whichever
    # maker runs first makes it, the other finds it as the organisation's first drill.
    "annotation_id": annotation_id,
    "override_id": override_id,
    "drill_id": org_drill_id,
    "improvement_id": lambda session, factory, org: item_of(session, walk_plan(session, org)).id,
    "handle": lambda session, factory, org: "some_author",
    "scenario_id": scenario_id,
    "entry_id": bank_entry_id,
    "section": lambda session, factory, org: "phases",
}
