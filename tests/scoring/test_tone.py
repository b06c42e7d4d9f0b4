"""Tone analysis and language detection, statement by statement."""

import pytest

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
