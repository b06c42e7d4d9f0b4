"""Reactions that quote the team do not share a frame across accounts (issue 13): the quote
frames are grammars read per voice, so accounts reacting in one minute seldom open alike."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.scenarios import library
from app.storm import Storm
from app.storm.report import (
    ECHOED_MAX,
    TOP5_OPENINGS_MAX,
    echoes,
    opening,
    quotes,
    responses,
)
from app.storm.text import static_text
from tests.storm.sample import sample_scenario

LANGUAGES = ("en", "fr")


def reactions(scenario, seed: int, language: str, until_s: int = 5400) -> tuple[list, list]:
    """The reactions to the report's good and late defensive responses, and those quoting."""
    storm = Storm(scenario, seed, None, language)
    runs = responses(scenario, language, lambda text: static_text(text, storm.content.values))
    said = {a.ref: a.text for name in ("good", "late_defensive") for a in runs[name]}
    posts = [
        p
        for name in ("good", "late_defensive")
        for p in storm.posts(runs[name], 0, until_s)
        if p.reacts_to
    ]
    return posts, [p for p in posts if quotes(p, said[p.reacts_to])]


def test_an_opening_sets_aside_quotes_mentions_and_tags():
    assert opening("“We are deeply sorry”, says Morvan. That's what we needed.") == (
        "says morvan that's what"
    )
    assert opening("@morvan « Nous sommes désolés », dit Morvan #Rappel. Enfin.") == (
        "dit morvan enfin"
    )


@given(st.lists(st.sampled_from(["so", "wow", "Morvan", "says", "ok"]), max_size=8))
def test_an_opening_is_at_most_four_words_and_ignores_what_is_quoted(words):
    text = " ".join(words)
    assert len(opening(text).split()) <= 4
    assert opening(f"“{text}” {text}") == opening(text)


def test_echoes_count_twins_of_other_accounts_in_the_same_minute_only(storm_en):
    posts = [p for p in storm_en.posts([], 0, 900) if p.kind != "inject"][:300]
    figures = echoes(posts)
    assert 0 <= figures["echoed"] <= 1 and 0 < figures["top5_openings"] <= 1
    one = posts[0]
    assert echoes([one, one])["echoed"] == 0  # the same account does not echo itself


@pytest.mark.parametrize("reference", ["product-recall", "executive-misconduct", "strike"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_quoting_reactions_seldom_share_a_frame_within_a_minute(reference, language):
    scenario = library.load_scenario(reference)
    for seed in (1, 5):
        posts, quoting = reactions(scenario, seed, language)
        assert len(quoting) >= 0.3 * len(posts) > 50
        assert echoes(quoting)["echoed"] <= ECHOED_MAX, (seed, reference, language)
        assert echoes(posts)["top5_openings"] <= TOP5_OPENINGS_MAX, (seed, reference, language)


@settings(max_examples=6, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**31 - 1), language=st.sampled_from(LANGUAGES))
def test_no_frame_is_copied_across_the_accounts_of_a_busy_minute(seed, language):
    posts, quoting = reactions(sample_scenario(), seed, language, until_s=3600)
    by_minute: dict[tuple[int, str], set[str]] = {}
    for post in quoting:
        by_minute.setdefault((int(post.at_s // 60), opening(post.text)), set()).add(
            post.author.handle
        )
    # Main's fixed frames had one opening taken by five or more accounts in a minute.
    assert max(map(len, by_minute.values()), default=0) <= 4
    assert echoes(quoting)["echoed"] <= ECHOED_MAX
