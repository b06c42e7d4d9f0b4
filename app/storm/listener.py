"""What the engine needs to answer the team: reaction texts per action, missed promises, the
journalists' follow-up questions and the conditional injects that fire, each computed from the
public actions it depends on.

An action's reactions depend on it and the actions before it (the statement it may contradict);
a missed promise on the actions before its due time; a follow-up on its statement and the ones
before it. So, like everything else in the storm, nothing here changes before the action it
answers (docs/storm.md, Listening).
"""

import random
import zlib
from collections.abc import Mapping
from dataclasses import dataclass

from app.scenarios.grammar import expand, parse
from app.scenarios.models import Persona, Scenario
from app.storm.audience import CACHE_LIMIT, AudienceModel, Timeline
from app.storm.branching import Branch, Public, evaluate
from app.storm.content import Content
from app.storm.listening import (
    FRAMES_PER_KIND,
    Missed,
    follow_up,
    missed_promises,
    named,
    reaction_texts,
    read_said,
    voice_of,
)
from app.storm.meaning import excused_facts
from app.storm.phrases import REACTIONS
from app.storm.text import clock_text
from app.storm.types import Action

FOLLOW_UP_KINDS = frozenset({"statement", "correct_rumour"})  # a reply to a post gets none
FOLLOW_UP_DELAY_S = 240  # a journalist writes four to seven minutes after a statement
FOLLOW_UP_JITTER_S = 180
FOLLOW_UP_DEADLINE_S = 900  # and wants an answer within fifteen minutes
Heard = dict[str, tuple[str, ...]]  # persona → the reaction texts its accounts draw from
MAX_FOLLOW_UPS = 6  # per drill: the press does not question every update


@dataclass(frozen=True)
class FollowUp:
    """A journalist's question about a statement: an inbox inject expecting an answer."""

    id: str
    at_s: float
    deadline_s: float
    actor: str
    outlet: str | None
    text: str
    reacts_to: str  # the action's ref


