"""The scoring core: drill record in, score report out. Pure: no web, no database, no clock."""

from app.scoring.core.record import (
    AudienceOutcome,
    DrillRecord,
    RecordError,
    parse_outcome,
    parse_record,
)
from app.scoring.core.report import ScoreReport
from app.scoring.core.scorer import report_json, score_record

__all__ = [
    "AudienceOutcome",
    "DrillRecord",
    "RecordError",
    "ScoreReport",
    "parse_outcome",
    "parse_record",
    "report_json",
    "score_record",
]
