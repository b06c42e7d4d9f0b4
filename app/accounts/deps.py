"""Dependencies that load an account object by its path id, scoped to the caller's organisation.

They run before the request body is validated, so another organisation's id is a 404
whatever the body says.
"""

from typing import Annotated

from fastapi import Depends

from app.accounts import member_service, token_service
from app.accounts.models import ApiToken, Invitation, Membership
from app.core.deps import AdminDep, MemberDep, SessionDep


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