class Listener:
    """Reaction texts, missed promises and follow-ups of one drill."""

    def __init__(
        self, scenario: Scenario, model: AudienceModel, content: Content, brand: str
    ) -> None:
        self.scenario, self.model, self.brand = scenario, model, brand
        self.language = content.language
        hour, minute = (int(part) for part in scenario.start_time.split(":"))
        self.start_minute = hour * 60 + minute
        self.journalist = _journalist(scenario, content)
        self._reactions: dict[int, tuple[Heard, Heard, frozenset[str]]] = {}
        self._missed: dict[int, list[Missed]] = {}

    def said(self, timeline: Timeline, index: int):
        """What the action at `index` says, read against the public actions before it."""
        readings = [self.model.effect(a).reading for a in timeline.actions[: index + 1]]
        excused = frozenset(excused_facts(readings[-1], self.model.rumour_facts))
        return readings[-1], read_said(readings[-1], readings[:-1], excused)

    def reactions(self, timeline: Timeline, action: Action) -> tuple[Heard, Heard, frozenset]:
        """The (good, bad) reaction texts to one public action of the timeline, per persona
        (a persona that never quotes the team has none), and the kinds of what it says (the
        reaction templates that answer one of them may follow it)."""
        index = timeline.index(action)
        key = timeline.keys[index + 1]
        found = self._reactions.get(key)
        if found is None:
            if len(self._reactions) > CACHE_LIMIT:
                self._reactions.clear()
            reading, said = self.said(timeline, index)
            texts = reaction_texts(reading, said, self.brand)
            kinds = frozenset(kind for kind, _span in said.kinds)
            found = (_by_persona(texts, "good"), _by_persona(texts, "bad"), kinds)
            self._reactions[key] = found
        return found

    def missed(self, timeline: Timeline) -> list[Missed]:
        """The updates the team promised by a delay or a clock time and did not give."""
        key = timeline.keys[-1]
        found = self._missed.get(key)
        if found is None:
            if len(self._missed) > CACHE_LIMIT:
                self._missed.clear()
            promises = [
                (a.at_s, a.ref, self.model.effect(a).reading)
                for a in timeline.actions
                if a.kind in FOLLOW_UP_KINDS
            ]
            found = missed_promises(promises, timeline.times, self.start_minute)
            self._missed[key] = found
        return found

    def call_outs(self, missed: Missed) -> tuple[str, ...]:
        """The posts that call out a missed update, naming the time it was promised for."""
        minute = self.start_minute + int(missed.promised_s // 60)
        time = clock_text(self.language, minute)
        grammars = [parse(g) for g in REACTIONS[self.language]["missed"]["bad"]]
        rng = random.Random(f"missed:{missed.ref}:{time}")
        found: dict[str, None] = {}
        for _ in range(FRAMES_PER_KIND):
            words = expand(grammars[rng.randrange(len(grammars))], rng, False)
            found[named(words, self.brand, self.language).format(time=time)] = None
        return tuple(found)

    def follow_ups(self, actions: list[Action]) -> list[FollowUp]:
        """The journalists' questions on the team's statements, in time order (one per
        statement, at most MAX_FOLLOW_UPS), each a few minutes after it, with a deadline."""
        timeline = Timeline(actions)
        found = []
        for index, action in enumerate(timeline.actions):
            if action.kind not in FOLLOW_UP_KINDS or len(found) == MAX_FOLLOW_UPS:
                continue
            reading, said = self.said(timeline, index)
            if not reading.text.strip():
                continue
            jitter = zlib.crc32(action.ref.encode()) % FOLLOW_UP_JITTER_S
            at_s = action.at_s + FOLLOW_UP_DELAY_S + jitter
            name, outlet = self.journalist
            found.append(
                FollowUp(
                    id=f"follow-up-{action.ref}",
                    at_s=at_s,
                    deadline_s=at_s + FOLLOW_UP_DEADLINE_S,
                    actor=name,
                    outlet=outlet,
                    text=follow_up(reading, said, self.brand),
                    reacts_to=action.ref,
                )
            )
        return found

    def branches(
        self, actions: list[Action], fired: Mapping[str, float] | None = None
    ) -> dict[str, Branch]:
        """Which conditional injects fire, and when, given the actions (`fired`: the timed
        injects a facilitator fired early)."""
        public = [self.public(a) for a in Timeline(actions).actions]
        return evaluate(self.scenario, public, fired)

    def public(self, action: Action) -> Public:
        """A public action as the conditions read it: the rumour it corrects (a correction that
        denies its rumour, as the score reads it) and the facts it denies."""
        reading = self.model.effect(action).reading
        excused = excused_facts(reading, self.model.rumour_facts)
        unhedged = {s.claim_id for s in reading.stances if s.label == "denies" and not s.hedged}
        corrected = f"rumour:{action.rumour}" in unhedged and action.kind == "correct_rumour"
        return Public(
            at_s=action.at_s,
            kind=action.kind,
            ref=action.ref,
            in_reply_to=action.in_reply_to,
            corrects=frozenset({action.rumour} if corrected and action.rumour else ()),
            denies=frozenset(
                claim.removeprefix("fact:")
                for claim in unhedged - excused
                if claim.startswith("fact:")
            ),
        )


def _by_persona(texts: dict[tuple[str, str, str], tuple[str, ...]], tone: str) -> Heard:
    """One tone's reaction texts per persona: those of its voice, every kind together."""
    by_voice: dict[str, tuple[str, ...]] = {}
    for (each, voice, _kind), found in texts.items():
        if each == tone:
            by_voice[voice] = by_voice.get(voice, ()) + found
    heard = {}
    for persona in Persona:
        voice = voice_of(persona.value)
        if voice is not None and by_voice.get(voice):
            heard[persona.value] = by_voice[voice]
    return heard


def _journalist(scenario: Scenario, content: Content) -> tuple[str, str | None]:
    """Who asks: the scenario's first journalist (and outlet), else one of the drill's cast."""
    for inject in scenario.injects:
        if inject.actor.persona is Persona.journalist:
            return inject.actor.name, inject.actor.outlet
    members = content.authors.get("journalist") or next(iter(content.authors.values()))
    return members[0].author.name, None
