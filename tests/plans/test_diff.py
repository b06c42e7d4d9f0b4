"""The side-by-side diff of two plan documents."""

from hypothesis import given
from hypothesis import strategies as st

from app.plans.diff import compare, default_pair, item_names

BASE = {
    "title": "Recall",
    "languages": ["en"],
    "roles": [{"key": "lead", "name": "Lead"}, {"key": "cm", "name": "Community manager"}],
    "kpis": [{"metric": "final_sentiment", "target": 0.0, "weight": 1.0}],
}


def test_identical_documents_have_no_differences():
    assert compare(BASE, BASE) == []


def test_changed_added_and_removed_items_are_listed_field_by_field():
    after = {
        **BASE,
        "title": "Product recall",
        "roles": [{"key": "lead", "name": "Crisis lead"}, {"key": "legal", "name": "Legal"}],
        "kpis": [{"metric": "final_sentiment", "target": 0.2, "weight": 1.0}],
    }
    rows = {(r.section, r.item, r.field, r.change): (r.left, r.right) for r in compare(BASE, after)}
    assert rows == {
        ("plan", "", "title", "changed"): ("Recall", "Product recall"),
        ("roles", "lead", "name", "changed"): ("Lead", "Crisis lead"),
        ("roles", "cm", "key", "removed"): ("cm", None),
        ("roles", "cm", "name", "removed"): ("Community manager", None),
        ("roles", "legal", "key", "added"): (None, "legal"),
        ("roles", "legal", "name", "added"): (None, "Legal"),
        ("kpis", "final_sentiment", "target", "changed"): (0.0, 0.2),
    }


@given(
    st.dictionaries(
        st.sampled_from(["title", "description", "drill_every_days"]),
        st.text(max_size=5) | st.integers(),
    )
)
def test_the_diff_is_symmetric(changes):
    other = {**BASE, **changes}
    forward = [(r.section, r.item, r.field, r.left, r.right) for r in compare(BASE, other)]
    backward = [(r.section, r.item, r.field, r.right, r.left) for r in compare(other, BASE)]
    assert forward == backward


def test_the_default_pair_is_the_newest_two_that_differ():
    v1, v2 = {**BASE, "title": "Recall v1"}, BASE
    assert default_pair([("current", BASE), ("2", v2), ("1", v1)]) == ("1", "2")
    assert default_pair([("current", {**BASE, "title": "Draft"}), ("2", v2), ("1", v1)]) == (
        "2",
        "current",
    )
    assert default_pair([("current", BASE), ("1", BASE)]) is None
    assert default_pair([("current", BASE)]) is None


@given(st.lists(st.sampled_from(["A", "B", "C"]), min_size=1, max_size=6))
def test_the_default_pair_differs_and_nothing_newer_does(titles):
    documents = [(str(i), {**BASE, "title": t}) for i, t in enumerate(titles)]
    pair = default_pair(documents)
    changes = [i for i in range(len(titles) - 1) if titles[i] != titles[i + 1]]
    if not changes:
        assert pair is None
    else:
        newest = changes[0]
        assert pair == (str(newest + 1), str(newest))


def test_items_are_named_as_people_call_them():
    left = {"checklist": [{"key": "open-cell", "title": "Open the crisis cell"}]}
    right = {"kpis": [{"metric": "time_to_first_response_s", "target": 900}]}
    names = item_names(left, right)
    assert names[("checklist", "open-cell")] == "Open the crisis cell"
    assert names[("kpis", "time_to_first_response_s")].startswith("Time to first public response")
