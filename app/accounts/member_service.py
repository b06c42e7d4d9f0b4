"""Members administration services: invite, change roles, remove, accept invitations.

Nobody joins an organisation without accepting an invitation, registered or not.
Every lookup is scoped to the organisation; another organisation's ids are NotFound.
An organisation always keeps at least one admin. Each change is in the audit log.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, col, delete, select

from app.accounts import audit, service
from app.accounts import session_service as sessions
from app.accounts.audit_models import AuditAction
from app.accounts.models import ApiToken, Invitation, Membership, Organisation, Role, User
from app.core.db import utcnow
from app.core.errors import Conflict, Invalid, NotFound
from app.core.i18n import gettext as _
from app.core.security import hash_token, new_token

INVITATION_TTL = timedelta(days=7)


@dataclass(frozen=True)
class AddOutcome:
    """The invitation adding by email made, with its one-time token."""

    invitation: Invitation
    token: str


def list_members(*, session: Session, org_id: int) -> list[tuple[Membership, User]]:
    """The organisation's members with their user, by name."""
    rows = session.exec(
        select(Membership, User)
        .join(User, User.id == Membership.user_id)
        .where(Membership.organisation_id == org_id)
        .order_by(User.display_name, User.id)
    )
    return list(rows.all())


def get_member(*, session: Session, org_id: int, membership_id: int) -> Membership:
    """A membership of this organisation; NotFound for any other id."""
    membership = session.get(Membership, membership_id)
    if membership is None or membership.organisation_id != org_id:
        raise NotFound(_("This member does not exist."))
    return membership


def member_user(*, session: Session, membership: Membership) -> User:
    """The person a membership belongs to."""
    return session.get(User, membership.user_id)


def _admin_count(session: Session, org_id: int) -> int:
    # Locks the admin rows on PostgreSQL so that two admins demoting each other
    # at the same moment cannot both succeed.
    admins = session.exec(
        select(Membership.id)
        .where(Membership.organisation_id == org_id, Membership.role == Role.admin)
        .with_for_update()
    ).all()
    return len(admins)


def _keep_an_admin(session: Session, membership: Membership, message: str) -> None:
    if membership.role == Role.admin and _admin_count(session, membership.organisation_id) <= 1:
        raise Conflict(message, field="role")


def _log(session: Session, membership: Membership, action: AuditAction, detail: str = "") -> None:
    target = member_user(session=session, membership=membership).email
    audit.record(
        session=session,
        org_id=membership.organisation_id,
        action=action,
        target=target,
        detail=detail,
    )


def change_role(*, session: Session, membership: Membership, role: str) -> Membership:
    """Give a member (loaded by `get_member`) another role; the last admin stays an admin."""
    new_role = service.parse_role(role)
    if new_role != Role.admin:
        _keep_an_admin(
            session,
            membership,
            _("This is the organisation's last admin: make someone else admin first."),
        )
    _log(session, membership, AuditAction.role_changed, f"{membership.role} → {new_role}")
    membership.role = new_role
    session.add(membership)
    session.commit()
    return membership


def remove_member(*, session: Session, membership: Membership) -> Membership:
    """Remove a member and their tokens for the organisation; never the last admin."""
    _keep_an_admin(
        session,
        membership,
        _("The organisation's last admin cannot be removed: make someone else admin first."),
    )
    session.exec(
        delete(ApiToken).where(
            col(ApiToken.user_id) == membership.user_id,
            col(ApiToken.organisation_id) == membership.organisation_id,
        )
    )
    _log(session, membership, AuditAction.member_removed, membership.role)
    session.delete(membership)
    sessions.close_user_sessions(session=session, user_id=membership.user_id)
    session.commit()
    return membership


def add_by_email(
    *, session: Session, org: Organisation, email: str, role: str, invited_by: User
) -> AddOutcome:
    """Invite an email to the organisation, whether or not it is registered.

    Nobody joins without accepting, and the answer is the same for a registered email
    and an unknown one. Inviting the same email again replaces the pending link.
    """
    address = service.normalise_email(email)
    member_role = service.parse_role(role)
    user = service.get_user_by_email(session=session, email=address)
    if user and service.get_membership(session=session, user_id=user.id, org_id=org.id):
        raise Invalid(_("This person is already a member."), field="email")
    return create_invitation(
        session=session, org=org, email=address, role=member_role, invited_by=invited_by
    )


