"""The drill record, version 1: the interchange format drills write and the storm and scorer read.

Pure (pydantic only), so the storm engine, the drills and the scoring core share it without
importing one another.
"""

from app.record.models import (
    ACTION_KINDS,
    FORMAT,
    KEY_MESSAGE_KINDS,
    PUBLIC_KINDS,
    REQUIRED_BY_KIND,
    Action,
    AudienceOutcome,
    ChecklistItem,
    DrillRecord,
    Fact,
    Inject,
    KeyMessage,
    Kpi,
    OutcomePoint,
    Plan,
    RecordError,
    Role,
    Rumour,
    Scenario,
    json_path,
    parse_outcome,
    parse_record,
)

__all__ = [
    "ACTION_KINDS",
    "FORMAT",
    "KEY_MESSAGE_KINDS",
    "PUBLIC_KINDS",
    "REQUIRED_BY_KIND",
    "Action",
    "AudienceOutcome",
    "ChecklistItem",
    "DrillRecord",
    "Fact",
    "Inject",
    "KeyMessage",
    "Kpi",
    "OutcomePoint",
    "Plan",
    "RecordError",
    "Role",
    "Rumour",
    "Scenario",
    "json_path",
    "parse_outcome",
    "parse_record",
]
