"""Studio pages: the organisation's scenarios, clone and import, the editor's pages, delete."""

from typing import Any

from fastapi import APIRouter, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session
from starlette.datastructures import FormData

from app.accounts.deps import OrgContext, TrainerDep
from app.accounts.models import Role
from app.core.deps import FormDep, SessionDep
from app.core.errors import Conflict, DomainError, Invalid
from app.core.i18n import gettext as _
from app.core.templating import render
from app.drills import labels
from app.scenarios import library
from app.studio import editor_pages, forms, sections, service
from app.studio.deps import ReaderDep, ScenarioDep
from app.studio.models import CloneIn, ImportIn, OrgScenario, ScenarioUpdate
from app.studio.sections import Section

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


def editor_page(
    request: Request,
    *,
    row: OrgScenario,
    ctx: OrgContext,
    session: Session,
    section: Section | None,
) -> Response:
    """One page of the scenario's editor, as saved (read-only for authors)."""
    saved = service.latest_version(session=session, row=row).document
    context = editor_pages.editor_context(
        editable=can_edit(ctx),
        row=row,
        saved=saved,
        document=saved,
        version=row.version,
        section=section,
    )
    context["saved"] = request.query_params.get("saved") == "1"
    return render(request, editor_pages.PAGES[section], context)


def save_page(
    request: Request,
    *,
    form: FormData,
    row: OrgScenario,
    ctx: OrgContext,
    session: Session,
    section: Section | None,
) -> Response:
    """Save one page's edit as a new version, or show the page again with each problem beside
    its field: nothing is saved unless the whole document is valid."""
    base = service.latest_version(session=session, row=row).document
    if section is None:
        document = forms.edited_document(base, form)
    else:
        document = sections.edited_section(base, section, form)
    version = str(form.get("version") or "")
    try:
        update = ScenarioUpdate(version=int(version) if version.isdigit() else 0, document=document)
        service.update_scenario(session=session, user=ctx.user, row=row, update=update)
    except (Conflict, Invalid) as exc:
        problems = getattr(exc, "problems", None) or [(exc.field or "version", exc.message)]
        context = editor_pages.editor_context(
            editable=can_edit(ctx),
            row=row,
            saved=base,
            document=document,
            # After a conflict the form carries the current version: saving again keeps
            # the trainer's edit over the other one, knowingly.
            version=row.version if isinstance(exc, Conflict) else version,
            problems=problems,
            section=section,
            inject_origins=sections.inject_origins(base, form)
            if section is Section.injects
            else None,
        )
        return render(request, editor_pages.PAGES[section], context, status_code=exc.status_code)
    return RedirectResponse(f"{editor_pages.page_url(row, section)}?saved=1", status_code=303)


@router.get("/{scenario_id}")
def editor(request: Request, row: ScenarioDep, ctx: ReaderDep, session: SessionDep) -> Response:
    """The scenario's editor, first page (read-only for authors)."""
    return editor_page(request, row=row, ctx=ctx, session=session, section=None)


@router.post("/{scenario_id}")
def save(
    request: Request, form: FormDep, row: ScenarioDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """Save the first page's edit as a new version."""
    return save_page(request, form=form, row=row, ctx=ctx, session=session, section=None)


@router.get("/{scenario_id}/edit/{section}")
def section_editor(
    request: Request, section: Section, row: ScenarioDep, ctx: ReaderDep, session: SessionDep
) -> Response:
    """Another page of the editor: phases, posts, injects or expectations."""
    return editor_page(request, row=row, ctx=ctx, session=session, section=section)


@router.post("/{scenario_id}/edit/{section}")
def save_section(
    request: Request,
    section: Section,
    form: FormDep,
    row: ScenarioDep,
    ctx: TrainerDep,
    session: SessionDep,
) -> Response:
    """Save one page of the editor as a new version."""
    return save_page(request, form=form, row=row, ctx=ctx, session=session, section=section)


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
