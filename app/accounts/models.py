"""Account tables and their schemas: who people are and what they may do where."""

from datetime import datetime
from enum import StrEnum

from pydantic import EmailStr
from sqlalchemy import Column, DateTime, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.db import utcnow


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
    accepted_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
