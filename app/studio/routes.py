"""Studio pages: the organisation's scenarios, clone and import, the first editor, delete."""

from typing import Any

from fastapi import APIRouter, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from app.accounts.deps import OrgContext, TrainerDep
from app.accounts.models import Role
from app.core.deps import FormDep, SessionDep
from app.core.errors import Conflict, DomainError, Invalid
from app.core.i18n import gettext as _
from app.core.templating import render
from app.drills import labels
from app.scenarios import library
from app.scenarios.models import LANGUAGES, format_duration
from app.studio import forms, service
from app.studio.deps import ReaderDep, ScenarioDep
from app.studio.models import CloneIn, ImportIn, OrgScenario, ScenarioUpdate

router = APIRouter(prefix="/studio/scenarios")


def can_edit(ctx: OrgContext) -> bool:
    """Whether the caller writes scenarios (trainers and admins; authors only read)."""
    return ctx.role in (Role.trainer, Role.admin)


def problems_of(exc: DomainError) -> list[str]:
    """Every message of a refusal, one per problem."""
    problems = getattr(exc, "problems", None) or [(exc.field, exc.message)]
    return [message for _field, message in problems]


def list_context(*, session: SessionDep, ctx: OrgContext, **extra: Any) -> dict[str, Any]:
    """What the scenario list shows: ours with their titles, the library to clone from."""
    own = [
        (row, service.summary_of(service.document_of(version)))
        for row, version in service.list_scenarios(session=session, org=ctx.org)
    ]
    return {
        "own": own,
        "library": library.list_scenarios(),
        "can_edit": can_edit(ctx),
        "clone_errors": [],
        "import_errors": [],
        **labels.all_labels(),
        **extra,
    }


@router.get("")
def list_scenarios(request: Request, ctx: ReaderDep, session: SessionDep) -> Response:
    """The organisation's scenarios, and (for trainers) the forms to clone or import one."""
    return render_list(request, session=session, ctx=ctx)


def render_list(
    request: Request, *, session: SessionDep, ctx: OrgContext, status_code: int = 200, **extra: Any
) -> Response:
    """The list page, with the refusals of a clone or an import if there were."""
    context = list_context(session=session, ctx=ctx, **extra)
    return render(request, "studio/list.html", context, status_code=status_code)


@router.post("/clone")
def clone(request: Request, form: FormDep, ctx: TrainerDep, session: SessionDep) -> Response:
    """Copy a library scenario and open it in the editor."""
    try:
        clone_in = CloneIn(library_id=str(form.get("library_id") or "")[:80])
        row = service.clone_library(session=session, org=ctx.org, user=ctx.user, clone_in=clone_in)
    except Invalid as exc:
        errors = problems_of(exc)
        return render_list(request, session=session, ctx=ctx, status_code=422, clone_errors=errors)
    return RedirectResponse(f"/studio/scenarios/{row.id}", status_code=303)


@router.post("/import")
def import_file(
    request: Request, ctx: TrainerDep, session: SessionDep, file: UploadFile
) -> Response:
    """Create a scenario from an uploaded scenario file; every problem is listed by line."""
    max_bytes = request.app.state.settings.max_document_bytes
    # already spooled by the form parser: no waiting on the client
    content = file.file.read(max_bytes + 1)
    name = (file.filename or "scenario.yaml")[:200]
    try:
        text = content.decode("utf-8")
        row = service.import_yaml(
            session=session,
            org=ctx.org,
            user=ctx.user,
            import_in=ImportIn(yaml=text, filename=name),
        )
    except UnicodeDecodeError as exc:
        errors = [
            _("%(file)s is not UTF-8 text (byte %(position)s).", file=name, position=exc.start)
        ]
        return render_list(request, session=session, ctx=ctx, status_code=422, import_errors=errors)
    except Invalid as exc:
        errors = problems_of(exc)
        return render_list(request, session=session, ctx=ctx, status_code=422, import_errors=errors)
    return RedirectResponse(f"/studio/scenarios/{row.id}", status_code=303)


def editor_context(
    *,
    ctx: OrgContext,
    row: OrgScenario,
    saved: dict[str, Any],
    document: dict[str, Any],
    version: int | str,
    problems: list[tuple[str, str]] = (),
) -> dict[str, Any]:
    """What the editor shows: the document (as saved, or as the trainer last posted it), and
    each problem beside its field; the ids of saved facts and rumours are no longer edited."""
    errors = forms.field_errors(list(problems))
    return {
        "row": row,
        "doc": document,
        "version": version,
        "can_edit": can_edit(ctx),
        "languages": LANGUAGES,
        "saved_fact_ids": {fact["id"] for fact in saved.get("facts", [])},
        "saved_rumour_ids": {rumour["id"] for rumour in saved.get("rumours", [])},
        "duration": lambda value: format_duration(value) if isinstance(value, int) else value,
        "errors": errors,
        "first_error": lambda prefix: next(
            (path for path in errors if path == prefix or path.startswith(prefix + ".")), None
        ),
        "problems": problems,
        "saved": False,
    }


@router.get("/{scenario_id}")
def editor(request: Request, row: ScenarioDep, ctx: ReaderDep, session: SessionDep) -> Response:
    """The scenario's editor (read-only for authors)."""
    saved = service.latest_version(session=session, row=row).document
    context = editor_context(ctx=ctx, row=row, saved=saved, document=saved, version=row.version)
    context["saved"] = request.query_params.get("saved") == "1"
    return render(request, "studio/edit.html", context)


@router.post("/{scenario_id}")
def save(
    request: Request, form: FormDep, row: ScenarioDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """Save the edit as a new version, or show it again with each problem beside its field."""
    base = service.latest_version(session=session, row=row).document
    document = forms.edited_document(base, form)
    version = str(form.get("version") or "")
    try:
        update = ScenarioUpdate(version=int(version) if version.isdigit() else 0, document=document)
        service.update_scenario(session=session, user=ctx.user, row=row, update=update)
    except (Conflict, Invalid) as exc:
        problems = getattr(exc, "problems", None) or [(exc.field or "version", exc.message)]
        context = editor_context(
            ctx=ctx,
            row=row,
            saved=base,
            document=document,
            # After a conflict the form carries the current version: saving again keeps
            # the trainer's edit over the other one, knowingly.
            version=row.version if isinstance(exc, Conflict) else version,
            problems=problems,
        )
        return render(request, "studio/edit.html", context, status_code=exc.status_code)
    return RedirectResponse(f"/studio/scenarios/{row.id}?saved=1", status_code=303)


@router.post("/{scenario_id}/delete")
def delete(form: FormDep, row: ScenarioDep, ctx: TrainerDep, session: SessionDep) -> Response:
    """Delete the scenario (drills that ran it keep their version)."""
    version = str(form.get("version") or "")
    service.delete_scenario(
        session=session,
        row=row,
        version=int(version) if version.isdigit() else 0,
        user=ctx.user,
    )
    return RedirectResponse("/studio/scenarios", status_code=303)
