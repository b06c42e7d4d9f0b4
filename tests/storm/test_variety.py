"""Variety: no account posts the same text twice, whatever the scenario, seed, language or the
team's actions (the engine guarantees it, docs/storm.md, Variety)."""

import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.scenarios.library import list_scenarios, load_scenario
from app.storm import Action, Storm
from tests.storm.sample import sample_scenario

SCENARIOS = {"sample": sample_scenario()} | {
    name: load_scenario(name) for name in ("tutorial", "strike", "industrial-accident")
}
LIBRARY = {summary.id: load_scenario(summary.id) for summary in list_scenarios()}
STATEMENTS = [
    "We are deeply sorry. Here is what we know so far. Next update at 3pm.",
    "No comment.",
    "Nous n'avons rien fait de mal, c'est la faute du fournisseur.",
]
actions = st.lists(
    st.builds(
        Action,
        at_s=st.integers(min_value=0, max_value=5400),
        kind=st.sampled_from(["statement", "reply"]),
        text=st.sampled_from(STATEMENTS),
    ),
    max_size=3,
)


def repeats(posts) -> list[tuple[str, str]]:
    """The (handle, text) pairs posted more than once."""
    pairs = Counter((p.author.handle, p.text) for p in posts if p.kind != "inject")
    return [pair for pair, count in pairs.items() if count > 1]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(SCENARIOS)),
    seed=st.integers(min_value=0, max_value=2**32),
    language=st.sampled_from(["en", "fr"]),
    acts=actions,
    scale=st.sampled_from([1.0, 3.0]),
)
def test_no_account_posts_the_same_text_twice(name, seed, language, acts, scale):
    scenario = SCENARIOS[name]
    storm = Storm(scenario, seed, None, language, volume_scale=scale)
    posts = storm.posts(acts, 0, scenario.duration + 1200)
    assert len(posts) > 20
    assert repeats(posts) == []


def test_a_crowded_half_minute_gives_its_posts_to_other_accounts():
    """Ten times the volume: the hyperactive accounts would read a template twice in one
    half-minute; the engine hands those posts to other accounts instead."""
    scenario = SCENARIOS["sample"]
    posts = Storm(scenario, 3, None, "en", volume_scale=10).posts([], 0, 1800)
    assert len(posts) > 3000
    assert repeats(posts) == []
    assert len({p.author.handle for p in posts}) > 300


def repeated_hashtags(text: str) -> list[str]:
    """The hashtags a post carries more than once."""
    tags = Counter(word.lower() for word in re.findall(r"#\w+", text))
    return [tag for tag, count in tags.items() if count > 1]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(LIBRARY)),
    seed=st.integers(min_value=0, max_value=2**32),
    language=st.sampled_from(["en", "fr"]),
)
def test_no_post_carries_the_same_hashtag_twice(name, seed, language):
    """Templates with two {hashtag} slots, a bot's stacked tags and a tag written in the
    template never give « #CheeseRecall #CheeseRecall »."""
    posts = Storm(LIBRARY[name], seed, None, language).posts([], 0, 2400)
    doubled = [p.text for p in posts if repeated_hashtags(p.text)]
    assert posts and doubled == []
