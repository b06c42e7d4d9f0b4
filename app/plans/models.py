"""Plan tables: the plan, its sections, its frozen versions and its change log."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.db import utcnow
from app.plans.catalogue import PlanStatus


def _timestamp(nullable: bool = False) -> Any:
    if nullable:
        return Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    return Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))


def _json_list() -> Any:
    return Field(default_factory=list, sa_column=Column(JSON, nullable=False))


def _plan_fk() -> Any:
    return Field(foreign_key="plan.id", index=True, ondelete="CASCADE")


class Plan(SQLModel, table=True):
    """A crisis-communication plan of one organisation; `version` guards concurrent edits."""

    __tablename__ = "plan"

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True, ondelete="CASCADE")
    title: str = Field(max_length=200)
    description: str = Field(default="", max_length=4000)
    languages: list[str] = _json_list()
    status: PlanStatus = Field(default=PlanStatus.draft, sa_type=String(20))
    drill_every_days: int = 90
    last_drilled_at: datetime | None = _timestamp(nullable=True)
    version: int = 1
    created_by_id: int | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    created_at: datetime = _timestamp()
    updated_at: datetime = _timestamp()


class SectionItem(SQLModel):
    """Columns every section item shares: its plan, its place in the section, its edit version."""

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = _plan_fk()
    position: int = 0
    version: int = 1


class PlanRole(SectionItem, table=True):
    """A role of the crisis team, held by a member or an external contact."""

    __tablename__ = "plan_role"
    __table_args__ = (UniqueConstraint("plan_id", "key"),)

    key: str = Field(max_length=60)
    name: str = Field(max_length=120)
    responsibilities: list[str] = _json_list()
    holder_user_id: int | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    holder_contact: str | None = Field(default=None, max_length=120)
    holder_phone: str | None = Field(default=None, max_length=30)
    backup_user_id: int | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    backup_contact: str | None = Field(default=None, max_length=120)
    backup_phone: str | None = Field(default=None, max_length=30)
    may_publish: bool = False
    approves_statements: bool = False


class PlanSeverity(SectionItem, table=True):
    """A severity level: when it applies, the tone, the first-response deadline."""

    __tablename__ = "plan_severity"
    __table_args__ = (UniqueConstraint("plan_id", "level"),)

    level: int
    name: str = Field(max_length=80)
    criteria: str = Field(default="", max_length=2000)
    tone: str = Field(default="", max_length=2000)
    response_minutes: int = 60
    needs_approval: bool = False
    alert_roles: list[str] = _json_list()


class PlanAudience(SectionItem, table=True):
    """Someone the plan talks to, and where."""

    __tablename__ = "plan_audience"
    __table_args__ = (UniqueConstraint("plan_id", "key"),)

    key: str = Field(max_length=60)
    name: str = Field(max_length=120)
    description: str = Field(default="", max_length=2000)
    channels: list[str] = _json_list()


class PlanMessage(SectionItem, table=True):
    """A key message: a template with placeholders for a kind, audiences, severities, language."""

    __tablename__ = "plan_message"
    __table_args__ = (UniqueConstraint("plan_id", "key"),)

    key: str = Field(max_length=60)
    title: str = Field(max_length=120)
    kind: str = Field(sa_type=String(30))
    audiences: list[str] = _json_list()
    min_severity: int = 1
    max_severity: int = 4
    language: str = Field(default="en", max_length=2)
    text: str = Field(max_length=2000)


class PlanAction(SectionItem, table=True):
    """A checklist action: who does it, by when after the crisis starts, from which severity."""

    __tablename__ = "plan_action"
    __table_args__ = (UniqueConstraint("plan_id", "key"),)

    key: str = Field(max_length=60)
    title: str = Field(max_length=200)
    owner_role: str | None = Field(default=None, max_length=60)
    due_minutes: int = 60
    from_severity: int = 1


class PlanKpi(SectionItem, table=True):
    """An indicator to watch: a catalogue metric, its target and its weight."""

    __tablename__ = "plan_kpi"
    __table_args__ = (UniqueConstraint("plan_id", "metric"),)

    metric: str = Field(sa_type=String(40))
    target: float
    weight: float = 1.0


class PlanVersion(SQLModel, table=True):
    """An approved plan, frozen: drills reference it, nothing ever changes it."""

    __tablename__ = "plan_version"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = _plan_fk()
    number: int
    snapshot: dict = Field(sa_column=Column(JSON, nullable=False))
    approved_by_id: int | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    created_at: datetime = _timestamp()


class PlanChange(SQLModel, table=True):
    """One entry of a plan's history: who changed what, and when."""

    __tablename__ = "plan_change"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = _plan_fk()
    user_id: int | None = Field(default=None, foreign_key="user_account.id", ondelete="SET NULL")
    action: str = Field(max_length=40)
    summary: str = Field(max_length=300)
    detail: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = _timestamp()
