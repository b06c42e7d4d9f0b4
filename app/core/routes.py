"""Application-wide pages: home and health."""

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from app.core.deps import Public, SessionDep, resolve_caller
from app.core.templating import render

router = APIRouter()


@router.get("/health", dependencies=[Public])
def health() -> dict[str, str]:
    """For load balancers and `make run`'s readiness check."""
    return {"status": "ok"}


@router.get("/", dependencies=[Public])
def home(request: Request, session: SessionDep) -> Response:
    """The start page for signed-in people; others go to the sign-in page."""
    caller = resolve_caller(request, session)
    if caller is None:
        return RedirectResponse("/login", 303)
    return render(request, "core/home.html", {"user": caller.user})
