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


class InjectBankEntry(SQLModel, table=True):
    """An inject saved from a scenario, to be added to others; `inject` keeps its times."""

    __tablename__ = "inject_bank_entry"

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True, ondelete="CASCADE")
    inject: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    source_title: dict[str, str] = Field(sa_column=Column(JSON, nullable=False))
    rumour_claim: dict[str, str] | None = Field(default=None, sa_column=Column(JSON))
    created_by_id: int | None = Field(
        default=None, foreign_key="user_account.id", ondelete="SET NULL"
    )
    created_at: datetime = _created_at()


class BankEntryIn(SQLModel):
    """Save one inject of one of the organisation's scenarios to the bank."""

    scenario_id: int
    inject_id: str = Field(max_length=60)


class BankUseIn(SQLModel):
    """Add a bank inject to a scenario at `at_minutes`; `version` is the scenario's, as read."""

    scenario_id: int
    version: int
    at_minutes: int = Field(ge=0, le=24 * 60)


class BankEntryPublic(SQLModel):
    """A bank inject as the API lists it; `source_title` is the scenario it was saved from."""

    id: int
    inject: dict[str, Any]
    source_title: dict[str, str]
    rumour_claim: dict[str, str] | None
    created_at: UtcDatetime


class BankEntriesPublic(SQLModel):
    """The organisation's inject bank, newest first."""

    data: list[BankEntryPublic]
    count: int
