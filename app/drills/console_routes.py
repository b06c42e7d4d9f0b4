"""The team console: one live page per drill (feed, inbox, composer, approvals, plan) and its SSE.

Participants and trainers/admins only. Writes go through `actions.record_action`, then
`notify.changed` tells every open console at once.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from app.accounts.deps import MemberDep, OrgContext
from app.core.deps import FormDep, Public, SessionDep
from app.core.errors import Conflict, DomainError, Forbidden
from app.core.i18n import gettext as _
from app.core.i18n import ngettext
from app.core.templating import is_htmx, render
from app.drills import actions, console, notify, rules, service
from app.drills.deps import DrillDep
from app.drills.models import ActionCreate, Drill
from app.drills.runtime import live_of
from app.drills.sse import event_stream
from app.plans.catalogue import KIND_LABELS
from app.plans.forms import FormErrors, errors_of, validate
from app.storm import avatar_svg

router = APIRouter(prefix="/drills")
avatars = APIRouter(prefix="/avatars")
AVATAR_MAX_AGE_S = 7 * 24 * 3600
COMPOSER_FIELDS = ("text", "in_reply_to", "rumour", "to_role", "key_message", "audience")
LIVE_STATUSES = ("running", "paused")


def console_access(drill: DrillDep, ctx: MemberDep, session: SessionDep) -> OrgContext:
    """The caller, if they hold a role in the drill or run drills (trainer, admin)."""
    if ctx.role in actions.PRIVILEGED or service.roles_of(
        session=session, drill=drill, user=ctx.user
    ):
        return ctx
    raise Forbidden(_("Only the drill's participants and trainers may open its console."))


ConsoleDep = Annotated[OrgContext, Depends(console_access)]


def abilities(*, session: SessionDep, drill: Drill, ctx: OrgContext, plan: dict) -> dict[str, Any]:
    """Which buttons the caller gets: rules.check_role decides, as it will on submit."""
    held = service.roles_of(session=session, drill=drill, user=ctx.user)
    privileged = ctx.role in actions.PRIVILEGED
    roles = [role for role in plan["roles"] if role["id"] in held]

    def may(kind: str) -> bool:
        try:
            rules.check_role(
                kind=kind,
                roles=roles,
                privileged=privileged,
                approval_required=plan["approval_required"],
            )
        except DomainError:
            return False
        return True

    return {
        "held": held,
        "reviewer": privileged,
        "may_publish": may("statement"),
        "may_request": may("request_approval"),
        "may_decide": may("approve"),
    }


def context_for(
    *, session: SessionDep, drill: Drill, ctx: OrgContext, **extra: Any
) -> dict[str, Any]:
    """The console's template context for the caller."""
    data = console.console_data(session=session, drill=drill, user=ctx.user)
    return {
        "drill": service.drill_public(session=session, drill=drill),
        **data,
        **abilities(session=session, drill=drill, ctx=ctx, plan=data["plan"]),
        "values": {},
        "errors": {},
        "unfilled": rules.unfilled,
        "message_kinds": KIND_LABELS,
        **extra,
    }


def page_extras(*, session: SessionDep, drill: Drill, context: dict[str, Any]) -> dict[str, Any]:
    """What only the whole page needs: the activity so far and the feed's plural labels."""
    forms = [
        ngettext(
            "+%(num)s post in the last minute not shown",
            "+%(num)s posts in the last minute not shown",
            n,
            num="{n}",
        )
        for n in (1, 2)
    ]
    rows = list(reversed(context["rows"]))
    return {
        **context,
        "summary_forms": forms,
        "queued_labels": [
            ngettext("Show %(num)s new post", "Show %(num)s new posts", count, num="{n}")
            for count in (1, 2)
        ],
        "activity": notify.activity_html(session=session, drill=drill, rows=rows),
    }


