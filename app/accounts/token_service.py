"""Personal API token services: create (the secret shown once), list and revoke.

A token is bound to the organisation current when it was made; only its hash is kept.
"""

from sqlmodel import Session, col, select

from app.accounts import audit
from app.accounts.audit_models import AuditAction
from app.accounts.models import ApiToken, User
from app.core.errors import Invalid, NotFound
from app.core.i18n import gettext as _
from app.core.security import hash_token, new_token


def create_token(*, session: Session, user_id: int, org_id: int, name: str) -> tuple[ApiToken, str]:
    """A new token for the user in this organisation, and its secret to show once."""
    name = name.strip()
    if not name:
        raise Invalid(
            _("Give the token a name, such as the script that will use it."), field="name"
        )
    if len(name) > 80:
        raise Invalid(_("The name must have at most 80 characters."), field="name")
    clash = session.exec(
        select(ApiToken.id).where(
            ApiToken.user_id == user_id, ApiToken.organisation_id == org_id, ApiToken.name == name
        )
    ).first()
    if clash is not None:
        raise Invalid(_("You already have a token with this name."), field="name")
    secret = new_token("sd")
    row = ApiToken(
        user_id=user_id, organisation_id=org_id, name=name, token_hash=hash_token(secret)
    )
    session.add(row)
    _log(session, row, AuditAction.token_created)
    session.commit()
    return row, secret


def _log(session: Session, row: ApiToken, action: AuditAction) -> None:
    owner = session.get(User, row.user_id)
    audit.record(
        session=session, org_id=row.organisation_id, action=action, target=row.name, actor=owner
    )


def list_tokens(*, session: Session, user_id: int, org_id: int) -> list[ApiToken]:
    """The user's tokens for this organisation, newest first."""
    return list(
        session.exec(
            select(ApiToken)
            .where(ApiToken.user_id == user_id, ApiToken.organisation_id == org_id)
            .order_by(col(ApiToken.created_at).desc(), col(ApiToken.id).desc())
        ).all()
    )


def get_token(*, session: Session, user_id: int, org_id: int, token_id: int) -> ApiToken:
    """One of the user's tokens for this organisation; NotFound for any other id."""
    row = session.get(ApiToken, token_id)
    if row is None or row.user_id != user_id or row.organisation_id != org_id:
        raise NotFound(_("This token does not exist."))
    return row


def revoke_token(*, session: Session, token: ApiToken) -> None:
    """Delete a token (loaded by `get_token`): scripts using it are refused from now on."""
    _log(session, token, AuditAction.token_revoked)
    session.delete(token)
    session.commit()
