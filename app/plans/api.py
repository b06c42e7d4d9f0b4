"""The plans JSON API under /api/plans: the same services as the pages."""

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Response
from pydantic import BaseModel

from app.accounts.deps import AuthorDep, MemberDep
from app.core.contract import error_responses
from app.core.deps import SessionDep
from app.plans import items, service, transfer
from app.plans.deps import PlanDep, VersionDep, item_dependency
from app.plans.schemas import (
    ChangePublic,
    PlanCreate,
    PlanPublic,
    PlansPublic,
    PlanUpdate,
    StatusChange,
    VersionPublic,
    VersionsPublic,
)
from app.plans.sections import SECTIONS, Section

router = APIRouter(prefix="/api/plans", tags=["plans"])


class VersionDetail(VersionPublic):
    """A frozen version with its snapshot (a plan document)."""

    snapshot: dict[str, Any]


@router.get("", response_model=PlansPublic)
def list_plans(ctx: MemberDep, session: SessionDep) -> PlansPublic:
    """The organisation's plans."""
    plans = service.list_plans(session=session, org=ctx.org)
    return PlansPublic(data=[service.plan_public(plan) for plan in plans], count=len(plans))


@router.post("", response_model=PlanPublic, status_code=201)
def create_plan(plan_in: PlanCreate, ctx: AuthorDep, session: SessionDep) -> PlanPublic:
    """A new draft plan with the default severity levels."""
    plan = service.create_plan(session=session, org=ctx.org, user=ctx.user, plan_in=plan_in)
    return service.plan_public(plan)


@router.post("/import", response_model=PlanPublic, status_code=201)
def import_plan(
    document: Annotated[dict[str, Any], Body()], ctx: AuthorDep, session: SessionDep
) -> PlanPublic:
    """A new draft plan from a plan document (the export format)."""
    plan = transfer.import_document(session=session, org=ctx.org, user=ctx.user, data=document)
    return service.plan_public(plan)


@router.get("/{plan_id}", response_model=PlanPublic)
def get_plan(plan: PlanDep) -> PlanPublic:
    """One plan's own fields, status and cadence."""
    return service.plan_public(plan)


@router.patch("/{plan_id}", response_model=PlanPublic, responses=error_responses(409))
def update_plan(
    plan: PlanDep, plan_in: PlanUpdate, ctx: AuthorDep, session: SessionDep
) -> PlanPublic:
    """Change the plan's own fields; 409 when `version` is stale."""
    service.update_plan(session=session, org=ctx.org, user=ctx.user, plan=plan, plan_in=plan_in)
    return service.plan_public(plan)


@router.post("/{plan_id}/status", response_model=PlanPublic, responses=error_responses(409))
def change_status(
    plan: PlanDep, change: StatusChange, ctx: AuthorDep, session: SessionDep
) -> PlanPublic:
    """Move the plan through review; approving freezes a new version."""
    service.change_status(
        session=session,
        org=ctx.org,
        user=ctx.user,
        plan=plan,
        status=change.status,
        version=change.version,
    )
    return service.plan_public(plan)


@router.get("/{plan_id}/export")
def export_plan(plan: PlanDep, session: SessionDep) -> dict[str, Any]:
    """The whole plan as a document, ready to import elsewhere."""
    return transfer.export_document(session=session, plan=plan)


@router.get("/{plan_id}/history", response_model=list[ChangePublic])
def history(plan: PlanDep, session: SessionDep) -> list[ChangePublic]:
    """The plan's change log, newest first."""
    return [
        ChangePublic.model_validate(change, from_attributes=True)
        for change, _user in service.list_changes(session=session, plan=plan)
    ]


@router.get("/{plan_id}/versions", response_model=VersionsPublic)
def list_versions(plan: PlanDep, session: SessionDep) -> VersionsPublic:
    """The plan's frozen versions, newest first."""
    versions = service.list_versions(session=session, plan=plan)
    data = [VersionPublic.model_validate(v, from_attributes=True) for v in versions]
    return VersionsPublic(data=data, count=len(data))


@router.get("/{plan_id}/versions/{version_id}", response_model=VersionDetail)
def get_version(version: VersionDep) -> VersionDetail:
    """A frozen version with its snapshot."""
    return VersionDetail.model_validate(version, from_attributes=True)


@router.get("/{plan_id}/versions/{version_id}/drill-record")
def drill_record_plan(
    version: VersionDep,
    ctx: MemberDep,
    session: SessionDep,
    severity: int | None = None,
    language: str | None = None,
) -> dict[str, Any]:
    """The `plan` section of a drill record for this version."""
    return service.version_drill_plan(
        session=session, org=ctx.org, version_id=version.id, severity=severity, language=language
    )


def section_api(section: Section) -> APIRouter:
    """The JSON routes of one section."""
    sub = APIRouter(prefix=f"/{{plan_id}}/{section.slug}")
    ItemDep = Annotated[Any, Depends(item_dependency(section))]
    item_path = f"/{{{section.param}}}"
    Create = Annotated[section.create, Body()]
    Update = Annotated[section.update, Body()]

    @sub.get("", response_model=list[section.public], name=f"api_{section.slug}_list")
    def list_section(plan: PlanDep, session: SessionDep) -> list[BaseModel]:
        return [
            items.item_public(session=session, section=section, row=row)
            for row in items.list_items(session=session, plan=plan, section=section)
        ]

    @sub.post(
        "",
        response_model=section.public,
        status_code=201,
        name=f"api_{section.slug}_create",
        responses=error_responses(409),
    )
    def create(plan: PlanDep, data: Create, ctx: AuthorDep, session: SessionDep) -> BaseModel:
        row = items.create_item(
            session=session, org=ctx.org, user=ctx.user, plan=plan, section=section, data=data
        )
        return items.item_public(session=session, section=section, row=row)

    @sub.get(item_path, response_model=section.public, name=f"api_{section.slug}_get")
    def get(item: ItemDep, session: SessionDep) -> BaseModel:
        return items.item_public(session=session, section=section, row=item)

    @sub.put(
        item_path,
        response_model=section.public,
        name=f"api_{section.slug}_update",
        responses=error_responses(409),
    )
    def update(
        plan: PlanDep, item: ItemDep, data: Update, ctx: AuthorDep, session: SessionDep
    ) -> BaseModel:
        row = items.update_item(
            session=session,
            org=ctx.org,
            user=ctx.user,
            plan=plan,
            section=section,
            row=item,
            data=data,
        )
        return items.item_public(session=session, section=section, row=row)

    @sub.delete(
        item_path,
        status_code=204,
        name=f"api_{section.slug}_delete",
        responses=error_responses(409),
    )
    def delete(
        plan: PlanDep,
        item: ItemDep,
        ctx: AuthorDep,
        session: SessionDep,
        version: Annotated[int, Query(ge=1)],
    ) -> Response:
        items.delete_item(
            session=session, user=ctx.user, plan=plan, section=section, row=item, version=version
        )
        return Response(status_code=204)

    list_section.__doc__ = f"The plan's {section.slug}, in order."
    create.__doc__ = f"Add to the plan's {section.slug}."
    get.__doc__ = f"One of the plan's {section.slug}."
    update.__doc__ = f"Replace one of the plan's {section.slug}; 409 when `version` is stale."
    delete.__doc__ = f"Remove one of the plan's {section.slug}; 409 when `version` is stale."
    return sub


for _section in SECTIONS.values():
    router.include_router(section_api(_section))
