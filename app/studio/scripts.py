"""The dry run's two scripted responses, written from the scenario itself.

A dry run asks whether a scenario tells a good team from a poor one, so both teams act on what
the scenario holds, in the drill's language: the GOOD team speaks within minutes in words that
fit who is to blame (a full apology for a preventable crisis, concern for a victim), states the
facts, promises and keeps an update every twenty minutes, answers each inject that
expects a response before its deadline and corrects each rumour soon after it appears (its
claim denied, the facts it contradicts stated). The POOR team stays silent, answers the
questions after their deadlines without facts, never corrects a rumour, and finally posts one
defensive statement. Both are plain drill-record actions for `app.drills.run.run_drill`.
"""

import re
from collections.abc import Callable
from typing import Any

from app.scenarios.models import Inject, Responsibility, Scenario
from app.scoring.service import slot_filler
from app.storm.text import clock_text

FIRST_WORD_S = 240
UPDATE_EVERY_S = 1200
CORRECTION_DELAY_S = 180
REPLY_WITHIN_S = 120
POOR_LATE_S = 300  # the poor team answers this long after a question's deadline
POOR_STATEMENT_SHARE = 0.6  # its one statement comes at this share of the drill

FACT_CHARS = 150  # a fact is cut, at a sentence's end, to keep each post within a network's limit
# The first words fit the crisis's responsibility, as SCCT (and the score) asks: a full apology
# where the organisation is to blame, concern where it is a victim too.
OPENINGS: dict[Responsibility, dict[str, str]] = {
    Responsibility.preventable: {
        "en": "We are sorry: this should not have happened and we take full responsibility.",
        "fr": "Nous sommes désolés : cela n'aurait pas dû arriver et nous en assumons "
        "l'entière responsabilité.",
    },
    Responsibility.accident: {
        "en": "We are deeply sorry for the worry this causes.",
        "fr": "Nous sommes sincèrement désolés de l'inquiétude causée.",
    },
    Responsibility.victim: {
        "en": "Our thoughts are with everyone affected.",
        "fr": "Nos pensées vont à toutes les personnes touchées.",
    },
}
TEXTS: dict[str, dict[str, str]] = {
    "holding": {
        "en": "{opening} Here is what we know: {facts} We are investigating and will give the "
        "next update at {clock}.",
        "fr": "{opening} Voici ce que nous savons : {facts} Nous enquêtons et ferons le prochain "
        "point à {clock}.",
    },
    "update": {
        "en": "Update, as promised: {facts} Next update at {clock}.",
        "fr": "Point de situation, comme promis : {facts} Prochain point à {clock}.",
    },
    "correction": {
        "en": "Rumour: {claim}. This is false. {facts}",
        "fr": "Rumeur : {claim}. C'est faux. {facts}",
    },
    "reply": {
        "en": "Thank you for asking. Here is what we know: {facts} Next update at {clock}.",
        "fr": "Merci de votre question. Voici ce que nous savons : {facts} Prochain point "
        "à {clock}.",
    },
    "late_reply": {
        "en": "We are looking into it.",
        "fr": "Nous regardons.",
    },
    "defensive": {
        "en": "We did nothing wrong. This is an isolated incident, people overreact and we stand "
        "by our processes. No comment on speculation.",
        "fr": "Nous n'avons rien fait de mal. C'est un incident isolé, la polémique est exagérée "
        "et nous maintenons nos procédures. Aucun commentaire.",
    },
}


def filler(scenario: Scenario, language: str) -> Callable[[str], str]:
    """Fill a scenario text's brand slots as the scenario's own brand has them."""
    return slot_filler(scenario, language, scenario.brand.name)


def sentences(text: str) -> list[str]:
    """A text's sentences, each ending as a sentence does."""
    parts = [part.strip() for part in re.split(r"(?<=[.!?…])\s+", text.strip()) if part.strip()]
    return [p if p.endswith((".", "!", "?", "…")) else p + "." for p in parts]


def short(text: str, limit: int = FACT_CHARS) -> str:
    """A text's first sentences within `limit` characters (at least its first sentence)."""
    kept: list[str] = []
    for part in sentences(text):
        if kept and len(" ".join([*kept, part])) > limit:
            break
        kept.append(part)
    return " ".join(kept)


