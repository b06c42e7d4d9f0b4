"""Section pages: add, edit, reorder and remove roles, levels, audiences, messages, actions, KPIs.

One set of routes per section, generated from the registry in `sections.py`.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.accounts.deps import AuthorDep, OrgContext
from app.core.deps import FormDep, SessionDep
from app.core.errors import Conflict, Invalid
from app.core.templating import is_htmx, render
from app.plans import items, kpi_units, views
from app.plans.deps import PlanDep, item_dependency
from app.plans.forms import FormErrors, errors_of, read_fields, validate
from app.plans.models import Plan
from app.plans.sections import SECTIONS, Section

# Sections whose form speaks other units than the record: typed in, then shown back.
FORM_IN = {"kpis": kpi_units.read_kpi_form}
FORM_OUT = {"kpis": kpi_units.show_kpi_values}


def record_values(section: Section, values: dict[str, Any]) -> dict[str, Any]:
    """The form's values in the record's units (FormErrors when a typed unit is refused)."""
    convert = FORM_IN.get(section.slug)
    return convert(values) if convert else values


def form_page(
    request: Request,
    *,
    session,
    ctx: OrgContext,
    plan: Plan,
    section: Section,
    item: Any = None,
    values: dict | None = None,
    errors: dict | None = None,
    version: int | str | None = None,
    status_code: int = 200,
) -> Response:
    """The add or edit form of an item, whole page or (for htmx) the form partial."""
    if values is None:
        values = items.item_values(session=session, section=section, row=item) if item else {}
        if item and section.slug in FORM_OUT:
            values = FORM_OUT[section.slug](values)
    context = {
        **views.base_context(ctx),
        "plan": plan,
        "section": section,
        "item": item,
        "values": values,
        "errors": errors or {},
        "version": version,
        "choices": views.choices(session=session, ctx=ctx, plan=plan),
    }
    if "text" in values and section.slug == "messages":
        context["preview"] = views.preview(str(values["text"]), ctx.org.name)
    name = "plans/_item_form.html" if is_htmx(request) else "plans/item_form.html"
    return render(request, name, context, status_code=status_code)


def section_answer(
    request: Request,
    *,
    session,
    ctx: OrgContext,
    plan: Plan,
    section: Section,
    error: str | None = None,
) -> Response:
    """After a write: the section partial for htmx, else back to the plan at that section."""
    if is_htmx(request):
        context = views.section_context(session=session, ctx=ctx, plan=plan, section=section)
        return render(request, "plans/_section.html", {**context, "section_error": error})
    return RedirectResponse(f"/plans/{plan.id}#section-{section.slug}", status_code=303)


def section_router(section: Section) -> APIRouter:
    """The HTML routes of one section."""
    router = APIRouter(prefix=f"/plans/{{plan_id}}/{section.slug}")
    ItemDep = Annotated[Any, Depends(item_dependency(section))]
    item_path = f"/{{{section.param}}}"

    @router.get("/new", name=f"{section.slug}_new")
    def new_item(request: Request, plan: PlanDep, ctx: AuthorDep, session: SessionDep) -> Response:
        return form_page(request, session=session, ctx=ctx, plan=plan, section=section)

    @router.post("", name=f"{section.slug}_create")
    def create_item(
        request: Request, form: FormDep, plan: PlanDep, ctx: AuthorDep, session: SessionDep
    ) -> Response:
        values = read_fields(form, section.fields)
        page = {"session": session, "ctx": ctx, "plan": plan, "section": section, "values": values}
        if form.get("action") == "preview":
            return form_page(request, **page)
        try:
            data = validate(section.create, record_values(section, values))
            items.create_item(
                session=session, org=ctx.org, user=ctx.user, plan=plan, section=section, data=data
            )
        except FormErrors as exc:
            return form_page(request, **page, errors=exc.errors, status_code=422)
        except (Conflict, Invalid) as exc:
            return form_page(request, **page, errors=errors_of(exc), status_code=exc.status_code)
        return RedirectResponse(f"/plans/{plan.id}#section-{section.slug}", status_code=303)

    @router.get(item_path, name=f"{section.slug}_edit")
    def edit_item(
        request: Request, plan: PlanDep, item: ItemDep, ctx: AuthorDep, session: SessionDep
    ) -> Response:
        return form_page(
            request,
            session=session,
            ctx=ctx,
            plan=plan,
            section=section,
            item=item,
            version=item.version,
        )

    @router.post(item_path, name=f"{section.slug}_update")
    def update_item(
        request: Request,
        form: FormDep,
        plan: PlanDep,
        item: ItemDep,
        ctx: AuthorDep,
        session: SessionDep,
    ) -> Response:
        values = read_fields(form, section.fields)
        version = str(form.get("version") or "0")
        page = {
            "session": session,
            "ctx": ctx,
            "plan": plan,
            "section": section,
            "item": item,
            "values": values,
        }
        if form.get("action") == "preview":
            return form_page(request, **page, version=version)
        try:
            data = validate(section.update, {**record_values(section, values), "version": version})
            items.update_item(
                session=session,
                org=ctx.org,
                user=ctx.user,
                plan=plan,
                section=section,
                row=item,
                data=data,
            )
        except FormErrors as exc:
            return form_page(request, **page, errors=exc.errors, version=version, status_code=422)
        except (Conflict, Invalid) as exc:
            if exc.field == "version":
                version = str(item.version)
            return form_page(
                request, **page, errors=errors_of(exc), version=version, status_code=exc.status_code
            )
        return RedirectResponse(f"/plans/{plan.id}#section-{section.slug}", status_code=303)

    @router.post(item_path + "/delete", name=f"{section.slug}_delete")
    def delete_item(
        request: Request,
        plan: PlanDep,
        item: ItemDep,
        ctx: AuthorDep,
        session: SessionDep,
        version: Annotated[int, Form(ge=1)],
    ) -> Response:
        try:
            items.delete_item(
                session=session,
                user=ctx.user,
                plan=plan,
                section=section,
                row=item,
                version=version,
            )
        except Conflict as exc:
            if not is_htmx(request):
                raise
            return section_answer(
                request, session=session, ctx=ctx, plan=plan, section=section, error=exc.message
            )
        return section_answer(request, session=session, ctx=ctx, plan=plan, section=section)

    @router.post(item_path + "/move", name=f"{section.slug}_move")
    def move_item(
        request: Request,
        plan: PlanDep,
        item: ItemDep,
        ctx: AuthorDep,
        session: SessionDep,
        direction: Annotated[str, Form()],
    ) -> Response:
        items.move_item(
            session=session,
            user=ctx.user,
            plan=plan,
            section=section,
            row=item,
            offset=-1 if direction == "up" else 1,
        )
        return section_answer(request, session=session, ctx=ctx, plan=plan, section=section)

    return router


routers = [section_router(section) for section in SECTIONS.values()]
