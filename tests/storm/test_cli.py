"""`stormdrill storm preview`, and the canonical JSON it prints."""

import ast
import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from app.cli import app
from app.storm import Storm, post_json
from app.storm import cli as cli_module
from app.storm.report import FLOORS
from tests.storm.sample import sample_data

runner = CliRunner()


@pytest.fixture
def scenario_file(tmp_path):
    data = sample_data()
    path = tmp_path / f"{data['id']}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_readable_feed_shows_time_persona_author_text_and_counts(scenario_file):
    result = runner.invoke(
        app,
        ["storm", "preview", str(scenario_file), "--seed", "2", "--lang", "fr", "--until", "5m"],
    )
    assert result.exit_code == 0, result.output
    assert "00:00:20 [angry_customer] Julie Martin @julie_m" in result.output
    assert "♥" in result.output and "⟳" in result.output
    assert "yaourt à la fraise" in result.output
    assert "-- at 5m: anger" in result.output


def test_jsonl_prints_one_post_per_line_with_counts_at_the_end(scenario_file):
    result = runner.invoke(
        app, ["storm", "preview", str(scenario_file), "--until", "10m", "--jsonl"]
    )
    assert result.exit_code == 0, result.output
    posts = [json.loads(line) for line in result.output.splitlines()]
    assert len(posts) > 20
    assert all(0 <= p["likes"] <= p["likes_max"] for p in posts)
    assert [p["at_ms"] for p in posts] == sorted(p["at_ms"] for p in posts)


def test_actions_from_a_file_bring_replies(scenario_file, tmp_path):
    actions = tmp_path / "actions.json"
    actions.write_text(
        json.dumps([{"at_s": 60, "kind": "statement", "text": "No comment.", "id": "s1"}])
    )
    result = runner.invoke(
        app,
        [
            "storm",
            "preview",
            str(scenario_file),
            "--until",
            "10m",
            "--jsonl",
            "--actions",
            str(actions),
            "--volume-scale",
            "3",
        ],
    )
    assert result.exit_code == 0, result.output
    reactions = [p for p in map(json.loads, result.output.splitlines()) if p["reacts_to"] == "s1"]
    assert reactions


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope-no-such-scenario"], "no scenario"),
        (["--lang", "de"], "fr or en"),
        (["--until", "soon"], "not a duration"),
    ],
)
def test_bad_arguments_are_refused(scenario_file, args, message):
    full = [
        "storm",
        "preview",
        *(args if args[0].startswith("nope") else [str(scenario_file), *args]),
    ]
    result = runner.invoke(app, full)
    assert result.exit_code != 0
    assert message in result.output


def test_a_bad_action_file_is_refused(scenario_file, tmp_path):
    actions = tmp_path / "actions.yaml"
    actions.write_text("- {at_s: 3, kind: shout}\n")
    result = runner.invoke(app, ["storm", "preview", str(scenario_file), "--actions", str(actions)])
    assert result.exit_code != 0
    assert "unknown action kind" in result.output


def test_post_json_is_valid_json_matching_the_post(storm_en):
    from app.storm import Action

    acts = [Action(at_s=100, kind="statement", text='We "hear" you', id='a"1')]
    for post in storm_en.posts(acts, 0, 900):
        data = json.loads(post_json(post))
        assert data["id"] == post.id and data["text"] == post.text
        assert data["author"]["handle"] == post.author.handle
        assert (data["reply_to"], data["quote_of"], data["reacts_to"]) == (
            post.reply_to,
            post.quote_of,
            post.reacts_to,
        )
        assert data["rumour"] == post.rumour and data["inject"] == post.inject


def test_the_same_storm_in_two_processes_would_match(scenario):
    first = Storm(scenario, 4, None, "en").posts([], 0, 600)
    assert [post_json(p) for p in first] == [
        post_json(p) for p in Storm(scenario, 4, None, "en").posts([], 0, 600)
    ]


def test_the_report_prints_each_floor_and_fails_when_one_is_missed(scenario_file):
    result = runner.invoke(app, ["storm", "report", str(scenario_file), "--lang", "fr"])
    lines = result.output.splitlines()
    assert lines[0].startswith("sample-recall [fr] ") and lines[0].endswith(" posts")
    marks = re.findall(r"\((ok|MISSED)\)", result.output)
    assert len(marks) == len(FLOORS)
    quoting = re.search(r"reactions that quote the team (\d+)% \((ok|MISSED)\)", result.output)
    assert quoting and int(quoting.group(1)) >= 30 and quoting.group(2) == "ok"
    assert "silence posts after the first statement 0 (ok)" in result.output
    assert result.exit_code == (1 if "MISSED" in marks else 0)
    assert "at 30/60/90 min  none: A" in result.output


def test_the_storm_command_line_imports_nothing_of_app_core():
    source = Path(cli_module.__file__).read_text(encoding="utf-8")
    imported = [
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    ]
    assert not [name for name in imported if name and name.startswith("app.core")]
