"""Stating one fact of a scenario never reads as denying another; negating a fact denies it.

Every library scenario, in both languages, read as a drill reads it (slots filled with the
scenario's brand, inject texts as topics): each fact said verbatim, sentence by sentence,
introduced, reordered or beside another fact denies no fact, and "No, it is not true that
<any sentence of the fact>" denies that fact.
"""

import pytest

from app.analysis import Frame, analyse
from app.scenarios.library import list_scenarios, load_scenario
from app.storm.meaning import frame_for
from app.studio.scripts import filler, good_script, sentences

CASES = [(s.id, lang) for s in list_scenarios() for lang in ("en", "fr")]
REWORDED = {
    "en": ("Here is what we know: {fact}", "We can confirm it. {fact} More at 3 pm."),
    "fr": ("Voici ce que nous savons : {fact}", "Nous le confirmons. {fact} Point à 15 h."),
}
CONFIRMED = {"en": "We confirm that {sentence}", "fr": "Nous confirmons que {sentence}"}
NEGATED = {"en": "No, it is not true that {fact}", "fr": "Non, il est faux que {fact}"}


def drill_frame(scenario_id: str, language: str) -> tuple[Frame, dict[str, str]]:
    """The frame a drill reads the team's texts against, and each fact's words as it shows them."""
    scenario = load_scenario(scenario_id)
    fill = filler(scenario, language)
    facts = {f"fact:{f.id}": fill(f.text.get(language)) for f in scenario.facts}
    return frame_for(scenario, language, scenario.brand.name, fill), facts


def denied(text: str, frame: Frame) -> list[str]:
    """The facts a text is read as denying."""
    return [
        s.claim_id
        for s in analyse(text, frame).stances
        if s.claim_id.startswith("fact:") and s.label == "denies"
    ]


def restated(fact: str, language: str, next_fact: str) -> list[str]:
    """A fact as a team might say it: verbatim, each sentence alone, introduced, its sentences
    in reverse order or each confirmed, and followed by the next fact."""
    parts = sentences(fact)
    confirmed = [CONFIRMED[language].format(sentence=p[0].lower() + p[1:]) for p in parts]
    introduced = [form.format(fact=fact) for form in REWORDED[language]]
    together = [" ".join(reversed(parts)), " ".join(confirmed), f"{fact} {next_fact}"]
    return [fact, *parts, *introduced, *together]


@pytest.mark.parametrize(("scenario_id", "language"), CASES)
def test_stating_a_fact_denies_no_fact(scenario_id, language):
    frame, facts = drill_frame(scenario_id, language)
    texts = list(facts.values())
    for index, (fact_id, fact) in enumerate(facts.items()):
        for text in restated(fact, language, texts[(index + 1) % len(texts)]):
            assert denied(text, frame) == [], (fact_id, text)


@pytest.mark.parametrize(("scenario_id", "language"), CASES)
def test_plainly_negating_a_fact_denies_it(scenario_id, language):
    frame, facts = drill_frame(scenario_id, language)
    for fact_id, fact in facts.items():
        for sentence in sentences(fact):
            said = NEGATED[language].format(fact=sentence.rstrip(" .")) + "."
            assert fact_id in denied(said, frame), said


@pytest.mark.parametrize(("scenario_id", "language"), CASES)
def test_the_dry_runs_good_script_denies_no_fact(scenario_id, language):
    frame, _facts = drill_frame(scenario_id, language)
    for action in good_script(load_scenario(scenario_id), language):
        assert denied(action["text"], frame) == [], action["text"]


def test_the_water_price_does_not_deny_the_flood_shelter():
    """The case the dry run found: a rumour about the water price, said to be false, and the
    water-price fact, read as denying the night-time shelter (French) and stores' opening."""
    frame, facts = drill_frame("natural-disaster", "fr")
    correction = (
        "Rumeur : L'enseigne a augmenté le prix de l'eau de 30 % la nuit des inondations pour "
        "profiter de la catastrophe. C'est faux. " + sentences(facts["fact:f_water_price"])[0]
    )
    assert denied(correction, frame) == []
    assert denied(facts["fact:f_stores"], frame) == []
    reading = analyse(correction, frame)
    assert reading.stance_of("rumour:r_gouging").label == "denies"


CORRECTED = {"en": "It is false that {claim}: {fact}", "fr": "Il est faux que {claim} : {fact}"}


@pytest.mark.parametrize(("scenario_id", "language"), CASES)
def test_a_fact_given_after_a_corrected_rumour_is_not_denied(scenario_id, language):
    """The denial of "It is false that <rumour>: <fact>" stops at the colon: the fact after it
    is the team's own word, however many words it shares with the rumour."""
    scenario = load_scenario(scenario_id)
    frame, facts = drill_frame(scenario_id, language)
    fill = filler(scenario, language)
    for rumour in scenario.rumours:
        claim = fill(rumour.claim.get(language)).rstrip(" .")
        claim = claim[0].lower() + claim[1:]
        for fact_id, fact in facts.items():
            said = CORRECTED[language].format(claim=claim, fact=sentences(fact)[0])
            assert fact_id not in denied(said, frame), (fact_id, said)
