"""Plan pages: list, create, edit, review and approve, history, versions, diff, print, files."""

from typing import Annotated

from fastapi import APIRouter, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from app.accounts.deps import AuthorDep, MemberDep
from app.core.deps import FormDep, SessionDep
from app.core.errors import Conflict, Invalid
from app.core.i18n import gettext as _
from app.core.templating import is_htmx, render
from app.plans import diff, items, service, transfer, views
from app.plans.catalogue import PlanStatus
from app.plans.deps import PlanDep, VersionDep
from app.plans.forms import FormErrors, errors_of, validate
from app.plans.schemas import PlanCreate, PlanUpdate
from app.plans.sections import field_label

router = APIRouter(prefix="/plans")


def plan_form_values(form) -> dict:
    """The plan form's fields as schema input."""
    return {
        "title": str(form.get("title") or ""),
        "description": str(form.get("description") or ""),
        "languages": [v for v in form.getlist("languages") if v],
        "drill_every_days": str(form.get("drill_every_days") or "").strip() or None,
    }


@router.get("")
def list_plans(request: Request, ctx: MemberDep, session: SessionDep) -> Response:
    """Every plan of the organisation, with when each was last drilled and is next due."""
    plans = [service.plan_public(plan) for plan in service.list_plans(session=session, org=ctx.org)]
    return render(request, "plans/list.html", {**views.base_context(ctx), "plans": plans})


@router.get("/new")
def new_plan(request: Request, ctx: AuthorDep) -> Response:
    """The form for a new plan."""
    values = {"languages": [ctx.user.language], "drill_every_days": 90}
    return render(
        request, "plans/new.html", {**views.base_context(ctx), "values": values, "errors": {}}
    )


@router.post("")
def create_plan(request: Request, form: FormDep, ctx: AuthorDep, session: SessionDep) -> Response:
    """Create a draft plan, or show the form again with the refused fields."""
    values = plan_form_values(form)
    try:
        plan_in = validate(PlanCreate, {k: v for k, v in values.items() if v is not None})
        plan = service.create_plan(session=session, org=ctx.org, user=ctx.user, plan_in=plan_in)
    except FormErrors as exc:
        context = {**views.base_context(ctx), "values": values, "errors": exc.errors}
        return render(request, "plans/new.html", context, status_code=422)
    return RedirectResponse(f"/plans/{plan.id}", status_code=303)


@router.get("/import")
def import_form(request: Request, ctx: AuthorDep) -> Response:
    """The form to import a plan file."""
    context = {**views.base_context(ctx), "errors": {}, "problems": []}
    return render(request, "plans/import.html", context)


