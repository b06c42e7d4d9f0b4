"""The inject bank's page: the organisation's saved injects, added to a scenario or deleted."""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from app.accounts.deps import OrgContext, TrainerDep
from app.core.deps import FormDep, SessionDep
from app.core.errors import Conflict, Invalid
from app.core.i18n import gettext as _
from app.core.limits import MAX_INTEGER, MAX_INTEGER_DIGITS
from app.core.templating import render
from app.drills import labels
from app.scenarios.models import format_duration
from app.studio import bank, service
from app.studio.deps import BankEntryDep
from app.studio.models import BankEntryIn, BankUseIn

router = APIRouter(prefix="/studio/bank")
MAX_MINUTES = 24 * 60


def _whole(text: str, *, field: str, message: str, limit: int = MAX_INTEGER) -> int:
    text = text.strip()
    if not text.isdigit() or len(text) > MAX_INTEGER_DIGITS or int(text) > limit:
        raise Invalid(message, field=field)
    return int(text)


def bank_context(*, session: SessionDep, ctx: OrgContext, **extra: Any) -> dict[str, Any]:
    """What the bank shows: its injects, and the scenarios (with their titles) to add them to."""
    scenarios = [
        (row, service.summary_of(service.document_of(version)))
        for row, version in service.list_scenarios(session=session, org=ctx.org)
    ]
    return {
        "entries": bank.list_entries(session=session, org=ctx.org),
        "scenarios": scenarios,
        "duration": format_duration,
        "problems": [],
        "saved": False,
        **labels.all_labels(),
        **extra,
    }


@router.get("")
def bank_page(request: Request, ctx: TrainerDep, session: SessionDep) -> Response:
    """The organisation's inject bank."""
    context = bank_context(session=session, ctx=ctx)
    context["saved"] = request.query_params.get("saved") == "1"
    return render(request, "studio/bank.html", context)


def _refused(
    request: Request, session: SessionDep, ctx: OrgContext, exc: Conflict | Invalid
) -> Response:
    problems = getattr(exc, "problems", None) or [(exc.field, exc.message)]
    context = bank_context(session=session, ctx=ctx, problems=problems)
    return render(request, "studio/bank.html", context, status_code=exc.status_code)


@router.post("")
def save_inject(request: Request, form: FormDep, ctx: TrainerDep, session: SessionDep) -> Response:
    """Save one inject of a scenario (from its timeline) to the bank."""
    try:
        entry_in = BankEntryIn(
            scenario_id=_whole(
                str(form.get("scenario_id") or ""),
                field="scenario_id",
                message=_("Choose one of your scenarios."),
            ),
            inject_id=str(form.get("inject") or "")[:60],
        )
        bank.save_inject(session=session, org=ctx.org, user=ctx.user, entry_in=entry_in)
    except Invalid as exc:
        return _refused(request, session, ctx, exc)
    return RedirectResponse("/studio/bank?saved=1", status_code=303)


@router.post("/{entry_id}/use")
def use_entry(
    request: Request, form: FormDep, entry: BankEntryDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """Add the inject to the chosen scenario at the chosen time, as its next version."""
    # The option's value carries the version the page showed: "scenario id:version".
    scenario_id, _sep, version = str(form.get("scenario") or "").partition(":")
    choose = _("Choose one of your scenarios.")
    try:
        use_in = BankUseIn(
            scenario_id=_whole(scenario_id, field="scenario", message=choose),
            version=_whole(version, field="scenario", message=choose),
            at_minutes=_whole(
                str(form.get("at_minutes") or ""),
                field="at_minutes",
                message=_("Enter a whole number of minutes."),
                limit=MAX_MINUTES,
            ),
        )
        row, _version = bank.use_entry(
            session=session, org=ctx.org, user=ctx.user, entry=entry, use_in=use_in
        )
    except (Conflict, Invalid) as exc:
        return _refused(request, session, ctx, exc)
    return RedirectResponse(f"/studio/scenarios/{row.id}/injects?saved=1", status_code=303)


@router.post("/{entry_id}/delete")
def delete_entry(entry: BankEntryDep, ctx: TrainerDep, session: SessionDep) -> Response:
    """Remove the inject from the bank."""
    bank.delete_entry(session=session, entry=entry, user=ctx.user)
    return RedirectResponse("/studio/bank", status_code=303)
