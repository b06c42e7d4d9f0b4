"""The post templates page's live sample: a few posts a template gives, as the trainer types."""

import re

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import ValidationError

from app.core.deps import SessionDep
from app.core.i18n import gettext as _
from app.core.templating import render
from app.scenarios.messages import in_language
from app.scenarios.models import PostTemplate
from app.scenarios.schema_errors import schema_message
from app.studio import service
from app.studio.deps import ReaderDep, ScenarioDep
from app.studio.forms import field
from app.studio.samples import SampleError, sample_posts

router = APIRouter(prefix="/studio/scenarios/{scenario_id}")
TEMPLATE_PATH = re.compile(r"^templates\.(en|fr)\.\d{1,6}$")


@router.get("/sample")
def sample(request: Request, row: ScenarioDep, ctx: ReaderDep, session: SessionDep) -> Response:
    """Posts the template at `path` (its fields sent as typed) gives under the saved scenario,
    or the reason it cannot be read."""
    params = request.query_params
    path = str(params.get("path") or "")
    context = {"path": path, "posts": [], "problem": None}
    match = TEMPLATE_PATH.match(path)
    if match is None:
        context["problem"] = _("Choose one of the scenario’s post templates.")
        return render(request, "studio/_samples.html", context, status_code=422)
    try:
        template = PostTemplate(
            persona=field(params, f"{path}.persona"),
            sentiment=field(params, f"{path}.sentiment"),
            gender=field(params, f"{path}.gender") or None,
            text=field(params, f"{path}.text"),
        )
        scenario = service.document_of(service.latest_version(session=session, row=row))
        context["posts"] = sample_posts(scenario, template, match.group(1))
    except ValidationError as error:
        where = ".".join(str(part) for part in error.errors()[0]["loc"])
        problem = in_language(schema_message(error.errors()[0]), _)
        context["problem"] = _("%(field)s: %(problem)s", field=where, problem=problem)
    except SampleError as error:
        problem = in_language(error.args[0], _)
        context["problem"] = _("This template cannot be read: %(problem)s", problem=problem)
    status = 422 if context["problem"] else 200
    return render(request, "studio/_samples.html", context, status_code=status)
