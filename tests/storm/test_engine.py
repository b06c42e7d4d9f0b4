"""What the posts look like: authors, threads, injects, text, engagement, volume curves."""

import math
import random
import statistics
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.scenarios import library
from app.scenarios.models import Shape
from app.storm import Action, Storm, avatar_svg, engagement_at
from app.storm.engine import THREAD_WINDOW, _suffixes, poisson
from app.storm.volume import shape_value


@pytest.fixture(scope="module")
def hour_en(storm_en):
    return storm_en.posts([], 0, 3600)


@pytest.fixture(scope="module")
def hour_fr(storm_fr):
    return storm_fr.posts([], 0, 3600)


def test_posts_are_in_time_order_with_unique_ids(hour_en):
    assert [p.at_ms for p in hour_en] == sorted(p.at_ms for p in hour_en)
    assert len({p.id for p in hour_en}) == len(hour_en)
    assert all(p.id.startswith(("p-", "i-")) for p in hour_en)


def test_the_brand_name_replaces_the_scenarios(scenario):
    posts = Storm(scenario, 3, "Fromagerie Dupuis", "fr").posts([], 0, 1800)
    joined = " ".join(p.text for p in posts)
    assert "Fromagerie Dupuis" in joined and "Laiterie Morvan" not in joined
    assert "@FromagerieDupu" in joined
    assert "{" not in joined


@pytest.mark.parametrize("language", ["en", "fr"])
def test_hashtags_carry_the_drills_brand_as_a_tag(language):
    scenario = library.load_scenario("strike")  # hashtags #{brand_tag}Strike, #{brand_tag}…
    posts = Storm(scenario, 3, "Maison Dupré", language, volume_scale=5).posts([], 0, 1800)
    tags = {word for p in posts for word in p.text.split() if word.startswith("#")}
    assert {
        "#MaisonDupre",
        f"#{'MaisonDupreStrike' if language == 'en' else 'GreveMaisonDupre'}",
    } <= tags
    assert not any("Cirrane" in tag or "{" in tag for tag in tags)


def test_slots_are_filled_in_the_drills_language(hour_fr, hour_en):
    assert any("yaourt à la fraise" in p.text for p in hour_fr)
    assert any("#RappelMorvan" in p.text for p in hour_fr)
    assert all(p.language == "fr" for p in hour_fr)
    assert any("strawberry yoghurt" in p.text for p in hour_en)


def test_authors_recur(hour_en):
    counts: dict[str, int] = {}
    for post in hour_en:
        counts[post.author.handle] = counts.get(post.author.handle, 0) + 1
    assert max(counts.values()) >= 5
    assert len(counts) > 50


def test_follower_counts_are_heavy_tailed_by_persona(storm_en):
    pools = storm_en.content.authors
    customers = [m.author.followers for m in pools["angry_customer"]]
    journalists = [m.author.followers for m in pools["journalist"]]
    bots = [m.author.followers for m in pools["bot"]]
    assert statistics.median(journalists) > 10 * statistics.median(customers)
    assert statistics.median(bots) < statistics.median(customers)
    assert max(customers) > 10 * statistics.median(customers)
    assert all(m.author.verified for m in pools["regulator"])
    assert not any(m.author.verified for m in pools["bot"])


def test_french_authors_have_french_names(storm_fr, storm_en):
    french = {m.author.name.split()[0] for m in storm_fr.content.authors["worried_customer"]}
    english = {m.author.name.split()[0] for m in storm_en.content.authors["worried_customer"]}
    assert len(french & english) < len(french) / 2


def test_replies_and_quotes_point_to_earlier_posts(hour_en):
    by_id = {p.id: p for p in hour_en}
    replies = [p for p in hour_en if p.reply_to]
    quotes = [p for p in hour_en if p.quote_of]
    assert replies and quotes
    for post in replies:
        target = by_id[post.reply_to]
        assert target.at_ms < post.at_ms
        assert post.text.startswith(target.author.handle)
    assert all(by_id[p.quote_of].at_ms < p.at_ms for p in quotes)


def test_feed_injects_appear_at_their_time_and_actors_follow_up(hour_en):
    injects = {p.inject: p for p in hour_en if p.kind == "inject"}
    assert set(injects) == {"first-post", "article"}
    assert injects["first-post"].at_ms == 20_000
    assert injects["article"].rumour == "hospital"
    assert injects["article"].author.handle == "@OuestMatin"
    follow_ups = [p for p in hour_en if p.author.handle == "@julie_m" and p.kind != "inject"]
    assert follow_ups and all(p.at_ms > 20_000 for p in follow_ups)


def test_volume_follows_the_curve(storm_en):
    def per_minute(start: int) -> int:
        return len(storm_en.posts([], start, start + 300)) // 5

    assert per_minute(0) < per_minute(1800)
    assert per_minute(3300) < per_minute(2000)


def test_volume_scale_multiplies_the_volume(scenario):
    plain = len(Storm(scenario, 5, None, "en").posts([], 0, 1800))
    scaled = len(Storm(scenario, 5, None, "en", volume_scale=10).posts([], 0, 1800))
    assert 7 * plain < scaled < 13 * plain


@pytest.mark.parametrize("shape", list(Shape))
def test_every_shape_joins_its_start_and_end(shape):
    assert shape_value(shape, 10, 40, 0) == pytest.approx(10)
    assert shape_value(shape, 10, 40, 1) == pytest.approx(40)
    values = [shape_value(shape, 10, 40, x / 10) for x in range(11)]
    assert values == sorted(values)


