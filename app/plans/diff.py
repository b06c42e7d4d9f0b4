"""Side-by-side comparison of two plan documents: pure, item by item, field by field."""

from dataclasses import dataclass
from typing import Any

from app.plans.catalogue import METRIC_LABELS

PLAN_FIELDS = ("title", "description", "languages", "drill_every_days")
IDENTITY = {"severity_levels": "level", "kpis": "metric"}
SECTION_KEYS = ("roles", "severity_levels", "audiences", "key_messages", "checklist", "kpis")


@dataclass(frozen=True)
class DiffRow:
    """One field that differs: where it is, its value on each side, and how it changed."""

    section: str
    item: str
    field: str
    left: Any
    right: Any
    change: str  # "changed", "added" or "removed"


def _index(items: list[dict[str, Any]], section: str) -> dict[str, dict[str, Any]]:
    attr = IDENTITY.get(section, "key")
    return {str(item.get(attr)): item for item in items}


def _item_rows(section: str, name: str, left: dict | None, right: dict | None) -> list[DiffRow]:
    change = "added" if left is None else "removed" if right is None else "changed"
    left, right = left or {}, right or {}
    fields = list(dict.fromkeys([*left, *right]))
    return [
        DiffRow(section, name, field, left.get(field), right.get(field), change)
        for field in fields
        if left.get(field) != right.get(field)
    ]


def item_names(*documents: dict[str, Any]) -> dict[tuple[str, str], str]:
    """What people call each item the rows name, by (section, key): its name or title."""
    names: dict[tuple[str, str], str] = {}
    for document in documents:
        for section in SECTION_KEYS:
            for key, item in _index(document.get(section, []), section).items():
                named = item.get("name") or item.get("title") or METRIC_LABELS.get(key, key)
                names[(section, key)] = str(named)
    return names


def compare(left: dict[str, Any], right: dict[str, Any]) -> list[DiffRow]:
    """Every difference between two plan documents, in document order."""
    rows = [
        DiffRow("plan", "", field, left.get(field), right.get(field), "changed")
        for field in PLAN_FIELDS
        if left.get(field) != right.get(field)
    ]
    for section in SECTION_KEYS:
        old = _index(left.get(section, []), section)
        new = _index(right.get(section, []), section)
        for key in dict.fromkeys([*old, *new]):
            rows.extend(_item_rows(section, key, old.get(key), new.get(key)))
    return rows


def default_pair(documents: list[tuple[str, dict[str, Any]]]) -> tuple[str, str] | None:
    """The newest two neighbouring documents that differ, as (older, newer) names.

    `documents` runs newest first (the current plan, then its versions). None when every
    neighbour is identical: there is nothing to show by default.
    """
    for (newer, new_doc), (older, old_doc) in zip(documents, documents[1:], strict=False):
        if compare(old_doc, new_doc):
            return older, newer
    return None
