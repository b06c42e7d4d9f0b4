"""Drill tables and their API schemas: the drill, its clock log, participants, actions, injects."""

import re
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import field_validator
from sqlalchemy import Column, DateTime, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.db import utcnow
from app.core.schemas import UtcDatetime
from app.scenarios.models import Channel, Persona, Priority

LANGUAGES = ("fr", "en")


def _timestamp(nullable: bool = False) -> Any:
    if nullable:
        return Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    return Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))


def _drill_fk() -> Any:
    return Field(foreign_key="drill.id", index=True, ondelete="CASCADE")


class DrillMode(StrEnum):
    """A practice never counts for the plan's cadence and trends; a long enough rehearsal does."""

    practice = "practice"
    rehearsal = "rehearsal"


HANDLE_PATTERN = r"^@?\w{1,30}$"


class InjectSource(StrEnum):
    scenario = "scenario"
    adhoc = "adhoc"


class DrillBase(SQLModel):
    """Fields a trainer chooses when setting up a drill."""

    title: str = Field(default="", max_length=200)
    language: str = Field(default="en", max_length=2)
    speed: float = Field(default=1.0, ge=1, le=60)
    scheduled_at: datetime | None = None
    mode: DrillMode = DrillMode.rehearsal


class Drill(DrillBase, table=True):
    """A timed rehearsal of one approved plan version against one scenario (version)."""

    __tablename__ = "drill"
    # A deleted drill's id is never given again: the live layer, links and the audit log
    # know drills by id (SQLite would otherwise reuse the largest id once it is deleted).
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True, ondelete="CASCADE")
    plan_id: int = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")
    plan_version_id: int = Field(foreign_key="plan_version.id", ondelete="CASCADE")
    scenario_id: str = Field(max_length=80)
    # The organisation scenario's version the drill runs (None: the library file `scenario_id`).
    scenario_version_id: int | None = Field(
        default=None, foreign_key="scenario_version.id", ondelete="SET NULL"
    )
    seed: int
    scheduled_at: datetime | None = _timestamp(nullable=True)
    duration_s: int
    brand: str = Field(max_length=200)
    brand_handle: str = Field(default="", max_length=31)
    mode: str = Field(default=DrillMode.rehearsal.value, sa_type=String(10))
    created_by_id: int | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    created_at: datetime = _timestamp()
    ended_at: datetime | None = _timestamp(nullable=True)
    version: int = 1


