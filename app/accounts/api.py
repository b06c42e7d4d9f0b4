"""The accounts JSON API under /api: who am I, members, invitations and personal tokens."""

from fastapi import APIRouter, Request, Response
from sqlmodel import Session

from app.accounts import audit_routes, service
from app.accounts import member_service as members
from app.accounts import token_service as tokens
from app.accounts.deps import (
    AdminDep,
    CurrentCaller,
    InvitationDep,
    MemberDep,
    MembershipDep,
    TokenDep,
)
from app.accounts.models import (
    ApiToken,
    Invitation,
    InvitationCreated,
    InvitationPublic,
    InvitationsPublic,
    MemberAdd,
    MemberAdded,
    MemberPublic,
    Membership,
    MembershipPublic,
    MembersPublic,
    MemberUpdate,
    MePublic,
    OrganisationPublic,
    TokenCreate,
    TokenCreated,
    TokenPublic,
    TokensPublic,
    User,
    UserPublic,
)
from app.core.contract import error_responses
from app.core.deps import SessionDep

router = APIRouter(prefix="/api", tags=["accounts"])
router.include_router(audit_routes.api_router)


def member_public(membership: Membership, user: User) -> MemberPublic:
    """A membership and its user as one API object."""
    return MemberPublic(
        id=membership.id,
        user_id=user.id,
        email=user.email,
        display_name=user.display_name,
        role=membership.role,
        created_at=membership.created_at,
    )


def get_member_public(session: Session, membership: Membership) -> MemberPublic:
    """One member of the organisation, as the API shows it."""
    return member_public(membership, members.member_user(session=session, membership=membership))


def invitation_public(invitation: Invitation) -> InvitationPublic:
    """An invitation without its secret."""
    return InvitationPublic.model_validate(invitation, from_attributes=True)


def token_public(row: ApiToken) -> TokenPublic:
    """A token without its secret."""
    return TokenPublic.model_validate(row, from_attributes=True)


@router.get("/me")
def me(session: SessionDep, caller: CurrentCaller) -> MePublic:
    """The caller, their current organisation and role there, and all their memberships."""
    rows = service.list_memberships(session=session, user_id=caller.user.id)
    current = next(((m, o) for m, o in rows if o.id == caller.org_id), None)
    return MePublic(
        user=UserPublic.model_validate(caller.user, from_attributes=True),
        organisation=current
        and OrganisationPublic.model_validate(current[1], from_attributes=True),
        role=current and current[0].role,
        memberships=[
            MembershipPublic(
                organisation=OrganisationPublic.model_validate(o, from_attributes=True),
                role=m.role,
            )
            for m, o in rows
        ],
    )


@router.get("/members")
def list_members(session: SessionDep, ctx: AdminDep) -> MembersPublic:
    """The members of the current organisation with their roles."""
    rows = members.list_members(session=session, org_id=ctx.org.id)
    return MembersPublic(data=[member_public(m, u) for m, u in rows], count=len(rows))


@router.post("/members", status_code=201)
def add_member(
    request: Request, session: SessionDep, ctx: AdminDep, body: MemberAdd
) -> MemberAdded:
    """Invite an email, registered or not: the same answer either way, the link in it."""
    outcome = members.add_by_email(
        session=session, org=ctx.org, email=body.email, role=body.role, invited_by=ctx.user
    )
    url = str(request.url_for("invitation_page", invitation_token=outcome.token))
    invitation = InvitationCreated(
        **invitation_public(outcome.invitation).model_dump(), accept_url=url
    )
    return MemberAdded(invitation=invitation)


@router.get("/members/{membership_id}")
def get_member(session: SessionDep, membership: MembershipDep) -> MemberPublic:
    """One member of the current organisation."""
    return get_member_public(session, membership)


@router.patch("/members/{membership_id}", responses=error_responses(409))
def change_role(session: SessionDep, membership: MembershipDep, body: MemberUpdate) -> MemberPublic:
    """Give a member another role; 409 for the last admin."""
    members.change_role(session=session, membership=membership, role=body.role)
    return get_member_public(session, membership)


@router.delete("/members/{membership_id}", status_code=204, responses=error_responses(409))
def remove_member(session: SessionDep, membership: MembershipDep) -> Response:
    """Remove a member; 409 for the last admin."""
    members.remove_member(session=session, membership=membership)
    return Response(status_code=204)


@router.get("/invitations")
def list_invitations(session: SessionDep, ctx: AdminDep) -> InvitationsPublic:
    """The pending invitations of the current organisation."""
    rows = members.list_invitations(session=session, org_id=ctx.org.id)
    return InvitationsPublic(data=[invitation_public(i) for i in rows], count=len(rows))


@router.delete("/invitations/{invitation_id}", status_code=204)
def revoke_invitation(session: SessionDep, invitation: InvitationDep) -> Response:
    """Cancel a pending invitation."""
    members.revoke_invitation(session=session, invitation=invitation)
    return Response(status_code=204)


@router.get("/tokens")
def list_tokens(session: SessionDep, ctx: MemberDep) -> TokensPublic:
    """The caller's personal tokens for the current organisation."""
    rows = tokens.list_tokens(session=session, user_id=ctx.user.id, org_id=ctx.org.id)
    return TokensPublic(data=[token_public(r) for r in rows], count=len(rows))


@router.post("/tokens", status_code=201)
def create_token(session: SessionDep, ctx: MemberDep, body: TokenCreate) -> TokenCreated:
    """A new token for the current organisation; its secret is in this answer only."""
    row, secret = tokens.create_token(
        session=session, user_id=ctx.user.id, org_id=ctx.org.id, name=body.name
    )
    return TokenCreated(**token_public(row).model_dump(), token=secret)


@router.delete("/tokens/{token_id}", status_code=204)
def revoke_token(session: SessionDep, token: TokenDep) -> Response:
    """Revoke one of the caller's tokens."""
    tokens.revoke_token(session=session, token=token)
    return Response(status_code=204)
