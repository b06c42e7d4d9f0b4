"""What every dimension needs from a record, computed once: ids, public texts, deadlines."""

from dataclasses import dataclass, replace
from functools import cached_property

from app.record import PUBLIC_KINDS, Action, AudienceOutcome, DrillRecord
from app.scoring.core.text import Analysed, analyse_text, fill_placeholders, is_thread_part
from app.scoring.core.tone import ToneAnalysis, analyse_tone

# First-response deadline by scenario severity when no KPI gives one (seconds); docs/scoring.md.
SEVERITY_DEADLINE_S = {4: 900.0, 3: 1800.0, 2: 3600.0, 1: 7200.0}
DEFAULT_DEADLINE_S = 1800.0
RUMOUR_TARGET_S = 1800.0
THREAD_GAP_S = 300.0  # thread parts posted at most this far apart form one message


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
    ids: tuple[str, ...] = ()


class Context:
    """A record prepared for scoring; attributes are computed on first use."""

    def __init__(self, record: DrillRecord, outcome: AudienceOutcome | None) -> None:
        self.record = record
        self.outcome = outcome if outcome is not None else record.audience_outcome
        self.language = record.language
        indexed = [Step(f"action:{i}", i, a) for i, a in enumerate(record.actions)]
        # Records should be in time order; sorting (stably) keeps a careless one scorable.
        self.steps = sorted(indexed, key=lambda s: (s.at_s, s.index))

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
        given = self.record.duration_s or self.record.scenario.duration_s
        last = max(
            [s.at_s for s in self.steps] + [i.at_s for i in self.record.scenario.injects] + [0.0]
        )
        return max(given or 0.0, last)

    def analysed(self, text: str) -> Analysed:
        """A text analysed with the record's language as the default."""
        return analyse_text(text, self.language)

    @cached_property
    def public(self) -> list[PublicText]:
        """The organisation's public posts, in time order."""
        found = []
        for step in self.steps:
            if step.action.kind in PUBLIC_KINDS and step.action.text:
                text = self.analysed(step.action.text)
                found.append(PublicText(step, text, analyse_tone(text)))
        return found

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
            text = self.analysed(" ".join(p.step.action.text or "" for p in group))
            ids = tuple(p.step.id for p in group)
            merged.append(PublicText(group[0].step, text, analyse_tone(text), ids))
        return merged

    @cached_property
    def key_messages(self) -> list[tuple[str, str, Analysed]]:
        """The plan's key messages as (id, kind, analysed text with {brand} filled)."""
        return [
            (km.id, km.kind, self.analysed(fill_placeholders(km.text, self.record.brand)))
            for km in self.record.plan.key_messages
        ]

    @cached_property
    def rumour_claims(self) -> dict[str, Analysed]:
        """Rumour id -> its claim, keeping only its key terms for matching.

        The key terms are what sets the claim apart from the scenario's facts and the brand's
        name (the falsehood itself): all of the claim's terms if nothing sets it apart.
        """
        common = set(self.analysed(self.record.brand).stems)
        for fact in self.record.scenario.facts:
            common |= self.analysed(fact.text).stems
        claims = {}
        for rumour in self.record.scenario.rumours:
            claim = self.analysed(rumour.claim)
            brandless = claim.stems - self.analysed(self.record.brand).stems
            key_terms = (claim.stems - common) or brandless or claim.stems
            claims[rumour.id] = replace(claim, stems=frozenset(key_terms))
        return claims

    @cached_property
    def roles(self) -> dict[str, tuple[bool, bool]]:
        """Role id -> (can publish, approves)."""
        return {r.id: (r.can_publish, r.approves) for r in self.record.plan.roles}
