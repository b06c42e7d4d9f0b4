"""The audience reacts to what the team's words mean (read by `app.analysis`), not to cue words."""

from hypothesis import given
from hypothesis import strategies as st

from app.analysis import Claim, Frame, analyse
from app.storm import Action, Storm
from app.storm.meaning import REPEAT_FACTOR, novelty, weigh

DENIAL = {
    "en": "It is false that children are in hospital: no illness has been reported.",
    "fr": "C'est faux : aucun enfant n'est hospitalisé, aucun malade n'a été signalé.",
}
HEDGED = {
    "en": "Children may not be in hospital, we are checking.",
    "fr": "Il se peut que des enfants ne soient pas hospitalisés, nous vérifions.",
}
AFFIRMED = {
    "en": "Yes, children are in hospital.",
    "fr": "Oui, des enfants sont hospitalisés.",
}
FULL = {
    "en": "We are deeply sorry. Three lots of strawberry yoghurt contain listeria: do not eat "
    "them.",
    "fr": "Nous sommes sincèrement désolés. Trois lots de yaourt à la fraise contiennent la "
    "listeria : ne les consommez pas.",
}
CONDITIONAL = {
    "en": "We are sorry if anyone felt upset. Three lots of strawberry yoghurt contain listeria.",
    "fr": "Nous nous excusons si la gêne a pu paraître excessive à certains. Trois lots de "
    "yaourt à la fraise contiennent la listeria.",
}
STUFFED = {
    "en": "We are sincerely sorry, we take full responsibility and will be transparent.",
    "fr": "Nous sommes sincèrement désolés, nous assumons l'entière responsabilité.",
}


BURST = (
    "Three lots of strawberry yoghurt contain listeria.",
    "Do not eat the strawberry yoghurt you bought this week.",
    "Our hotline is open until midnight for any question.",
    "Refunds are available in every shop, with or without a receipt.",
    "No illness has been reported so far.",
    "We have stopped the production line in Dijon.",
    "The health authority is informed and checks our tests.",
    "Parents of young children can call a nurse on our line.",
    "Every shelf has been emptied of the affected lots.",
)


def storm(scenario, language):
    return Storm(scenario, 7, "Laiterie Morvan", language)


def test_an_unhedged_denial_corrects_a_rumour_a_hedged_one_does_not(scenario):
    for language in ("en", "fr"):
        s = storm(scenario, language)
        quiet = s.audience([], 1500).reach["hospital"]
        denied = s.audience([Action(600, "correct_rumour", DENIAL[language])], 1500)
        hedged = s.audience([Action(600, "correct_rumour", HEDGED[language])], 1500)
        assert denied.reach["hospital"] < 0.6 * quiet, language
        assert hedged.reach["hospital"] == quiet, language


def test_affirming_a_rumour_spreads_it_and_hurts(scenario):
    for language in ("en", "fr"):
        s = storm(scenario, language)
        quiet = s.audience([], 540)
        affirmed = s.audience([Action(360, "statement", AFFIRMED[language])], 540)
        assert affirmed.reach["hospital"] > quiet.reach["hospital"], language
        assert affirmed.trust < quiet.trust, language


def test_a_conditional_apology_earns_no_goodwill_a_full_one_does(scenario):
    for language in ("en", "fr"):
        s = storm(scenario, language)
        full = s.model.effect(Action(600, "statement", FULL[language]))
        conditional = s.model.effect(Action(600, "statement", CONDITIONAL[language]))
        assert full.good > conditional.good, language
        assert conditional.bad > 0 == full.bad, language


def test_a_text_with_nothing_checkable_earns_no_goodwill(scenario):
    for language in ("en", "fr"):
        effect = storm(scenario, language).model.effect(Action(60, "statement", STUFFED[language]))
        assert effect.good == 0, language
        late = storm(scenario, language).audience(
            [Action(60, "statement", STUFFED[language])], 1800
        )
        assert late.trust <= storm(scenario, language).audience([], 1800).trust + 0.02


def test_a_repeated_statement_counts_once(storm_en):
    once = [Action(600, "statement", FULL["en"])]
    twice = once + [Action(900, "statement", FULL["en"] + " ")]
    assert storm_en.audience(twice, 1500).trust == storm_en.audience(once, 1500).trust
    assert storm_en.audience(twice, 1500).anger == storm_en.audience(once, 1500).anger


def test_a_burst_of_statements_has_diminishing_returns(storm_en):
    frame = storm_en.model.frame
    readings = [analyse(text, frame) for text in BURST]
    factors = novelty(readings, [60.0 * i for i in range(9)])
    assert factors[:5] == [1.0] * 5
    assert factors[5:] == [REPEAT_FACTOR**k for k in range(1, 5)]


@given(st.lists(st.floats(0, 3000), min_size=1, max_size=12))
def test_novelty_is_a_share_and_a_duplicate_earns_nothing(times):
    times = sorted(times)
    readings = [analyse("Three lots contain listeria.", _frame()) for _ in times]
    factors = novelty(readings, times)
    assert factors[0] == 1.0 and all(f == 0.0 for f in factors[1:])


def _frame():
    from app.analysis import Frame

    return Frame("en", "Laiterie Morvan")


JOBS = {
    "en": (
        "There is no job-cut plan.",
        "Orvane is about to announce 3,000 warehouse job cuts.",
        (
            "Rumour: Orvane is about to announce 3,000 warehouse job cuts. This is false.",
            "It is false that Orvane is about to announce 3,000 warehouse job cuts.",
        ),
    ),
    "fr": (
        "Il n'y a aucun plan de suppressions de postes.",
        "Orvane s'apprête à annoncer 3 000 suppressions de postes dans ses entrepôts.",
        (
            "Rumeur : Orvane s'apprête à annoncer 3 000 suppressions de postes dans ses entrepôts. "
            "C'est faux.",
            "Il est faux qu'Orvane s'apprête à annoncer 3 000 suppressions de postes dans ses "
            "entrepôts.",
        ),
    ),
}


def test_correcting_a_rumour_is_not_read_as_denying_the_fact_it_contradicts():
    exercised = []
    for language, (fact, rumour, texts) in JOBS.items():
        claims = (Claim("fact:jobs", fact, "fact"), Claim("rumour:cuts", rumour, "rumour"))
        frame = Frame(language, "Orvane", claims)
        for text in texts:
            excused = weigh(text, frame, [("cuts", ("jobs",))], 1.0)
            assert excused.corrects == (True,) and excused.bad == 0, text
            if analyse(text, frame).stance_of("fact:jobs").label == "denies":
                assert weigh(text, frame, [("cuts", ())], 1.0).bad > 0, text
                exercised.append(text)
        # "Rumour: X. This is false." is read, by the analysis itself, as about the rumour only.
        assert analyse(texts[0], frame).stance_of("fact:jobs").label != "denies", language
    assert exercised  # the analysis reads at least one of them as also denying the fact
