"""Shared dependencies: the database session, who is calling, and what they may do."""

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session
from starlette.datastructures import FormData

from app.accounts import audit
from app.accounts import service as accounts
from app.accounts import session_service as sessions
from app.accounts.models import Organisation, Role, User
from app.core.access import AccessRule, mark
from app.core.db import get_session
from app.core.errors import Forbidden, NotAuthenticated, NotFound
from app.core.i18n import gettext as _
from app.core.security import new_csrf_token, same_token

SessionDep = Annotated[Session, Depends(get_session)]

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


@dataclass(frozen=True)
class Caller:
    """The signed-in user, and the organisation their session or token points at."""

    user: User
    org_id: int | None
    via_token: bool


@dataclass(frozen=True)
class OrgContext:
    """A member acting in their current organisation with a role."""

    user: User
    org: Organisation
    role: Role


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


SESSION_KEYS = ("user_id", "org_id", "signed_in_at", "sid")


def start_session(
    request: Request,
    session: Session,
    *,
    user_id: int,
    org_id: int | None,
    language: str,
    time_zone: str | None = None,
) -> None:
    """Open a fresh signed-in session backed by a server-side row, with a new CSRF token.

    The CSRF token changes so that one planted before sign-in is worth nothing after.
    """
    address = request.client.host if request.client else None
    max_age = request.app.state.settings.session_max_age_s
    sid = sessions.open_session(
        session=session, user_id=user_id, address=address, max_age_s=max_age
    )
    request.session.clear()
    request.session.update(
        csrf_token=new_csrf_token(),
        user_id=user_id,
        org_id=org_id,
        lang=language,
        tz=time_zone,
        signed_in_at=int(time.time()),
        sid=sid,
    )


def end_session(request: Request) -> None:
    """Forget who is signed in; the CSRF token stays for the sign-in form."""
    for key in SESSION_KEYS:
        request.session.pop(key, None)


def session_expired(request: Request) -> bool:
    """Whether the session was signed in longer ago than `session_max_age_s`.

    The cookie's own age is not enough: a client could keep replaying it.
    """
    signed_in_at = request.session.get("signed_in_at")
    if not isinstance(signed_in_at, int):
        return True
    return time.time() - signed_in_at > request.app.state.settings.session_max_age_s


def resolve_caller(request: Request, session: Session) -> Caller | None:
    """Who is calling, from a bearer token or the session cookie; None if nobody.

    For a session, the current organisation falls back to the user's first one when
    they no longer belong to it; the memberships are kept on `request.state` for the
    page's organisation switcher.
    """
    token = bearer_token(request)
    if token:
        row = accounts.resolve_api_token(session=session, token=token)
        user = row and accounts.get_user(session=session, user_id=row.user_id)
        if not user:
            raise NotAuthenticated(_("This API token is not valid."))
        return Caller(user=user, org_id=row.organisation_id, via_token=True)
    user_id = request.session.get("user_id")
    if not user_id:
        return None
    live = sessions.session_user_id(session=session, secret=request.session.get("sid"))
    if (
        live != user_id
        or session_expired(request)
        or not (user := accounts.get_user(session=session, user_id=user_id))
    ):
        end_session(request)
        return None
    memberships = accounts.list_memberships(session=session, user_id=user.id)
    org_ids = [org.id for _membership, org in memberships]
    org_id = request.session.get("org_id")
    if org_id not in org_ids:
        org_id = org_ids[0] if org_ids else None
        request.session["org_id"] = org_id
    caller = Caller(user=user, org_id=org_id, via_token=False)
    request.state.caller = caller
    request.state.memberships = memberships
    return caller


@mark(AccessRule("public"))
def public_access() -> None:
    """Marks a route anyone may call, signed in or not."""


@mark(AccessRule("signed_in"))
def signed_in(request: Request, session: SessionDep) -> Caller:
    """The signed-in caller, whatever their organisation."""
    caller = resolve_caller(request, session)
    if caller is None:
        raise NotAuthenticated(_("Please sign in."))
    audit.note_actor(caller.user)
    return caller


def require_role(*roles: Role) -> Callable[..., OrgContext]:
    """A dependency admitting members of the current organisation with one of `roles`.

    No roles means any member; admins are always admitted.
    """
    rule = AccessRule("member", frozenset(roles))

    @mark(rule)
    def dependency(
        caller: Annotated[Caller, Depends(signed_in)], session: SessionDep
    ) -> OrgContext:
        if caller.org_id is None:
            raise NotFound(_("You do not belong to any organisation yet."))
        membership = accounts.get_membership(
            session=session, user_id=caller.user.id, org_id=caller.org_id
        )
        org = membership and accounts.get_organisation(session=session, org_id=caller.org_id)
        if not org:
            raise NotFound(_("You are not a member of this organisation."))
        if not rule.allows(membership.role):
            raise Forbidden(_("Your role does not allow this."))
        return OrgContext(user=caller.user, org=org, role=membership.role)

    dependency.__name__ = "require_" + "_or_".join(sorted(roles) or ["member"])
    return dependency


Public = Depends(public_access)
CurrentCaller = Annotated[Caller, Depends(signed_in)]
MemberDep = Annotated[OrgContext, Depends(require_role())]
AuthorDep = Annotated[OrgContext, Depends(require_role(Role.author))]
TrainerDep = Annotated[OrgContext, Depends(require_role(Role.trainer))]
AdminDep = Annotated[OrgContext, Depends(require_role(Role.admin))]


async def read_form(request: Request) -> FormData:
    """The posted form, parsed on the event loop, so that the route using it can be sync:
    FastAPI then runs it, and its database work, in a worker thread."""
    return await request.form()


FormDep = Annotated[FormData, Depends(read_form)]
