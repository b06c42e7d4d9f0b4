"""Stance toward facts and rumours: negation per clause, quantifiers, hedges, synonyms."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.analysis import analyse
from tests.analysis.frames import EN, FR

CHILD = "Brightwater yoghurt killed a child in Leeds"
ALL = "all Brightwater yoghurts are contaminated with listeria"
CYBER = "la panne est due à une cyberattaque"

CASES = [
    # (frame, text, claim, expected label, hedged)
    (
        EN,
        "The claim that Brightwater yoghurt killed a child in Leeds is false.",
        "rumour:r1",
        "denies",
        False,
    ),
    (
        EN,
        "Some posts claim that a child died in Leeds. This is false.",
        "rumour:r1",
        "denies",
        False,
    ),
    (EN, "Yes, all the yoghurts are contaminated and a child died.", "rumour:r1", "affirms", False),
    (EN, "Yes, all the yoghurts are contaminated and a child died.", "rumour:r2", "affirms", False),
    (
        EN,
        "It is not true that all our yoghurts are contaminated with listeria.",
        "rumour:r2",
        "denies",
        False,
    ),
    (
        EN,
        "Only batch L2304 is affected; other yoghurts are safe to eat.",
        "rumour:r2",
        "denies",
        False,
    ),
    (EN, "Batch L2304 may contain listeria.", "rumour:r2", "silent", False),
    (EN, "Batch L2304 of strawberry yoghurt may contain listeria.", "fact:f1", "affirms", True),
    (
        EN,
        "Our yoghurts are perfectly safe and listeria has been ruled out.",
        "fact:f1",
        "denies",
        False,
    ),
    (EN, "No illness has been reported so far.", "fact:f2", "affirms", False),
    (
        EN,
        "We are working with the food safety authority on the recall.",
        "fact:f1",
        "silent",
        False,
    ),
    (
        EN,
        "If your children ate yoghurt from batch L2304 and feel unwell, call a doctor.",
        "rumour:r1",
        "silent",
        False,
    ),
    (
        FR,
        "Ce n'est pas une cyberattaque : la panne vient d'un de nos équipements.",
        "rumour:r1",
        "denies",
        False,
    ),
    (
        FR,
        "Ce n'est pas une cyberattaque : la panne vient d'un de nos équipements.",
        "fact:f1",
        "affirms",
        False,
    ),
    (FR, "C'est faux : aucun client n'a été intoxiqué.", "rumour:r2", "denies", False),
    (FR, "Des clients ont été victimes d'une intoxication.", "rumour:r2", "affirms", False),
    (FR, "Aucun magasin n'est fermé.", "rumour:r3", "denies", False),
    (FR, "Tous nos magasins restent ouverts.", "rumour:r3", "denies", False),
    (FR, "Oui, la panne est due à une cyberattaque.", "rumour:r1", "affirms", False),
    (FR, "Nos réseaux fonctionnent normalement dans le Nord.", "fact:f2", "denies", False),
    (FR, "Selon certains, la panne serait due à une cyberattaque.", "rumour:r1", "silent", False),
    # Questions and "Rumour: … / Myth: …" posts assert nothing of the rumour they quote.
    (EN, "Is it true that a child died in Leeds?", "rumour:r1", "silent", False),
    (
        EN,
        "Rumour: our yoghurt killed a child in Leeds. Fact: no illness was reported.",
        "rumour:r1",
        "silent",
        False,
    ),
    (
        EN,
        "We have seen posts saying our yoghurt killed a child in Leeds. This is false.",
        "rumour:r1",
        "denies",
        False,
    ),
    (FR, "La panne est-elle due à une cyberattaque ?", "rumour:r1", "silent", False),
    (
        FR,
        "Des internautes affirment que la panne est due à une cyberattaque.",
        "rumour:r1",
        "silent",
        False,
    ),
    (FR, "Rumeur : la panne est due à une cyberattaque. C'est faux.", "rumour:r1", "denies", False),
    # A causal denial answers the rumour even when the event itself is stated.
    (
        EN,
        "A child died in Leeds, but it was not linked to our yoghurt.",
        "rumour:r1",
        "denies",
        False,
    ),
    (FR, "La panne n'a aucun lien avec une cyberattaque.", "rumour:r1", "denies", False),
    # "It is not true that…" denies what follows, a negative fact too; "False: …" answers.
    (EN, "It is not true that, so far, no illness has been reported.", "fact:f2", "denies", False),
    (EN, "False: no illness has been reported.", "fact:f2", "affirms", False),
    (FR, "Il est faux que la panne vient d'un équipement défaillant.", "fact:f1", "denies", False),
    # …up to a colon or a "but": what follows is said in the team's own voice.
    (EN, f"It is false that {CHILD}: no illness has been reported.", "fact:f2", "affirms", False),
    (EN, f"It is false that {CHILD}: no illness has been reported.", "rumour:r1", "denies", False),
    (
        EN,
        f"It is not true that {ALL}, but batch L2304 may contain listeria.",
        "fact:f1",
        "affirms",
        True,
    ),
    (
        EN,
        f"It is not true that {ALL}, but batch L2304 may contain listeria.",
        "rumour:r2",
        "denies",
        False,
    ),
    (
        FR,
        f"Il est faux que {CYBER} : elle vient d'un équipement défaillant.",
        "fact:f1",
        "affirms",
        False,
    ),
    (
        FR,
        f"Il est faux que {CYBER} : elle vient d'un équipement défaillant.",
        "rumour:r1",
        "denies",
        False,
    ),
    # "other" in another clause does not make the sentence about "the other yoghurts" only.
    (EN, "Batch L2304 may contain listeria; other batches are tested.", "fact:f1", "affirms", True),
    # "This is false." after a report denies what the report affirmed, not what it denied.
    (EN, "Some posts claim that batch L2304 is safe. This is false.", "fact:f1", "silent", False),
    (EN, "Posts claim that no illness was reported. This is false.", "fact:f2", "denies", False),
]


@pytest.mark.parametrize(("frame", "text", "claim", "label", "hedged"), CASES)
def test_stance_per_claim(frame, text, claim, label, hedged):
    stance = analyse(text, frame).stance_of(claim)
    assert stance.label == label
    if label != "silent":
        assert stance.hedged is hedged
        assert stance.evidence is not None
        assert text[stance.evidence.start : stance.evidence.end] == stance.evidence.text


def test_negation_is_read_per_clause_not_per_text():
    # The negation of the first clause does not reach the second, which states the rumour.
    text = "We did not hide anything: a child died in Leeds after eating our yoghurt."
    assert analyse(text, EN).stance_of("rumour:r1").label == "affirms"
    assert (
        analyse("No, our yoghurt did not kill a child in Leeds.", EN).stance_of("rumour:r1").label
        == "denies"
    )


def test_a_text_about_nothing_is_silent_on_every_claim():
    reading = analyse("We are sincerely sorry and we care about you.", EN)
    assert {s.label for s in reading.stances} == {"silent"}
    assert not reading.substantive


@given(st.text(max_size=200), st.sampled_from([EN, FR]))
def test_any_text_gets_one_stance_per_claim_with_spans_inside_it(text, frame):
    reading = analyse(text, frame)
    assert [s.claim_id for s in reading.stances] == [c.id for c in frame.claims]
    for span in [*(s.evidence for s in reading.stances if s.evidence), *reading.quotable]:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text


@given(st.text(alphabet="abcdefghij klmnop.,;", max_size=120))
def test_the_reading_is_cached_and_deterministic(text):
    assert analyse(text, EN) is analyse(text, EN)
    analyse.cache_clear()
    first = analyse(text, FR)
    analyse.cache_clear()
    assert analyse(text, FR) == first


@pytest.mark.parametrize(
    ("frame", "text", "claim"),
    [
        (EN, "It is not false that Brightwater yoghurt killed a child in Leeds.", "rumour:r1"),
        (
            EN,
            "It isn't untrue that all Brightwater yoghurts are contaminated with listeria.",
            "rumour:r2",
        ),
        (FR, "Il n'est pas faux que la panne est due à une cyberattaque.", "rumour:r1"),
    ],
)
def test_a_negated_denial_affirms(frame, text, claim):
    """Two negations assert: "not false that X" is no correction of X."""
    assert analyse(text, frame).stance_of(claim).label == "affirms"