@router.get("/{drill_id}/console")
def console_page(
    request: Request, drill: DrillDep, ctx: ConsoleDep, session: SessionDep
) -> Response:
    """The team console; its live parts arrive over /events."""
    context = context_for(session=session, drill=drill, ctx=ctx)
    return render(
        request, "drills/console.html", page_extras(session=session, drill=drill, context=context)
    )


def panel(name: str):
    """A GET route serving one console partial (panels refresh themselves on live events)."""

    def serve(request: Request, drill: DrillDep, ctx: ConsoleDep, session: SessionDep) -> Response:
        return render(
            request,
            f"drills/_console_{name}.html",
            context_for(session=session, drill=drill, ctx=ctx),
        )

    serve.__name__ = f"console_{name}"
    serve.__doc__ = f"The console's {name} panel."
    router.add_api_route(f"/{{drill_id}}/console/{name}", serve, methods=["GET"])


for _panel in ("inbox", "approvals", "checklist", "kpis"):
    panel(_panel)


@router.get("/{drill_id}/console/rumours")
def console_rumours(
    request: Request, drill: DrillDep, ctx: ConsoleDep, session: SessionDep
) -> Response:
    """The composer's rumour list as it stands now, keeping the one chosen (it grows live)."""
    current = service.reading(session=session, drill=drill)
    rumours, next_rumour_s = console.rumours_seen(drill, current.sim_s)
    context = {
        "drill": drill,
        "rumours": rumours,
        "next_rumour_s": next_rumour_s,
        "values": {"rumour": request.query_params.get("rumour", "")},
    }
    return render(request, "drills/_console_rumours.html", context)


def composer_action(intent: str, values: dict[str, str]) -> dict[str, Any]:
    """The action a composer button asks for, from the form's values."""
    text, reply_to, rumour = values["text"], values["in_reply_to"], values["rumour"]
    if intent == "publish":
        kind = "correct_rumour" if rumour else ("reply" if reply_to else "statement")
        return {
            "kind": kind,
            "text": text,
            "in_reply_to": reply_to or None,
            "rumour": rumour or None,
            "audience": values["audience"] or None,
        }
    if intent == "approval":
        return {
            "kind": "request_approval",
            "text": text,
            "in_reply_to": reply_to or None,
            "rumour": rumour or None,
            "audience": values["audience"] or None,
        }
    if intent == "escalate":
        return {"kind": "escalate", "to_role": values["to_role"], "text": text or None}
    if intent == "flag":
        return {"kind": "flag_rumour", "rumour": rumour or None, "post": reply_to or None}
    return {"kind": "note", "text": text}


def act(
    request: Request, *, session: SessionDep, drill: Drill, ctx: OrgContext, data: dict
) -> list:
    """Validate, store (committed before answering) and tell every console."""
    action_in = validate(ActionCreate, {k: v for k, v in data.items() if v is not None})
    rows = actions.record_action(
        session=session, drill=drill, user=ctx.user, member_role=ctx.role, action_in=action_in
    )
    notify.changed_from_thread(request.app, session=session, drill=drill, actions=rows)
    return rows


def answer(
    request: Request,
    session: SessionDep,
    drill: Drill,
    partial: str,
    context: dict,
    status: int = 200,
) -> Response:
    """htmx gets the partial back; a plain form post goes back to the console."""
    if is_htmx(request):
        return render(request, partial, context, status_code=status)
    if status >= 400:
        context = page_extras(session=session, drill=drill, context=context)
        return render(request, "drills/console.html", context, status_code=status)
    return RedirectResponse(f"/drills/{drill.id}/console", status_code=303)