class Writer:
    """The scenario's words in one language, ready to be put in a statement."""

    def __init__(self, scenario: Scenario, language: str) -> None:
        self.language = language
        fill = filler(scenario, language)
        self.facts = {fact.id: short(fill(fact.text.get(language))) for fact in scenario.facts}
        self.claims = {r.id: fill(r.claim.get(language)).rstrip(" .") for r in scenario.rumours}
        self.opening = OPENINGS[scenario.responsibility][language]
        hour, minute = (int(part) for part in scenario.start_time.split(":"))
        self.start_minute = hour * 60 + minute

    def text(self, key: str, **values: str) -> str:
        """One of the scripted texts in the language, its slots filled."""
        return TEXTS[key][self.language].format(opening=self.opening, **values)

    def clock(self, at_s: float) -> str:
        """The time of day at `at_s` seconds into the drill, as people write it."""
        return clock_text(self.language, self.start_minute + int(at_s) // 60)

    def fact(self, index: int) -> str:
        """The `index`-th fact, going round."""
        facts = list(self.facts.values())
        return facts[index % len(facts)]


def answered_injects(scenario: Scenario) -> list[Inject]:
    """The injects that expect a response, in time order."""
    return sorted((i for i in scenario.injects if i.expects_response), key=lambda i: i.at)


def rumour_surfaces_at(scenario: Scenario, rumour_id: str, appears_at: float) -> float:
    """When a rumour is out: its appearance, or the latest inject spreading it if later."""
    seeds = [i.at for i in scenario.injects if i.rumour == rumour_id]
    return float(max([appears_at, *seeds]))


def good_script(scenario: Scenario, language: str) -> list[dict[str, Any]]:
    """The good team's actions: early, factual, apologetic, answering and correcting in time."""
    write, end = Writer(scenario, language), float(scenario.duration)
    first = min(FIRST_WORD_S, end / 4)
    actions = [
        {
            "at_s": first,
            "kind": "statement",
            "text": write.text(
                "holding", facts=write.fact(0), clock=write.clock(first + UPDATE_EVERY_S)
            ),
        }
    ]
    for number, at_s in enumerate(range(int(first) + UPDATE_EVERY_S, int(end), UPDATE_EVERY_S)):
        next_clock = write.clock(at_s + UPDATE_EVERY_S)
        text = write.text("update", facts=write.fact(number + 1), clock=next_clock)
        actions.append({"at_s": float(at_s), "kind": "statement", "text": text})
    for number, inject in enumerate(answered_injects(scenario)):
        window = (inject.deadline or end) - inject.at
        at_s = min(end, inject.at + min(REPLY_WITHIN_S, window / 2))
        text = write.text(
            "reply", facts=write.fact(number), clock=write.clock(at_s + UPDATE_EVERY_S)
        )
        actions.append({"at_s": at_s, "kind": "reply", "in_reply_to": inject.id, "text": text})
    for rumour in scenario.rumours:
        at_s = rumour_surfaces_at(scenario, rumour.id, rumour.appears_at) + CORRECTION_DELAY_S
        if at_s > end:
            continue
        contradicted = [write.facts[f] for f in rumour.contradicts if f in write.facts]
        facts = contradicted[0] if contradicted else write.fact(0)
        text = write.text("correction", claim=write.claims[rumour.id], facts=facts)
        actions.append({"at_s": at_s, "kind": "correct_rumour", "rumour": rumour.id, "text": text})
    return sorted(actions, key=lambda action: action["at_s"])


def poor_script(scenario: Scenario, language: str) -> list[dict[str, Any]]:
    """The poor team's actions: late vague replies, no correction, one late defensive statement."""
    write, end = Writer(scenario, language), float(scenario.duration)
    actions = [
        {
            "at_s": min(end, (inject.deadline or inject.at) + POOR_LATE_S),
            "kind": "reply",
            "in_reply_to": inject.id,
            "text": write.text("late_reply"),
        }
        for inject in answered_injects(scenario)
    ]
    actions.append(
        {
            "at_s": round(end * POOR_STATEMENT_SHARE),
            "kind": "statement",
            "text": write.text("defensive"),
        }
    )
    return sorted(actions, key=lambda action: action["at_s"])
