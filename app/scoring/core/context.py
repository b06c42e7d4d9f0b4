"""What every dimension needs from a record, computed once: ids, public texts, deadlines."""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property

from app.analysis import Analysis, Claim, Frame, analyse
from app.record import PUBLIC_KINDS, Action, AudienceOutcome, DrillRecord
from app.scoring.core.phrases import cite
from app.scoring.core.text import Analysed, analyse_text, fill_placeholders, is_thread_part
from app.scoring.core.tone import ToneAnalysis
from app.scoring.core.voice import read_tone

# First-response deadline by scenario severity when no KPI gives one (seconds); docs/scoring.md.
SEVERITY_DEADLINE_S = {4: 900.0, 3: 1800.0, 2: 3600.0, 1: 7200.0}
DEFAULT_DEADLINE_S = 1800.0
RUMOUR_TARGET_S = 1800.0
SPEAKING_WORDS = 3  # distinct content words that make even a checkless post a response
THREAD_GAP_S = 300.0  # thread parts posted at most this far apart form one message


def claims_frame(
    language: str,
    brand: str,
    facts: Iterable[tuple[str, str]],
    rumours: Iterable[tuple[str, str]],
    topics: Iterable[str],
) -> Frame:
    """What a team's texts are read against: the brand, the facts and rumours (id, text)."""
    claims = [Claim(f"fact:{key}", text, "fact") for key, text in facts]
    claims += [Claim(f"rumour:{key}", text, "rumour") for key, text in rumours]
    return Frame(language, brand, tuple(claims), tuple(topics))


def denies(reading: Analysis, rumour: str) -> bool:
    """Whether a text, as read, denies the rumour without hedging: what corrects it."""
    said = reading.stance_of(f"rumour:{rumour}")
    return said.label == "denies" and not said.hedged


@dataclass(frozen=True)
class Step:
    """An action with its stable id (`action:<index in the record>`)."""

    id: str
    index: int
    action: Action

    @property
    def at_s(self) -> float:
        """When the action happened."""
        return self.action.at_s


@dataclass(frozen=True)
class PublicText:
    """A public post of the organisation, analysed."""

    step: Step
    text: Analysed
    tone: ToneAnalysis
    reading: Analysis
    ids: tuple[str, ...] = ()

    def corrects(self, rumour: str | None) -> bool:
        """Whether this is a rumour correction the analysis reads as denying `rumour`."""
        return (
            rumour is not None
            and self.step.action.kind == "correct_rumour"
            and denies(self.reading, rumour)
        )


