"""`stormdrill scenarios validate | schema | list`: exit codes and output."""

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from app.cli import app
from app.core.settings import get_settings
from tests.scenarios.conftest import VALID

runner = CliRunner()


@pytest.fixture
def library(write, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The configured library, pointed at a temporary folder with one valid scenario."""
    folder = write(VALID).parent
    monkeypatch.setattr(get_settings(), "scenarios_dir", folder)
    return folder


def test_validate_a_good_file_prints_a_summary_and_exits_zero(write):
    result = runner.invoke(app, ["scenarios", "validate", str(write(VALID))])
    assert result.exit_code == 0, result.output
    assert "mini: 10m, 2 phases, 1 facts, 1 rumours, 1 injects, templates 3 en / 3 fr" in (
        result.stdout
    )
    assert result.stdout.strip().endswith("OK: 1 scenario file(s) valid.")


def test_validate_names_the_file_line_and_field_and_exits_non_zero(write):
    good = write(VALID)
    bad = write(VALID.replace("deadline: 6m", "deadline: 12m").replace("fr: Mini crise", ""), "bad")
    result = runner.invoke(app, ["scenarios", "validate", str(good), str(bad)])
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert errors[0] == f"{bad}:1: id: id 'mini' must equal the file name ('bad')"
    assert errors[1].startswith(f"{bad}:2: title.fr: missing field")
    assert errors[-1] == "2 problem(s) in 1 of 2 file(s)."
    assert "ok  " in result.stdout and "OK:" not in result.stdout


def test_validate_warns_of_a_reaction_that_presumes_what_the_team_said(write):
    presuming = (
        '    - {persona: activist, sentiment: negative, text: "Blaming the staff, {brand}?", '
    )
    presuming += "context: reply_bad}\n"
    text = VALID.replace("  fr:\n", presuming + "  fr:\n", 1)
    assert text != VALID
    result = runner.invoke(app, ["scenarios", "validate", str(write(text))])
    assert result.exit_code == 0, result.output
    assert "warning: templates.en.3: a reaction that presumes blame ('Blaming')" in result.stderr
    tagged = text.replace("context: reply_bad}", "context: reply_bad, answers: [third_party]}")
    result = runner.invoke(app, ["scenarios", "validate", str(write(tagged))])
    assert result.exit_code == 0 and "warning" not in result.stderr


def test_validate_reports_a_missing_file(tmp_path: Path):
    result = runner.invoke(app, ["scenarios", "validate", str(tmp_path / "gone.yaml")])
    assert result.exit_code == 1
    assert "gone.yaml:1: (file): cannot read" in result.stderr


def test_validate_defaults_to_the_library(library: Path):
    (library / "other.yaml").write_text("id: [\n", encoding="utf-8")
    result = runner.invoke(app, ["scenarios", "validate"])
    assert result.exit_code == 1
    assert "other.yaml:2: (yaml):" in result.stderr
    assert "mini.yaml" in result.stdout


def test_validate_an_empty_library_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(get_settings(), "scenarios_dir", tmp_path)
    result = runner.invoke(app, ["scenarios", "validate"])
    assert result.exit_code == 1
    assert "No scenario files" in result.stderr


def test_schema_prints_a_json_schema_the_files_satisfy():
    result = runner.invoke(app, ["scenarios", "schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["additionalProperties"] is False
    assert {"phases", "templates", "injects", "rumours"} <= set(schema["properties"])
    jsonschema.validate(yaml.safe_load(VALID), schema)


def test_list_prints_the_library_as_a_table(library: Path):
    result = runner.invoke(app, ["scenarios", "list", "--lang", "fr"])
    assert result.exit_code == 0
    header, row = result.stdout.splitlines()
    assert header.split() == ["id", "crisis", "type", "severity", "duration", "title"]
    assert row.split() == ["mini", "tutorial", "1", "10m", "Mini", "crise"]


def test_list_refuses_an_unknown_language(library: Path):
    result = runner.invoke(app, ["scenarios", "list", "--lang", "de"])
    assert result.exit_code == 2


BAD_SCENARIOS = {
    "alias bomb": (
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + "".join(
            f"{n}: &{n} [{','.join([f'*{p}'] * 9)}]\n"
            for p, n in zip("abcdefgh", "bcdefghi", strict=True)
        ),
        "yaml_aliases",
    ),
    "5,000 deep": ("id: " + "[" * 5000 + "]" * 5000, "max_depth"),
    "over the size limit": ("id: x\ntitle: " + "x" * 2_000_001, "max_document_bytes"),
}


@pytest.mark.parametrize("name", sorted(BAD_SCENARIOS))
def test_validate_refuses_a_hostile_file_at_once_without_a_traceback(write, name):
    text, limit = BAD_SCENARIOS[name]
    result = runner.invoke(app, ["scenarios", "validate", str(write(text, "hostile"))])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert f"hostile.yaml:1: ({limit}): " in result.stderr


def test_validate_reports_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"id: caf\xe9\n")
    result = runner.invoke(app, ["scenarios", "validate", str(path)])
    assert result.exit_code == 1
    assert "latin.yaml:1: (file): cannot read" in result.stderr
