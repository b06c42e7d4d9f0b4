"""Account services: the only code that reads or writes users, organisations and memberships.

Members administration, invitations, sessions and API tokens live in `member_service.py`,
`session_service.py` and `token_service.py`, under the same rule.
"""

from datetime import UTC, datetime, timedelta
from functools import lru_cache

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import bindparam, or_, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, select

from app.accounts import audit
from app.accounts.audit_models import AuditAction
from app.accounts.models import ApiToken, Membership, Organisation, Role, User
from app.core.db import begin_write, utcnow
from app.core.errors import Invalid, NotFound
from app.core.i18n import gettext as _
from app.core.security import hash_password, hash_token, verify_password
from app.core.timezones import valid_zone

MIN_PASSWORD_LENGTH = 8
TOKEN_STAMP = timedelta(minutes=1)  # a token's last use is stamped at most this often


def normalise_email(email: str) -> str:
    """A valid email, lower-cased; raises Invalid naming the `email` field otherwise."""
    # Intranet and test domains (such as the demo's `.test`) are accepted: no DNS check.
    try:
        checked = validate_email(
            email.strip(),
            check_deliverability=False,
            globally_deliverable=False,
            test_environment=True,
        )
    except EmailNotValidError:
        raise Invalid(_("Enter a valid email address."), field="email") from None
    return checked.normalized.lower()


def parse_role(value: str) -> Role:
    """A role from a form or API value; raises Invalid naming the `role` field otherwise."""
    try:
        return Role(value)
    except ValueError:
        raise Invalid(_("Choose one of the listed roles."), field="role") from None


def check_new_account(*, display_name: str, password: str) -> None:
    """Refuse an empty name or a short password before anything is written."""
    if not display_name.strip():
        raise Invalid(_("Enter your name."), field="display_name")
    if len(display_name.strip()) > 120:
        raise Invalid(_("The name must have at most 120 characters."), field="display_name")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise Invalid(
            _("The password must have at least %(n)s characters.", n=MIN_PASSWORD_LENGTH),
            field="password",
        )


def get_user(*, session: Session, user_id: int) -> User | None:
    """The active user with this id, if any."""
    user = session.get(User, user_id)
    return user if user and user.is_active else None


def get_user_by_email(*, session: Session, email: str) -> User | None:
    """The user with this email (case-insensitive), if any."""
    return session.exec(select(User).where(User.email == email.strip().lower())).first()


@lru_cache(maxsize=1)
def _decoy_hash() -> str:
    return hash_password("decoy password, never a user's")


def authenticate(*, session: Session, email: str, password: str) -> User | None:
    """The user whose email and password match, or None.

    An unknown email still costs one password check, so timing does not tell it apart.
    """
    user = get_user_by_email(session=session, email=email)
    if user is None:
        verify_password(_decoy_hash(), password)
        return None
    if not user.is_active or not verify_password(user.password_hash, password):
        return None
    return user


def create_user(
    *, session: Session, email: str, display_name: str, password: str, language: str = "en"
) -> User:
    """A new user; refuses a bad or taken email, an empty name or a short password."""
    email = normalise_email(email)
    if get_user_by_email(session=session, email=email):
        raise Invalid(_("This email is already registered."), field="email")
    check_new_account(display_name=display_name, password=password)
    user = User(
        email=email,
        display_name=display_name.strip(),
        password_hash=hash_password(password),
        language=language,
    )
    session.add(user)
    session.flush()
    return user


def update_organisation_settings(
    *, session: Session, org: Organisation, plans_self_approval: bool
) -> Organisation:
    """Change how the organisation works: for now, whether authors may approve their own plans."""
    if org.plans_self_approval != plans_self_approval:
        detail = f"plans_self_approval: {org.plans_self_approval} → {plans_self_approval}"
        audit.record(
            session=session, org_id=org.id, action=AuditAction.settings_changed, detail=detail
        )
    org.plans_self_approval = plans_self_approval
    session.add(org)
    session.commit()
    session.refresh(org)
    return org


def create_organisation(*, session: Session, name: str, slug: str) -> Organisation:
    """A new organisation."""
    org = Organisation(name=name.strip(), slug=slug.strip().lower())
    session.add(org)
    session.flush()
    return org


