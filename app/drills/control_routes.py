"""The facilitator console: clock, injects (fire early, write ad hoc) and everyone's activity."""

from collections.abc import Callable
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from app.accounts.deps import OrgContext, TrainerDep
from app.core.deps import FormDep, SessionDep
from app.core.errors import DomainError
from app.core.templating import is_htmx, render
from app.drills import forms, injects, labels, monitor, notify, service
from app.drills.deps import DrillDep
from app.drills.models import Drill
from app.drills.routes import run_command
from app.plans.forms import FormErrors, errors_of

router = APIRouter(prefix="/drills/{drill_id}/control")
ADHOC_DEFAULTS = {"channel": "social_post", "persona": "journalist", "priority": "normal"}


def clock_context(*, session: SessionDep, drill: Drill) -> dict:
    """The clock reading (the polled readout needs nothing more)."""
    return {"drill": service.drill_public(session=session, drill=drill), "error": None}


def board_context(*, session: SessionDep, drill: Drill) -> dict:
    """The clock reading and the drill's injects in their current state."""
    context = clock_context(session=session, drill=drill)
    board = monitor.inject_board(session=session, drill=drill, sim_s=context["drill"].sim_s)
    return {**context, "board": board, **labels.all_labels()}


def console_context(*, session: SessionDep, ctx: OrgContext, drill: Drill) -> dict:
    """Everything the console page shows at first render."""
    names = monitor.member_names(session=session, org=ctx.org)
    roster = service.roster(session=session, drill=drill)
    context = board_context(session=session, drill=drill)
    return {
        **context,
        "activity": monitor.activity(
            session=session, drill=drill, org=ctx.org, board=context["board"]
        ),
        "roles": monitor.roster_names(roster=roster, names=names),
        "values": ADHOC_DEFAULTS,
        "errors": {},
        "sent": False,
    }


@router.get("")
def console(request: Request, drill: DrillDep, ctx: TrainerDep, session: SessionDep) -> Response:
    """The facilitator's page; its parts refresh themselves."""
    context = console_context(session=session, ctx=ctx, drill=drill)
    return render(request, "drills/control.html", context)


@router.get("/clock")
def clock_readout(
    request: Request,
    drill: DrillDep,
    ctx: TrainerDep,
    session: SessionDep,
    status: Annotated[str, Query(max_length=12)] = "",
) -> Response:
    """The polled readout; the whole clock panel instead when the status changed meanwhile."""
    context = clock_context(session=session, drill=drill)
    if context["drill"].status == status:
        return render(request, "drills/_control_readout.html", context)
    response = render(request, "drills/_control_clock.html", {**context, "swapped": True})
    response.headers["HX-Retarget"] = "#control-clock"
    response.headers["HX-Reswap"] = "outerHTML"
    return response


def answer(
    request: Request,
    *,
    session: SessionDep,
    ctx: OrgContext,
    drill: Drill,
    fragment: str,
    context: Callable[[], dict],
    refusal: dict | None = None,
    status: int = 200,
    anchor: str = "",
    trigger: str | None = None,
) -> Response:
    """htmx gets the `fragment` template back (with `trigger` as HX-Trigger); a refused plain
    form gets the whole console with the `refusal` shown; an accepted one goes back to it.
    `context` is called only when the fragment is rendered."""
    if is_htmx(request):
        response = render(request, fragment, {**context(), **(refusal or {})}, status_code=status)
        if trigger:
            response.headers["HX-Trigger"] = trigger
        return response
    if status >= 400:
        page = {**console_context(session=session, ctx=ctx, drill=drill), **(refusal or {})}
        return render(request, "drills/control.html", page, status_code=status)
    return RedirectResponse(f"/drills/{drill.id}/control{anchor}", status_code=303)


@router.post("/clock")
def clock_command(
    request: Request, form: FormDep, drill: DrillDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """Start, pause, resume, end or change speed from the console."""
    error = run_command(session=session, drill=drill, form=form)
    if error is None:
        notify.changed_from_thread(request.app, session=session, drill=drill, topics=("clock",))
    return answer(
        request,
        session=session,
        ctx=ctx,
        drill=drill,
        fragment="drills/_control_clock.html",
        context=lambda: {**clock_context(session=session, drill=drill), "swapped": True},
        refusal={"error": error},
        status=409 if error else 200,
        trigger="injects-changed",
    )


@router.get("/injects")
def inject_list(
    request: Request, drill: DrillDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """The polled list of the drill's injects with their state."""
    return render(request, "drills/_inject_list.html", board_context(session=session, drill=drill))


@router.post("/fire")
def fire(
    request: Request, form: FormDep, drill: DrillDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """Fire a scenario inject now, ahead of its time."""
    error = None
    try:
        injects.fire_inject(session=session, drill=drill, inject_key=str(form.get("inject") or ""))
        notify.changed_from_thread(request.app, session=session, drill=drill, topics=("inject",))
    except DomainError as exc:
        error = exc.message
    return answer(
        request,
        session=session,
        ctx=ctx,
        drill=drill,
        fragment="drills/_inject_list.html",
        context=partial(board_context, session=session, drill=drill),
        refusal={"inject_error": error},
        status=409 if error else 200,
        anchor="#control-injects",
    )


@router.post("/injects")
def adhoc(
    request: Request, form: FormDep, drill: DrillDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """Write an ad-hoc inject (a post or a message as any persona), fired at once."""
    values = forms.adhoc_values(form)
    labelled = {**labels.all_labels(), "drill": drill}
    reply = partial(
        answer, request, session=session, ctx=ctx, drill=drill, fragment="drills/_adhoc_form.html"
    )
    try:
        inject_in = forms.adhoc_input(values)
        row = injects.create_adhoc_inject(session=session, drill=drill, inject_in=inject_in)
        notify.changed_from_thread(
            request.app, session=session, drill=drill, topics=("inject",), inject=row
        )
    except (FormErrors, DomainError) as exc:
        errors = exc.errors if isinstance(exc, FormErrors) else errors_of(exc)
        refusal = {"values": values, "errors": errors}
        return reply(context=lambda: labelled, refusal=refusal, status=422)
    sent = {**labelled, "values": ADHOC_DEFAULTS, "errors": {}, "sent": True}
    return reply(context=lambda: sent, anchor="#control-injects", trigger="injects-changed")


@router.get("/activity")
def activity(request: Request, drill: DrillDep, ctx: TrainerDep, session: SessionDep) -> Response:
    """The polled per-person panel and activity log."""
    context = board_context(session=session, drill=drill)
    log = monitor.activity(session=session, drill=drill, org=ctx.org, board=context["board"])
    return render(request, "drills/_activity.html", {**context, "activity": log})
