"""The scoring service: library scenarios completed, outcomes from the real storm, determinism."""

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.errors import Invalid
from app.scenarios.library import load_scenario
from app.scoring.core import parse_record, report_json, score_record
from app.scoring.service import (
    RECOVERY_TOLERANCE,
    library_scenario,
    recovery_time,
    score_payload,
    score_with_library,
    storm_outcome,
)
from app.storm.types import Audience
from tests.scoring.records import with_actions

CARING_EN = {
    "tutorial": (
        "We are so sorry to everyone who found our Corn Street door closed this morning. "
        "What we know: a water leak flooded the shop. Next update at 11am."
    ),
    "product-recall": (
        "We are deeply sorry. We apologise: this is our mistake and we take full "
        "responsibility. Do not eat Petit Bellecombe soft cheese from lots L2417, L2418 and "
        "L2419; return it to the store for a full refund. Next update at 2pm."
    ),
}


def library_record(scenario_id: str, actions: list[dict], seed: int | None = 11) -> dict:
    """The good English fixture's plan, naming a library scenario by id, with these actions."""
    record = with_actions("good-drill-en", actions)
    record["scenario"] = {"id": scenario_id}
    record.pop("duration_s", None)
    record["seed"] = seed
    return record


UPDATE_EN = (
    "Update: here is what we know now. We are still investigating and will keep you informed. "
    "Next update in 20 minutes."
)


def caring(scenario_id: str, at_s: float = 120) -> list[dict]:
    """An early empathetic statement, then an update every 20 minutes for the next 2 hours,
    while the drill lasts (what comes after its end is not scored)."""
    first = {"at_s": at_s, "kind": "statement", "text": CARING_EN[scenario_id]}
    end = load_scenario(scenario_id).duration
    updates = [
        {"at_s": at_s + 1200 * k, "kind": "statement", "text": UPDATE_EN}
        for k in range(1, 7)
        if at_s + 1200 * k <= end
    ]
    return [first, *updates]


@pytest.mark.parametrize("scenario_id", ["tutorial", "product-recall"])
def test_a_library_scenario_with_a_seed_gets_an_assessed_outcome(scenario_id):
    report = score_payload(payload=library_record(scenario_id, caring(scenario_id)))
    outcome = report.dimensions["outcome"]
    assert outcome.assessed and outcome.score is not None
    names = {m.name for m in outcome.metrics}
    assert {"final_sentiment", "peak_anger", "recovery_s", "mean_sentiment"} <= names
    assert report.notes == []


@pytest.mark.parametrize("scenario_id", ["tutorial", "product-recall"])
def test_an_empathetic_early_response_beats_silence_through_the_storm(scenario_id):
    spoke = score_payload(payload=library_record(scenario_id, caring(scenario_id)))
    silent = score_payload(payload=library_record(scenario_id, []))
    assert spoke.dimensions["outcome"].score > silent.dimensions["outcome"].score
    by_name = {m.name: m for m in spoke.dimensions["outcome"].metrics}
    quiet = {m.name: m for m in silent.dimensions["outcome"].metrics}
    assert by_name["final_sentiment"].value > quiet["final_sentiment"].value
    assert by_name["peak_anger"].value <= quiet["peak_anger"].value


def test_a_record_naming_the_library_by_id_is_completed_from_it():
    record = parse_record(library_record("product-recall", caring("product-recall")))
    report = score_with_library(record)
    assert report.dimensions["rumour_control"].assessed
    subjects = {m.subject for m in report.dimensions["rumour_control"].metrics if m.subject}
    assert subjects == {"rumour:baby-death", "rumour:all-products"}
    assert score_record(record).dimensions["rumour_control"].assessed is False


def test_a_library_record_without_a_seed_is_completed_but_has_no_outcome():
    report = score_payload(payload=library_record("tutorial", caring("tutorial"), seed=None))
    assert not report.dimensions["outcome"].assessed
    assert report.dimensions["responsiveness"].assessed


def test_an_inline_scenario_unknown_to_the_library_is_scored_as_given():
    record = with_actions("good-drill-en", caring("tutorial"))
    assert library_scenario(parse_record(record)) is None
    assert report_json(score_payload(payload=record)) == report_json(
        score_record(parse_record(record))
    )


def test_the_storm_outcome_replaces_the_records_own():
    record = library_record("tutorial", [])
    record["audience_outcome"] = {"final_sentiment": 1.0, "peak_anger": 0.0, "recovery_s": 0}
    metrics = score_payload(payload=record).dimensions["outcome"].metrics
    assert next(m for m in metrics if m.name == "final_sentiment").value < 1.0


def test_an_invalid_record_raises_invalid_naming_the_path():
    record = library_record("tutorial", [{"at_s": 10, "kind": "statement"}])
    with pytest.raises(Invalid) as raised:
        score_payload(payload=record)
    assert "actions[0].text" in str(raised.value)


def test_the_whole_pipeline_is_deterministic():
    record = library_record("product-recall", caring("product-recall"))
    first = report_json(score_payload(payload=copy.deepcopy(record)))
    assert report_json(score_payload(payload=copy.deepcopy(record))) == first


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 2**31 - 1), at_s=st.integers(0, 3600))  # a record seed is 32-bit
def test_same_record_same_storm_outcome(seed, at_s):
    record = parse_record(library_record("tutorial", caring("tutorial", at_s), seed=seed))
    library = library_scenario(record)
    assert library is not None
    assert storm_outcome(record, library, seed) == storm_outcome(record, library, seed)


def _point(t_s: float, sentiment: float) -> Audience:
    return Audience(
        t_s=t_s,
        anger=0.5,
        trust=0.5,
        attention=1.0,
        sentiment=sentiment,
        silent=False,
        responded=True,
    )


def test_recovery_is_when_sentiment_is_back_to_the_start_for_good():
    series = [_point(60 * i, s) for i, s in enumerate([0.1, -0.2, 0.15, -0.1, 0.1, 0.2])]
    assert recovery_time(series) == 240
    assert recovery_time([_point(0, 0.1), _point(60, -0.3)]) is None
    assert recovery_time([_point(0, 0.1), _point(60, 0.2)]) == 0


@given(st.lists(st.floats(-1, 1), min_size=1, max_size=30))
def test_recovery_is_the_start_of_the_final_run_at_or_above_the_starting_mood(moods):
    series = [_point(60 * i, s) for i, s in enumerate(moods)]
    floor = moods[0] - RECOVERY_TOLERANCE
    recovered = recovery_time(series)
    if moods[-1] < floor:
        assert recovered is None
        return
    assert recovered is not None
    start = int(recovered // 60)
    assert all(s >= floor for s in moods[start:])
    assert start == 0 or moods[start - 1] < floor


def test_an_inline_scenario_with_a_library_id_keeps_its_content_and_gets_the_storm():
    record = with_actions("good-drill-en", caring("tutorial"))
    record["scenario"]["id"] = "tutorial"
    record["seed"] = 3
    report = score_payload(payload=record)
    assert report.dimensions["outcome"].assessed
    subjects = {m.subject for m in report.dimensions["rumour_control"].metrics if m.subject}
    assert subjects == {f"rumour:{r['id']}" for r in record["scenario"]["rumours"]}
