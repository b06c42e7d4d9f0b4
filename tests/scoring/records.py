"""Helpers for scoring tests: the fixture records and small records built in code."""

import copy
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
RECORDS = ROOT / "examples/records"
FIXTURES = sorted(p.stem for p in RECORDS.glob("*.json"))


def fixture(name: str) -> dict[str, Any]:
    """A fixture record from examples/records, as decoded JSON (a fresh copy each time)."""
    return json.loads((RECORDS / f"{name}.json").read_text(encoding="utf-8"))


def with_actions(base: str, actions: list[dict], **plan: Any) -> dict[str, Any]:
    """A fixture's plan and scenario with other actions, no audience outcome, plan overrides."""
    record = copy.deepcopy(fixture(base))
    record.pop("audience_outcome", None)
    record["plan"].update(plan)
    record["actions"] = actions
    return record
