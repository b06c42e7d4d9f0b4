"""Each rule of the audience model (docs/storm.md), one test or more per rule."""

import pytest

from app.scenarios.models import Scenario
from app.storm import Action, Storm
from app.storm.audience import DEADLINES_S
from tests.storm.sample import sample_data

GOOD_EN = (
    "We are deeply sorry and we understand your concern. Here is what we know: three lots "
    "are affected; what we don't know yet is how many were sold. Do not consume them, return "
    "it for a refund. Next update at 3pm."
)
DEFENSIVE_EN = "This is an isolated incident, not our fault: our supplier is responsible."
NO_COMMENT_EN = "No comment."
CORRECTION_EN = "This rumour is false: no children are in hospital, no illness has been reported."
IRRELEVANT_EN = "Our shops open at 9am as usual."


def statement(at_s: float, text: str, kind: str = "statement", **extra: str) -> Action:
    return Action(at_s=at_s, kind=kind, text=text, **extra)


def negative_share(posts: list) -> float:
    return sum(p.sentiment == "negative" for p in posts) / len(posts)


def test_anger_rises_towards_the_baseline_before_anyone_speaks(storm_en):
    series = storm_en.audience_series([], until_s=600, step_s=60)
    angers = [a.anger for a in series]
    assert angers == sorted(angers)
    assert angers[-1] > angers[0]
    assert all(not a.silent for a in series)


def test_silence_past_the_deadline_raises_anger(storm_en):
    deadline = DEADLINES_S[3]
    spoke = [statement(deadline - 60, GOOD_EN)]
    quiet = storm_en.audience([], deadline + 1200)
    answered = storm_en.audience(spoke, deadline + 1200)
    assert quiet.silent and not answered.silent
    assert quiet.anger > answered.anger
    assert quiet.trust < answered.trust


def test_the_deadline_can_be_given(scenario):
    strict = Storm(scenario, 7, None, "en", deadline_s=120)
    lenient = Storm(scenario, 7, None, "en", deadline_s=3000)
    assert strict.audience([], 900).silent and not lenient.audience([], 900).silent
    assert strict.audience([], 900).anger > lenient.audience([], 900).anger


def test_a_long_silence_after_a_first_response_counts_again(storm_en):
    acts = [statement(60, GOOD_EN)]
    assert not storm_en.audience(acts, 60 + 2 * DEADLINES_S[3]).silent
    assert storm_en.audience(acts, 120 + 3 * DEADLINES_S[3]).silent


def test_an_empathetic_transparent_statement_beats_a_defensive_one(storm_en):
    good, bad = [statement(600, GOOD_EN)], [statement(600, DEFENSIVE_EN)]
    after_good, after_bad = storm_en.audience(good, 1200), storm_en.audience(bad, 1200)
    assert after_good.anger < after_bad.anger
    assert after_good.trust > after_bad.trust
    assert after_good.sentiment > after_bad.sentiment
    posts_good = storm_en.posts(good, 600, 1800)
    posts_bad = storm_en.posts(bad, 600, 1800)
    assert negative_share(posts_good) < negative_share(posts_bad)


def test_the_same_holds_in_french(storm_fr):
    good = [
        statement(
            600,
            "Nous sommes sincèrement désolés et comprenons votre inquiétude. Voici ce que nous "
            "savons : trois lots sont concernés. Ne consommez pas ces yaourts, rapportez-les. "
            "Prochain point à 15h.",
        )
    ]
    bad = [statement(600, "Pas de commentaire. Ce n'est pas de notre faute, voyez le fournisseur.")]
    assert storm_fr.audience(good, 1200).anger < storm_fr.audience(bad, 1200).anger
    assert negative_share(storm_fr.posts(good, 600, 1800)) < negative_share(
        storm_fr.posts(bad, 600, 1800)
    )


@pytest.mark.parametrize("text", [NO_COMMENT_EN, DEFENSIVE_EN])
def test_no_comment_and_blame_inflame(storm_en, text):
    before = storm_en.audience([], 600)
    after = storm_en.audience([statement(600, text)], 610)
    assert after.anger > before.anger
    assert after.trust < before.trust
    assert after.attention > before.attention


def test_contradicting_the_facts_inflames(storm_en):
    lie = [statement(600, "Our strawberry yoghurt lots do not contain listeria, full stop.")]
    neutral = [statement(600, IRRELEVANT_EN)]
    assert storm_en.audience(lie, 610).anger > storm_en.audience(neutral, 610).anger
    assert storm_en.audience(lie, 610).trust < storm_en.audience(neutral, 610).trust


def test_an_early_first_response_calms_more_than_a_late_one(storm_en):
    early = storm_en.audience([statement(120, GOOD_EN)], 130)
    late = storm_en.audience([statement(840, GOOD_EN)], 850)
    drop_early = storm_en.audience([], 130).anger - early.anger
    drop_late = storm_en.audience([], 850).anger - late.anger
    assert drop_early > drop_late > 0