def add_member(*, session: Session, org: Organisation, user: User, role: Role) -> Membership:
    """Give `user` a role in `org`."""
    membership = Membership(organisation_id=org.id, user_id=user.id, role=role)
    session.add(membership)
    session.flush()
    return membership


def get_membership(*, session: Session, user_id: int, org_id: int) -> Membership | None:
    """The user's membership in that organisation, if any."""
    return session.exec(
        select(Membership).where(
            Membership.user_id == user_id, Membership.organisation_id == org_id
        )
    ).first()


_MEMBERSHIPS = (  # built once: every signed-in request runs it (see session_service)
    select(Membership, Organisation)
    .join(Organisation, Organisation.id == Membership.organisation_id)
    .where(Membership.user_id == bindparam("user_id"))
    .order_by(Organisation.name, Organisation.id)
)


def list_memberships(*, session: Session, user_id: int) -> list[tuple[Membership, Organisation]]:
    """Every organisation the user belongs to, with the role held there, by name."""
    return list(session.exec(_MEMBERSHIPS, params={"user_id": user_id}).all())


def switch_organisation(*, session: Session, user_id: int, org_id: int) -> Organisation:
    """The organisation to act in next, remembered for next time; NotFound unless a member."""
    membership = get_membership(session=session, user_id=user_id, org_id=org_id)
    org = membership and get_organisation(session=session, org_id=org_id)
    if not org:
        raise NotFound(_("You are not a member of this organisation."))
    user = session.get(User, user_id)
    user.last_org_id = org.id
    session.add(user)
    session.commit()
    return org


def landing_org_id(*, session: Session, user: User) -> int | None:
    """Where a sign-in lands: the last organisation used if still a member, else the first."""
    org_ids = [org.id for _membership, org in list_memberships(session=session, user_id=user.id)]
    if user.last_org_id in org_ids:
        return user.last_org_id
    return org_ids[0] if org_ids else None


def get_organisation(*, session: Session, org_id: int) -> Organisation | None:
    """The organisation with this id, if any."""
    return session.get(Organisation, org_id)


def resolve_api_token(
    *, session: Session, token: str, now: datetime | None = None
) -> ApiToken | None:
    """The stored token matching a presented one, with its last use recorded.

    The use is stamped at most once a minute, so that read-only API calls do not write.
    """
    row = session.exec(select(ApiToken).where(ApiToken.token_hash == hash_token(token))).first()
    now = now or utcnow()
    if row is not None and not used_lately(row.last_used_at, now):
        begin_write(session)
        session.exec(
            update(ApiToken)
            .where(ApiToken.id == row.id)
            .where(or_(ApiToken.last_used_at.is_(None), ApiToken.last_used_at < now - TOKEN_STAMP))
            .values(last_used_at=now)
        )
        session.commit()
        set_committed_value(row, "last_used_at", now)  # as stored: nothing left to flush
    return row


def used_lately(last_used_at: datetime | None, now: datetime) -> bool:
    """Whether a token's last stamped use is recent enough to leave as it is."""
    if last_used_at is None:
        return False
    aware = last_used_at if last_used_at.tzinfo else last_used_at.replace(tzinfo=UTC)
    return now - aware < TOKEN_STAMP


def set_language(*, session: Session, user_id: int, language: str) -> None:
    """Remember the user's interface language."""
    user = session.get(User, user_id)
    if user is not None:
        user.language = language
        session.add(user)
        session.commit()


def set_time_zone(*, session: Session, user: User, time_zone: str) -> None:
    """Remember the time zone the user types and reads dates and times in."""
    if valid_zone(time_zone) is None:
        raise Invalid(_("Choose a time zone from the list."), field="time_zone")
    user.time_zone = time_zone
    session.add(user)
    session.commit()


def time_zone_at_sign_in(*, session: Session, user: User, browser_zone: str | None) -> str | None:
    """The user's time zone; the first time, the browser's is kept as theirs.

    People expect the times of the machine in front of them, so the browser's zone is the
    default; kept on the account, it then holds on every device until they change it.
    """
    if user.time_zone is None and valid_zone(browser_zone):
        set_time_zone(session=session, user=user, time_zone=browser_zone)
    return user.time_zone


def get_organisation_by_slug(*, session: Session, slug: str) -> Organisation | None:
    """The organisation with this slug, if any."""
    return session.exec(select(Organisation).where(Organisation.slug == slug)).first()
