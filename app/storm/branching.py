"""Conditional injects: which fire, when, and why, from the scenario and the team's actions.

A conditional inject (one with `when`) fires at the first time, from its `at` on, at which its
condition holds: `no_statement` and `rumour_uncorrected` at `at` if the team had not acted
before it; `fact_denied` at the first public text denying the fact (not before `at`);
`unanswered` at the deadline of the inject it names, if that inject was not answered before it.
Each condition, once true, stays true, and depends only on the actions before the time it
fires: so the answer never changes for the past as actions arrive (docs/scenarios.md,
Conditional injects), and the storm, recomputing it from the actions, stays deterministic.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from app.scenarios.models import (
    FactDenied,
    Inject,
    NoStatement,
    RumourUncorrected,
    Scenario,
    Unanswered,
)

STATEMENT_KINDS = frozenset({"statement", "correct_rumour"})  # what "a public statement" is


@dataclass(frozen=True)
class Public:
    """A public action of the team, as the conditions read it."""

    at_s: float
    kind: str
    ref: str
    in_reply_to: str | None = None
    corrects: frozenset[str] = frozenset()  # rumours it corrects: a correction denying them
    denies: frozenset[str] = frozenset()  # facts it denies, unhedged


@dataclass(frozen=True)
class Branch:
    """A conditional inject's outcome: fired at `at_s` (None: armed, not fired), and why.

    `cause_s` is the moment the condition speaks of: the time by which the team had not
    acted, the time of the text that denied the fact, or the deadline left unanswered.
    `settled_s`, for one that did not fire, is when the team's action made sure it never will
    (None: it still may, or its message never came)."""

    inject: str
    at_s: float | None
    cause_s: float | None = None
    settled_s: float | None = None

    @property
    def fired(self) -> bool:
        return self.at_s is not None


def evaluate(
    scenario: Scenario, public: Sequence[Public], fired: Mapping[str, float] | None = None
) -> dict[str, Branch]:
    """Every conditional inject's outcome given the team's public actions (in any order) and
    the timed injects a facilitator fired early (`fired`: inject id → second)."""
    public = sorted(public, key=lambda a: (a.at_s, a.ref))
    injects = {inject.id: inject for inject in scenario.injects}
    found: dict[str, Branch] = {}

    def appeared(key: str) -> float | None:
        """When an inject appeared: conditional ones when they fired."""
        inject = injects[key]
        if inject.when is None:
            return (fired or {}).get(key, float(inject.at))
        if key not in found:
            found[key] = Branch(key, None)  # a circle (refused by the loader) never fires
            found[key] = _branch(inject, public, injects, appeared)
        return found[key].at_s

    for inject in scenario.injects:
        if inject.when is not None:
            appeared(inject.id)
    return {key: found[key] for key in injects if key in found}


def _branch(
    inject: Inject,
    public: Sequence[Public],
    injects: Mapping[str, Inject],
    appeared: Callable[[str], float | None],
) -> Branch:
    """One conditional inject's outcome."""
    when, at = inject.when, float(inject.at)
    before = [a for a in public if a.at_s < at]
    if isinstance(when, NoStatement):
        acted = [a.at_s for a in before if a.kind in STATEMENT_KINDS]
        return Branch(inject.id, None, at, acted[0]) if acted else Branch(inject.id, at, at)
    if isinstance(when, RumourUncorrected):
        acted = [a.at_s for a in before if when.rumour in a.corrects]
        return Branch(inject.id, None, at, acted[0]) if acted else Branch(inject.id, at, at)
    if isinstance(when, FactDenied):
        denial = next((a for a in public if when.fact in a.denies), None)
        return Branch(
            inject.id,
            None if denial is None else max(at, denial.at_s),
            None if denial is None else denial.at_s,
        )
    assert isinstance(when, Unanswered)
    target = injects.get(when.inject)
    start = None if target is None else appeared(target.id)
    if target is None or start is None or target.deadline is None:
        return Branch(inject.id, None)
    deadline = target.deadline + start - target.at
    answers = [
        a
        for a in public
        if a.at_s < deadline
        and (
            a.in_reply_to in (target.id, f"i-{target.id}")  # the message, or its feed post
            or (target.rumour is not None and target.rumour in a.corrects)
        )
    ]
    if answers:
        return Branch(inject.id, None, deadline, answers[0].at_s)
    return Branch(inject.id, max(at, deadline), deadline)


def sim_clock(seconds: float) -> str:
    """Simulated time as trainers write it: T+15:00, T+1:05:00."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"T+{hours}:{minutes:02d}:{secs:02d}" if hours else f"T+{minutes}:{secs:02d}"


REASONS = {
    "en": {
        "no_statement": "no public statement by {by}",
        "rumour_uncorrected": "the rumour “{claim}” was not corrected by {by}",
        "fact_denied": "a public text at {by} denied “{fact}”",
        "unanswered": "{actor}'s message was not answered by its deadline, {by}",
    },
    "fr": {
        "no_statement": "aucune déclaration publique à {by}",
        "rumour_uncorrected": "la rumeur « {claim} » n'était pas corrigée à {by}",
        "fact_denied": "un texte public à {by} a nié « {fact} »",
        "unanswered": "le message de {actor} restait sans réponse à son échéance, {by}",
    },
}


def reason(
    scenario: Scenario, branch: Branch, language: str, fill: Callable[[str], str] = str
) -> str:
    """Why a conditional inject fired, in people's words (`fill` renders a scenario text's
    slots as the drill shows them); empty if it did not fire."""
    inject = next(i for i in scenario.injects if i.id == branch.inject)
    if not branch.fired or branch.cause_s is None or inject.when is None:
        return ""
    language = "fr" if language == "fr" else "en"
    when, words = inject.when, {"by": sim_clock(branch.cause_s)}
    if isinstance(when, RumourUncorrected):
        rumour = next(r for r in scenario.rumours if r.id == when.rumour)
        words["claim"] = fill(rumour.claim.get(language))
    elif isinstance(when, FactDenied):
        fact = next(f for f in scenario.facts if f.id == when.fact)
        words["fact"] = fill(fact.text.get(language))
    elif isinstance(when, Unanswered):
        words["actor"] = next(i.actor.name for i in scenario.injects if i.id == when.inject)
    return REASONS[language][when.kind].format(**words)
