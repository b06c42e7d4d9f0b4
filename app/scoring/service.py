"""Scoring services: validate and score a decoded record; no database is involved."""

from typing import Any

from app.core.errors import Invalid
from app.scoring.core import RecordError, ScoreReport, parse_record, score_record


def score_payload(*, payload: Any) -> ScoreReport:
    """Score a decoded JSON drill record; an invalid one raises Invalid naming the field's path."""
    try:
        record = parse_record(payload)
    except RecordError as exc:
        raise Invalid(f"{exc.path}: {exc.message}", field=exc.path) from None
    return score_record(record)
