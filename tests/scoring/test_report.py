"""The score report: its shape, HSEEP ratings, weights from KPIs, the KPI table and findings."""

import json

import pytest

from app.record import Kpi
from app.scoring.core import parse_record, report_json, score_record
from app.scoring.core.kpis import DEFAULT_WEIGHTS, dimension_weights
from app.scoring.core.report import DIMENSIONS, hseep_rating
from app.scoring.core.textreport import render_text
from tests.scoring.records import FIXTURES, fixture


def scored(name: str):
    return score_record(parse_record(fixture(name)))


@pytest.mark.parametrize("name", FIXTURES)
def test_every_fixture_gives_a_report_in_the_documented_shape(name):
    report = json.loads(report_json(scored(name)))
    assert report["format"] == "stormdrill.score/1"
    assert list(report["dimensions"]) == list(DIMENSIONS)
    for dimension in report["dimensions"].values():
        assert {"score", "weight", "rating", "metrics"} <= set(dimension)
        for metric in dimension["metrics"]:
            assert {"name", "value", "points", "evidence"} <= set(metric)
    for row in report["kpis"]:
        assert {"metric", "target", "actual", "met"} <= set(row)
    for finding in report["findings"]:
        assert finding["kind"] in ("strength", "improvement")
        assert finding["evidence"]


def test_every_assessed_metric_with_weight_names_its_evidence():
    for name in FIXTURES:
        for dimension in scored(name).dimensions.values():
            for metric in dimension.metrics:
                assert metric.evidence, (name, metric.name)


def test_the_good_drill_beats_the_poor_one_on_every_dimension():
    good, poor = scored("good-drill-en"), scored("poor-drill-en")
    assert good.rating == "P" and poor.rating == "U"
    for name in DIMENSIONS:
        assert good.dimensions[name].score > poor.dimensions[name].score


@pytest.mark.parametrize(
    ("score", "rating"), [(100, "P"), (80, "P"), (79.9, "S"), (60, "S"), (45, "M"), (39.9, "U")]
)
def test_hseep_ratings_follow_the_documented_thresholds(score, rating):
    assert hseep_rating(score) == rating


def test_kpi_weights_count_for_half_of_the_dimension_weights():
    assert dimension_weights([]) == DEFAULT_WEIGHTS
    weights = dimension_weights([Kpi(metric="rumour_correction_s", target=600, weight=3)])
    assert weights["rumour_control"] == (20 + 100) / 2
    assert weights["responsiveness"] == 25 / 2
    assert sum(weights.values()) == 100


def test_the_kpi_table_compares_target_and_actual():
    rows = {row.metric: row for row in scored("poor-drill-en").kpis}
    first = rows["time_to_first_response_s"]
    assert (first.target, first.actual, first.met) == (900, 2100, False)
    rumours = rows["rumour_correction_s"]
    assert (rumours.actual, rumours.met, rumours.assessed) == (None, False, True)


def test_findings_are_written_in_the_records_language():
    french = scored("french-drill-fr")
    improvements = [f.text for f in french.findings if f.kind == "improvement"]
    # The rumour is cited by its claim, not by its id (r2).
    assert any("rumeur « Les comptes vont être bloqués" in text for text in improvements)
    assert not any("r2" in text.split() for text in improvements)
    assert "Résultat non évalué" in french.notes[0]
    english = scored("poor-drill-en")
    assert any("never recovered" in f.text for f in english.findings)


def test_the_text_report_is_bilingual_by_the_records_language():
    assert "Points forts" in render_text(scored("french-drill-fr"))
    text = render_text(scored("good-drill-en"))
    assert "Strengths" in text and "HSEEP" in text and "Overall: 94.0/100 (P)" in text
