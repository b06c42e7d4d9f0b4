"""Changing one's password: every session of the account ends, this browser signs in afresh."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.accounts import session_service as sessions
from app.accounts.deps import CurrentCaller, start_session
from app.core.deps import SessionDep
from app.core.errors import DomainError
from app.core.templating import render

router = APIRouter(prefix="/account/password")

PAGE = "accounts/password.html"


@router.get("")
def password_page(request: Request, caller: CurrentCaller) -> Response:
    """The form: current password, new password."""
    return render(request, PAGE, {"errors": {}})


@router.post("")
def change_password(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    current_password: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
) -> Response:
    """Set the new password; sessions elsewhere end, this one is replaced by a fresh one."""
    try:
        sessions.change_password(
            session=session, user=caller.user, current=current_password, new=password
        )
    except DomainError as exc:
        if exc.field is None:
            raise
        return render(request, PAGE, {"errors": {exc.field: exc.message}}, status_code=422)
    start_session(
        request,
        session,
        user_id=caller.user.id,
        org_id=caller.org_id,
        language=caller.user.language,
        time_zone=caller.user.time_zone,
    )
    return RedirectResponse("/", status_code=303)
