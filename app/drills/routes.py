"""Drill pages: the list, the set-up form (trainers) and a drill's page with its clock controls."""

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from app.accounts.models import Role
from app.core.deps import MemberDep, OrgContext, SessionDep, TrainerDep
from app.core.errors import DomainError
from app.core.i18n import gettext as _
from app.core.templating import is_htmx, render
from app.drills import notify, service
from app.drills.clock import ClockEventKind
from app.drills.deps import DrillDep
from app.drills.models import DrillCreate
from app.plans import service as plans
from app.plans.forms import FormErrors, errors_of, validate
from app.scenarios import library

router = APIRouter(prefix="/drills")
FORM_FIELDS = ("plan_version_id", "scenario_id", "language", "seed", "speed", "title")


def can_control(ctx: OrgContext) -> bool:
    """Whether the caller runs drills (trainers and admins)."""
    return ctx.role in (Role.trainer, Role.admin)


def setup_choices(*, session: SessionDep, ctx: OrgContext) -> dict:
    """The approved plan versions and the scenarios a drill can use."""
    versions = [
        (version.id, f"{plan.title} · v{version.number}")
        for plan in plans.list_plans(session=session, org=ctx.org)
        for version in plans.list_versions(session=session, plan=plan)
    ]
    scenarios = [(s.id, s.title.get(ctx.user.language)) for s in library.list_scenarios()]
    return {"versions": versions, "scenarios": scenarios}


@router.get("")
def list_drills(request: Request, ctx: MemberDep, session: SessionDep) -> Response:
    """The organisation's drills with their status."""
    drills = [
        service.drill_public(session=session, drill=drill)
        for drill in service.list_drills(session=session, org=ctx.org)
    ]
    return render(request, "drills/list.html", {"drills": drills, "can_control": can_control(ctx)})


@router.get("/new")
def new_drill(request: Request, ctx: TrainerDep, session: SessionDep) -> Response:
    """The set-up form: plan version, scenario, language, seed (random if empty), speed."""
    values = {"language": ctx.user.language, "speed": 10}
    context = {**setup_choices(session=session, ctx=ctx), "values": values, "errors": {}}
    return render(request, "drills/new.html", context)


@router.post("")
async def create_drill(request: Request, ctx: TrainerDep, session: SessionDep) -> Response:
    """Create the drill and open its page, or show the form with the refused fields."""
    form = await request.form()
    values = {name: str(form.get(name) or "").strip() for name in FORM_FIELDS}
    try:
        drill_in = validate(DrillCreate, {k: v for k, v in values.items() if v})
        drill = service.create_drill(session=session, org=ctx.org, user=ctx.user, drill_in=drill_in)
    except (FormErrors, DomainError) as exc:
        errors = exc.errors if isinstance(exc, FormErrors) else errors_of(exc)
        context = {**setup_choices(session=session, ctx=ctx), "values": values, "errors": errors}
        return render(request, "drills/new.html", context, status_code=422)
    return RedirectResponse(f"/drills/{drill.id}", status_code=303)


def drill_context(*, session: SessionDep, ctx: OrgContext, drill: DrillDep) -> dict:
    """What the drill page and its clock partial show."""
    return {
        "drill": service.drill_public(session=session, drill=drill),
        "roster": service.roster(session=session, drill=drill),
        "can_control": can_control(ctx),
        "error": None,
    }


@router.get("/{drill_id}")
def drill_page(request: Request, drill: DrillDep, ctx: MemberDep, session: SessionDep) -> Response:
    """The drill: its settings, clock, roster and record; the clock partial for htmx."""
    context = drill_context(session=session, ctx=ctx, drill=drill)
    if is_htmx(request):
        return render(request, "drills/_clock.html", context)
    return render(request, "drills/detail.html", context)


@router.post("/{drill_id}/clock")
async def control_clock(
    request: Request, drill: DrillDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """Start, pause, resume, end or change speed; htmx gets the clock partial back."""
    form = await request.form()
    error = None
    try:
        kind = ClockEventKind(str(form.get("command") or ""))
        speed = float(str(form.get("speed") or "0")) if kind == ClockEventKind.speed else None
        service.control(session=session, drill=drill, kind=kind, speed=speed)
        await notify.changed(request.app, session=session, drill=drill, topics=("clock",))
    except DomainError as exc:
        error = exc.message
    except ValueError:
        error = _("Choose a clock command and a speed between 1 and 60.")
    if is_htmx(request):
        context = {**drill_context(session=session, ctx=ctx, drill=drill), "error": error}
        return render(request, "drills/_clock.html", context, status_code=200 if not error else 409)
    if error:
        context = {**drill_context(session=session, ctx=ctx, drill=drill), "error": error}
        return render(request, "drills/detail.html", context, status_code=409)
    return RedirectResponse(f"/drills/{drill.id}", status_code=303)