@router.post("/{drill_id}/console/actions")
def compose(
    request: Request, form: FormDep, drill: DrillDep, ctx: ConsoleDep, session: SessionDep
) -> Response:
    """Publish, submit for approval, escalate, flag or log a decision from the composer."""
    values = {name: str(form.get(name) or "").strip() for name in COMPOSER_FIELDS}
    intent = str(form.get("intent") or "publish")
    try:
        rows = act(
            request, session=session, drill=drill, ctx=ctx, data=composer_action(intent, values)
        )
    except (FormErrors, DomainError) as exc:
        errors = exc.errors if isinstance(exc, FormErrors) else errors_of(exc)
        context = context_for(session=session, drill=drill, ctx=ctx, values=values, errors=errors)
        return answer(request, session, drill, "drills/_console_composer.html", context, 422)
    # What happened, said by the notice: published, or only submitted for approval…
    context = context_for(session=session, drill=drill, ctx=ctx, sent=rows[0].kind)
    return answer(request, session, drill, "drills/_console_composer.html", context)


@router.post("/{drill_id}/console/approvals")
def decide(
    request: Request, form: FormDep, drill: DrillDep, ctx: ConsoleDep, session: SessionDep
) -> Response:
    """Approve a pending statement (it is published) or reject it with a required comment.

    A statement is decided once: a decision that lost to another answers 409.
    """
    ref, decision = str(form.get("ref") or ""), str(form.get("decision") or "")
    comment = str(form.get("comment") or "").strip()
    errors: dict[str, str] = {}
    status = 200
    try:
        if decision not in ("approve", "reject"):
            raise FormErrors({"decision": _("Approve or reject.")})
        if decision == "reject" and not comment:
            raise FormErrors({"comment": _("Say why the statement is rejected.")})
        data = {"kind": decision, "ref": ref, "text": comment or None}
        act(request, session=session, drill=drill, ctx=ctx, data=data)
    except (FormErrors, DomainError) as exc:
        errors = exc.errors if isinstance(exc, FormErrors) else errors_of(exc)
        status = 409 if isinstance(exc, Conflict) else 422
    context = context_for(
        session=session, drill=drill, ctx=ctx, errors=errors, failed_ref=ref, comment=comment
    )
    return answer(request, session, drill, "drills/_console_approvals.html", context, status)


@router.post("/{drill_id}/console/checklist")
def tick(
    request: Request, form: FormDep, drill: DrillDep, ctx: ConsoleDep, session: SessionDep
) -> Response:
    """Mark a checklist item done."""
    errors: dict[str, str] = {}
    data = {"kind": "checklist_done", "item": str(form.get("item") or "")}
    try:
        act(request, session=session, drill=drill, ctx=ctx, data=data)
    except (FormErrors, DomainError) as exc:
        errors = exc.errors if isinstance(exc, FormErrors) else errors_of(exc)
    context = context_for(session=session, drill=drill, ctx=ctx, errors=errors)
    return answer(
        request, session, drill, "drills/_console_checklist.html", context, 422 if errors else 200
    )


@router.get("/{drill_id}/events")
def events(request: Request, drill: DrillDep, ctx: ConsoleDep, session: SessionDep) -> Response:
    """The drill's live events (posts, clock, feed summary, team activity) as server-sent events.

    A drill that is not running or paused has nothing to stream: 204 tells EventSource to stop.
    """
    live = live_of(request.app)
    status = service.reading(session=session, drill=drill).status.value
    if live is None or status not in LIVE_STATUSES:
        return Response(status_code=204)
    live.cache.ensure(session=session, drill=drill, followed=live.hub.follows(drill.id))
    # The stream needs nothing more from the database: give the connection back to the pool
    # now, not when the console closes (the session dependency lives as long as the stream).
    session.close()
    return event_stream(live.hub, drill.id, request.headers.get("last-event-id"))


@avatars.get("/{handle}.svg", dependencies=[Public])
def avatar(handle: str) -> Response:
    """A feed author's generated avatar: a pure function of the handle, cached by browsers."""
    return Response(
        avatar_svg("@" + handle[:60]),
        media_type="image/svg+xml",
        headers={"Cache-Control": f"public, max-age={AVATAR_MAX_AGE_S}, immutable"},
    )
