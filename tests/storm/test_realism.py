"""What makes a storm believable (issue 13): typed slots, a coherent cast, the audience model's
bounds and recoveries, cascades and heavy-tailed engagement. No database."""

import math
import re
import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.scenarios.models import Scenario
from app.storm import Action, Storm
from app.storm.audience import TRUST_HEADROOM
from app.storm.authors import names
from app.storm.cascade import Event, Excitation
from app.storm.places import faker_locale, towns
from app.storm.text import clock_text
from tests.storm.sample import sample_data

DEFENSIVE = "We did nothing wrong, this is an isolated incident and people overreact. No comment."
GOOD = (
    "We are deeply sorry and we understand your concern. Here is what we know: three lots. Do "
    "not consume them, return it for a refund. Next update at 3pm."
)


def scenario_with(templates: list[dict], **fields) -> Scenario:
    """The sample scenario with extra English and French storm templates and fields."""
    data = sample_data()
    data.update(fields)
    for language in ("en", "fr"):
        data["templates"][language] = templates + data["templates"][language]
    return Scenario.model_validate(data)


@pytest.fixture(scope="module")
def slotted() -> list:
    """An hour of a storm whose customers all write typed slots, starting at 07:00."""
    templates = [
        {
            "persona": persona,
            "sentiment": sentiment,
            "text": "since {time}, {elapsed} in: {count} calls, {share} down",
        }
        for persona in ("angry_customer", "worried_customer", "supporter")
        for sentiment in ("negative", "neutral", "positive")
    ]
    numbers = {"count": {"min": 3, "max": 12}, "share": {"min": 5, "max": 15, "unit": "percent"}}
    scenario = scenario_with(templates, start_time="07:00", numbers=numbers)
    posts = Storm(scenario, 4, None, "en").posts([], 0, 3600)
    return [p for p in posts if p.text.count("since ") == 1 and "calls," in p.text]


def test_times_come_from_the_drills_clock_a_few_minutes_back_at_most(slotted):
    assert len(slotted) > 100
    for post in slotted:
        written = re.search(r"since (\d+:\d\d [ap]m)", post.text).group(1)
        minute = 7 * 60 + int(post.at_s // 60)
        allowed = {clock_text("en", m) for m in range(minute - 20, minute + 1)}
        assert written in allowed, (written, post.at_s)


def test_elapsed_times_and_numbers_stay_in_the_drill_and_the_declared_ranges(slotted):
    for post in slotted:
        elapsed = re.search(r"(a few minutes|\d+ minutes|an hour) in", post.text).group(1)
        if elapsed.endswith("minutes") and elapsed[0].isdigit():
            assert int(elapsed.split()[0]) <= post.at_s / 60
        count = int(re.search(r"in: (\d+) calls", post.text).group(1))
        share = int(re.search(r"calls, (\d+)% down", post.text).group(1))
        assert 3 <= count <= 12 and 5 <= share <= 15


def test_a_template_for_women_is_written_by_women_and_french_agrees():
    templates = [
        {
            "persona": "worried_customer",
            "sentiment": sentiment,
            "text": "<enceint|enceinte> de 6 mois, je suis <inquiet|inquiète>",
            "gender": "female",
        }
        for sentiment in ("negative", "neutral", "positive")
    ] + [
        {"persona": "angry_customer", "sentiment": s, "text": "je suis <né|née> ici"}
        for s in ("negative", "neutral", "positive")
    ]
    storm = Storm(scenario_with(templates), 2, None, "fr")
    female, male, _last, _users = names(faker_locale("fr", "FR"))
    posts = storm.posts([], 0, 3600)
    pregnant = [p for p in posts if "enceinte de 6 mois" in p.text]
    angry = [p for p in posts if " ici" in p.text and p.author.persona == "angry_customer"]
    assert pregnant and angry
    assert all(p.author.name.split()[0] in female for p in pregnant)
    assert not any("inquiet " in p.text or p.text.endswith("inquiet") for p in pregnant)
    for post in angry:
        first = post.author.name.split()[0]
        if first in female and first in male:
            continue  # a name both genders carry (Camille) agrees either way
        assert re.search(r"\bnée\b" if first in female else r"\bné\b", post.text)


def test_towns_are_real_places_of_the_scenarios_country():
    templates = [
        {"persona": "angry_customer", "sentiment": s, "text": "here in {author_city}, no stock"}
        for s in ("negative", "neutral", "positive")
    ]
    scenario = scenario_with(templates, countries={"en": "US", "fr": "BE"})
    for language, country in (("en", "US"), ("fr", "BE")):
        posts = Storm(scenario, 3, None, language).posts([], 0, 1800)
        found = {
            re.search(r"here in (.+?), no stock", p.text, re.IGNORECASE).group(1)
            for p in posts
            if re.search(r"here in (.+?), no stock", p.text, re.IGNORECASE)
        }
        assert found and {t.casefold() for t in found} <= {t.casefold() for t in towns(country)}


def test_institutions_have_badges_and_post_a_few_times_an_hour(storm_en):
    regulators = storm_en.content.authors["regulator"]
    assert all(m.author.verified and m.feminine is None for m in regulators)
    posts = storm_en.posts([], 0, 3600)
    by_account: dict[str, int] = {}
    for post in posts:
        if post.author.persona in ("journalist", "regulator") and post.kind == "storm":
            by_account[post.author.handle] = by_account.get(post.author.handle, 0) + 1
    assert by_account and max(by_account.values()) <= 8


def test_a_rumour_starts_no_earlier_than_the_post_that_seeds_it():
    data = sample_data()
    data["injects"].append(
        {
            "id": "seed-post",
            "at": 1200,
            "channel": "social_post",
            "actor": {"name": "Rumour Mill", "persona": "influencer", "handle": "@rumourmill"},
            "content": {"en": "kids in hospital??", "fr": "des enfants à l'hôpital ??"},
            "rumour": "hospital",
        }
    )
    storm = Storm(Scenario.model_validate(data), 7, None, "en")
    rumour_posts = [p for p in storm.posts([], 0, 2400) if p.rumour == "hospital"]
    assert rumour_posts and min(p.at_s for p in rumour_posts) >= 1200
    assert storm.audience([], 1190).reach["hospital"] == 0


def test_a_late_defensive_statement_ends_worse_than_silence(storm_en):
    late = [Action(at_s=2700, kind="statement", text=DEFENSIVE)]
    for t_s in (3000, 3600):
        silent, defended = storm_en.audience([], t_s), storm_en.audience(late, t_s)
        assert defended.anger > silent.anger and defended.trust < silent.trust


def test_anger_and_trust_approach_their_bounds_without_reaching_them(storm_en):
    worst = [Action(at_s=600 * k, kind="statement", text=DEFENSIVE) for k in range(1, 12)]
    for audience in storm_en.audience_series(worst, 3 * 3600, 900):
        assert 0 < audience.trust and audience.anger < 1


def test_a_good_response_recovers_trust_gradually_and_partly(storm_en):
    start = storm_en.audience([], 0).trust
    good = [Action(at_s=300 + 1200 * k, kind="statement", text=GOOD) for k in range(4)]
    series = [a.trust for a in storm_en.audience_series(good, 3600, 60)]
    assert max(series) <= start + TRUST_HEADROOM + 0.1
    steps = [b - a for a, b in zip(series, series[1:], strict=False)]
    assert max(steps) < 0.1  # no jump to full trust


def test_a_correction_halves_a_rumour_within_ten_minutes_without_erasing_it(storm_en):
    correction = Action(
        at_s=900,
        kind="correct_rumour",
        rumour="hospital",
        text="False: no children in hospital, nobody is in hospital.",
    )
    at = storm_en.audience([], 1500).reach["hospital"]
    corrected = storm_en.audience([correction], 1500).reach["hospital"]
    later = storm_en.audience([correction], 900 + 3600).reach["hospital"]
    assert corrected < 0.5 * at
    assert later > 0


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0, 3600), st.floats(0.01, 3), st.floats(10, 1000)),
        max_size=20,
    ),
    st.floats(0, 7200),
)
def test_excitation_is_positive_decays_and_ignores_the_future(events, t_s):
    excitation = Excitation(Event(*e) for e in events)
    now = excitation.at(t_s)
    past_only = Excitation(Event(*e) for e in events if e[0] < t_s)
    assert now >= 0 and now == pytest.approx(past_only.at(t_s))
    assert excitation.at(t_s + 10_000) <= now + sum(a for at, a, _ in events if at >= t_s)