def test_a_rumour_appears_on_time_and_spreads_while_uncorrected(storm_en):
    assert storm_en.audience([], 290).reach["hospital"] == 0
    reach = [storm_en.audience([], t).reach["hospital"] for t in (320, 600, 900)]
    assert 0 < reach[0] < reach[1] < reach[2]


def test_a_correct_correction_makes_a_rumour_fall_and_an_irrelevant_statement_does_not(storm_en):
    corrected = [statement(900, CORRECTION_EN, "correct_rumour", rumour="hospital")]
    irrelevant = [statement(900, IRRELEVANT_EN)]
    at_correction = storm_en.audience(corrected, 900).reach["hospital"]
    assert storm_en.audience(corrected, 1500).reach["hospital"] < at_correction
    assert storm_en.audience(irrelevant, 1500).reach["hospital"] >= at_correction
    assert storm_en.audience(corrected, 1500).trust > storm_en.audience(irrelevant, 1500).trust


def test_a_correction_covering_fewer_key_terms_works_less(storm_en):
    full = [statement(900, CORRECTION_EN, "correct_rumour", rumour="hospital")]
    partial = [statement(900, "No, nobody is in hospital.", "correct_rumour", rumour="hospital")]
    assert (
        storm_en.audience(full, 1500).reach["hospital"]
        < storm_en.audience(partial, 1500).reach["hospital"]
    )


def test_repeating_a_rumour_without_denying_it_is_no_correction(storm_en):
    echo = [statement(900, "We hear about children in hospital.")]
    assert (
        storm_en.audience(echo, 1500).reach["hospital"]
        >= storm_en.audience([], 900).reach["hospital"]
    )


def test_internal_actions_change_nothing(storm_en):
    notes = [Action(at_s=300, kind="note", text=NO_COMMENT_EN)]
    assert storm_en.audience(notes, 1800) == storm_en.audience([], 1800)
    assert storm_en.posts(notes, 300, 900) == storm_en.posts([], 300, 900)


def test_blame_costs_more_when_the_organisation_is_responsible():
    def anger_jump(responsibility: str) -> float:
        data = sample_data()
        data["responsibility"] = responsibility
        storm = Storm(Scenario.model_validate(data), 7, None, "en")
        return (
            storm.audience([statement(600, DEFENSIVE_EN)], 610).anger
            - storm.audience([], 610).anger
        )

    assert anger_jump("preventable") > anger_jump("victim")


def test_sentiment_follows_trust_minus_anger(storm_en):
    for audience in storm_en.audience_series([statement(600, GOOD_EN)], 3600, 300):
        expected = max(-1.0, min(1.0, 1.25 * (audience.trust - audience.anger)))
        assert audience.sentiment == pytest.approx(expected, abs=1e-5)
        assert 0 <= audience.anger <= 1 and 0 <= audience.trust <= 1
        assert 0.3 <= audience.attention <= 3


def test_a_defensive_statement_draws_more_posts(storm_en):
    good, bad = [statement(600, GOOD_EN)], [statement(600, DEFENSIVE_EN)]
    assert len(storm_en.posts(bad, 600, 1800)) > len(storm_en.posts(good, 600, 1800))


def test_statements_get_replies_matching_their_tone(storm_en):
    good, bad = statement(600, GOOD_EN), statement(600, NO_COMMENT_EN)
    good_replies = [p for p in storm_en.posts([good], 600, 1200) if p.reacts_to == good.ref]
    bad_replies = [p for p in storm_en.posts([bad], 600, 1200) if p.reacts_to == bad.ref]
    assert good_replies and bad_replies
    assert all(p.at_s > 600 for p in good_replies + bad_replies)
    good_kinds = [p.kind for p in good_replies]
    bad_kinds = [p.kind for p in bad_replies]
    assert good_kinds.count("reply_good") > good_kinds.count("reply_bad")
    assert bad_kinds.count("reply_bad") > bad_kinds.count("reply_good")
    assert any(p.quote_of == bad.ref for p in bad_replies)
    assert all(p.reply_to == good.ref for p in good_replies if p.kind == "reply_good")


def test_silence_brings_posts_noticing_it(storm_en):
    before = storm_en.posts([], 0, DEADLINES_S[3])
    after = storm_en.posts([], DEADLINES_S[3], DEADLINES_S[3] + 900)
    assert not any(p.kind == "silence" for p in before)
    assert any(p.kind == "silence" for p in after)


def test_rumour_posts_follow_the_rumours_reach(storm_en):
    corrected = [statement(900, CORRECTION_EN, "correct_rumour", rumour="hospital")]

    def hospital_posts(acts: list[Action]) -> int:
        return sum(p.rumour == "hospital" for p in storm_en.posts(acts, 1800, 3000))

    assert not any(p.rumour == "hospital" for p in storm_en.posts([], 0, 300) if p.kind != "inject")
    assert hospital_posts(corrected) < hospital_posts([])
