"""Shared dependencies that know no domain: the database session, CSRF, the posted form.

Who is calling and what they may do are the accounts' business: see `app/accounts/deps.py`.
"""

from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session
from starlette.datastructures import FormData

from app.core.access import AccessRule, mark
from app.core.db import get_session
from app.core.errors import Forbidden
from app.core.i18n import gettext as _
from app.core.security import same_token

SessionDep = Annotated[Session, Depends(get_session)]

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


def bearer_token(request: Request) -> str | None:
    """The token of an `Authorization: Bearer …` header, if present."""
    scheme, _sep, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


async def csrf_protect(request: Request) -> None:
    """Refuse a state-changing browser request whose CSRF token is missing or wrong.

    Token-authenticated scripts are exempt: a bearer header cannot be forged cross-site.
    """
    if request.method not in UNSAFE_METHODS or bearer_token(request):
        return
    given = request.headers.get(CSRF_HEADER)
    if given is None:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            given = (await request.form()).get(CSRF_FIELD)
    if not same_token(request.session.get(CSRF_FIELD), given if isinstance(given, str) else None):
        raise Forbidden(_("Your form expired or came from elsewhere. Reload the page and retry."))


@mark(AccessRule("public"))
async def public_access() -> None:
    """Marks a route anyone may call, signed in or not (async: no thread hop for nothing)."""


Public = Depends(public_access)


async def read_form(request: Request) -> FormData:
    """The posted form, parsed on the event loop, so that the route using it can be sync:
    FastAPI then runs it, and its database work, in a worker thread."""
    return await request.form()


FormDep = Annotated[FormData, Depends(read_form)]
