"""The analysis on every scenario of the library: the team may restate any fact safely.

Restating a fact must never read as confirming a rumour or contradicting a safety fact (both
critical errors), and "It is false that <rumour>" must deny it, in both languages.
"""

import pytest

from app.analysis import Claim, Frame, analyse
from app.analysis.frame import safety_claims
from app.scenarios.library import list_scenarios, load_scenario

DENIAL = {"en": "It is false that {claim}", "fr": "C'est faux : {claim}"}
CASES = [(s.id, lang) for s in list_scenarios() for lang in ("en", "fr")]


def frame_of(scenario_id: str, language: str) -> Frame:
    scenario = load_scenario(scenario_id)
    claims = [Claim(f"fact:{f.id}", f.text.get(language), "fact") for f in scenario.facts]
    claims += [Claim(f"rumour:{r.id}", r.claim.get(language), "rumour") for r in scenario.rumours]
    return Frame(language, "Acme", tuple(claims))


@pytest.mark.parametrize(("scenario_id", "language"), CASES)
def test_restating_a_fact_is_never_a_critical_error(scenario_id, language):
    frame = frame_of(scenario_id, language)
    safety = safety_claims(frame)
    for fact in (c for c in frame.claims if c.kind == "fact"):
        reading = analyse(fact.text, frame)
        assert reading.stance_of(fact.id).label == "affirms", fact.id
        critical = [
            s.claim_id
            for s in reading.stances
            if not s.hedged
            and (
                (s.claim_id.startswith("rumour:") and s.label == "affirms")
                or (s.claim_id in safety and s.label == "denies")
            )
        ]
        assert critical == [], fact.id


@pytest.mark.parametrize(("scenario_id", "language"), CASES)
def test_saying_a_rumour_is_false_denies_it(scenario_id, language):
    frame = frame_of(scenario_id, language)
    for rumour in (c for c in frame.claims if c.kind == "rumour"):
        said = DENIAL[language].format(claim=rumour.text)
        assert analyse(said, frame).stance_of(rumour.id).label == "denies", rumour.id
        assert analyse(rumour.text, frame).stance_of(rumour.id).label == "affirms", rumour.id
