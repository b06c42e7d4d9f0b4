"""The drill record: valid records parse, invalid ones name the path of the bad field."""

import json

import jsonschema
import pytest

from app.scoring.core import RecordError, parse_record
from app.scoring.schema import SCHEMA_PATH, drill_record_schema, schema_text
from tests.scoring.records import FIXTURES, fixture


@pytest.mark.parametrize("name", FIXTURES)
def test_every_fixture_record_parses(name):
    record = parse_record(fixture(name))
    assert record.format == "stormdrill.drill-record/1"
    assert record.actions


def test_there_are_good_poor_and_french_fixtures():
    assert {"good-drill-en", "poor-drill-en", "french-drill-fr"} <= set(FIXTURES)


def minimal() -> dict:
    return {
        "format": "stormdrill.drill-record/1",
        "language": "en",
        "brand": "Acme",
        "plan": {"key_messages": [{"id": "k1", "kind": "holding", "text": "We are aware."}]},
        "scenario": {"id": "library-scenario"},
        "actions": [{"at_s": 10, "kind": "statement", "text": "We are aware."}],
    }


def broken(change) -> dict:
    record = minimal()
    change(record)
    return record


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda r: r.pop("plan"), "plan"),
        (lambda r: r.update(format="other/1"), "format"),
        (lambda r: r.update(language="de"), "language"),
        (lambda r: r["plan"]["key_messages"][0].update(kind="joke"), "plan.key_messages[0].kind"),
        (lambda r: r["plan"]["key_messages"][0].pop("text"), "plan.key_messages[0].text"),
        (lambda r: r["actions"][0].pop("at_s"), "actions[0].at_s"),
        (lambda r: r["actions"][0].update(at_s=-1), "actions[0].at_s"),
        (lambda r: r["actions"][0].pop("text"), "actions[0].text"),
        (lambda r: r["actions"][0].update(text=" \n\u00a0\t"), "actions[0].text"),
        (
            lambda r: r["actions"].append({"at_s": 5, "kind": "reply", "text": "x"}),
            "actions[1].in_reply_to",
        ),
        (lambda r: r["actions"].append({"at_s": 5, "kind": "flag_rumour"}), "actions[1].rumour"),
        (lambda r: r["scenario"].update(severity=9), "scenario.severity"),
        (
            lambda r: r["scenario"].update(injects=[{"id": "i", "at_s": 1}]),
            "scenario.injects[0].channel",
        ),
        (
            lambda r: r.update(audience_outcome={"final_sentiment": 3, "peak_anger": 0}),
            "audience_outcome.final_sentiment",
        ),
    ],
)
def test_an_invalid_record_names_the_path_of_the_bad_field(change, path):
    with pytest.raises(RecordError) as raised:
        parse_record(broken(change))
    assert raised.value.path == path
    assert str(raised.value).startswith(f"{path}: ")


def test_a_record_that_is_not_an_object_is_refused_at_the_root():
    with pytest.raises(RecordError) as raised:
        parse_record([1, 2])
    assert raised.value.path == "(root)"


def test_unknown_fields_are_ignored_as_the_format_requires():
    record = minimal()
    record["exported_by"] = "stormdrill 0.1"
    record["actions"][0]["post_id"] = "p-1"
    assert parse_record(record).actions[0].text == "We are aware."


def test_the_shipped_json_schema_is_up_to_date():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), (
        "run `stormdrill score-schema` to regenerate app/scoring/drill-record.schema.json"
    )


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_records_validate_against_the_json_schema(name):
    jsonschema.validate(fixture(name), json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def test_the_json_schema_requires_the_fields_each_action_kind_needs():
    record = minimal()
    record["actions"].append({"at_s": 5, "kind": "correct_rumour", "text": "False."})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, drill_record_schema())


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda r: r["actions"][0].update(at_s="10"), "actions[0].at_s"),
        (lambda r: r["actions"][0].update(at_s=True), "actions[0].at_s"),
        (lambda r: r.update(seed="42"), "seed"),
        (lambda r: r.update(seed=False), "seed"),
        (lambda r: r.update(duration_s="3600"), "duration_s"),
        (lambda r: r["scenario"].update(severity="3"), "scenario.severity"),
        (lambda r: r["plan"].update(approval_required="false"), "plan.approval_required"),
        (lambda r: r["plan"].update(approval_required=1), "plan.approval_required"),
        (
            lambda r: r["plan"].update(kpis=[{"metric": "m", "target": "0.8"}]),
            "plan.kpis[0].target",
        ),
        (
            lambda r: r["plan"].update(roles=[{"id": "a", "name": "A", "can_publish": "yes"}]),
            "plan.roles[0].can_publish",
        ),
        (
            lambda r: r["scenario"].update(
                injects=[
                    {"id": "i", "at_s": 1, "channel": "x", "text": "?", "expects_response": "no"}
                ]
            ),
            "scenario.injects[0].expects_response",
        ),
    ],
)
def test_a_value_of_the_wrong_json_type_is_refused_not_coerced(change, path):
    """A string "10" or a true is not a time, nor "no" a boolean: the record and its JSON Schema
    refuse the same values, so another tool's mistake is named instead of scored as a guess."""
    record = broken(change)
    with pytest.raises(RecordError) as raised:
        parse_record(record)
    assert raised.value.path == path
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def test_integers_stay_valid_times_and_targets():
    record = broken(lambda r: r["plan"].update(kpis=[{"metric": "m", "target": 1, "weight": 2}]))
    assert parse_record(record).plan.kpis[0].target == 1.0
