"""The MSEL page: a scenario's injects on a timeline, moved, shifted and duplicated by forms."""

from collections.abc import Callable
from functools import partial
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session
from starlette.datastructures import FormData

from app.accounts.deps import OrgContext, TrainerDep
from app.core.deps import FormDep, SessionDep
from app.core.errors import Conflict, Invalid
from app.core.i18n import current_language
from app.core.i18n import gettext as _
from app.core.templating import render
from app.drills import labels
from app.drills.conditions import condition_kinds, condition_words
from app.scenarios.models import (
    CONDITION_KINDS,
    CONDITION_TARGETS,
    LANGUAGES,
    Scenario,
    format_duration,
)
from app.studio import msel, service, spreadsheet
from app.studio.deps import ReaderDep, ScenarioDep
from app.studio.models import OrgScenario, ScenarioUpdate
from app.studio.routes import can_edit

router = APIRouter(prefix="/studio/scenarios/{scenario_id}/injects")
MAX_MINUTES = 24 * 60


def msel_context(
    *, ctx: OrgContext, row: OrgScenario, document: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    """What the timeline shows: the injects in time order, and who may change them."""
    scenario = Scenario.model_validate(document)
    language = current_language.get()
    return {
        "row": row,
        "doc": document,
        "injects": [inject for _index, inject in msel.timeline(document)],
        "conditions": {i.id: condition_words(i, scenario, language) for i in scenario.injects},
        "condition_kinds": condition_kinds(),
        "can_edit": can_edit(ctx),
        "duration": format_duration,
        "problems": [],
        "saved": False,
        "sheet": None,
        "sheet_columns": spreadsheet.COLUMNS,
        **labels.all_labels(),
        **extra,
    }


@router.get("")
def timeline(request: Request, row: ScenarioDep, ctx: ReaderDep, session: SessionDep) -> Response:
    """The scenario's injects in time order."""
    document = service.latest_version(session=session, row=row).document
    context = msel_context(ctx=ctx, row=row, document=document)
    context["saved"] = request.query_params.get("saved") == "1"
    return render(request, "studio/msel.html", context)


def _minutes(form: FormData, name: str) -> int:
    text = str(form.get(name) or "").strip()
    try:
        minutes = int(text)
    except ValueError:
        raise Invalid(_("Enter a whole number of minutes."), field=name) from None
    if abs(minutes) > MAX_MINUTES:
        raise Invalid(_("Enter a whole number of minutes."), field=name)
    return minutes


def changed(document: dict[str, Any], form: FormData) -> dict[str, Any]:
    """The document after the form's operation: shift, move or duplicate."""
    op = str(form.get("op") or "")
    known = {inject["id"] for inject in document.get("injects", [])}
    if op == "shift":
        selected = {str(v) for v in form.getlist("selected")} & known
        if form.get("scope") != "all" and not selected:
            raise Invalid(_("Select the injects to shift, or shift them all."), field="selected")
        ids = None if form.get("scope") == "all" else selected
        return msel.shift(document, _minutes(form, "minutes") * 60, ids)
    inject = str(form.get("inject") or "")
    if inject not in known:
        raise Invalid(_("Choose one of the scenario’s injects."), field="inject")
    if op == "move":
        return msel.move(document, inject, _minutes(form, "at_minutes") * 60)
    if op == "duplicate":
        return msel.duplicate(document, inject)
    raise Invalid(_("Choose what to do: move, shift or duplicate."), field="op")


def conditional_inject(form: FormData) -> dict[str, Any]:
    """A conditional inject from the form; the scenario's checks judge the rest by path."""
    kind = str(form.get("kind") or "")
    if kind not in CONDITION_KINDS:
        raise Invalid(_("Choose what makes the inject fire."), field="kind")
    when = {"kind": kind}
    if kind in CONDITION_TARGETS:
        target = CONDITION_TARGETS[kind]
        when[target] = str(form.get(f"when_{target}") or "")
        if not when[target]:
            raise Invalid(_("Choose what the condition is about."), field=f"when_{target}")
    at_s = _minutes(form, "at_minutes") * 60
    inject: dict[str, Any] = {
        "id": f"if-{kind.replace('_', '-')}",
        "at": at_s,
        "when": when,
        "channel": str(form.get("channel") or ""),
        "actor": {
            "name": str(form.get("actor_name") or "").strip(),
            "persona": str(form.get("persona") or ""),
        },
        "content": {lang: str(form.get(f"content_{lang}") or "").strip() for lang in LANGUAGES},
        "priority": str(form.get("priority") or "normal"),
    }
    if form.get("expects_response"):
        inject["expects_response"] = True
        inject["deadline"] = at_s + _minutes(form, "answer_minutes") * 60
    return inject


def with_conditional(document: dict[str, Any], form: FormData) -> dict[str, Any]:
    """The document with the form's conditional inject added."""
    return msel.add(document, conditional_inject(form))


@router.post("/conditional")
def add_conditional(
    request: Request, form: FormDep, row: ScenarioDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """Add an inject that fires on a condition of the drill, as a new version."""
    edit = partial(with_conditional, form=form)
    return saved_edit(request, session=session, ctx=ctx, row=row, form=form, edit=edit)


@router.post("")
def change(
    request: Request, form: FormDep, row: ScenarioDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """Apply one timeline operation as a new version; problems are shown above the table."""
    edit = partial(changed, form=form)
    return saved_edit(request, session=session, ctx=ctx, row=row, form=form, edit=edit)


def saved_edit(
    request: Request,
    *,
    session: Session,
    ctx: OrgContext,
    row: OrgScenario,
    form: FormData,
    edit: Callable[[dict[str, Any]], dict[str, Any]],
) -> Response:
    """Save `edit` of the latest document as a new version (the form's `version` guards it),
    then back to the timeline; its problems above the timeline otherwise."""
    document = service.latest_version(session=session, row=row).document
    version = str(form.get("version") or "")
    try:
        edited = edit(document)
        update = ScenarioUpdate(version=int(version) if version.isdigit() else 0, document=edited)
        service.update_scenario(session=session, user=ctx.user, row=row, update=update)
    except (Conflict, Invalid) as exc:
        return refused_page(request, session=session, ctx=ctx, row=row, exc=exc)
    return RedirectResponse(f"/studio/scenarios/{row.id}/injects?saved=1", status_code=303)


def refused_page(
    request: Request,
    *,
    session: Session,
    ctx: OrgContext,
    row: OrgScenario,
    exc: Conflict | Invalid,
) -> Response:
    """The timeline as saved, with a refused change's problems above it."""
    problems = getattr(exc, "problems", None) or [(exc.field, exc.message)]
    document = service.latest_version(session=session, row=row).document
    context = msel_context(ctx=ctx, row=row, document=document, problems=problems)
    return render(request, "studio/msel.html", context, status_code=exc.status_code)
