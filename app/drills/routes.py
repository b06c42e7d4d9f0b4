"""Drill pages: the list, the set-up form (trainers) and the drill's hub page, which dispatches."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from app.accounts.deps import MemberDep, OrgContext, TrainerDep
from app.accounts.models import Role
from app.core.db import utcnow
from app.core.deps import FormDep, SessionDep
from app.core.errors import DomainError, NotFound
from app.core.i18n import gettext as _
from app.core.i18n import zone
from app.core.settings import get_settings
from app.core.templating import is_htmx, render
from app.drills import cadence, forms, labels, monitor, notify, service
from app.drills.clock import MAX_SPEED, MIN_SPEED, ClockEventKind
from app.drills.deps import DrillDep
from app.drills.models import LANGUAGES, Drill
from app.plans import service as plans
from app.plans.forms import FormErrors, errors_of
from app.scenarios import library
from app.studio import service as studio

router = APIRouter(prefix="/drills")


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
    own = studio.current_documents(session=session, org=ctx.org)
    shared = library.list_scenarios()
    return {
        "versions": versions,
        "own_scenarios": [studio.summary_of(scenario) for scenario in own],
        "scenarios": shared,
        "brands": {
            **{s.id: library.load_scenario(s.id).brand for s in shared},
            **{scenario.id: scenario.brand for scenario in own},
        },
        "rehearsal_percent": round(get_settings().rehearsal_min_share * 100),
        **labels.all_labels(),
    }


@router.get("")
def list_drills(request: Request, ctx: MemberDep, session: SessionDep) -> Response:
    """The organisation's drills with their status."""
    drills = [
        service.drill_public(session=session, drill=drill)
        for drill in service.list_drills(session=session, org=ctx.org)
    ]
    titles = {scenario.id: scenario.title for scenario in library.list_scenarios()}
    context = {"drills": drills, "can_control": can_control(ctx), "scenario_titles": titles}
    return render(request, "drills/list.html", context)


@router.get("/new")
def new_drill(request: Request, ctx: TrainerDep, session: SessionDep) -> Response:
    """The set-up form, pre-filled with a random seed, or with a drill's settings to re-run it."""
    given = {k: v for k, v in request.query_params.items() if k in forms.SETUP_FIELDS and v}
    values = {"language": ctx.user.language, "speed": "10", "seed": forms.random_seed(), **given}
    context = {**setup_choices(session=session, ctx=ctx), "values": values, "errors": {}}
    return render(request, "drills/new.html", context)


@router.get("/mine")
def my_drills(request: Request, ctx: MemberDep, session: SessionDep) -> Response:
    """The caller's upcoming and running drills (the home page swaps the list in)."""
    drills = service.upcoming_for(session=session, org=ctx.org, user=ctx.user)
    name = "drills/_mine.html" if is_htmx(request) else "drills/mine.html"
    return render(request, name, {"drills": drills})


@router.get("/new/scenario")
def scenario_summary(
    request: Request,
    ctx: TrainerDep,
    session: SessionDep,
    scenario_id: Annotated[str, Query(max_length=80)] = "",
    language: Annotated[str, Query(max_length=2)] = "en",
) -> Response:
    """The chosen scenario described in the drill's language (the set-up form swaps it in)."""
    try:
        scenario, _version = studio.resolve(session=session, org=ctx.org, reference=scenario_id)
    except NotFound:
        scenario = None
    context = {
        "scenario": scenario,
        "drill_language": language if language in LANGUAGES else "en",
        **labels.all_labels(),
    }
    return render(request, "drills/_scenario_summary.html", context)


@router.post("")
def create_drill(request: Request, form: FormDep, ctx: TrainerDep, session: SessionDep) -> Response:
    """Create the drill and open its page, or show the form with the refused fields."""
    values = forms.form_values(form, forms.SETUP_FIELDS)
    try:
        drill_in = forms.setup_input(values, now=utcnow(), zone=zone())
        drill = service.create_drill(session=session, org=ctx.org, user=ctx.user, drill_in=drill_in)
    except (FormErrors, DomainError) as exc:
        errors = exc.errors if isinstance(exc, FormErrors) else errors_of(exc)
        context = {**setup_choices(session=session, ctx=ctx), "values": values, "errors": errors}
        return render(request, "drills/new.html", context, status_code=422)
    return RedirectResponse(f"/drills/{drill.id}", status_code=303)


def drill_context(*, session: SessionDep, ctx: OrgContext, drill: Drill) -> dict:
    """What the drill page and its clock partial show."""
    names = monitor.member_names(session=session, org=ctx.org)
    roster = service.roster(session=session, drill=drill)
    return {
        "drill": service.drill_public(session=session, drill=drill),
        "scenario": service.scenario_of(drill),
        "roles": monitor.roster_names(roster=roster, names=names),
        "can_control": can_control(ctx),
        "error": None,
        "rerun": rerun_query(drill),
        "counts": cadence.counts(session=session, drill=drill),
        **labels.all_labels(),
    }


def rerun_query(drill: Drill) -> dict:
    """The set-up form's fields for running the same drill again, same seed."""
    return {
        "plan_version_id": drill.plan_version_id,
        "scenario_id": drill.scenario_id,
        "language": drill.language,
        "seed": drill.seed,
        "speed": f"{drill.speed:g}",
        "brand": drill.brand,
        "brand_handle": drill.brand_handle,
        "mode": drill.mode,
    }


@router.get("/{drill_id}")
def drill_page(request: Request, drill: DrillDep, ctx: MemberDep, session: SessionDep) -> Response:
    """The drill's hub for trainers; participants are sent where they wait or act."""
    context = drill_context(session=session, ctx=ctx, drill=drill)
    status = context["drill"].status
    if not context["can_control"] and status != "ended":
        place = "lobby" if status == "scheduled" else "console"
        return RedirectResponse(f"/drills/{drill.id}/{place}", status_code=303)
    if is_htmx(request):
        return render(request, "drills/_clock.html", context)
    return render(request, "drills/detail.html", context)


def run_command(*, session: SessionDep, drill: Drill, form: FormData) -> str | None:
    """Apply the form's clock command; the reason it was refused, if it was."""
    try:
        kind = ClockEventKind(str(form.get("command") or ""))
        speed = float(str(form.get("speed") or "0")) if kind == ClockEventKind.speed else None
        if speed is not None and not MIN_SPEED <= speed <= MAX_SPEED:
            raise ValueError(speed)
        service.control(session=session, drill=drill, kind=kind, speed=speed)
    except DomainError as exc:
        return exc.message
    except ValueError:
        return _("Choose a clock command and a speed between 1 and 60.")
    return None


@router.post("/{drill_id}/clock")
def control_clock(
    request: Request, form: FormDep, drill: DrillDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """Start, pause, resume, end or change speed; htmx gets the clock partial back."""
    error = run_command(session=session, drill=drill, form=form)
    if error is None:
        notify.changed_from_thread(request.app, session=session, drill=drill, topics=("clock",))
    if is_htmx(request):
        context = {**drill_context(session=session, ctx=ctx, drill=drill), "error": error}
        return render(request, "drills/_clock.html", context, status_code=200 if not error else 409)
    if error:
        context = {**drill_context(session=session, ctx=ctx, drill=drill), "error": error}
        return render(request, "drills/detail.html", context, status_code=409)
    return RedirectResponse(f"/drills/{drill.id}", status_code=303)
