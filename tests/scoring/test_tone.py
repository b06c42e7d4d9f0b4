"""Tone analysis and language detection, statement by statement."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.scoring.core.text import analyse_text, detect_language, normalise
from app.scoring.core.tone import analyse_tone


def tone(text: str, language: str = "en"):
    return analyse_tone(analyse_text(text, language))


@pytest.mark.parametrize(
    ("text", "default", "expected"),
    [
        ("We are aware of the outage and our teams are working on it.", "fr", "en"),
        ("Nous avons connaissance de la panne et nos équipes sont mobilisées.", "en", "fr"),
        ("OK", "fr", "fr"),
        ("Merci !", "en", "en"),
    ],
)
def test_each_statement_is_read_in_its_own_language(text, default, expected):
    assert detect_language(normalise(text), default) == expected


def test_normalising_removes_accents_ligatures_and_spells_out_negations():
    assert normalise("Désolés, nous sommes de tout cœur — don’t worry") == (
        "desoles, nous sommes de tout coeur — do not worry"
    )


def test_a_warm_transparent_statement_scores_high_and_names_its_cues():
    analysis = tone(
        "We are so sorry. What we know: 300 customers are affected. "
        "We don't know the cause yet. Next update at 4pm."
    )
    assert analysis.labels == ("empathy", "transparency")
    assert analysis.transparency == ("known", "unknown", "next_update")
    assert "sorry" in analysis.cues["empathy"]
    assert analysis.score == 90.0


@pytest.mark.parametrize(
    ("text", "language"),
    [("No comment.", "en"), ("Pas de commentaire.", "fr")],
)
def test_no_comment_is_the_heaviest_penalty(text, language):
    analysis = tone(text, language)
    assert analysis.labels == ("no_comment",)
    assert analysis.score == 5.0


def test_scores_stay_within_bounds_when_every_penalty_applies():
    analysis = tone(
        "No comment. We did nothing wrong, it was our supplier's fault. Calm down. "
        "Pursuant to our terms and conditions, mitigation is ongoing."
    )
    assert {"no_comment", "defensive", "blame", "disrespect", "legalese", "jargon"} <= set(
        analysis.labels
    )
    assert analysis.score == 0.0


@pytest.mark.parametrize(
    ("text", "language", "label", "found"),
    [
        ("It was the fault of our subcontractor.", "en", "blame", True),
        ("This is not the fault of our staff; the responsibility is ours.", "en", "blame", False),
        ("Please don't blame our drivers: the decision was ours.", "en", "blame", False),
        ("C'est la faute de notre prestataire.", "fr", "blame", True),
        ("Ce n'est pas la faute de nos équipes, nous l'assumons.", "fr", "blame", False),
        ("That is a stupid question.", "en", "disrespect", True),
        ("There are no stupid questions.", "en", "disrespect", False),
        ("We will not dignify these claims with a response.", "en", "disrespect", True),
        ("Il n'y a pas de question bête.", "fr", "disrespect", False),
    ],
)
def test_a_negation_just_before_a_blame_or_disrespect_cue_cancels_it(text, language, label, found):
    assert (label in tone(text, language).labels) is found


@given(
    agent=st.sampled_from(
        ["supplier", "subcontractor", "logistics partner", "external contractor"]
    ),
    negated=st.booleans(),
)
def test_fault_put_on_a_third_party_is_blame_unless_negated(agent, negated):
    text = f"The delay was {'not ' if negated else ''}the fault of our {agent}."
    assert ("blame" in tone(text).labels) is not negated
