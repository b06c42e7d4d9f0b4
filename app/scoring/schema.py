"""The JSON Schema of the drill record, generated from the models and shipped with the project."""

import json
from pathlib import Path

from app.record import FORMAT, REQUIRED_BY_KIND, DrillRecord

SCHEMA_PATH = Path(__file__).resolve().parent / "drill-record.schema.json"


def _action_rules() -> list[dict]:
    """if/then rules: the extra fields each action kind needs."""
    rules = []
    for kind, needed in REQUIRED_BY_KIND.items():
        required = [n for n in needed if isinstance(n, str)]
        any_of = [{"required": [o]} for n in needed if isinstance(n, tuple) for o in n]
        then: dict = {"required": required} if required else {}
        if any_of:
            then["anyOf"] = any_of
        rules.append({"if": {"properties": {"kind": {"const": kind}}}, "then": then})
    return rules


def drill_record_schema() -> dict:
    """The schema: the pydantic models' validation schema plus the per-kind action rules."""
    schema = DrillRecord.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://stormdrill.example/schemas/drill-record-1.json"
    schema["title"] = f"Stormdrill drill record ({FORMAT})"
    schema["$defs"]["Action"]["allOf"] = _action_rules()
    return schema


def schema_text() -> str:
    """The schema as the JSON text kept in the repository."""
    return json.dumps(drill_record_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schema(path: Path = SCHEMA_PATH) -> Path:
    """Write the schema file; the CLI's `score-schema` command and the tests use it."""
    path.write_text(schema_text(), encoding="utf-8")
    return path
