"""Overrides applied to a score report (pure, computed values kept); timeline bucketing."""

import json
from pathlib import Path
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from app.scoring.core import parse_record, score_record
from app.scoring.core.overrides import apply_overrides, override_keys

RECORD = Path(__file__).resolve().parents[2] / "examples/records/poor-drill-en.json"
REPORT = score_record(parse_record(json.loads(RECORD.read_text()))).model_dump(mode="json")
KEYS = override_keys(REPORT)


def test_no_override_changes_nothing():
    out = apply_overrides(REPORT, {})
    assert {k: v for k, v in out.items() if k != "overrides"} == REPORT


def test_overriding_with_the_computed_values_keeps_the_scores():
    same = {
        f"{name}.{m['name']}" + (f"@{m['subject']}" if m.get("subject") else ""): m["points"]
        for name, d in REPORT["dimensions"].items()
        for m in d["metrics"]
    }
    out = apply_overrides(REPORT, same)
    assert out["overall"] == REPORT["overall"]
    assert out["computed_overall"] == REPORT["overall"]


@given(st.dictionaries(st.sampled_from(KEYS), st.floats(0, 100), max_size=6))
def test_overrides_keep_the_computed_values_and_a_valid_rating(overrides):
    out = apply_overrides(REPORT, overrides)
    assert 0 <= out["overall"] <= 100 and out["rating"] in "PSMU"
    for name, dimension in out["dimensions"].items():
        if name in overrides:
            assert dimension["score"] == round(overrides[name], 1)
            assert dimension["computed_score"] == REPORT["dimensions"][name]["score"]
        for metric, original in zip(
            dimension["metrics"], REPORT["dimensions"][name]["metrics"], strict=True
        ):
            if metric.get("overridden"):
                assert metric["computed_points"] == original["points"]
    assert REPORT == score_record(parse_record(json.loads(RECORD.read_text()))).model_dump(
        mode="json"
    )


@given(st.sampled_from([k for k in KEYS if "." not in k]), st.floats(0, 100))
def test_raising_a_dimension_never_lowers_the_overall(dimension, value):
    low = apply_overrides(REPORT, {dimension: 0})
    high = apply_overrides(REPORT, {dimension: value})
    assert high["overall"] >= low["overall"]


def test_posts_are_counted_while_they_stream():
    from app.scoring.timeline import bucket_posts

    def stream():
        for at_ms, sentiment in [(0, "negative"), (59_999, "neutral"), (60_000, "negative")]:
            yield SimpleNamespace(at_ms=at_ms, sentiment=sentiment)
        yield SimpleNamespace(at_ms=10 * 60_000, sentiment="positive")  # past the end: last minute

    assert bucket_posts(stream(), 3) == {"volume": [2, 1, 1], "negative": [1, 1, 0]}


@given(
    st.lists(st.tuples(st.integers(0, 50), st.integers(0, 10**6)), max_size=40),
    st.integers(1, 8),
    st.sets(st.integers(0, 39), max_size=5),
)
def test_notable_posts_keep_the_most_engaged_and_every_answered_one(posts, keep, answered):
    from app.scoring.timeline import NotablePosts

    author = SimpleNamespace(name="A", handle="a")
    stream = [
        SimpleNamespace(
            id=f"p{i}",
            at_ms=at,
            at_s=at / 1000,
            author=author,
            text="t",
            likes_max=e,
            reposts_max=0,
        )
        for i, (e, at) in enumerate(posts)
    ]
    ids = {f"p{i}" for i in answered}
    notable = NotablePosts(ids, keep=keep)
    assert list(notable.watch(stream)) == stream  # the stream passes through untouched
    kept = {row["id"] for row in notable.rows()}
    assert {p.id for p in stream if p.id in ids} <= kept
    ranked = sorted(stream, key=lambda p: (p.likes_max, -p.at_ms, p.id), reverse=True)
    assert {p.id for p in ranked[:keep]} <= kept
    times = [row["at_s"] for row in notable.rows()]
    assert times == sorted(times)
