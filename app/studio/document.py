"""Scenario documents as the library writes them: YAML that `stormdrill scenarios validate`
accepts and that reads back to the very same scenario.

Times are written with units (`12m`, `1h05m`) and fields left at their default are left out,
as in the hand-written files.
"""

from typing import Any

import yaml

from app.scenarios.models import Scenario, format_duration

_TIMED = {
    "rumours": ("appears_at",),
    "phases": ("start", "end"),
    "injects": ("at", "deadline"),
}


def _duration(seconds: Any) -> Any:
    return format_duration(seconds) if isinstance(seconds, int) and seconds else seconds


def to_document(scenario: Scenario) -> dict[str, Any]:
    """The scenario as plain data in the file format, durations written with units."""
    data = scenario.model_dump(mode="json", exclude_defaults=True)
    data["duration"] = _duration(data["duration"])
    for section, fields in _TIMED.items():
        for item in data.get(section, []):
            for field in fields:
                if field in item:
                    item[field] = _duration(item[field])
    return data


def to_yaml(scenario: Scenario) -> str:
    """The scenario as a library file's text."""
    return yaml.safe_dump(to_document(scenario), allow_unicode=True, sort_keys=False, width=100)


def file_name(scenario: Scenario) -> str:
    """The name the library gives the file: its id, so that it validates as it is."""
    return f"{scenario.id}.yaml"
