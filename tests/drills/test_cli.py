"""`stormdrill drill run`: headless, deterministic byte for byte, and checked like a live drill."""

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from app.cli import app
from app.drills.run import RunError, replay
from app.scoring import service as scoring

SCHEMA = json.loads(Path("app/scoring/drill-record.schema.json").read_text())
ACTIONS = [
    {"at_s": 120, "kind": "request_approval", "role": "spokesperson", "text": "We are on it."},
    {"at_s": 240, "kind": "approve", "role": "ciso", "ref": "stmt-2"},
    {"at_s": 300, "kind": "note", "text": "Regulator informed."},
    {"at_s": 60, "kind": "checklist_done", "role": "spokesperson", "item": "x"},
]


def run(tmp_path: Path, name: str, actions=ACTIONS, *extra: str):
    actions_file = tmp_path / "actions.yaml"
    actions_file.write_text(yaml.safe_dump(actions))
    out = tmp_path / name
    args = ["drill", "run", "--plan", "examples/plan-en.yaml", "--scenario", "data-breach"]
    args += ["--seed", "42", "--speed", "max", "--actions", str(actions_file), "--out", str(out)]
    return CliRunner().invoke(app, [*args, *extra]), out


def test_same_inputs_give_the_same_record_byte_for_byte(tmp_path):
    first, out_a = run(tmp_path, "a.json")
    second, out_b = run(tmp_path, "b.json")
    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    assert out_a.read_bytes() == out_b.read_bytes()
    record = json.loads(out_a.read_text())
    jsonschema.validate(record, SCHEMA)
    assert record["seed"] == 42 and record["plan"]["approval_required"] is True
    kinds = [(a["at_s"], a["kind"]) for a in record["actions"]]
    assert kinds == [
        (60, "checklist_done"),
        (120, "request_approval"),
        (240, "approve"),
        (240, "statement"),
        (300, "note"),
    ]
    assert record["actions"][2]["waited_s"] == 120
    assert 0 <= scoring.score_payload(payload=record).overall <= 100


def test_refused_action_names_its_path(tmp_path):
    bad = [{"at_s": 10, "kind": "statement", "role": "monitor", "text": "Hello"}]
    result, out = run(tmp_path, "c.json", bad)
    assert result.exit_code == 2
    assert "actions[0]" in result.output and not out.exists()


@pytest.mark.parametrize(
    ("actions", "path"),
    [
        ([{"at_s": 5, "kind": "reply", "text": "x"}], "actions[0].in_reply_to"),
        ([{"at_s": 5, "kind": "approve", "role": "ciso", "ref": "stmt-9"}], "actions[0].ref"),
        ([{"at_s": -1, "kind": "note", "text": "x"}], "actions[0].at_s"),
        ([{"at_s": 5, "kind": "note", "text": "x", "role": "ceo"}], "actions[0].role"),
    ],
)
def test_replay_errors(actions, path):
    plan = {"roles": [{"id": "ciso", "approves": True}], "approval_required": False}
    with pytest.raises(RunError) as caught:
        replay(plan, actions, 600)
    assert caught.value.path == path


@pytest.mark.parametrize(
    ("content", "named"),
    [
        (b"- at_s: 5\n  kind: note\n  text: caf\xe9\n", "UTF-8"),
        (b"a: &a [1, 2]\nb: *a\n", "yaml_aliases"),
        (b"[" * 5000 + b"]" * 5000, "max_depth"),
    ],
)
def test_a_hostile_actions_file_exits_2_without_a_traceback(tmp_path, content, named):
    actions_file = tmp_path / "actions.yaml"
    actions_file.write_bytes(content)
    args = ["drill", "run", "--plan", "examples/plan-en.yaml", "--scenario", "data-breach"]
    args += ["--actions", str(actions_file), "--out", str(tmp_path / "out.json")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert named in result.output


def test_a_plan_version_id_beyond_64_bits_is_a_bad_parameter(tmp_path):
    result, out = run(tmp_path, "d.json", ACTIONS, "--plan", "99999999999999999999")
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert not out.exists()


def test_the_brand_option_rebrands_the_scenario_and_its_storm(tmp_path):
    note = [{"at_s": 30, "kind": "note", "text": "Watching."}]
    result, out = run(tmp_path, "brand.json", note, "--brand", "Harbour Bank")
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text())
    scenario = json.dumps(record["scenario"], ensure_ascii=False)
    assert record["brand"] == "Harbour Bank"
    assert "Harbour Bank" in scenario and "Lumenza" not in scenario
    assert "@HarbourBank" in scenario and "@lumenza" not in scenario.lower()
    preview = CliRunner().invoke(
        app, ["storm", "preview", "data-breach", "--brand", "Harbour Bank", "--until", "40m"]
    )
    assert preview.exit_code == 0, preview.output
    assert "Harbour Bank" in preview.output and "lumenza" not in preview.output.lower()


def test_without_a_brand_the_record_speaks_of_the_scenarios_own(tmp_path):
    result, out = run(tmp_path, "own.json", [{"at_s": 30, "kind": "note", "text": "Watching."}])
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text())
    assert record["brand"] == "Lumenza" and "Lumenza" in json.dumps(record["scenario"])
