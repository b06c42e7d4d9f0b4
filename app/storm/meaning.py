"""What a team action means to the audience, read through the statement analysis (`app.analysis`).

One `Frame` per drill (the scenario's facts, rumours and inject texts in the drill's language,
with the drill's brand); each public action is analysed once (the analysis is cached) and weighed
here: goodwill from substance (an unconditional apology, accountability, transparency, advice, a
timed promise), harm from a conditional apology, blame, denied responsibility, contempt,
sarcasm, refusal, a contradicted fact or an affirmed rumour. A text with nothing checkable earns
no goodwill. Coefficients are in docs/storm.md.
"""

from dataclasses import dataclass

from app.analysis import Analysis, Claim, Frame, analyse, near_duplicate, spam_bursts
from app.scenarios.models import Scenario

GOOD = {"apology": 0.35, "accountable": 0.25, "transparency": 0.25, "advice": 0.2, "timed": 0.1}
BAD = {
    "conditional": 0.25,
    "denies_responsibility": 0.35,
    "third_party": 0.4,
    "victims": 0.5,
    "contempt": 0.45,
    "sarcasm": 0.25,
    "refusal": 0.45,
}
CONTRADICTION = 0.5  # per text that denies a fact, unhedged (not scaled by responsibility)
AFFIRMED_RUMOUR = 0.6  # a text that confirms a false rumour
RumourFacts = list[tuple[str, tuple[str, ...]]]  # each rumour's id and the facts it contradicts
REPEAT_FACTOR = 0.5  # the goodwill of a public action beyond the burst limit halves each time


def frame_for(scenario: Scenario, language: str, brand: str, fill=lambda text: text) -> Frame:
    """The drill's frame: facts and rumours as claims, inject texts as topics; `fill` renders a
    scenario text's slots ({brand}…) as the drill shows them."""
    claims = [Claim(f"fact:{f.id}", fill(f.text.get(language)), "fact") for f in scenario.facts]
    claims += [
        Claim(f"rumour:{r.id}", fill(r.claim.get(language)), "rumour") for r in scenario.rumours
    ]
    topics = tuple(fill(i.content.get(language)) for i in scenario.injects)
    return Frame(language, brand, tuple(claims), topics)


@dataclass(frozen=True)
class Weight:
    """How one public action moves the audience, before timeliness and repetition."""

    good: float
    bad: float
    corrects: tuple[bool, ...]  # per rumour: denied without a hedge
    spreads: tuple[bool, ...]  # per rumour: affirmed without a hedge
    reading: Analysis


def excused_facts(reading: Analysis, rumours: RumourFacts) -> set[str]:
    """The facts a text is not read as denying because it corrects a rumour that contradicts
    them (`rumours`: each rumour's id and the ids of the facts it contradicts): "Rumour: job
    cuts are coming. This is false." corrects the rumour, it does not deny "no job-cut plan"."""
    return {
        f"fact:{fact}"
        for rumour, facts in rumours
        for fact in facts
        if (s := reading.stance_of(f"rumour:{rumour}")).label == "denies" and not s.hedged
    }


def weigh(
    text: str, frame: Frame, rumours: list[tuple[str, tuple[str, ...]]], rho: float
) -> Weight:
    """The goodwill and harm of one text, and the rumours it corrects or spreads (`rumours`:
    each rumour's id and the facts it contradicts)."""
    a = analyse(text, frame)
    voice = a.voice
    good = 0.0
    if a.substantive and not a.placeholders:
        good += GOOD["apology"] * (voice.apology == "full")
        good += GOOD["accountable"] * rho * voice.accountable
        good += GOOD["transparency"] * voice.transparency + GOOD["advice"] * a.advice
        good += GOOD["timed"] * any(c.within_s or c.clock for c in a.commitments)
    flags = {
        "conditional": voice.apology == "conditional",
        "denies_responsibility": voice.denies_responsibility,
        "third_party": "third_party" in voice.blames,
        "victims": "victims" in voice.blames,
        "contempt": voice.contempt,
        "sarcasm": voice.sarcasm,
        "refusal": voice.refusal,
    }
    bad = rho * sum(BAD[name] for name, on in flags.items() if on)
    excused = excused_facts(a, rumours)
    facts = [s for s in a.stances if s.claim_id.startswith("fact:") and s.claim_id not in excused]
    bad += CONTRADICTION * any(s.label == "denies" and not s.hedged for s in facts)
    stances = [a.stance_of(f"rumour:{r}") for r, _facts in rumours]
    spreads = tuple(s.label == "affirms" and not s.hedged for s in stances)
    bad += AFFIRMED_RUMOUR * any(spreads)
    corrects = tuple(s.label == "denies" and not s.hedged for s in stances)
    return Weight(good=good, bad=bad, corrects=corrects, spreads=spreads, reading=a)


def novelty(readings: list[Analysis], times: list[float]) -> list[float]:
    """Per public action in time order, the share of its goodwill it still earns: none for a
    near-duplicate of an earlier one (a statement counts once), halving past the burst limit."""
    factors: list[float] = []
    bursts = spam_bursts(times)
    excess = 0
    for index, reading in enumerate(readings):
        earlier = [r.folded for r in readings[:index]]
        if near_duplicate(reading.folded, earlier) is not None:
            factors.append(0.0)
            continue
        excess = excess + 1 if index in bursts else 0
        factors.append(REPEAT_FACTOR**excess)
    return factors
