"""Before the clock starts: the roster form (trainers) and the participants' lobby."""

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from app.accounts import member_service
from app.accounts.deps import MemberDep, OrgContext, TrainerDep
from app.core.db import utcnow
from app.core.deps import FormDep, SessionDep
from app.core.errors import DomainError
from app.core.templating import is_htmx, render
from app.drills import forms, labels, monitor, service
from app.drills.deps import DrillDep
from app.drills.models import Drill
from app.plans.forms import FormErrors, errors_of

router = APIRouter(prefix="/drills")


def roster_context(*, session: SessionDep, ctx: OrgContext, drill: Drill) -> dict:
    """The roster form: each plan role, the organisation's members, who holds what now."""
    roster = service.roster(session=session, drill=drill)
    members = [
        (user.id, user.display_name, membership.role)
        for membership, user in member_service.list_members(session=session, org_id=ctx.org.id)
    ]
    chosen = {slot.role_key: [str(u) for u in slot.user_ids] for slot in roster.roles}
    return {
        "drill": service.drill_public(session=session, drill=drill),
        "roster": roster,
        "members": members,
        "chosen": chosen,
        "errors": {},
        "saved": False,
        "role_field": forms.role_field,
    }


@router.get("/{drill_id}/roster")
def roster_form(
    request: Request, drill: DrillDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """Who holds which plan role: one person may hold several, unfilled roles are flagged."""
    context = roster_context(session=session, ctx=ctx, drill=drill)
    return render(request, "drills/roster.html", context)


@router.post("/{drill_id}/roster")
def save_roster(
    request: Request, form: FormDep, drill: DrillDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """Replace the roster; htmx gets the form back, a plain post goes to the drill's page."""
    context = roster_context(session=session, ctx=ctx, drill=drill)
    role_keys = [slot.role_key for slot in context["roster"].roles]
    try:
        assign_in, chosen = forms.roster_input(form, role_keys)
        context["chosen"] = chosen
        context["roster"] = service.assign(
            session=session, org=ctx.org, drill=drill, assign_in=assign_in
        )
    except (FormErrors, DomainError) as exc:
        errors = exc.errors if isinstance(exc, FormErrors) else errors_of(exc)
        name = "drills/_roster_form.html" if is_htmx(request) else "drills/roster.html"
        return render(request, name, {**context, "errors": errors}, status_code=422)
    if is_htmx(request):
        return render(request, "drills/_roster_form.html", {**context, "saved": True})
    return RedirectResponse(f"/drills/{drill.id}", status_code=303)


def lobby_context(*, session: SessionDep, ctx: OrgContext, drill: Drill) -> dict:
    """What a waiting participant sees: the drill, its scenario, their roles, everyone's."""
    names = monitor.member_names(session=session, org=ctx.org)
    roster = service.roster(session=session, drill=drill)
    public = service.drill_public(session=session, drill=drill)
    mine = set(service.roles_of(session=session, drill=drill, user=ctx.user))
    wait_s = None
    if public.scheduled_at is not None:
        wait_s = max(0, int((service.aware(public.scheduled_at) - utcnow()).total_seconds()))
    return {
        "drill": public,
        "scenario": service.scenario_of(drill),
        "roles": monitor.roster_names(roster=roster, names=names),
        "my_roles": [slot.name for slot in roster.roles if slot.role_key in mine],
        "wait_s": wait_s,
        **labels.all_labels(),
    }


def leave_lobby(drill: Drill, status: str) -> str | None:
    """Where a participant goes once the lobby is over: the console, or the finished drill."""
    if status in ("running", "paused"):
        return f"/drills/{drill.id}/console"
    return f"/drills/{drill.id}" if status == "ended" else None


@router.get("/{drill_id}/lobby")
def lobby(request: Request, drill: DrillDep, ctx: MemberDep, session: SessionDep) -> Response:
    """The waiting room until the clock starts; afterwards it forwards to the console."""
    context = lobby_context(session=session, ctx=ctx, drill=drill)
    target = leave_lobby(drill, context["drill"].status)
    if target:
        return RedirectResponse(target, status_code=303)
    return render(request, "drills/lobby.html", context)


@router.get("/{drill_id}/lobby/status")
def lobby_status(
    request: Request, drill: DrillDep, ctx: MemberDep, session: SessionDep
) -> Response:
    """The polled countdown and roster; sends the browser on (HX-Redirect) once the clock runs."""
    context = lobby_context(session=session, ctx=ctx, drill=drill)
    response = render(request, "drills/_lobby_status.html", context)
    target = leave_lobby(drill, context["drill"].status)
    if target:
        response.headers["HX-Redirect"] = target
    return response