def test_engagement_grows_and_saturates(hour_en):
    post = max(hour_en, key=lambda p: p.likes_max)
    start = post.at_s
    series = [engagement_at(post, start + minutes * 60) for minutes in (0, 1, 5, 30, 600)]
    assert series[0] == (0, 0)
    assert [likes for likes, _ in series] == sorted(likes for likes, _ in series)
    assert series[-1] == (post.likes_max, post.reposts_max)
    assert engagement_at(post, start - 10) == (0, 0)


def test_influencers_reach_further_than_bots(hour_en):
    def median_likes(persona: str) -> float:
        return statistics.median(p.likes_max for p in hour_en if p.author.persona == persona)

    assert median_likes("influencer") > 10 * median_likes("bot")


@given(handle=st.from_regex(r"@\w{1,15}", fullmatch=True))
def test_avatars_are_deterministic_svg(handle):
    svg = avatar_svg(handle)
    assert svg == avatar_svg(handle)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")


def test_different_handles_get_different_avatars():
    assert avatar_svg("@alice") != avatar_svg("@bob")


def test_an_empty_or_inverted_window_has_no_posts(storm_en):
    assert storm_en.posts([], 100, 100) == []
    assert storm_en.posts([], 200, 100) == []


def test_actions_from_records_are_read_and_checked():
    from app.storm import action_from_record

    action = action_from_record({"at_s": 12, "kind": "reply", "text": "hi", "in_reply_to": "p-1"})
    assert action == Action(at_s=12.0, kind="reply", text="hi", in_reply_to="p-1")
    assert action.ref.startswith("a-12000-")
    with pytest.raises(ValueError, match="kind"):
        action_from_record({"at_s": 1, "kind": "shout"})
    with pytest.raises(ValueError, match="at_s"):
        action_from_record({"kind": "note"})


def test_id_suffixes_grow_past_the_first_table():
    """A slot with more posts than the shared suffix table still numbers them 0, 1, 2…"""
    table = _suffixes(3000)
    assert len(table) >= 3000
    assert table[:3000] == [str(i) for i in range(3000)]
    assert _suffixes(5) is table


@settings(max_examples=40, deadline=None)
@given(lam=st.floats(min_value=0.05, max_value=600), seed=st.integers(0, 2**32))
def test_post_counts_are_poisson_on_both_sides_of_the_sampler_switch(lam, seed):
    """Inversion below 10, transformed rejection above: both give the mean and the variance."""
    rng = random.Random(seed)
    draws = [poisson(rng, lam) for _ in range(4000)]
    mean, variance = statistics.fmean(draws), statistics.pvariance(draws)
    assert all(isinstance(k, int) and k >= 0 for k in draws)
    assert abs(mean - lam) < 5 * math.sqrt(lam / len(draws)) + 0.01
    assert abs(variance - lam) < 0.15 * lam + 0.05


def test_a_zero_or_negative_rate_draws_no_post():
    rng = random.Random(1)
    assert {poisson(rng, lam) for lam in (0, -3.5)} == {0}


def test_threads_mostly_reach_the_last_seconds(hour_en):
    at_ms = {p.id: p.at_ms for p in hour_en}
    ambient = [p for p in hour_en if p.id.startswith("p-") and (p.reply_to or p.quote_of)]
    back_s = [(p.at_ms // 1000) - at_ms[p.reply_to or p.quote_of] // 1000 for p in ambient]
    assert all(1 <= s <= THREAD_WINDOW for s in back_s)
    # Most reach a few seconds back; HOT_SHARE of them go to the window's most liked post.
    assert statistics.median(back_s) <= 15 < max(back_s)


def test_threads_come_in_the_persona_share(scenario):
    """Where every slot has posts to answer, a persona replies or quotes at its own rate:
    journalists and influencers 45% of the time, bots and customers 25%."""
    posts = Storm(scenario, 3, None, "en", volume_scale=20).posts([], 300, 3000)

    def threaded(persona: str) -> float:
        own = [p for p in posts if p.kind == "storm" and p.author.persona == persona]
        assert len(own) >= 300
        return sum(1 for p in own if p.reply_to or p.quote_of) / len(own)

    assert 0.33 < threaded("journalist") < 0.57
    assert 0.15 < threaded("bot") < 0.35
    assert 0.2 < threaded("angry_customer") < 0.3


def test_an_inject_fired_early_appears_when_fired_and_not_again(storm_en, hour_en):
    moved = storm_en.posts([], 0, 3600, fired={"article": 700.25})
    article = [p for p in moved if p.inject == "article"]
    assert [p.at_ms for p in article] == [700_250]
    assert [p.at_ms for p in moved] == sorted(p.at_ms for p in moved)
    assert [p for p in moved if p.at_ms < 700_250] == [p for p in hour_en if p.at_ms < 700_250]
    scheduled = next(p for p in hour_en if p.inject == "article")
    assert (article[0].text, article[0].author) == (scheduled.text, scheduled.author)


def test_firing_is_ignored_for_injects_already_past_or_not_in_the_feed(storm_en, hour_en):
    late = {"first-post": 40.0, "press-call": 30.0, "unknown": 5.0}
    assert storm_en.posts([], 0, 3600, fired=late) == hour_en


def test_the_actor_of_an_inject_fired_early_follows_up_from_then_on(scenario):
    storm = Storm(scenario, 7, "Laiterie Morvan", "en", volume_scale=20)
    handle = next(p for p in storm.posts([], 1490, 1510) if p.inject == "article").author.handle

    def follow_ups(fired):
        posts = storm.posts([], 600, 1500, fired)
        return [p.at_ms for p in posts if p.author.handle == handle and p.kind != "inject"]

    assert follow_ups(None) == []
    early = follow_ups({"article": 700})
    assert early and min(early) > 700_000
