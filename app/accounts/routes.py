"""The home page, sign-in, sign-out, the language and organisation switches, invitations."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from app.accounts import (
    admin_routes,
    audit,
    audit_routes,
    password_routes,
    preference_routes,
    service,
    token_routes,
)
from app.accounts import member_service as members
from app.accounts import session_service as sessions
from app.accounts.deps import CurrentCaller, resolve_caller, start_session
from app.accounts.models import ROLE_LABELS
from app.accounts.ratelimit import (
    LoginLimiter,
    address_key,
    limiter_key,
    login_limiter,
    login_limits,
)
from app.core.deps import Public, SessionDep
from app.core.errors import DomainError
from app.core.i18n import LANGUAGES, current_language, ngettext
from app.core.i18n import gettext as _
from app.core.middleware import LANGUAGE_COOKIE
from app.core.templating import render

router = APIRouter()
router.include_router(admin_routes.router)
router.include_router(token_routes.router)
router.include_router(password_routes.router)
router.include_router(preference_routes.router)
router.include_router(audit_routes.router)

LimiterDep = Annotated[LoginLimiter, Depends(login_limiter)]


def safe_next(target: str | None) -> str:
    """A local path to go to after signing in; anything else goes home."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return "/"


def section_of(path: str) -> str:
    """The top-level section of a local path: `/plans/12/edit` gives `/plans`.

    After switching organisation, a page of the previous one (its ids) would not exist.
    """
    return "/" + path.split("?")[0].lstrip("/").split("/")[0]


def client_address(request: Request) -> str:
    """The caller's address: forwarded headers count only from STORMDRILL_TRUSTED_PROXIES."""
    return request.client.host if request.client else "unknown"


@router.get("/", dependencies=[Public])
def home(request: Request, session: SessionDep) -> Response:
    """The start page for signed-in people; others go to the sign-in page."""
    caller = resolve_caller(request, session)
    if caller is None:
        return RedirectResponse("/login", 303)
    return render(request, "core/home.html", {"user": caller.user})


@router.get("/login", dependencies=[Public])
def login_page(request: Request, next: str | None = None) -> Response:
    """The sign-in form."""
    return render(request, "accounts/login.html", {"next": safe_next(next), "errors": {}})


def _login_refused(request: Request, email: str, next: str, errors: dict, status: int) -> Response:
    context = {"next": safe_next(next), "errors": errors, "email": email}
    return render(request, "accounts/login.html", context, status_code=status)


def too_many(request: Request, email: str, next: str, wait: int) -> Response:
    """The sign-in form again with a 429: wait `wait` seconds."""
    minutes = -(-wait // 60)
    message = ngettext(
        "Too many failed sign-ins. Try again in %(num)s minute.",
        "Too many failed sign-ins. Try again in %(num)s minutes.",
        minutes,
    )
    response = _login_refused(request, email, next, {"form": message}, 429)
    response.headers["Retry-After"] = str(wait)
    return response


@router.post("/login", dependencies=[Public])
def login(
    request: Request,
    session: SessionDep,
    limiter: LimiterDep,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
    time_zone: Annotated[str, Form()] = "",
) -> Response:
    """Check the password, within the rate limit, and open a session.

    `time_zone` is the browser's (filled in by script); it becomes the user's if they have none.
    """
    address = client_address(request)
    limits = login_limits(request.app.state.settings, email, address)
    granted = limiter.reserve(limits)
    if granted.attempt_id is None:
        return too_many(request, email, next, granted.wait)
    user = service.authenticate(session=session, email=email, password=password)
    if user is None:
        audit.record_failed_sign_in(session=session, email=email)
        errors = {"email": _("Unknown email or wrong password.")}
        return _login_refused(request, email, next, errors, 422)
    limiter.reset(limiter_key(email, address))
    limiter.forgive(address_key(address), granted.attempt_id)
    org_id = service.landing_org_id(session=session, user=user)
    audit.record_sign_in(session=session, user=user, org_id=org_id)
    zone = service.time_zone_at_sign_in(session=session, user=user, browser_zone=time_zone)
    start_session(
        request, session, user_id=user.id, org_id=org_id, language=user.language, time_zone=zone
    )
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request, session: SessionDep, caller: CurrentCaller) -> Response:
    """End the session on the server too, so a copy of the cookie stops working."""
    audit.record_sign_out(session=session, user=caller.user, org_id=caller.org_id)
    sessions.close_session(session=session, secret=request.session.get("sid"))
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


@router.post("/organisation")
def switch_organisation(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    org_id: Annotated[int, Form()],
    next: Annotated[str, Form()] = "/",
) -> Response:
    """Act in another of the caller's organisations from now on."""
    org = service.switch_organisation(session=session, user_id=caller.user.id, org_id=org_id)
    request.session["org_id"] = org.id
    return RedirectResponse(section_of(safe_next(next)), status_code=303)


def invitation_context(
    request: Request, session: Session, token: str, **extra: Any
) -> dict[str, Any]:
    """What the invitation page shows; NotFound once the link is used up or expired.

    Signed out, it offers both signing in and a new account, whether the email is
    registered or not, so the page tells nobody which it is.
    """
    invitation, org = members.get_pending_invitation(session=session, token=token)
    caller = resolve_caller(request, session)
    return {
        "invitation": invitation,
        "org": org,
        "token": token,
        "roles": ROLE_LABELS,
        "errors": {},
        "signed_in_as": caller and caller.user.email,
        **extra,
    }


@router.get("/invitations/{invitation_token}", dependencies=[Public])
def invitation_page(request: Request, session: SessionDep, invitation_token: str) -> Response:
    """The page where an invitee accepts: signed in as the invited email, or with a new account."""
    context = invitation_context(request, session, invitation_token)
    return render(request, "accounts/invitation.html", context)


@router.post("/invitations/{invitation_token}/join")
def join_organisation(
    request: Request, session: SessionDep, caller: CurrentCaller, invitation_token: str
) -> Response:
    """The signed-in invitee accepts, joins with the invited role and lands in the organisation."""
    org = members.join_by_invitation(session=session, token=invitation_token, user=caller.user)
    request.session["org_id"] = org.id
    return RedirectResponse("/", status_code=303)


@router.post("/invitations/{invitation_token}", dependencies=[Public])
def accept_invitation(
    request: Request,
    session: SessionDep,
    invitation_token: str,
    display_name: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    time_zone: Annotated[str, Form()] = "",
) -> Response:
    """Create the invitee's account, sign them in and open their organisation."""
    try:
        user, org = members.accept_invitation(
            session=session,
            token=invitation_token,
            display_name=display_name,
            password=password,
            language=current_language.get(),
        )
    except DomainError as exc:
        if exc.field is None:
            raise
        context = invitation_context(
            request,
            session,
            invitation_token,
            display_name=display_name,
            errors={exc.field: exc.message},
        )
        return render(request, "accounts/invitation.html", context, status_code=exc.status_code)
    start_session(
        request,
        session,
        user_id=user.id,
        org_id=org.id,
        language=user.language,
        time_zone=service.time_zone_at_sign_in(session=session, user=user, browser_zone=time_zone),
    )
    return RedirectResponse("/", status_code=303)