@router.post("/import")
def import_plan(
    request: Request,
    ctx: AuthorDep,
    session: SessionDep,
    file: UploadFile | None = None,
    content: Annotated[str, Form()] = "",
    filename: Annotated[str, Form(max_length=255)] = "",
    confirm: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    """Create a plan from an uploaded YAML or JSON file; every refused field is listed with its
    line. A title the organisation already uses asks first, then imports with a suffix."""
    max_bytes = request.app.state.settings.max_document_bytes
    # already spooled by the form parser: no waiting on the client
    text = content.encode() if content else (file.file.read(max_bytes + 1) if file else b"")
    name = filename or (file.filename if file else "") or "plan.yaml"
    fmt = "json" if name.lower().endswith(".json") else "yaml"
    context = {**views.base_context(ctx), "errors": {}, "problems": []}
    try:
        data = transfer.loads(text, fmt, max_bytes)
        lines = transfer.document_lines(text)
        title = transfer.parse_document(data, label=name, lines=lines).title
        clash = transfer.plan_titled(session=session, org=ctx.org, title=title)
        new_title = clash and transfer.free_title(session=session, org=ctx.org, title=title)
        if clash and not confirm:
            context.update(clash=clash, new_title=new_title, content=text.decode(), filename=name)
            return render(request, "plans/import.html", context)
        plan = transfer.import_document(
            session=session,
            org=ctx.org,
            user=ctx.user,
            data=data,
            label=name,
            lines=lines,
            title=new_title or None,
        )
    except Invalid as exc:
        context.update(errors={"file": exc.message}, problems=exc.problems)
        return render(request, "plans/import.html", context, status_code=422)
    return RedirectResponse(f"/plans/{plan.id}", status_code=303)


@router.get("/{plan_id}")
def show_plan(request: Request, plan: PlanDep, ctx: MemberDep, session: SessionDep) -> Response:
    """The plan with all its sections."""
    context = views.plan_context(session=session, ctx=ctx, plan=plan)
    return render(request, "plans/detail.html", {**context, "values": {}, "errors": {}})


@router.post("/{plan_id}")
def update_plan(
    request: Request, form: FormDep, plan: PlanDep, ctx: AuthorDep, session: SessionDep
) -> Response:
    """Save the plan's own fields; a stale or refused save shows the input again."""
    values = plan_form_values(form)
    version = str(form.get("version") or "0")
    status_code = 422
    try:
        plan_in = validate(PlanUpdate, {**values, "version": version})
        service.update_plan(session=session, org=ctx.org, user=ctx.user, plan=plan, plan_in=plan_in)
    except FormErrors as exc:
        errors = exc.errors
    except (Conflict, Invalid) as exc:
        errors, status_code = errors_of(exc), exc.status_code
        if exc.field == "version":
            version = str(plan.version)
    else:
        return RedirectResponse(f"/plans/{plan.id}", status_code=303)
    context = views.plan_context(session=session, ctx=ctx, plan=plan)
    context.update(values={**values, "version": version}, errors=errors)
    return render(request, "plans/detail.html", context, status_code=status_code)


@router.post("/{plan_id}/status")
def change_status(
    plan: PlanDep,
    ctx: AuthorDep,
    session: SessionDep,
    status: Annotated[PlanStatus, Form()],
    version: Annotated[int, Form()],
) -> Response:
    """Send for review, return to draft, approve (freezing a version) or archive."""
    service.change_status(
        session=session, org=ctx.org, user=ctx.user, plan=plan, status=status, version=version
    )
    return RedirectResponse(f"/plans/{plan.id}", status_code=303)


@router.get("/{plan_id}/history")
def history(request: Request, plan: PlanDep, ctx: MemberDep, session: SessionDep) -> Response:
    """Who changed what, and when."""
    changes = service.list_changes(session=session, plan=plan)
    return render(
        request, "plans/history.html", {**views.base_context(ctx), "plan": plan, "changes": changes}
    )


@router.get("/{plan_id}/versions/{version_id}")
def show_version(
    request: Request, plan: PlanDep, version: VersionDep, ctx: MemberDep, session: SessionDep
) -> Response:
    """A frozen version, as approved."""
    context = {
        **views.base_context(ctx),
        "plan": plan,
        "version": version,
        "doc": version.snapshot,
        "names": items.member_names(session=session, document=version.snapshot),
    }
    return render(request, "plans/version.html", context)


@router.get("/{plan_id}/diff")
def compare(
    request: Request,
    plan: PlanDep,
    ctx: MemberDep,
    session: SessionDep,
    a: str | None = None,
    b: str | None = None,
) -> Response:
    """Two versions side by side (or a version and the current plan), changes marked.

    Without a choice, the newest two that differ: an approved, unchanged plan shows what
    its last approval changed rather than "no differences".
    """
    versions = service.list_versions(session=session, plan=plan)
    if a is None and b is None:
        documents = [("current", transfer.export_document(session=session, plan=plan))]
        documents += [(str(v.id), v.snapshot) for v in versions]
        a, b = diff.default_pair(documents) or (documents[-1][0], "current")
    a, b = a or (str(versions[0].id) if versions else "current"), b or "current"
    docs = {
        side: diff_side(session=session, ctx=ctx, plan=plan, choice=choice)
        for side, choice in (("a", a), ("b", b))
    }
    rows = diff.compare(docs["a"], docs["b"])
    context = {
        **views.base_context(ctx),
        "plan": plan,
        "versions": versions,
        "a": a,
        "b": b,
        "rows": rows,
        "item_names": diff.item_names(docs["a"], docs["b"]),
        "field_label": field_label,
    }
    return render(request, "plans/diff.html", context)


def diff_side(*, session, ctx, plan, choice: str) -> dict:
    """The document on one side of a diff: "current" or a version id of this plan."""
    if choice == "current":
        return transfer.export_document(session=session, plan=plan)
    if not choice.isdigit():
        raise Invalid(_("Choose a version to compare."), field="a")
    version = service.get_plan_version(session=session, org=ctx.org, version_id=int(choice))
    if version.plan_id != plan.id:
        raise Invalid(_("Choose a version to compare."), field="a")
    return version.snapshot


@router.get("/{plan_id}/print")
def printable(request: Request, plan: PlanDep, ctx: MemberDep, session: SessionDep) -> Response:
    """The plan on paper, for the team's binder."""
    doc = transfer.export_document(session=session, plan=plan)
    context = {
        **views.base_context(ctx),
        "plan": plan,
        "public": service.plan_public(plan),
        "doc": doc,
        "names": items.member_names(session=session, document=doc),
        "versions": service.list_versions(session=session, plan=plan),
    }
    return render(request, "plans/print.html", context)


@router.get("/{plan_id}/export.{fmt}")
def export(plan: PlanDep, ctx: MemberDep, session: SessionDep, fmt: str) -> Response:
    """The plan as a YAML or JSON file."""
    if fmt not in transfer.FORMATS:
        raise Invalid(_("Export as yaml or json."), field="format")
    text = transfer.dumps(transfer.export_document(session=session, plan=plan), fmt)
    media = "application/json" if fmt == "json" else "application/yaml"
    filename = f"plan-{plan.id}.{fmt}"
    return Response(
        text,
        media_type=f"{media}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.post("/{plan_id}/preview")
async def preview(request: Request, plan: PlanDep, ctx: MemberDep) -> Response:
    """A key message with sample values filled in; a partial for htmx."""
    form = await request.form()
    context = {
        **views.base_context(ctx),
        "plan": plan,
        "preview": views.preview(str(form.get("text") or ""), ctx.org.name),
    }
    if is_htmx(request):
        return render(request, "plans/_preview.html", context)
    return render(request, "plans/preview.html", context)
