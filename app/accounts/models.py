"""Account tables and their schemas: who people are and what they may do where."""

from datetime import datetime
from enum import StrEnum

from pydantic import EmailStr
from sqlalchemy import Column, DateTime, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.db import utcnow
from app.core.i18n import lazy_gettext
from app.core.schemas import UtcDatetime


class Role(StrEnum):
    """A member's role in one organisation. Admins may do everything."""

    admin = "admin"
    author = "author"
    trainer = "trainer"
    member = "member"


def _timestamp(**kwargs) -> datetime:
    return Field(
        default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False), **kwargs
    )


class Organisation(SQLModel, table=True):
    """The tenant: everything else belongs to exactly one."""

    __tablename__ = "organisation"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(min_length=1, max_length=120)
    slug: str = Field(min_length=1, max_length=60, unique=True, index=True)
    # Four eyes by default: whoever sent a plan for review does not approve it too.
    plans_self_approval: bool = Field(default=False)
    created_at: datetime = _timestamp()


class UserBase(SQLModel):
    email: EmailStr = Field(max_length=254)
    display_name: str = Field(min_length=1, max_length=120)
    language: str = Field(default="en", max_length=2)


class User(UserBase, table=True):
    """A person who can sign in."""

    __tablename__ = "user_account"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, unique=True, index=True)
    password_hash: str = Field(max_length=255)
    is_active: bool = True
    created_at: datetime = _timestamp()
    # IANA name; None until the browser tells it at sign-in or the user picks one.
    time_zone: str | None = Field(default=None, max_length=64)
    # Where the next sign-in lands: the organisation the user last acted in.
    last_org_id: int | None = Field(
        default=None, foreign_key="organisation.id", ondelete="SET NULL"
    )


class UserSession(SQLModel, table=True):
    """A signed-in browser session: deleting the row ends it, whatever the cookie holds."""

    __tablename__ = "user_session"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True, ondelete="CASCADE")
    token_hash: str = Field(max_length=64, unique=True, index=True)
    address: str | None = Field(default=None, max_length=64)
    created_at: datetime = _timestamp()


class Membership(SQLModel, table=True):
    """A user's role in an organisation."""

    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("organisation_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True, ondelete="CASCADE")
    user_id: int = Field(foreign_key="user_account.id", index=True, ondelete="CASCADE")
    role: Role = Field(default=Role.member, sa_type=String(20))
    created_at: datetime = _timestamp()


class ApiToken(SQLModel, table=True):
    """A personal token for scripts, valid in one organisation; only its hash is kept."""

    __tablename__ = "api_token"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True, ondelete="CASCADE")
    organisation_id: int = Field(foreign_key="organisation.id", index=True, ondelete="CASCADE")
    name: str = Field(min_length=1, max_length=80)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = _timestamp()
    last_used_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )


class Invitation(SQLModel, table=True):
    """A pending invitation to join an organisation with a role."""

    __tablename__ = "invitation"

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True, ondelete="CASCADE")
    email: str = Field(max_length=254, index=True)
    role: Role = Field(default=Role.member, sa_type=String(20))
    token_hash: str = Field(max_length=64, unique=True, index=True)
    invited_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    created_at: datetime = _timestamp()
    expires_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    accepted_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )


ROLE_LABELS = {
    Role.admin: lazy_gettext("Admin"),
    Role.author: lazy_gettext("Author (comms lead)"),
    Role.trainer: lazy_gettext("Trainer"),
    Role.member: lazy_gettext("Member"),
}


class UserPublic(SQLModel):
    """A user as the API shows them."""

    id: int
    email: str
    display_name: str
    language: str


class OrganisationPublic(SQLModel):
    """An organisation as the API shows it."""

    id: int
    name: str
    slug: str


class MembershipPublic(SQLModel):
    """One organisation the caller belongs to, and their role there."""

    organisation: OrganisationPublic
    role: Role


class MePublic(SQLModel):
    """Who the caller is, where they act and with which role."""

    user: UserPublic
    organisation: OrganisationPublic | None
    role: Role | None
    memberships: list[MembershipPublic]


class MemberPublic(SQLModel):
    """A member of the current organisation; `id` is the membership's."""

    id: int
    user_id: int
    email: str
    display_name: str
    role: Role
    created_at: UtcDatetime


class MembersPublic(SQLModel):
    """The members of the current organisation."""

    data: list[MemberPublic]
    count: int


class MemberAdd(SQLModel):
    """Add a member by email: an invitation they accept, whether the email is registered or not."""

    email: str = Field(max_length=254)
    role: Role = Role.member


class MemberUpdate(SQLModel):
    """A member's new role."""

    role: Role


class InvitationPublic(SQLModel):
    """A pending invitation."""

    id: int
    email: str
    role: Role
    created_at: UtcDatetime
    expires_at: UtcDatetime


class InvitationsPublic(SQLModel):
    """The pending invitations of the current organisation."""

    data: list[InvitationPublic]
    count: int


class InvitationCreated(InvitationPublic):
    """A new invitation, with its one-time link: shown once, never stored."""

    accept_url: str


class MemberAdded(SQLModel):
    """The outcome of adding by email: always an invitation to pass on, never who the person is."""

    invitation: InvitationCreated


class TokenCreate(SQLModel):
    """A new personal API token's name."""

    name: str = Field(max_length=80)


class TokenPublic(SQLModel):
    """A personal API token, without its secret."""

    id: int
    name: str
    organisation_id: int
    created_at: UtcDatetime
    last_used_at: UtcDatetime | None


class TokensPublic(SQLModel):
    """The caller's personal API tokens."""

    data: list[TokenPublic]
    count: int


class TokenCreated(TokenPublic):
    """A new token with its secret, shown once."""

    token: str
