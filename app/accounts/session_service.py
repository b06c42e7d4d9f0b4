"""Server-side sessions: a signed cookie names a row here, so ending a session works at once.

The cookie holds a random secret; only its hash is stored. Logout deletes the row;
a password change or a removal from an organisation deletes every row of the user.
"""

from datetime import timedelta

from sqlalchemy import bindparam
from sqlmodel import Session, col, delete, select

from app.accounts import audit, service
from app.accounts.audit_models import AuditAction
from app.accounts.models import User, UserSession
from app.core.db import utcnow
from app.core.errors import Invalid
from app.core.i18n import gettext as _
from app.core.security import hash_password, hash_token, new_token, verify_password


def open_session(
    *, session: Session, user_id: int, address: str | None, max_age_s: int | None = None
) -> str:
    """A new session row for the user, dropping their expired ones; returns the cookie's secret."""
    session.commit()  # write in a transaction of its own: on SQLite it then waits for the lock
    if max_age_s is not None:
        expired = utcnow() - timedelta(seconds=max_age_s)
        session.exec(
            delete(UserSession).where(
                col(UserSession.user_id) == user_id, col(UserSession.created_at) < expired
            )
        )
    secret = new_token("ss")
    session.add(UserSession(user_id=user_id, token_hash=hash_token(secret), address=address))
    session.commit()
    return secret


# Built once: every signed-in request runs it, and building a statement costs about as much
# CPU as running it (its cache key is computed once per statement object, too).
_SESSION_USER = (
    select(User)
    .join(UserSession, col(UserSession.user_id) == col(User.id))
    .where(col(UserSession.token_hash) == bindparam("token_hash"), col(User.is_active))
)


def session_user(*, session: Session, secret: object) -> User | None:
    """The active user a live session secret belongs to (one query: every signed-in request
    asks), or None once the session was ended or the user deactivated."""
    if not isinstance(secret, str) or not secret:
        return None
    return session.exec(_SESSION_USER, params={"token_hash": hash_token(secret)}).first()


def close_session(*, session: Session, secret: object) -> None:
    """End one session (logout): its cookie stops working everywhere it was copied."""
    if isinstance(secret, str) and secret:
        session.exec(delete(UserSession).where(col(UserSession.token_hash) == hash_token(secret)))
    session.commit()


def close_user_sessions(*, session: Session, user_id: int) -> None:
    """End every session of the user; the caller commits."""
    session.exec(delete(UserSession).where(col(UserSession.user_id) == user_id))


def change_password(*, session: Session, user: User, current: str, new: str) -> None:
    """Set a new password after checking the current one, and end every session of the user."""
    if not verify_password(user.password_hash, current):
        raise Invalid(_("This is not your current password."), field="current_password")
    service.check_new_account(display_name=user.display_name, password=new)
    user.password_hash = hash_password(new)
    session.add(user)
    for _membership, org in service.list_memberships(session=session, user_id=user.id):
        audit.record(
            session=session, org_id=org.id, action=AuditAction.password_changed, actor=user
        )
    close_user_sessions(session=session, user_id=user.id)
    session.commit()
