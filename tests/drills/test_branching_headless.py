"""Headless drills evaluate conditional injects as live ones do: from the actions alone."""

import json
from pathlib import Path

import jsonschema
import yaml
from typer.testing import CliRunner

from app.cli import app
from app.drills.cli import load_plan
from app.drills.run import run_drill
from app.plans.drill_record import drill_record_plan
from app.record import parse_record
from app.scenarios import library
from app.scoring import service as scoring

SCHEMA = json.loads(Path("app/scoring/drill-record.schema.json").read_text())
SCENARIO = library.load_scenario("product-recall")
PLAN = {
    **drill_record_plan(
        load_plan("examples/plan-en.yaml"), severity=SCENARIO.severity, language="en"
    ),
    "approval_required": False,  # the team publishes at once
}
STATEMENT = "We are recalling three lots of Petit Bellecombe 250 g. Do not eat them."
ANSWER = "Our own routine test found Listeria on 4 November; the line stopped that day."


def injects_of(record: dict) -> dict[str, dict]:
    return {inject["id"]: inject for inject in record["scenario"]["injects"]}


def run(actions, language="en"):
    return run_drill(
        plan=PLAN, scenario=SCENARIO, seed=7, language=language, brand="Bellecombe", actions=actions
    )


def test_a_silent_team_gets_the_conditional_injects_with_why_they_fired():
    record = run([{"at_s": 3000, "kind": "note", "text": "Nothing said."}])
    injects = injects_of(record)
    silence, ahead = injects["silence-article"], injects["magazine-goes-ahead"]
    assert silence["at_s"] == 900 and silence["fired_because"] == "no public statement by T+15:00"
    assert ahead["at_s"] == 2100 and ahead["deadline_s"] == 2700  # its ten minutes, from then
    assert "Hannah Reyes" in ahead["fired_because"] and "T+35:00" in ahead["fired_because"]
    jsonschema.validate(record, SCHEMA)
    assert 0 <= scoring.score_payload(payload=record).overall <= 100


def test_a_team_that_speaks_and_answers_in_time_disarms_them():
    record = run(
        [
            {"at_s": 300, "kind": "statement", "text": STATEMENT},
            {"at_s": 1500, "kind": "reply", "text": ANSWER, "in_reply_to": "magazine-questions"},
        ]
    )
    injects = injects_of(record)
    assert "silence-article" not in injects and "magazine-goes-ahead" not in injects
    assert "magazine-questions" in injects and "fired_because" not in injects["magazine-questions"]


def test_the_reason_comes_in_the_drill_s_language():
    injects = injects_of(run([], language="fr"))
    assert injects["silence-article"]["fired_because"] == "aucune déclaration publique à T+15:00"


def test_the_cli_record_is_the_same_byte_for_byte_with_conditional_injects(tmp_path):
    actions = tmp_path / "actions.yaml"
    approved = [
        {"at_s": 1000, "kind": "request_approval", "role": "spokesperson", "text": STATEMENT},
        {"at_s": 1000, "kind": "approve", "role": "ciso", "ref": "stmt-1"},
    ]
    actions.write_text(yaml.safe_dump(approved))
    outs = []
    for name in ("a.json", "b.json"):
        out = tmp_path / name
        args = ["drill", "run", "--plan", "examples/plan-en.yaml", "--scenario", "product-recall"]
        args += ["--seed", "3", "--speed", "max", "--actions", str(actions), "--out", str(out)]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert "silence-article" in injects_of(json.loads(outs[0]))  # the statement came too late


def test_a_record_naming_the_library_scenario_gets_only_the_conditional_injects_that_fired():
    def completed(actions):
        record = {**run(actions), "scenario": {"id": "product-recall"}}
        parsed = parse_record(record)
        return {i.id: i for i in scoring.completed_scenario(parsed, SCENARIO).injects}

    silent = completed([])
    assert silent["silence-article"].at_s == 900
    assert silent["magazine-goes-ahead"].deadline_s == 2700
    spoken = completed([{"at_s": 300, "kind": "statement", "text": STATEMENT}])
    assert "silence-article" not in spoken and "recall-news" in spoken
