"""The Jinja2 environment: translations, formatting filters, CSRF and htmx helpers."""

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from app.core import i18n
from app.core.deps import CSRF_FIELD
from app.core.security import new_csrf_token
from app.core.settings import ROOT

templates = Jinja2Templates(directory=str(ROOT / "templates"))
env = templates.env
env.add_extension("jinja2.ext.i18n")
env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)
env.filters["datetime"] = i18n.format_datetime
env.filters["date"] = i18n.format_date
env.filters["number"] = i18n.format_number
env.globals["LANGUAGES"] = i18n.LANGUAGE_NAMES


def csrf_token(request: Request) -> str:
    """The session's CSRF token, created on first use."""
    token = request.session.get(CSRF_FIELD)
    if not token:
        token = request.session[CSRF_FIELD] = new_csrf_token()
    return token


def is_htmx(request: Request) -> bool:
    """Whether htmx sent this request (and so wants a partial)."""
    return request.headers.get("hx-request") == "true"


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, *, status_code: int = 200
) -> HTMLResponse:
    """Render a template with the request, its language, time zone and CSRF token in context."""
    context = {
        "request": request,
        "lang": i18n.current_language.get(),
        "time_zone": i18n.current_time_zone.get(),
        "csrf_token": csrf_token(request),
        **(context or {}),
    }
    return templates.TemplateResponse(request, name, context, status_code=status_code)
