"""Types shared by every domain's API schemas: timestamps with their zone, the error body."""

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel


def as_utc(moment: datetime) -> datetime:
    """`moment` with its time zone: SQLite gives back the UTC it stored, but naive."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


UtcDatetime = Annotated[datetime, AfterValidator(as_utc)]
"""A timestamp of an API schema: always serialised with its offset (`+00:00`)."""


class ErrorItem(BaseModel):
    """One refusal: where (`loc`, e.g. `["body", "title"]`), why, and its kind."""

    loc: list[str | int]
    msg: str
    type: str


class ErrorBody(BaseModel):
    """Every error of the API, the shape of FastAPI's validation errors."""

    detail: list[ErrorItem]
