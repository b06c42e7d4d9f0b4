"""Maps domain and validation errors to HTTP answers, as JSON for the API and HTML for people."""

from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.core.errors import DomainError, NotAuthenticated
from app.core.i18n import gettext as _
from app.core.templating import render


def wants_json(request: Request) -> bool:
    """API paths and clients that ask for JSON get JSON errors."""
    return request.url.path.startswith("/api") or "application/json" in request.headers.get(
        "accept", ""
    )


def error_body(exc: DomainError) -> dict:
    """The JSON error shape, the same as FastAPI's validation errors: one entry per problem."""
    kind = type(exc).__name__.lower()
    problems = getattr(exc, "problems", None) or [(exc.field, exc.message)]
    return {
        "detail": [
            {"loc": ["body", *field.split(".")] if field else [], "msg": message, "type": kind}
            for field, message in problems
        ]
    }


async def domain_error_handler(request: Request, exc: DomainError) -> Response:
    """One place that turns a service's refusal into a response."""
    if wants_json(request):
        headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, NotAuthenticated) else None
        return JSONResponse(error_body(exc), status_code=exc.status_code, headers=headers)
    if isinstance(exc, NotAuthenticated):
        if request.headers.get("hx-request"):
            return Response(status_code=401, headers={"HX-Redirect": "/login"})
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
    return render(request, "core/error.html", {"error": exc}, status_code=exc.status_code)


async def validation_error_handler(request: Request, exc: RequestValidationError) -> Response:
    """422 with the field's path for the API; a readable page for a hand-made bad request."""
    errors = [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors()]
    if wants_json(request):
        return JSONResponse({"detail": errors}, status_code=422)
    return render(request, "core/error.html", {"errors": errors}, status_code=422)


async def http_error_handler(request: Request, exc: StarletteHTTPException) -> Response:
    """Unknown URLs and disallowed methods, as a page for people and JSON for the API."""
    if wants_json(request):
        return JSONResponse(
            {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
        )
    message = _("This page does not exist.") if exc.status_code == 404 else str(exc.detail)
    return render(
        request, "core/error.html", {"error": DomainError(message)}, status_code=exc.status_code
    )


def install(app: FastAPI) -> None:
    """Register the handlers on the application."""
    app.add_exception_handler(DomainError, domain_error_handler)
    app.add_exception_handler(StarletteHTTPException, http_error_handler)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
