"""Calibration: the tone lexicon against labelled statements, and pairs ordered by the doctrine."""

from pathlib import Path

import pytest
import yaml

from app.scoring.calibrate import TRAINING_SETS, figures, load_statements, main, render
from app.scoring.core import parse_record, score_record
from app.scoring.core.tone import LABELS
from tests.scoring.records import with_actions

PAIRS = yaml.safe_load((Path(__file__).parent / "calibration/pairs.yaml").read_text("utf-8"))
MIN_PRECISION = 0.85
MIN_RECALL = 0.85


def test_the_calibration_set_is_large_bilingual_and_covers_every_label():
    statements = load_statements()
    assert len(statements) >= 60
    assert {s["lang"] for s in statements} == {"en", "fr"}
    assert min(sum(s["lang"] == lang for s in statements) for lang in ("en", "fr")) >= 30
    assert {label for s in statements for label in s["labels"]} == set(LABELS)


def test_tone_precision_and_recall_per_label_meet_the_floor(capsys):
    results = figures(load_statements())
    with capsys.disabled():
        print("\nTone calibration (in-sample)\n" + render(results))
    weak = [
        r for r in results if (r.precision or 0) < MIN_PRECISION or (r.recall or 0) < MIN_RECALL
    ]
    assert not weak


@pytest.mark.parametrize("name", ["holdout", "holdout2", "holdout3", "selfcheck"])
def test_held_out_figures_are_reported_without_tuning(capsys, name):
    holdout = load_statements(Path(__file__).parent / f"calibration/{name}.yaml")
    assert len(holdout) >= 20
    with capsys.disabled():
        print(f"\nTone calibration ({name}, not tuned)\n" + render(figures(holdout)))


def test_the_second_held_out_set_is_balanced_and_covers_every_label():
    holdout = load_statements(Path(__file__).parent / "calibration/holdout2.yaml")
    assert [sum(s["lang"] == lang for s in holdout) for lang in ("en", "fr")] == [20, 20]
    assert {label for s in holdout for label in s["labels"]} == set(LABELS)


def test_the_calibrate_command_prints_a_row_per_label(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert all(label in out for label in LABELS)


def test_there_are_at_least_twelve_pairs_in_both_languages():
    assert len(PAIRS) >= 12
    assert {p["base"] for p in PAIRS} == {"good-drill-en", "french-drill-fr"}


@pytest.mark.parametrize("pair", PAIRS, ids=[p["name"] for p in PAIRS])
def test_the_better_log_wins_overall_and_in_its_dimension(pair):
    approval = {"approval_required": pair.get("approval_required", False)}
    better = score_record(parse_record(with_actions(pair["base"], pair["better"], **approval)))
    worse = score_record(parse_record(with_actions(pair["base"], pair["worse"], **approval)))
    dimension = pair["dimension"]
    assert better.overall > worse.overall
    assert better.dimensions[dimension].score > worse.dimensions[dimension].score


def test_the_training_sets_include_the_second_batch_in_both_languages():
    batch = load_statements(TRAINING_SETS[1])
    assert [sum(s["lang"] == lang for s in batch) >= 20 for lang in ("en", "fr")] == [True, True]
    assert len(load_statements()) == len(load_statements(TRAINING_SETS[0])) + len(batch)
