"""Who is calling and what they may do: the session, the access dependencies, and loaders.

`resolve_caller` reads a bearer token or the session cookie; `require_role` admits members
of the current organisation by role, and marks the route with its access rule for the
route walk. The loaders fetch an account object by its path id, scoped to the caller's
organisation; they run before the request body is validated, so another organisation's
id is a 404 whatever the body says.
"""

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from app.accounts import audit, member_service, token_service
from app.accounts import service as accounts
from app.accounts import session_service as sessions
from app.accounts.models import ApiToken, Invitation, Membership, Organisation, Role, User
from app.core.access import AccessRule, mark
from app.core.deps import SessionDep, bearer_token
from app.core.errors import Forbidden, NotAuthenticated, NotFound
from app.core.i18n import gettext as _
from app.core.security import new_csrf_token


@dataclass(frozen=True)
class Caller:
    """The signed-in user, and the organisation their session or token points at."""

    user: User
    org_id: int | None
    via_token: bool
    # A session's memberships, read once per request (a token's are not: None)
    memberships: tuple[tuple[Membership, Organisation], ...] | None = None

    def membership_here(self, session: Session) -> tuple[Membership | None, Organisation | None]:
        """The caller's membership in its current organisation and that organisation (None,
        None if it has none there): from the memberships the request already read, else
        from the database."""
        if self.memberships is not None:
            return next(((m, o) for m, o in self.memberships if o.id == self.org_id), (None, None))
        membership = accounts.get_membership(
            session=session, user_id=self.user.id, org_id=self.org_id
        )
        if membership is None:
            return None, None
        return membership, accounts.get_organisation(session=session, org_id=self.org_id)


@dataclass(frozen=True)
class OrgContext:
    """A member acting in their current organisation with a role."""

    user: User
    org: Organisation
    role: Role


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
    user = sessions.session_user(session=session, secret=request.session.get("sid"))
    if user is None or user.id != user_id or session_expired(request):
        end_session(request)
        return None
    memberships = accounts.list_memberships(session=session, user_id=user.id)
    org_ids = [org.id for _membership, org in memberships]
    org_id = request.session.get("org_id")
    if org_id not in org_ids:
        org_id = org_ids[0] if org_ids else None
        request.session["org_id"] = org_id
    caller = Caller(user=user, org_id=org_id, via_token=False, memberships=tuple(memberships))
    request.state.caller = caller
    request.state.memberships = memberships
    return caller


def signed_in_caller(request: Request, session: Session) -> Caller:
    """The signed-in caller (NotAuthenticated when nobody is), resolved once per request
    however many dependencies ask (`request.state.caller`, which pages read too)."""
    caller = getattr(request.state, "caller", None)
    if caller is None:
        caller = resolve_caller(request, session)
        if caller is None:
            raise NotAuthenticated(_("Please sign in."))
        audit.note_actor(caller.user)
        request.state.caller = caller
    return caller


def member_here(request: Request, session: Session) -> OrgContext:
    """The signed-in caller as a member of their current organisation, whatever their role
    (NotFound when they are not one), resolved once per request."""
    ctx = getattr(request.state, "member", None)
    if ctx is None:
        caller = signed_in_caller(request, session)
        if caller.org_id is None:
            raise NotFound(_("You do not belong to any organisation yet."))
        membership, org = caller.membership_here(session)
        if not org or not membership:
            raise NotFound(_("You are not a member of this organisation."))
        ctx = request.state.member = OrgContext(user=caller.user, org=org, role=membership.role)
    return ctx


@mark(AccessRule("signed_in"))
def signed_in(request: Request, session: SessionDep) -> Caller:
    """The signed-in caller, whatever their organisation."""
    return signed_in_caller(request, session)


MEMBER_RULE = AccessRule("member")


def require_role(*roles: Role) -> Callable[..., Awaitable[OrgContext]]:
    """A dependency admitting members of the current organisation with one of `roles`.

    No roles means any member; admins are always admitted. It runs on the event loop: only
    when the request has not resolved its caller yet (another dependency, such as a drill
    lookup, usually has) does it go to a worker thread for the database, so that a route
    does not pay a thread hop per access dependency.
    """
    rule = AccessRule("member", frozenset(roles) | {Role.admin}) if roles else MEMBER_RULE

    @mark(rule)
    async def dependency(request: Request, session: SessionDep) -> OrgContext:
        ctx = getattr(request.state, "member", None)
        if ctx is None:
            ctx = await run_in_threadpool(member_here, request, session)
        if not rule.allows(ctx.role):
            raise Forbidden(_("Your role does not allow this."))
        return ctx

    dependency.__name__ = "require_" + "_or_".join(sorted(roles) or ["member"])
    return dependency


CurrentCaller = Annotated[Caller, Depends(signed_in)]
MemberDep = Annotated[OrgContext, Depends(require_role())]
AuthorDep = Annotated[OrgContext, Depends(require_role(Role.author))]
TrainerDep = Annotated[OrgContext, Depends(require_role(Role.trainer))]
AdminDep = Annotated[OrgContext, Depends(require_role(Role.admin))]


def load_membership(session: SessionDep, ctx: AdminDep, membership_id: int) -> Membership:
    """The membership `membership_id` of the admin's organisation."""
    return member_service.get_member(
        session=session, org_id=ctx.org.id, membership_id=membership_id
    )


def load_invitation(session: SessionDep, ctx: AdminDep, invitation_id: int) -> Invitation:
    """The pending invitation `invitation_id` of the admin's organisation."""
    return member_service.get_invitation(
        session=session, org_id=ctx.org.id, invitation_id=invitation_id
    )


def load_token(session: SessionDep, ctx: MemberDep, token_id: int) -> ApiToken:
    """The caller's own token `token_id` for the current organisation."""
    return token_service.get_token(
        session=session, user_id=ctx.user.id, org_id=ctx.org.id, token_id=token_id
    )


MembershipDep = Annotated[Membership, Depends(load_membership)]
InvitationDep = Annotated[Invitation, Depends(load_invitation)]
TokenDep = Annotated[ApiToken, Depends(load_token)]
