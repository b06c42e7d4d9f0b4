"""The bilingual cue-word classifier."""

import pytest

from app.storm.cues import analyse, contradicts, normalise, score, terms_addressed

CASES = [
    ("en", "We are so sorry, we understand your anger.", "empathy"),
    ("fr", "Nous sommes désolés et comprenons votre colère.", "empathy"),
    ("en", "This is our responsibility and we failed.", "accountability"),
    ("fr", "C'est notre responsabilité, nous assumons.", "accountability"),
    ("en", "Here is what we know. Next update at 5pm.", "transparency"),
    ("fr", "Voici ce que nous savons. Prochain point à 17h.", "transparency"),
    ("en", "Do not consume the product; call our hotline.", "advice"),
    ("fr", "Ne consommez pas le produit, appelez le numéro vert.", "advice"),
    ("en", "People overreact: this is an isolated incident.", "defensive"),
    ("fr", "C'est exagéré, un incident isolé.", "defensive"),
    ("en", "Our supplier is to blame.", "blame"),
    ("fr", "Notre fournisseur est en cause.", "blame"),
    ("en", "No comment at this time.", "no_comment"),
    ("fr", "Pas de commentaire.", "no_comment"),
]


@pytest.mark.parametrize(("language", "text", "category"), CASES)
def test_each_category_is_heard_in_both_languages(language, text, category):
    assert score(text, category, language) > 0


def test_two_cues_score_more_than_one():
    assert score("We are sorry.", "empathy", "en") == 0.6
    assert score("We are sorry and deeply concerned.", "empathy", "en") == 1.0
    assert score("The weather is nice.", "empathy", "en") == 0.0


def test_matching_ignores_case_and_accents():
    assert normalise("DÉSOLÉS à l’usine") == "desoles a l'usine"
    assert score("NOUS SOMMES DÉSOLÉS", "empathy", "fr") > 0


def test_cues_match_at_the_start_of_words_only():
    assert score("please call us", "advice", "en") > 0
    assert score("the recall is on", "advice", "en") == 0


def test_key_terms_are_counted():
    assert terms_addressed("No CHILDREN are in hospital.", ["hospital", "children"]) == 2
    assert terms_addressed("Les enfants vont bien.", ["hôpital", "enfants"]) == 1


def test_a_denial_of_a_fact_is_a_contradiction():
    fact = "Three lots of strawberry yoghurt contain listeria."
    assert contradicts("Our strawberry yoghurt lots do not contain listeria.", "en", fact, [])
    assert not contradicts("Three lots of strawberry yoghurt contain listeria.", "en", fact, [])
    assert not contradicts("We are not sure yet.", "en", fact, [])


def test_correcting_a_rumour_about_a_fact_is_no_contradiction():
    fact = "No illness has been reported so far."
    rumour_terms = ["hospital", "children"]
    text = "No illness reported: the children in hospital story is not true."
    assert not contradicts(text, "en", fact, rumour_terms)


def test_analyse_combines_the_scores():
    facts = [("Aucun malade n'a été signalé à ce jour.", ["hôpital"])]
    result = analyse("Pas de commentaire, ce n'est pas notre faute.", "fr", facts)
    assert result.no_comment > 0 and result.negation
    assert result.empathy == 0 and result.contradiction == 0
