"""Sign-in, sign-out, and the language and organisation switches."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.accounts import service
from app.core.deps import CSRF_FIELD, CurrentCaller, Public, SessionDep
from app.core.i18n import LANGUAGES
from app.core.i18n import gettext as _
from app.core.middleware import LANGUAGE_COOKIE
from app.core.templating import render

router = APIRouter()


def safe_next(target: str | None) -> str:
    """A local path to go to after signing in; anything else goes home."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return "/"


@router.get("/login", dependencies=[Public])
def login_page(request: Request, next: str | None = None) -> Response:
    return render(request, "accounts/login.html", {"next": safe_next(next), "errors": {}})


@router.post("/login", dependencies=[Public])
def login(
    request: Request,
    session: SessionDep,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    user = service.authenticate(session=session, email=email, password=password)
    if user is None:
        errors = {"email": _("Unknown email or wrong password.")}
        context = {"next": safe_next(next), "errors": errors, "email": email}
        return render(request, "accounts/login.html", context, status_code=422)
    memberships = service.list_memberships(session=session, user_id=user.id)
    csrf = request.session.get(CSRF_FIELD)
    request.session.clear()
    request.session.update(
        csrf_token=csrf,
        user_id=user.id,
        org_id=memberships[0][1].id if memberships else None,
        lang=user.language,
    )
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request, caller: CurrentCaller) -> Response:
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


@router.post("/language", dependencies=[Public])
def switch_language(
    request: Request,
    session: SessionDep,
    language: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
) -> Response:
    """Switch the interface language; remembered for the user, or in a cookie."""
    response = RedirectResponse(safe_next(next), status_code=303)
    if language not in LANGUAGES:
        return response
    user_id = request.session.get("user_id")
    if user_id:
        service.set_language(session=session, user_id=user_id, language=language)
        request.session["lang"] = language
    response.set_cookie(LANGUAGE_COOKIE, language, max_age=365 * 86400, samesite="lax")
    return response
