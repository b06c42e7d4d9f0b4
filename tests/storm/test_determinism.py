"""Determinism: same inputs give the same bytes, windows compose, actions change only the future."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.storm import Action, Storm, content, post_json
from tests.storm.sample import sample_scenario

SCENARIO = sample_scenario()
SHARED = Storm(SCENARIO, 11, "Laiterie Morvan", "en")
TWIN = Storm(SCENARIO, 11, "Laiterie Morvan", "en")
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
STATEMENTS = [
    "We are deeply sorry. Here is what we know: three lots are affected. Next update at 3pm.",
    "No comment.",
    "This is not our fault, our supplier is responsible.",
    "Contrary to rumours, no children are in hospital: this is false.",
]
times = st.integers(min_value=0, max_value=3_600_000).map(lambda ms: ms / 1000)
actions = st.lists(
    st.builds(
        Action,
        at_s=times,
        kind=st.sampled_from(["statement", "reply", "correct_rumour", "note"]),
        text=st.sampled_from(STATEMENTS),
        rumour=st.sampled_from([None, "hospital", "factory"]),
    ),
    max_size=4,
)


def dump(posts: list) -> str:
    return "\n".join(post_json(p) for p in posts)


@FAST
@given(acts=actions, start=times, length=st.integers(min_value=1, max_value=900))
def test_same_inputs_give_byte_identical_posts(acts, start, length):
    assert dump(SHARED.posts(acts, start, start + length)) == dump(
        TWIN.posts(acts, start, start + length)
    )


def test_a_fresh_storm_gives_the_same_bytes():
    acts = [Action(at_s=700, kind="statement", text=STATEMENTS[0])]
    fresh = Storm(SCENARIO, 11, "Laiterie Morvan", "en")
    assert dump(fresh.posts(acts, 0, 3600)) == dump(SHARED.posts(acts, 0, 3600))


@FAST
@given(acts=actions, points=st.lists(times, min_size=3, max_size=3, unique=True))
def test_windows_compose(acts, points):
    a, b, c = sorted(points)
    whole = SHARED.posts(acts, a, c)
    assert dump(whole) == dump(TWIN.posts(acts, a, b) + TWIN.posts(acts, b, c))


@FAST
@given(acts=actions, action_time=times, text=st.sampled_from(STATEMENTS))
def test_an_action_at_t_changes_nothing_before_t(acts, action_time, text):
    added = [*acts, Action(at_s=action_time, kind="statement", text=text)]
    start = max(0.0, action_time - 600)
    assert dump(SHARED.posts(acts, start, action_time)) == dump(
        TWIN.posts(added, start, action_time)
    )
    before = list(range(0, int(action_time), 60))
    assert [SHARED.audience(acts, t) for t in before[-3:]] == [
        TWIN.audience(added, t) for t in before[-3:]
    ]


def test_a_different_seed_gives_a_different_storm():
    other = Storm(SCENARIO, 12, "Laiterie Morvan", "en")
    assert dump(other.posts([], 0, 900)) != dump(SHARED.posts([], 0, 900))


def test_a_late_action_recomputes_from_a_snapshot_with_the_same_result():
    acts = [Action(at_s=3000, kind="statement", text=STATEMENTS[0])]
    SHARED.posts([], 0, 3600)
    late = SHARED.posts(acts, 3000, 3060)
    assert dump(late) == dump(Storm(SCENARIO, 11, "Laiterie Morvan", "en").posts(acts, 3000, 3060))


@FAST
@given(
    acts=actions,
    points=st.lists(times, min_size=3, max_size=3, unique=True),
    fired_at=st.integers(min_value=0, max_value=1_499_000).map(lambda ms: ms / 1000),
)
def test_windows_compose_with_an_inject_fired_early(acts, points, fired_at):
    a, b, c = sorted(points)
    fired = {"article": fired_at}
    whole = SHARED.posts(acts, a, c, fired)
    assert dump(whole) == dump(SHARED.posts(acts, a, b, fired) + SHARED.posts(acts, b, c, fired))
    before = [p for p in SHARED.posts(acts, 0, fired_at) if p.at_s < fired_at]
    assert dump(before) == dump(SHARED.posts(acts, 0, fired_at, fired))


@pytest.mark.parametrize("fired", [None, {"article": 1420.0}])
def test_windows_compose_in_a_dense_storm(fired):
    """At twenty times the volume every slot has posts to thread to, so a window's warm-up
    (slots regenerated with less history) must draw exactly what the first pass drew."""
    dense = Storm(SCENARIO, 7, "Laiterie Morvan", "en", volume_scale=20)
    whole = dense.posts([], 1400, 1480, fired)
    for cut in (1410, 1420, 1437.5, 1450):
        parts = dense.posts([], 1400, cut, fired) + dense.posts([], cut, 1480, fired)
        assert dump(parts) == dump(whole)


def test_an_action_changes_nothing_before_it_in_a_dense_storm():
    dense = Storm(SCENARIO, 7, "Laiterie Morvan", "en", volume_scale=20)
    act = Action(at_s=1433.25, kind="statement", text=STATEMENTS[0])
    before = [p for p in dense.posts([act], 1400, 1480) if p.at_s < act.at_s]
    assert dump(before) == dump(dense.posts([], 1400, act.at_s))
    assert dump(dense.posts([act], 1400, 1480)) != dump(dense.posts([], 1400, 1480))


@settings(max_examples=6, deadline=None)
@given(
    first=st.integers(0, 2**32),
    second=st.integers(0, 2**32),
    language=st.sampled_from(["en", "fr"]),
)
def test_a_storm_sharing_another_seeds_compiled_templates_is_the_one_built_alone(
    first, second, language
):
    content._TEMPLATES.clear()
    alone = dump(Storm(SCENARIO, second, "Laiterie Morvan", language).posts([], 0, 1800))
    content._TEMPLATES.clear()
    Storm(SCENARIO, first, "Laiterie Morvan", language)
    shared = Storm(SCENARIO, second, "Laiterie Morvan", language)
    assert len(content._TEMPLATES) == 1
    assert dump(shared.posts([], 0, 1800)) == alone


@FAST
@given(index=st.integers(0, 10_000), fraction=st.floats(0.0001, 0.9999))
def test_a_window_starting_just_after_a_post_leaves_it_out(index, fraction):
    everything = SHARED.posts([], 600, 660)
    post = everything[index % len(everything)]
    cut = post.at_s + fraction / 1000  # between two milliseconds
    before, after = SHARED.posts([], 600, cut), SHARED.posts([], cut, 660)
    assert post in before and post not in after
    assert dump(before + after) == dump(everything)
