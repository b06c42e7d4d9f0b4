"""`stormdrill score FILE`: JSON by default, text for people, exit status 2 on invalid records."""

import json

import pytest
from typer.testing import CliRunner

from app.cli import app
from tests.scoring.records import RECORDS, fixture
from tests.scoring.test_service import caring, library_record

runner = CliRunner()


def test_score_prints_the_report_as_json():
    result = runner.invoke(app, ["score", str(RECORDS / "good-drill-en.json")])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["format"] == "stormdrill.score/1"
    assert report["overall"] == 94.0


def test_score_prints_text_in_the_records_language():
    result = runner.invoke(
        app, ["score", "--format", "text", str(RECORDS / "french-drill-fr.json")]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Score de l'exercice — Global")
    assert "Maîtrise des rumeurs" in result.stdout


def test_an_invalid_record_exits_with_status_2_naming_the_field(tmp_path):
    record = fixture("good-drill-en")
    record["plan"]["key_messages"][2]["kind"] = "joke"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(record))
    result = runner.invoke(app, ["score", str(path)])
    assert result.exit_code == 2
    assert "plan.key_messages[2].kind" in result.stderr


def test_a_file_that_is_not_json_exits_with_status_2(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{nope")
    result = runner.invoke(app, ["score", str(path)])
    assert result.exit_code == 2
    assert "not JSON" in result.stderr


def test_a_record_can_come_from_standard_input():
    result = runner.invoke(app, ["score", "-"], input=(RECORDS / "poor-drill-en.json").read_text())
    assert result.exit_code == 0
    assert json.loads(result.stdout)["rating"] == "U"


def test_score_schema_writes_the_json_schema(tmp_path):
    target = tmp_path / "schema.json"
    result = runner.invoke(app, ["score-schema", "--output", str(target)])
    assert result.exit_code == 0
    assert json.loads(target.read_text())["title"].startswith("Stormdrill drill record")


def test_score_takes_the_outcome_of_a_library_scenario_from_its_storm(tmp_path):
    path = tmp_path / "library.json"
    path.write_text(json.dumps(library_record("tutorial", caring("tutorial"))), encoding="utf-8")
    result = runner.invoke(app, ["score", str(path)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["dimensions"]["outcome"]["assessed"] is True
    assert report["notes"] == []


BAD_RECORDS = {
    "nested 100,000 deep": ("[" * 100_000 + "]" * 100_000).encode(),
    "invalid UTF-8": b'{"format": "\xff\xfe"}',
    "Infinity": json.dumps(fixture("good-drill-en") | {"duration_s": float("inf")}).encode(),
    "over the size limit": b'{"brand": "' + b"x" * 2_000_001 + b'"}',
}


@pytest.mark.parametrize("name", sorted(BAD_RECORDS))
def test_a_bad_file_exits_with_status_2_and_no_traceback(tmp_path, name):
    path = tmp_path / "record.json"
    path.write_bytes(BAD_RECORDS[name])
    result = runner.invoke(app, ["score", str(path)])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.stderr.strip()


def test_an_oversized_file_is_refused_naming_its_size(tmp_path):
    path = tmp_path / "record.json"
    data = BAD_RECORDS["over the size limit"]
    path.write_bytes(data)
    result = runner.invoke(app, ["score", str(path)])
    assert result.exit_code == 2
    assert f"The document is {len(data)} bytes" in result.stderr


def test_a_record_with_a_byte_order_mark_is_scored_like_one_without(tmp_path):
    path = tmp_path / "record.json"
    path.write_bytes(b"\xef\xbb\xbf" + (RECORDS / "good-drill-en.json").read_bytes())
    result = runner.invoke(app, ["score", str(path)])
    assert result.exit_code == 0, result.stderr
    plain = runner.invoke(app, ["score", str(RECORDS / "good-drill-en.json")])
    assert json.loads(result.stdout) == json.loads(plain.stdout)