class Context:
    """A record prepared for scoring; attributes are computed on first use."""

    def __init__(self, record: DrillRecord, outcome: AudienceOutcome | None) -> None:
        self.record = record
        self.outcome = outcome if outcome is not None else record.audience_outcome
        self.language = record.language
        indexed = [Step(f"action:{i}", i, a) for i, a in enumerate(record.actions)]
        self.stated_end_s = record.duration_s or record.scenario.duration_s
        # Once the drill has ended nothing the team does counts: a late post cannot buy
        # corrections, key messages or approvals back.
        stated = self.stated_end_s
        self.after_end = [s.id for s in indexed if stated is not None and s.at_s > stated]
        late = set(self.after_end)
        # Records should be in time order; sorting (stably) keeps a careless one scorable.
        self.steps = sorted(
            (s for s in indexed if s.id not in late), key=lambda s: (s.at_s, s.index)
        )

    def kpi_target(self, metric: str) -> float | None:
        """The plan's target for a catalogue metric, if it sets one."""
        return next((k.target for k in self.record.plan.kpis if k.metric == metric), None)

    @cached_property
    def deadline_s(self) -> float:
        """The first-response deadline: the KPI's target, else the severity's default."""
        target = self.kpi_target("time_to_first_response_s")
        if target is not None and target > 0:
            return target
        return SEVERITY_DEADLINE_S.get(self.record.scenario.severity or 0, DEFAULT_DEADLINE_S)

    @cached_property
    def rumour_target_s(self) -> float:
        """How fast a rumour should be corrected: the KPI's target, else 30 minutes."""
        target = self.kpi_target("rumour_correction_s")
        return target if target is not None and target > 0 else RUMOUR_TARGET_S

    @cached_property
    def end_s(self) -> float:
        """When the drill ended: the record's duration, the scenario's, or the last event."""
        last = max(
            [s.at_s for s in self.steps] + [i.at_s for i in self.record.scenario.injects] + [0.0]
        )
        return max(self.stated_end_s or 0.0, last)

    def analysed(self, text: str) -> Analysed:
        """A text analysed with the record's language as the default."""
        return analyse_text(text, self.language)

    @cached_property
    def frame(self) -> Frame:
        """What the team's texts are read against: the brand and the scenario's claims."""
        scenario = self.record.scenario
        return claims_frame(
            self.language,
            self.record.brand,
            [(f.id, f.text) for f in scenario.facts],
            [(r.id, r.claim) for r in scenario.rumours],
            [i.text for i in scenario.injects],
        )

    def post(self, step: Step, text: str, ids: tuple[str, ...] = ()) -> PublicText:
        """A public text analysed once: word-level, statement analysis and the tone it reads as."""
        analysed, reading = self.analysed(text), analyse(text, self.frame)
        return PublicText(step, analysed, read_tone(analysed, reading), reading, ids)

    @cached_property
    def public(self) -> list[PublicText]:
        """The organisation's public posts, in time order."""
        found = []
        for step in self.steps:
            if step.action.kind in PUBLIC_KINDS and step.action.text:
                found.append(self.post(step, step.action.text))
        return found

    @cached_property
    def speaking(self) -> list[PublicText]:
        """The public posts that say something: checkable (`Analysis.substantive`), or at least
        a few content words, however poor ("No comment at this time" still answers).

        Only these answer the crisis, an inject or a silence: a "." or an "ok" posted at once
        to stop the clock is not a response (CERC: be first, be right).
        """
        return [
            p for p in self.public if p.reading.substantive or len(p.text.stems) >= SPEAKING_WORDS
        ]

    @cached_property
    def messages(self) -> list[PublicText]:
        """Public posts with each thread (numbered parts minutes apart) joined into one message.

        Key messages and tone are judged per message: a thread says one thing in several posts.
        """
        groups: list[list[PublicText]] = []
        for post in self.public:
            last = groups[-1][-1] if groups else None
            if (
                last is not None
                and is_thread_part(post.step.action.text or "")
                and is_thread_part(last.step.action.text or "")
                and post.step.at_s - last.step.at_s <= THREAD_GAP_S
            ):
                groups[-1].append(post)
            else:
                groups.append([post])
        merged = []
        for group in groups:
            if len(group) == 1:
                merged.append(replace(group[0], ids=(group[0].step.id,)))
                continue
            text = " ".join(p.step.action.text or "" for p in group)
            merged.append(self.post(group[0].step, text, tuple(p.step.id for p in group)))
        return merged

    @cached_property
    def subjects(self) -> dict[str, str]:
        """Each rumour's and fact's id with its words, quoted as findings cite them."""
        scenario = self.record.scenario
        texts = {f"rumour:{r.id}": r.claim for r in scenario.rumours}
        texts |= {f"fact:{f.id}": f.text for f in scenario.facts}
        return {key: cite(text, self.language) for key, text in texts.items()}

    @cached_property
    def key_messages(self) -> list[tuple[str, str, Analysed]]:
        """The plan's key messages as (id, kind, analysed text with {brand} filled)."""
        return [
            (km.id, km.kind, self.analysed(fill_placeholders(km.text, self.record.brand)))
            for km in self.record.plan.key_messages
        ]

    @cached_property
    def roles(self) -> dict[str, tuple[bool, bool]]:
        """Role id -> (can publish, approves)."""
        return {r.id: (r.can_publish, r.approves) for r in self.record.plan.roles}
