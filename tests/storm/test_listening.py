"""Listening: reactions quote the team's words, chosen by what they say, in both languages."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.scenarios.loader import ScenarioError, validate_data
from app.storm import Action, Storm
from app.storm.audience import Timeline
from app.storm.listener import FOLLOW_UP_DEADLINE_S
from app.storm.listening import reaction_texts
from app.storm.report import QUOTED, TEXTS, quotes
from app.storm.text import clock_text
from tests.storm.sample import sample_data, sample_scenario
from tests.storm.test_realism import scenario_with

BRAND = "Laiterie Morvan"
APOLOGY = {
    "en": "We are deeply sorry. Three lots of strawberry yoghurt contain listeria: do not eat "
    "them, bring them back for a refund.",
    "fr": "Nous sommes sincèrement désolés. Trois lots de yaourt à la fraise contiennent la "
    "listeria : ne les consommez pas, rapportez-les pour être remboursés.",
}
BLAME = {
    "en": "The fault lies entirely with our supplier. Three lots of strawberry yoghurt contain "
    "listeria.",
    "fr": "La faute incombe entièrement à notre fournisseur. Trois lots de yaourt à la fraise "
    "contiennent la listeria.",
}
NEUTRAL = {
    "en": "Three lots of strawberry yoghurt contain listeria. Do not eat them, bring them back.",
    "fr": "Trois lots de yaourt à la fraise contiennent la listeria. Ne les consommez pas, "
    "rapportez-les.",
}
DENIAL = {
    "en": "It is false that children are in hospital: no illness has been reported.",
    "fr": "C'est faux : aucun enfant n'est hospitalisé, aucun malade n'a été signalé.",
}
PROMISE = {
    "en": "Three lots of strawberry yoghurt contain listeria. Next update in 10 minutes.",
    "fr": "Trois lots de yaourt à la fraise contiennent la listeria. Prochain point dans 10 "
    "minutes.",
}
LANGUAGES = ("en", "fr")
SCENARIO = sample_scenario()
STORMS = {language: Storm(SCENARIO, 7, BRAND, language, volume_scale=3) for language in LANGUAGES}


def reactions_of(storm: Storm, actions: Action | list[Action], kind: str, posts) -> list:
    """The posts that open with a reading of one kind's reaction grammars to the last of
    `actions` (in the storm, the author's own reading of a reaction template follows it)."""
    timeline = Timeline(actions if isinstance(actions, list) else [actions])
    reading, said = storm.listener.said(timeline, len(timeline.actions) - 1)
    texts = reaction_texts(reading, said, storm.brand)
    starts = tuple(t for (_t, _v, each), found in texts.items() if each == kind for t in found)
    return [p for p in posts if starts and p.text.startswith(starts)]


def reacting(storm: Storm, action: Action, until_s: float = 1800) -> list:
    return [p for p in storm.posts([action], action.at_s, until_s) if p.reacts_to == action.ref]


def test_an_apology_gets_reactions_that_quote_it_in_both_languages():
    for language in LANGUAGES:
        action = Action(600, "statement", APOLOGY[language])
        posts = reacting(STORMS[language], action)
        quoting = [p for p in posts if quotes(p, action.text)]
        assert len(quoting) >= 0.3 * len(posts) > 0, language
        apology = "désolés" if language == "fr" else "sorry"
        assert any(apology in p.text for p in quoting), language
        assert reactions_of(STORMS[language], action, "apology", quoting), language


def test_blaming_the_supplier_gets_blame_reactions_and_blaming_nobody_none():
    for language in LANGUAGES:
        storm = STORMS[language]
        blamed = Action(600, "statement", BLAME[language])
        plain = Action(600, "statement", NEUTRAL[language])
        blame, neutral = reacting(storm, blamed), reacting(storm, plain)
        assert reactions_of(storm, blamed, "third_party", blame), language
        assert not reactions_of(storm, plain, "third_party", neutral), language
        assert not any("fault" in p.text or "faute" in p.text for p in neutral), language
        assert neutral and blame


def test_a_denial_of_a_rumour_gets_denial_reactions_and_slows_the_rumour():
    for language in LANGUAGES:
        storm = STORMS[language]
        action = Action(600, "correct_rumour", DENIAL[language], rumour="hospital")
        assert reactions_of(storm, action, "denial", reacting(storm, action)), language
        window = (1200, 1800)
        corrected = [p for p in storm.posts([action], *window) if p.rumour == "hospital"]
        spreading = [p for p in storm.posts([], *window) if p.rumour == "hospital"]
        assert len(corrected) < 0.7 * len(spreading), language


def test_a_missed_update_is_called_out_with_its_time_and_a_kept_one_is_not():
    for language in LANGUAGES:
        storm = STORMS[language]
        promise = Action(600, "statement", PROMISE[language])
        hour, minute = (int(p) for p in SCENARIO.start_time.split(":"))
        time = clock_text(language, hour * 60 + minute + 20)  # promised at 10 min, for 20
        missed = storm.posts([promise], 600, 2400)
        called = [p for p in missed if time in p.text and p.reacts_to == promise.ref]
        assert called and min(p.at_s for p in called) >= 1200 + 300, language
        kept = [promise, Action(1100, "statement", NEUTRAL[language])]
        answered = storm.posts(kept, 600, 2400)
        assert not [p for p in answered if time in p.text and p.reacts_to == promise.ref]


def test_a_journalist_follows_up_on_a_statement_with_a_deadline():
    for language in LANGUAGES:
        action = Action(600, "statement", BLAME[language])
        (follow_up,) = STORMS[language].follow_ups([action, Action(700, "flag_rumour")])
        assert follow_up.at_s > action.at_s
        assert follow_up.deadline_s == follow_up.at_s + FOLLOW_UP_DEADLINE_S
        assert follow_up.reacts_to == action.ref and follow_up.actor
        inner = QUOTED.search(follow_up.text)
        assert inner and inner.group(1) in action.text, language
        assert STORMS[language].follow_ups([action]) == [follow_up]


def test_a_contradiction_of_an_earlier_statement_is_noticed():
    first = Action(600, "statement", "Yes, children are in hospital.")
    second = Action(900, "statement", DENIAL["en"])
    posts = [p for p in STORMS["en"].posts([first, second], 900, 1800) if p.reacts_to]
    found = reactions_of(STORMS["en"], [first, second], "contradiction", posts)
    assert found and all(p.reacts_to == second.ref for p in found)
    alone = reacting(STORMS["en"], second)
    assert not [p for p in alone if p.text.startswith(("Earlier", "This morning", "First"))]
    assert not reactions_of(STORMS["en"], second, "contradiction", alone)


FRAGMENTS = {
    "en": [
        "We are deeply sorry.",
        "The fault lies with our supplier.",
        "Children are not in hospital.",
        "No comment.",
        "Next update in 15 minutes.",
        "Three lots of strawberry yoghurt contain listeria.",
        "Do not eat them.",
        "We take full responsibility.",
    ],
    "fr": [
        "Nous sommes sincèrement désolés.",
        "La faute incombe à notre fournisseur.",
        "Aucun enfant n'est hospitalisé.",
        "Pas de commentaire.",
        "Prochain point dans 15 minutes.",
        "Trois lots de yaourt à la fraise contiennent la listeria.",
        "Ne les consommez pas.",
        "Nous assumons l'entière responsabilité.",
    ],
}
statements = st.sampled_from(LANGUAGES).flatmap(
    lambda language: st.tuples(
        st.just(language),
        st.lists(st.sampled_from(FRAGMENTS[language]), min_size=1, max_size=4).map(" ".join),
        st.integers(120, 1500),
    )
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(statements)
def test_reactions_come_after_their_statement_and_quote_only_its_words(case):
    language, text, at_s = case
    storm = STORMS[language]
    action = Action(at_s, "statement", text)
    posts = storm.posts([action], 0, at_s + 900)
    assert posts == storm.posts([action], 0, at_s + 900)  # deterministic
    for post in posts:
        if post.reacts_to == action.ref:
            assert post.at_ms > at_s * 1000
            for quote in QUOTED.finditer(post.text):
                assert quote.group(1) in text
    assert all(p.at_ms > at_s * 1000 for p in posts if QUOTED.search(p.text) and p.reacts_to)
    again = Storm(SCENARIO, 7, BRAND, language, volume_scale=3)
    assert again.posts([action], at_s, at_s + 600) == storm.posts([action], at_s, at_s + 600)
    assert again.follow_ups([action]) == storm.follow_ups([action])


NON_APOLOGY = {
    "en": "We are sorry if anyone felt upset. Three lots of strawberry yoghurt contain listeria.",
    "fr": "Nous nous excusons si la gêne a pu paraître excessive à certains. Trois lots de yaourt "
    "à la fraise contiennent la listeria.",
}


def test_a_non_apology_is_read_as_one_and_never_thanked_as_an_apology():
    for language in LANGUAGES:
        action = Action(600, "statement", NON_APOLOGY[language])
        posts = reacting(STORMS[language], action)
        assert reactions_of(STORMS[language], action, "conditional", posts), language
        _reading, said = STORMS[language].listener.said(Timeline([action]), 0)
        assert "apology" not in dict(said.kinds), language
        thanks = ("Credit where it's due", "a proper apology", "Il faut le reconnaître")
        assert not [p for p in posts if any(t in p.text for t in thanks)], language


def test_a_reaction_that_presumes_blame_follows_only_a_statement_that_blames():
    template = {
        "persona": "angry_customer",
        "sentiment": "negative",
        "context": "reply_bad",
        "answers": ["third_party"],
        "text": "so it's [the supplier's|someone else's] fault now? zebra",
    }
    storm = Storm(scenario_with([template]), 7, BRAND, "en", volume_scale=3)
    blamed = reacting(storm, Action(600, "statement", BLAME["en"]))
    plain = reacting(storm, Action(600, "statement", NEUTRAL["en"]))
    assert [p for p in blamed if "zebra" in p.text]
    assert plain and not [p for p in plain if "zebra" in p.text]


def test_only_a_reaction_may_say_what_it_answers():
    data = sample_data()
    data["templates"]["en"][0]["answers"] = ["refusal"]
    with pytest.raises(ScenarioError, match="answers"):
        validate_data(data, label="sample", stem=data["id"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_statement_with_nothing_good_in_it_is_never_praised(language):
    """A defensive statement gets no reaction from the good-answer pool ("finally a clear
    statement"), while an apology gets some: praise follows only what deserves it."""
    storm = STORMS[language]
    defensive = Action(600, "statement", TEXTS["defensive"][language])
    effect = storm.model.effect(defensive)
    assert effect.good == 0 < effect.bad
    answered = reacting(storm, defensive)
    assert answered and not [p for p in answered if p.sentiment == "positive"]
    apologised = reacting(storm, Action(600, "statement", APOLOGY[language]))
    assert [p for p in apologised if p.sentiment == "positive"]