class DrillCreate(DrillBase):
    """A new drill: an approved plan version, a scenario (the organisation's or the library's,
    by id), a seed (random when omitted)."""

    plan_version_id: int
    scenario_id: str = Field(min_length=1, max_length=80)
    seed: int | None = Field(default=None, ge=0, le=2**31 - 1)
    brand: str | None = Field(default=None, min_length=1, max_length=200)
    brand_handle: str | None = Field(default=None, max_length=31)

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value not in LANGUAGES:
            raise ValueError("language must be fr or en")
        return value

    @field_validator("brand_handle")
    @classmethod
    def _handle(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(HANDLE_PATTERN, value):
            raise ValueError("a handle is @ then 1 to 30 letters, digits or underscores")
        return value


class DrillPublic(SQLModel):
    """A drill as the API shows it, with its clock reading."""

    id: int
    title: str
    plan_id: int
    plan_version_id: int
    scenario_id: str
    scenario_version_id: int | None
    language: str
    seed: int
    speed: float
    scheduled_at: UtcDatetime | None
    duration_s: int
    brand: str
    brand_handle: str
    mode: DrillMode
    created_at: UtcDatetime
    ended_at: UtcDatetime | None
    version: int
    status: str
    sim_s: float
    real_elapsed_s: float


class DrillUpdate(SQLModel):
    """What may change on a drill after set-up: practice or rehearsal."""

    mode: DrillMode


class DrillsPublic(SQLModel):
    """A list of drills."""

    data: list[DrillPublic]
    count: int


class DrillClockEvent(SQLModel, table=True):
    """One entry of a drill's clock log (start, pause, resume, speed, end)."""

    __tablename__ = "drill_clock_event"

    id: int | None = Field(default=None, primary_key=True)
    drill_id: int = _drill_fk()
    at: datetime = _timestamp()
    kind: str = Field(sa_type=String(10))
    speed: float | None = None


class DrillParticipant(SQLModel, table=True):
    """One user holding one plan role in a drill (a user may hold several)."""

    __tablename__ = "drill_participant"
    __table_args__ = (UniqueConstraint("drill_id", "user_id", "role_key"),)

    id: int | None = Field(default=None, primary_key=True)
    drill_id: int = _drill_fk()
    user_id: int = Field(foreign_key="user_account.id", index=True, ondelete="CASCADE")
    role_key: str = Field(max_length=60)


class Assignment(SQLModel):
    """One user given one role."""

    user_id: int
    role_key: str = Field(min_length=1, max_length=60)


class AssignIn(SQLModel):
    """The drill's whole roster: replaces the previous one."""

    assignments: list[Assignment]


class RoleSlot(SQLModel):
    """A plan role and who holds it in the drill."""

    role_key: str
    name: str
    can_publish: bool
    approves: bool
    user_ids: list[int]


class Roster(SQLModel):
    """Every plan role with its holders, and the roles nobody holds."""

    roles: list[RoleSlot]
    unfilled: list[str]


class ActionFields(SQLModel):
    """The drill-record fields an action may carry (which are needed depends on the kind)."""

    kind: str = Field(max_length=20)
    text: str | None = Field(default=None, max_length=5000)
    in_reply_to: str | None = Field(default=None, max_length=120)
    rumour: str | None = Field(default=None, max_length=120)
    ref: str | None = Field(default=None, max_length=120)
    to_role: str | None = Field(default=None, max_length=60)
    item: str | None = Field(default=None, max_length=120)
    post: str | None = Field(default=None, max_length=120)
    audience: str | None = Field(default=None, max_length=60)


class ActionCreate(ActionFields):
    """An action posted by a participant; `role_key` picks which of their roles acts."""

    role_key: str | None = Field(default=None, max_length=60)


class DrillAction(ActionFields, table=True):
    """One team action, stamped with the simulated time at which it was stored."""

    __tablename__ = "drill_action"
    __table_args__ = (UniqueConstraint("drill_id", "seq"),)

    id: int | None = Field(default=None, primary_key=True)
    drill_id: int = _drill_fk()
    seq: int
    at_s: float
    created_at: datetime = _timestamp()
    user_id: int | None = Field(default=None, foreign_key="user_account.id", ondelete="SET NULL")
    role_key: str | None = Field(default=None, max_length=60)
    kind: str = Field(sa_type=String(20))


class ActionPublic(ActionFields):
    """A stored action as the API shows it."""

    id: int
    seq: int
    at_s: float
    user_id: int | None
    role_key: str | None


class InjectCreate(SQLModel):
    """An ad-hoc inject written by the facilitator: a post or a message as any persona."""

    channel: Channel = Channel.social_post
    actor_name: str = Field(min_length=1, max_length=120)
    persona: Persona = Persona.journalist
    content: str = Field(min_length=1, max_length=2000)
    expects_response: bool = False
    deadline_s: int | None = Field(default=None, ge=0)
    priority: Priority = Priority.normal


class DrillInject(SQLModel, table=True):
    """A scenario inject fired early, or an ad-hoc inject, at a simulated time."""

    __tablename__ = "drill_inject"

    id: int | None = Field(default=None, primary_key=True)
    drill_id: int = _drill_fk()
    inject_key: str = Field(max_length=80)
    at_s: float
    channel: str = Field(sa_type=String(20))
    actor_name: str = Field(max_length=120)
    persona: str = Field(sa_type=String(30))
    content: str = Field(max_length=2000)
    language: str = Field(max_length=2)
    expects_response: bool = False
    deadline_s: float | None = None
    priority: str = Field(default="normal", sa_type=String(10))
    source: str = Field(sa_type=String(10))
    created_at: datetime = _timestamp()
