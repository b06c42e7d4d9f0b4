"""Plan lookups for routes: by id, always scoped to the caller's organisation (404 otherwise)."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Path

from app.accounts.deps import MemberDep
from app.core.deps import SessionDep
from app.core.errors import NotFound
from app.core.i18n import gettext as _
from app.plans import items, service
from app.plans.models import Plan, PlanVersion
from app.plans.sections import Section


def valid_plan_id(plan_id: int, ctx: MemberDep, session: SessionDep) -> Plan:
    """The caller's organisation's plan with this id."""
    return service.get_plan(session=session, org=ctx.org, plan_id=plan_id)


PlanDep = Annotated[Plan, Depends(valid_plan_id)]


def valid_version_id(
    version_id: int, plan: PlanDep, ctx: MemberDep, session: SessionDep
) -> PlanVersion:
    """A frozen version of that plan."""
    version = service.get_plan_version(session=session, org=ctx.org, version_id=version_id)
    if version.plan_id != plan.id:
        raise NotFound(_("This plan version does not exist."))
    return version


VersionDep = Annotated[PlanVersion, Depends(valid_version_id)]


def item_dependency(section: Section) -> Callable[..., Any]:
    """A dependency loading an item of `section` from its path parameter (e.g. role_id)."""

    def valid_item_id(
        plan: PlanDep, session: SessionDep, item_id: Annotated[int, Path(alias=section.param)]
    ) -> Any:
        return items.get_item(session=session, plan=plan, section=section, item_id=item_id)

    valid_item_id.__name__ = f"valid_{section.param}"
    return valid_item_id