def test_an_inject_makes_a_burst_and_a_tail(storm_en):
    posts = storm_en.posts([], 0, 3600)
    article = next(p for p in posts if p.inject == "article").at_s
    before = sum(1 for p in posts if article - 180 <= p.at_s < article)
    after = sum(1 for p in posts if article <= p.at_s < article + 180)
    assert after > before


def test_engagement_is_heavy_tailed_and_bots_are_rarely_liked(storm_en):
    posts = [p for p in storm_en.posts([], 0, 3600) if p.kind != "inject"]
    likes = sorted((p.likes_max for p in posts), reverse=True)
    top = likes[: max(1, len(likes) // 100)]
    assert sum(1 for p in posts if p.reposts_max == 0) >= 0.5 * len(posts)
    assert sum(top) >= 0.4 * sum(likes)
    bots = [p.likes_max for p in posts if p.author.persona == "bot"]
    customers = [p.likes_max for p in posts if p.author.persona == "angry_customer"]
    assert statistics.mean(bots) < 0.2 * statistics.mean(customers)


def test_a_viral_post_gathers_many_replies(scenario):
    posts = Storm(scenario, 7, None, "en", volume_scale=5).posts([], 0, 3600)
    replies: dict[str, int] = {}
    for post in posts:
        if post.reply_to:
            replies[post.reply_to] = replies.get(post.reply_to, 0) + 1
    assert max(replies.values()) >= 10
    assert math.fsum(replies.values()) / len(replies) < 3


def test_a_reactions_time_is_the_time_of_the_action_it_answers():
    template = {
        "persona": "journalist",
        "sentiment": "neutral",
        "context": "reply_good",
        "text": "{brand} responded at {time}. Updating our story.",
    }
    scenario = scenario_with([template], start_time="10:00")
    action = Action(at_s=430, kind="statement", text="We are sorry. Next update at 11am.")
    posts = Storm(scenario, 3, None, "en", volume_scale=4).posts([action], 0, 2400)
    written = [re.search(r"responded at (\d+:\d\d [ap]m)", p.text) for p in posts]
    times = {m.group(1) for m in written if m}
    assert times == {"10:07 am"}
