"""The studio's preview and dry run of a scenario's latest version, and the preview of a
library scenario before copying it: nothing is stored.

Each page is a form whose fields are query parameters; an htmx request gets the page's panel
(form and results) alone, so the first render and later swaps share one template.
"""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from markupsafe import Markup

from app.accounts.deps import TrainerDep
from app.core.deps import SessionDep
from app.core.errors import Invalid
from app.core.i18n import current_language
from app.core.i18n import gettext as _
from app.core.templating import is_htmx, render
from app.drills import labels as drill_labels
from app.drills.posts import render_post
from app.scenarios import library
from app.scenarios.models import LANGUAGES, Scenario
from app.scoring import labels as score_labels
from app.studio import preview, service
from app.studio.deps import ReaderDep, ScenarioDep
from app.studio.dry_run import CLEAR_MARGIN, dry_run
from app.studio.models import OrgScenario

router = APIRouter(prefix="/studio/scenarios/{scenario_id}")
library_router = APIRouter(prefix="/studio/library")
MAIN_POINTS = 3  # strengths and improvements shown per response


def query_of(
    request: Request, *, with_minutes: bool = True
) -> tuple[preview.PreviewQuery | None, list[tuple[str, str]]]:
    """The query asked for, or the problems of its fields (the dry run has no minutes)."""
    params = {k: v for k, v in request.query_params.items() if with_minutes or k != "minutes"}
    try:
        return preview.parse_query(params, current_language.get()), []
    except Invalid as exc:
        return None, exc.problems


def page_context(
    *,
    action: str,
    back: tuple[str, str],
    scenario: Scenario,
    request: Request,
    problems: list[tuple[str, str]],
) -> dict[str, Any]:
    """What both pages show around their results: where the form goes and the way back, the
    scenario, the fields as typed and their errors."""
    return {
        "action": action,
        "back": back,
        "title": scenario.title.get(current_language.get()),
        "version": None,
        "library": None,
        "languages": LANGUAGES,
        "values": {
            "seed": request.query_params.get("seed", str(preview.DEFAULT_SEED)),
            "language": request.query_params.get("language", current_language.get()),
            "minutes": request.query_params.get("minutes", str(preview.DEFAULT_MINUTES)),
            "library_id": scenario.id,
        },
        "errors": dict(problems),
        "problems": problems,
        "min_minutes": preview.MIN_MINUTES,
        "max_minutes": preview.MAX_MINUTES,
    }


def own_context(
    *, row: OrgScenario, scenario: Scenario, request: Request, page: str, problems: list
) -> dict[str, Any]:
    """The page context for one of the organisation's scenarios, at its latest version."""
    title = scenario.title.get(current_language.get())
    context = page_context(
        action=f"/studio/scenarios/{row.id}/{page}",
        back=(f"/studio/scenarios/{row.id}", title),
        scenario=scenario,
        request=request,
        problems=problems,
    )
    return {**context, "version": row.version}


def latest(session: SessionDep, row: OrgScenario) -> Scenario:
    """The version the editor shows: the scenario's latest."""
    return service.document_of(service.latest_version(session=session, row=row))


def answer(request: Request, page: str, context: dict[str, Any]) -> Response:
    """The whole page, or its panel for htmx; 422 when a field is refused."""
    name = f"studio/_{page}_panel.html" if is_htmx(request) else f"studio/{page}.html"
    return render(request, name, context, status_code=422 if context["problems"] else 200)


@router.get("/preview")
def storm_preview(
    request: Request, row: ScenarioDep, ctx: ReaderDep, session: SessionDep
) -> Response:
    """The first minutes of the storm for a seed and a language, with its volume chart."""
    scenario = latest(session, row)
    query, problems = query_of(request)
    context = own_context(
        row=row, scenario=scenario, request=request, page="preview", problems=problems
    )
    return answer(request, "preview", with_preview(context, scenario, query))


def with_preview(
    context: dict[str, Any], scenario: Scenario, query: preview.PreviewQuery | None
) -> dict[str, Any]:
    """The context with the storm's first minutes, when the query is valid."""
    if query is None:
        return context
    shown = preview.preview(scenario, query)
    return {
        **context,
        "query": query,
        "result": shown,
        "posts": [Markup(render_post(post)) for post in shown.shown],
        "chart": {"counted": shown.counted, "planned": shown.planned},
    }


@library_router.get("/preview")
def library_preview(request: Request, ctx: ReaderDep) -> Response:
    """The storm of one of the library's scenarios, chosen in the form, before copying it."""
    choices = library.list_scenarios()
    wanted = request.query_params.get("library_id", choices[0].id)
    chosen = next((s for s in choices if s.id == wanted), None)
    query, problems = query_of(request)
    if chosen is None:
        problems = [("library_id", _("Choose one of the library’s scenarios.")), *problems]
    scenario = library.load_scenario(chosen.id if chosen else choices[0].id)
    context = page_context(
        action="/studio/library/preview",
        back=("/studio/scenarios", _("Scenarios")),
        scenario=scenario,
        request=request,
        problems=problems,
    )
    context["library"] = choices
    return answer(request, "preview", with_preview(context, scenario, None if problems else query))


@router.get("/dry-run")
def dry_run_page(
    request: Request, row: ScenarioDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """The dry run's form; with `run` in the query, both scripted responses played and scored."""
    scenario = latest(session, row)
    query, problems = query_of(request, with_minutes=False)
    context = own_context(
        row=row, scenario=scenario, request=request, page="dry-run", problems=problems
    )
    context |= {
        "margin": CLEAR_MARGIN,
        "main_points": MAIN_POINTS,
        "L": score_labels,
        "kinds": drill_labels.action_kinds(),
    }
    if query is not None and "run" in request.query_params:
        context["query"] = query
        context["run"] = dry_run(
            scenario, seed=query.seed, language=query.language, reader=current_language.get()
        )
    return answer(request, "dry_run", context)
