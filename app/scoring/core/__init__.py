"""The scoring core: drill record in, score report out. Pure: no web, no database, no clock.

Its names are imported on first use (PEP 562), so a module that needs only the record's action
vocabulary (the storm engine, `stormdrill storm preview`) does not load the scorer.
"""

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.record import (
        AudienceOutcome,
        DrillRecord,
        RecordError,
        parse_outcome,
        parse_record,
    )
    from app.scoring.core.report import ScoreReport
    from app.scoring.core.scorer import report_json, score_record

_HOMES = {
    "AudienceOutcome": "app.record",
    "DrillRecord": "app.record",
    "RecordError": "app.record",
    "parse_outcome": "app.record",
    "parse_record": "app.record",
    "ScoreReport": f"{__name__}.report",
    "report_json": f"{__name__}.scorer",
    "score_record": f"{__name__}.scorer",
}
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


def __getattr__(name: str) -> object:
    """One of the core's names, imported from its module on first use."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)
