"""Reactions to the team's first public word judge its timing as the audience model does: the
same good statement draws less praise the later past the deadline it comes (docs/storm.md,
Replies). Before, the praise share saturated at 90-95% whether it came at 5 or 60 minutes."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.scenarios.library import load_scenario
from app.storm import Action, Storm

GOOD = {
    "en": "We are deeply sorry. We take full responsibility. Here is what we know so far and "
    "what you should do now. Next update in 30 minutes.",
    "fr": "Nous sommes sincèrement désolés et nous assumons notre responsabilité. Voici ce que "
    "nous savons et ce que vous pouvez faire. Prochain point dans 30 minutes.",
}
WINDOW_S = 900
SEEDS = (1, 2, 3)


def praise_share(storm: Storm, actions: list[Action], at_s: float) -> tuple[float, int]:
    """The share of favourable reactions to the actions in the WINDOW_S after `at_s`, and how
    many reactions there were, over SEEDS."""
    good = total = 0
    for seed in SEEDS:
        seeded = Storm(storm.scenario, seed, None, storm.language)
        for post in seeded.posts(actions, at_s, at_s + WINDOW_S):
            if post.reacts_to == actions[-1].ref:
                total += 1
                good += post.kind == "reply_good"
    return good / max(1, total), total


@pytest.mark.parametrize("scenario_id", ["product-recall", "deepfake", "strike"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_first_statement_past_the_deadline_draws_less_praise(scenario_id, language):
    """Early: 3 minutes in. Late: two and a half deadlines in (the model's lateness is full at
    two). The expected drop is half the praise, minus the clamp at 0.95 (about 0.9 → 0.6): 0.15
    leaves room for 3 seeds' worth of noise on 50-800 reactions."""
    storm = Storm(load_scenario(scenario_id), 1, None, language)
    late_s = 2.5 * storm.model.deadline_s
    early, n_early = praise_share(storm, [Action(180, "statement", GOOD[language])], 180)
    late, n_late = praise_share(storm, [Action(late_s, "statement", GOOD[language])], late_s)
    assert n_early >= 20 and n_late >= 20
    assert late <= early - 0.15


def test_a_later_update_is_not_judged_late():
    """Only the first public word is late: an update an hour in, after an early first
    statement, draws the praise it would draw at any time."""
    storm = Storm(load_scenario("product-recall"), 1, None, "en")
    first = Action(180, "statement", GOOD["en"])
    at_s = 2.5 * storm.model.deadline_s
    update = Action(at_s, "statement", GOOD["en"].replace("30 minutes", "an hour"))
    alone, _ = praise_share(storm, [update], at_s)
    after_first, _ = praise_share(storm, [first, update], at_s)
    assert after_first >= alone + 0.15


@given(st.floats(min_value=0, max_value=20_000), st.floats(min_value=0, max_value=20_000))
def test_overdue_is_zero_by_the_deadline_and_grows_to_one(t1, t2):
    model = Storm(load_scenario("tutorial"), 1).model
    deadline = model.deadline_s
    assert 0.0 <= model.overdue(t1) <= 1.0
    assert (model.overdue(t1) == 0.0) == (t1 <= deadline)
    assert model.overdue(t1) == 1.0 or t1 < 2 * deadline
    if t1 <= t2:
        assert model.overdue(t1) <= model.overdue(t2)
