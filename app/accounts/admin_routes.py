"""Admin pages: the organisation's members and pending invitations.

One partial (`#members`) holds the whole panel, so every htmx write returns it and
every plain POST redirects back to the page, except when a one-time link is shown.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from app.accounts import member_service as members
from app.accounts.deps import AdminDep, InvitationDep, MembershipDep, OrgContext
from app.accounts.models import ROLE_LABELS, Role
from app.core.deps import SessionDep
from app.core.errors import DomainError
from app.core.templating import is_htmx, render

router = APIRouter(prefix="/admin/members")

PAGE = "accounts/members.html"
PARTIAL = "accounts/_members.html"


def panel(session: Session, ctx: OrgContext, **extra: Any) -> dict[str, Any]:
    """Everything the members panel shows."""
    return {
        "org": ctx.org,
        "me": ctx.user,
        "members": members.list_members(session=session, org_id=ctx.org.id),
        "invitations": members.list_invitations(session=session, org_id=ctx.org.id),
        "roles": ROLE_LABELS,
        "errors": {},
        **extra,
    }


def show(request: Request, context: dict[str, Any], status_code: int = 200) -> Response:
    """The page, or the partial for htmx; never cached when it carries a secret link."""
    name = PARTIAL if is_htmx(request) else PAGE
    response = render(request, name, context, status_code=status_code)
    if context.get("invite_url"):
        response.headers["Cache-Control"] = "no-store"
    return response


def done(
    request: Request, session: Session, ctx: OrgContext, *, self_demoted: bool = False
) -> Response:
    """After a write: the fresh partial for htmx, a redirect to the page otherwise.

    An admin who gave up their own admin role cannot see this page any more: home.
    """
    if self_demoted:
        if is_htmx(request):
            return Response(status_code=204, headers={"HX-Redirect": "/"})
        return RedirectResponse("/", status_code=303)
    if is_htmx(request):
        return show(request, panel(session, ctx))
    return RedirectResponse(router.prefix, status_code=303)


def refused(
    request: Request,
    session: Session,
    ctx: OrgContext,
    exc: DomainError,
    *,
    row: int | None = None,
    form: dict[str, str] | None = None,
) -> Response:
    """The panel again, the refusal next to its field: in a member's `row`, or the add form."""
    if exc.field is None:
        raise exc
    errors = {exc.field: exc.message, "row": row}
    return show(request, panel(session, ctx, errors=errors, form=form), exc.status_code)


@router.get("")
def members_page(request: Request, session: SessionDep, ctx: AdminDep) -> Response:
    """Members with their roles, pending invitations, and the form to add someone."""
    return show(request, panel(session, ctx))


@router.post("")
def add_member(
    request: Request,
    session: SessionDep,
    ctx: AdminDep,
    email: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "member",
) -> Response:
    """Invite an email, registered or not, and show the one-time link."""
    try:
        outcome = members.add_by_email(
            session=session, org=ctx.org, email=email, role=role, invited_by=ctx.user
        )
    except DomainError as exc:
        return refused(request, session, ctx, exc, form={"email": email, "role": role})
    invite_url = str(request.url_for("invitation_page", invitation_token=outcome.token))
    context = panel(session, ctx, invite_url=invite_url, invited=outcome.invitation)
    return show(request, context, status_code=201)


@router.post("/{membership_id}/role")
def change_role(
    request: Request,
    session: SessionDep,
    ctx: AdminDep,
    membership: MembershipDep,
    role: Annotated[str, Form()] = "",
) -> Response:
    """Give a member another role; the last admin keeps theirs."""
    try:
        members.change_role(session=session, membership=membership, role=role)
    except DomainError as exc:
        return refused(request, session, ctx, exc, row=membership.id)
    demoted = membership.user_id == ctx.user.id and membership.role != Role.admin
    return done(request, session, ctx, self_demoted=demoted)


@router.post("/{membership_id}/remove")
def remove_member(
    request: Request, session: SessionDep, ctx: AdminDep, membership: MembershipDep
) -> Response:
    """Remove a member from the organisation; never the last admin."""
    try:
        members.remove_member(session=session, membership=membership)
    except DomainError as exc:
        return refused(request, session, ctx, exc, row=membership.id)
    return done(request, session, ctx, self_demoted=membership.user_id == ctx.user.id)


@router.post("/invitations/{invitation_id}/revoke")
def revoke_invitation(
    request: Request, session: SessionDep, ctx: AdminDep, invitation: InvitationDep
) -> Response:
    """Cancel a pending invitation; its link stops working."""
    members.revoke_invitation(session=session, invitation=invitation)
    return done(request, session, ctx)
