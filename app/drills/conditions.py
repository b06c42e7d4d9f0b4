"""Conditional injects in people's words: the condition (MSEL view, facilitator console) and
the injects of a drill it has armed or fired (`app.storm.branching` decides which fire)."""

from collections.abc import Callable

from app.core.i18n import gettext as _
from app.scenarios.models import FactDenied, Inject, RumourUncorrected, Scenario, Unanswered
from app.storm.branching import sim_clock


def condition_words(
    inject: Inject, scenario: Scenario, language: str, fill: Callable[[str], str] = str
) -> str:
    """What makes a conditional inject fire, in the reader's language (the scenario's texts in
    `language`, their slots filled by `fill`); empty for a timed inject."""
    when, time = inject.when, sim_clock(inject.at)
    if when is None:
        return ""
    if isinstance(when, RumourUncorrected):
        rumour = next((r for r in scenario.rumours if r.id == when.rumour), None)
        claim = fill(rumour.claim.get(language)) if rumour else when.rumour
        return _("If the rumour “%(claim)s” is not corrected by %(time)s", claim=claim, time=time)
    if isinstance(when, FactDenied):
        fact = next((f for f in scenario.facts if f.id == when.fact), None)
        text = fill(fact.text.get(language)) if fact else when.fact
        if inject.at:
            return _("If a public text denies “%(fact)s”, from %(time)s on", fact=text, time=time)
        return _("If a public text denies “%(fact)s”", fact=text)
    if isinstance(when, Unanswered):
        target = next((i for i in scenario.injects if i.id == when.inject), None)
        actor = target.actor.name if target else when.inject
        deadline = sim_clock(target.deadline) if target and target.deadline else time
        return _(
            "If %(actor)s's message is not answered by its deadline (%(deadline)s)",
            actor=actor,
            deadline=deadline,
        )
    return _("If the team has made no public statement by %(time)s", time=time)


def condition_kinds() -> dict[str, str]:
    """Each kind of condition, as a trainer chooses it."""
    return {
        "no_statement": _("No public statement by its time"),
        "rumour_uncorrected": _("A rumour not corrected by its time"),
        "fact_denied": _("A public text denies a fact"),
        "unanswered": _("A message left unanswered past its deadline"),
    }
