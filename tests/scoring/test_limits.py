"""Bounded scoring: the record's limits are named when passed, and the work grows linearly."""

import pytest

from app.record.models import MAX_ACTIONS, MAX_TIME_S
from app.scoring.core import RecordError, parse_record, score_record
from app.scoring.core import process as process_dimension
from tests.scoring.records import fixture, with_actions


def _approval_record(pairs: int) -> dict:
    """`pairs` statements, each submitted and approved first: the plan requires approval."""
    actions = []
    for n in range(pairs):
        text = " ".join(f"w{n}x{k}" for k in range(6))  # no two texts alike
        actions += [
            {"at_s": 10.0 * n, "kind": "request_approval", "text": text, "ref": f"s{n}"},
            {"at_s": 10.0 * n + 1, "kind": "approve", "ref": f"s{n}"},
            {"at_s": 10.0 * n + 2, "kind": "statement", "text": text + " ok"},
        ]
    return with_actions("good-drill-en", actions, approval_required=True)


def test_checking_approvals_does_work_linear_in_the_statements(monkeypatch):
    calls = []
    normalise = process_dimension.normalise
    monkeypatch.setattr(
        process_dimension, "normalise", lambda text: calls.append(text) or normalise(text)
    )
    counts = []
    for pairs in (60, 120):
        calls.clear()
        score_record(parse_record(_approval_record(pairs)))
        counts.append(len(calls))
    assert counts[1] <= 2.2 * counts[0], counts


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda r: r.update(duration_s=MAX_TIME_S + 1), "duration_s"),
        (lambda r: r["actions"][0].update(at_s=MAX_TIME_S + 1), "actions[0].at_s"),
        (lambda r: r["plan"]["kpis"].append({"metric": "x", "target": float("inf")}), "plan.kpis"),
        (lambda r: r.update(duration_s=float("nan")), "duration_s"),
        (
            lambda r: r.update(actions=r["actions"] * (MAX_ACTIONS // len(r["actions"]) + 1)),
            "actions",
        ),
    ],
)
def test_a_record_past_a_limit_is_refused_naming_the_field(change, path):
    record = fixture("good-drill-en")
    change(record)
    with pytest.raises(RecordError) as refused:
        parse_record(record)
    assert refused.value.path.startswith(path)
