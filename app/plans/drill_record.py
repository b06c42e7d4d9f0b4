"""The `plan` section of a drill record (formats/drill-record.md), from a frozen snapshot."""

from typing import Any


def applies(low: int, high: int, severity: int | None) -> bool:
    """Whether an item meant for severities low..high applies at `severity` (None: all)."""
    return severity is None or low <= severity <= high


def drill_record_plan(
    snapshot: dict[str, Any], *, severity: int | None = None, language: str | None = None
) -> dict[str, Any]:
    """The drill record's `plan` for a version, for a crisis of `severity` in `language`.

    Without a severity every item is kept and statements need approval if any level says so.
    Ids are the plan's stable keys; checklist deadlines become seconds.
    """
    levels = snapshot.get("severity_levels", [])
    chosen = [level for level in levels if severity is None or level["level"] == severity]
    messages = [
        message
        for message in snapshot.get("key_messages", [])
        if applies(message.get("min_severity", 1), message.get("max_severity", 9), severity)
        and (language is None or message.get("language") == language)
    ]
    return {
        "roles": [
            {
                "id": role["key"],
                "name": role["name"],
                "can_publish": role.get("may_publish", False),
                "approves": role.get("approves_statements", False),
            }
            for role in snapshot.get("roles", [])
        ],
        "key_messages": [
            {
                "id": message["key"],
                "kind": message["kind"],
                "text": message["text"],
                **({"audience": message["audiences"][0]} if message.get("audiences") else {}),
            }
            for message in messages
        ],
        "checklist": [
            {
                "id": action["key"],
                "title": action["title"],
                **({"owner": action["owner_role"]} if action.get("owner_role") else {}),
                "due_s": action.get("due_minutes", 0) * 60,
            }
            for action in snapshot.get("checklist", [])
            if applies(action.get("from_severity", 1), 9, severity)
        ],
        "kpis": [
            {"metric": kpi["metric"], "target": kpi["target"], "weight": kpi.get("weight", 1.0)}
            for kpi in snapshot.get("kpis", [])
        ],
        "approval_required": any(level.get("needs_approval", False) for level in chosen),
    }
