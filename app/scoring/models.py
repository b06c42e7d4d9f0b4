"""Review tables (issue 5): a drill's cached review, annotations, overrides, improvement items."""

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, DateTime, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.db import utcnow
from app.core.schemas import UtcDatetime

ANNOTATION_MAX = 2000
JUSTIFICATION_MIN = 10
SUMMARY_MAX = 20_000


def _timestamp(nullable: bool = False) -> Any:
    if nullable:
        return Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    return Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))


def _user_fk() -> Any:
    return Field(default=None, foreign_key="user_account.id", ondelete="SET NULL")


class TargetKind(StrEnum):
    """What an annotation is attached to."""

    action = "action"
    post = "post"
    inject = "inject"
    metric = "metric"


class ItemStatus(StrEnum):
    """Where a corrective action stands."""

    open = "open"
    done = "done"


class DrillReview(SQLModel, table=True):
    """A drill's after-action review: the cached score report and timeline, and the summary."""

    __tablename__ = "drill_review"

    id: int | None = Field(default=None, primary_key=True)
    drill_id: int = Field(foreign_key="drill.id", unique=True, ondelete="CASCADE")
    report: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    timeline: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    scored_at: datetime = _timestamp()
    summary: str = Field(default="", sa_column=Column(Text, nullable=False))
    version: int = 1
    updated_at: datetime = _timestamp()
    updated_by_id: int | None = _user_fk()


class SummaryUpdate(SQLModel):
    """The trainer's summary, with the version it was written against (optimistic lock)."""

    summary: str = Field(default="", max_length=SUMMARY_MAX)
    version: int


class AnnotationCreate(SQLModel):
    """A trainer's note on an action, post, inject or metric."""

    target_kind: TargetKind
    target_id: str = Field(min_length=1, max_length=120)
    at_s: float | None = Field(default=None, ge=0)
    body: str = Field(min_length=1, max_length=ANNOTATION_MAX)


class ReviewAnnotation(SQLModel, table=True):
    """A note pinned to one item of the review (and to the timeline when it has a time)."""

    __tablename__ = "review_annotation"

    id: int | None = Field(default=None, primary_key=True)
    drill_id: int = Field(foreign_key="drill.id", index=True, ondelete="CASCADE")
    target_kind: str = Field(sa_type=String(10))
    target_id: str = Field(max_length=120)
    at_s: float | None = None
    body: str = Field(sa_column=Column(Text, nullable=False))
    author_id: int | None = _user_fk()
    created_at: datetime = _timestamp()


class AnnotationPublic(SQLModel):
    """An annotation as the API shows it."""

    id: int
    target_kind: str
    target_id: str
    at_s: float | None
    body: str
    author_id: int | None
    created_at: UtcDatetime


class OverrideCreate(SQLModel):
    """A trainer's replacement for a metric's points or a dimension's score, justified."""

    metric: str = Field(min_length=1, max_length=120)
    value: float = Field(ge=0, le=100)
    justification: str = Field(min_length=JUSTIFICATION_MIN, max_length=ANNOTATION_MAX)


class MetricOverride(SQLModel, table=True):
    """One live override per metric or dimension key of a drill's score report."""

    __tablename__ = "metric_override"
    __table_args__ = (UniqueConstraint("drill_id", "metric"),)

    id: int | None = Field(default=None, primary_key=True)
    drill_id: int = Field(foreign_key="drill.id", ondelete="CASCADE")
    metric: str = Field(max_length=120)
    value: float
    justification: str = Field(sa_column=Column(Text, nullable=False))
    author_id: int | None = _user_fk()
    created_at: datetime = _timestamp()


class OverridePublic(SQLModel):
    """An override as the API shows it."""

    id: int
    metric: str
    value: float
    justification: str
    author_id: int | None
    created_at: UtcDatetime


class ImprovementCreate(SQLModel):
    """A corrective action from a review: a plan section, an owner, a due date."""

    section: str = Field(min_length=1, max_length=40)
    title: str = Field(min_length=1, max_length=200)
    detail: str = Field(default="", max_length=4000)
    owner_id: int | None = None
    due_on: date


class ImprovementItem(SQLModel, table=True):
    """A corrective action tied to a plan section, tracked until a plan change fulfils it."""

    __tablename__ = "improvement_item"

    id: int | None = Field(default=None, primary_key=True)
    drill_id: int | None = Field(
        default=None, foreign_key="drill.id", nullable=True, index=True, ondelete="SET NULL"
    )
    plan_id: int = Field(foreign_key="plan.id", index=True, ondelete="CASCADE")
    section: str = Field(max_length=40)
    title: str = Field(max_length=200)
    detail: str = Field(default="", sa_column=Column(Text, nullable=False))
    owner_id: int | None = _user_fk()
    due_on: date
    status: str = Field(default=ItemStatus.open, sa_type=String(10))
    done_at: datetime | None = _timestamp(nullable=True)
    done_change_id: int | None = Field(
        default=None, foreign_key="plan_change.id", nullable=True, ondelete="SET NULL"
    )
    created_by_id: int | None = _user_fk()
    created_at: datetime = _timestamp()
    # Added by the dashboard (0005): plan changes before a manual reopen no longer fulfil it.
    reopened_at: datetime | None = _timestamp(nullable=True)


class ImprovementPublic(SQLModel):
    """An improvement item as the API shows it."""

    id: int
    drill_id: int | None
    plan_id: int
    section: str
    title: str
    detail: str
    owner_id: int | None
    due_on: date
    status: str
    done_at: UtcDatetime | None
    done_change_id: int | None
    created_at: UtcDatetime


class ReviewPublic(SQLModel):
    """A drill's review as the API shows it: report with overrides applied, and the rest."""

    drill_id: int
    scored_at: UtcDatetime
    summary: str
    version: int
    updated_at: UtcDatetime
    report: dict
    computed_report: dict
    timeline: dict
    annotations: list[AnnotationPublic]
    overrides: list[OverridePublic]
    improvements: list[ImprovementPublic]


DEBRIEF_TEXT_MAX = 2000


class DebriefIn(SQLModel):
    """A participant's lessons learned after a drill, as the form and the API take them."""

    went_well: str = Field(default="", max_length=DEBRIEF_TEXT_MAX)
    to_change: str = Field(default="", max_length=DEBRIEF_TEXT_MAX)
    confidence: int = Field(ge=1, le=5)


class DebriefAnswer(DebriefIn, table=True):
    """One participant's debrief of a drill; answering again replaces it."""

    __tablename__ = "debrief_answer"
    __table_args__ = (UniqueConstraint("drill_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    drill_id: int = Field(foreign_key="drill.id", ondelete="CASCADE")
    user_id: int = Field(foreign_key="user_account.id", ondelete="CASCADE")
    went_well: str = Field(default="", sa_column=Column(Text, nullable=False))
    to_change: str = Field(default="", sa_column=Column(Text, nullable=False))
    created_at: datetime = _timestamp()
    updated_at: datetime = _timestamp()


class DebriefPublic(SQLModel):
    """A debrief answer as the API shows it."""

    user_id: int
    went_well: str
    to_change: str
    confidence: int
    updated_at: UtcDatetime