def create_invitation(
    *, session: Session, org: Organisation, email: str, role: Role, invited_by: User
) -> AddOutcome:
    """A fresh invitation for a normalised email, replacing a pending one, with its token."""
    session.exec(
        delete(Invitation).where(
            col(Invitation.organisation_id) == org.id,
            col(Invitation.email) == email,
            col(Invitation.accepted_at).is_(None),
        )
    )
    token = new_token("inv")
    now = utcnow()
    invitation = Invitation(
        organisation_id=org.id,
        email=email,
        role=role,
        token_hash=hash_token(token),
        invited_by_id=invited_by.id,
        created_at=now,
        expires_at=now + INVITATION_TTL,
    )
    session.add(invitation)
    audit.record(
        session=session,
        org_id=org.id,
        action=AuditAction.member_invited,
        target=email,
        detail=role,
        actor=invited_by,
    )
    session.commit()
    return AddOutcome(invitation=invitation, token=token)


def list_invitations(*, session: Session, org_id: int) -> list[Invitation]:
    """The organisation's invitations not accepted yet, newest first."""
    return list(
        session.exec(
            select(Invitation)
            .where(Invitation.organisation_id == org_id, col(Invitation.accepted_at).is_(None))
            .order_by(col(Invitation.created_at).desc(), col(Invitation.id).desc())
        ).all()
    )


def get_invitation(*, session: Session, org_id: int, invitation_id: int) -> Invitation:
    """A pending invitation of this organisation; NotFound for any other id."""
    invitation = session.get(Invitation, invitation_id)
    if invitation is None or invitation.organisation_id != org_id or invitation.accepted_at:
        raise NotFound(_("This invitation does not exist."))
    return invitation


def revoke_invitation(*, session: Session, invitation: Invitation) -> None:
    """Cancel a pending invitation (loaded by `get_invitation`); its link stops working."""
    audit.record(
        session=session,
        org_id=invitation.organisation_id,
        action=AuditAction.invitation_revoked,
        target=invitation.email,
    )
    session.delete(invitation)
    session.commit()


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes even for timezone-aware columns.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def get_pending_invitation(*, session: Session, token: str) -> tuple[Invitation, Organisation]:
    """The invitation a one-time link points at, with its organisation, while it is valid."""
    invitation = session.exec(
        select(Invitation).where(Invitation.token_hash == hash_token(token))
    ).first()
    if invitation is None or invitation.accepted_at or _aware(invitation.expires_at) <= utcnow():
        raise NotFound(
            _("This invitation link is not valid any more. Ask your admin for a new one.")
        )
    org = service.get_organisation(session=session, org_id=invitation.organisation_id)
    if org is None:
        raise NotFound(
            _("This invitation link is not valid any more. Ask your admin for a new one.")
        )
    return invitation, org


def accept_invitation(
    *, session: Session, token: str, display_name: str, password: str, language: str
) -> tuple[User, Organisation]:
    """Create the invitee's account and membership, and use up the link; all or nothing."""
    invitation, org = get_pending_invitation(session=session, token=token)
    if service.get_user_by_email(session=session, email=invitation.email):
        raise Conflict(
            _("An account with this email exists already: sign in to accept the invitation."),
            field="email",
        )
    service.check_new_account(display_name=display_name, password=password)
    user = service.create_user(
        session=session,
        email=invitation.email,
        display_name=display_name,
        password=password,
        language=language,
    )
    service.add_member(session=session, org=org, user=user, role=invitation.role)
    _use_up(session, invitation, user)
    return user, org


def _use_up(session: Session, invitation: Invitation, user: User) -> None:
    invitation.accepted_at = utcnow()
    user.last_org_id = invitation.organisation_id
    session.add_all([invitation, user])
    audit.record(
        session=session,
        org_id=invitation.organisation_id,
        action=AuditAction.invitation_accepted,
        detail=invitation.role,
        actor=user,
    )
    session.commit()


def join_by_invitation(*, session: Session, token: str, user: User) -> Organisation:
    """The signed-in invitee accepts: they join with the invited role, and the link is used up.

    Only the account of the invited email may accept; for anyone else the link does not exist.
    """
    invitation, org = get_pending_invitation(session=session, token=token)
    if invitation.email != user.email:
        raise NotFound(_("This invitation is for another account."))
    if not service.get_membership(session=session, user_id=user.id, org_id=org.id):
        service.add_member(session=session, org=org, user=user, role=invitation.role)
    _use_up(session, invitation, user)
    return org
