"""Studio tables and API schemas: an organisation's scenario and its immutable versions.

A scenario row carries what changes (its slug, its edit counter); every save writes a new
version row holding the whole validated document, so a drill that ran version 3 keeps
reading version 3 whatever is edited afterwards.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.db import utcnow
from app.core.schemas import UtcDatetime
from app.scenarios.library import ScenarioSummary


def _created_at() -> Any:
    return Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))


class OrgScenario(SQLModel, table=True):
    """One of an organisation's own scenarios; `version` is the number of its latest version."""

    __tablename__ = "scenario"
    __table_args__ = (UniqueConstraint("organisation_id", "slug"),)

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True, ondelete="CASCADE")
    slug: str = Field(max_length=60)
    version: int = 1
    created_by_id: int | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    created_at: datetime = _created_at()
    updated_at: datetime = _created_at()


class ScenarioVersion(SQLModel, table=True):
    """A frozen scenario document. It outlives its scenario while a drill still names it."""

    __tablename__ = "scenario_version"
    # Cached documents are keyed by id: a deleted version's id must never come back.
    __table_args__ = (
        UniqueConstraint("scenario_id", "number"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True, ondelete="CASCADE")
    scenario_id: int | None = Field(
        default=None, foreign_key="scenario.id", index=True, ondelete="SET NULL"
    )
    number: int
    document: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    origin: str = Field(default="", max_length=80)
    created_by_id: int | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    created_at: datetime = _created_at()


class CloneIn(SQLModel):
    """A copy of a library scenario under a new id (one is made up when left out)."""

    library_id: str = Field(max_length=80)
    slug: str | None = Field(default=None, max_length=60)


class ImportIn(SQLModel):
    """A scenario file's text, as `stormdrill scenarios validate` reads it."""

    yaml: str = Field(max_length=2_000_000)
    filename: str = Field(default="scenario.yaml", max_length=200)


class ScenarioUpdate(SQLModel):
    """A whole new document for the scenario; `version` is the one the editor started from."""

    version: int
    document: dict[str, Any]


class ScenarioPublic(SQLModel):
    """An organisation scenario as the API lists it."""

    id: int
    slug: str
    version: int
    version_id: int
    summary: ScenarioSummary
    updated_at: UtcDatetime


class ScenarioDetail(ScenarioPublic):
    """One scenario with its whole document."""

    document: dict[str, Any]


class ScenariosPublic(SQLModel):
    """A list of organisation scenarios."""

    data: list[ScenarioPublic]
    count: int


class ScenarioChoice(SQLModel):
    """A scenario a drill can run: `summary.id` is what a drill's `scenario_id` takes."""

    origin: str = Field(description="organisation or library")
    summary: ScenarioSummary
    version: int | None = Field(default=None, description="the organisation scenario's latest")


class ScenarioChoices(SQLModel):
    """Every scenario a drill can run."""

    data: list[ScenarioChoice]
    count: int
