"""Scoring services: resolve a record's library scenario, run its storm, score; no database.

The pure core scores what the record says. This layer adds what only the application knows:
the scenario library (a record naming a scenario by id gets its facts, rumours and injects) and
the storm's audience model (a record with a library scenario and a seed gets its outcome from
`Storm.audience_series`, replacing any `audience_outcome` the record carries).
"""

import re
from collections.abc import Callable
from typing import Any

from app.core.errors import Invalid, NotFound
from app.record import Scenario
from app.scenarios.library import load_scenario
from app.scenarios.loader import ScenarioError
from app.scenarios.models import Scenario as LibraryScenario
from app.scenarios.rebrand import rebranded
from app.scoring.core import (
    AudienceOutcome,
    DrillRecord,
    RecordError,
    ScoreReport,
    parse_record,
    score_record,
)
from app.storm.engine import Storm
from app.storm.text import static_values
from app.storm.types import Audience, action_from_record

STEP_S = 60
RECOVERY_TOLERANCE = 0.02  # sentiment this close to the starting mood counts as back to it
_SLOT = re.compile(r"\{(\w+)\}")


def library_scenario(record: DrillRecord) -> LibraryScenario | None:
    """The library scenario the record names, or None when its id is not in the library."""
    try:
        return load_scenario(record.scenario.id)
    except (NotFound, ScenarioError):
        return None


def _filler(library: LibraryScenario, record: DrillRecord) -> Callable[[str], str]:
    """A function filling a library text's static slots for the record's brand and language."""
    return slot_filler(library, record.language, record.brand)


def slot_filler(scenario: LibraryScenario, language: str, brand: str) -> Callable[[str], str]:
    """A function filling a scenario text's static slots for a brand in a language; a slot that
    varies from post to post ({hashtag}, {time}…) is dropped."""
    values = static_values(scenario, language, brand, scenario.brand.handle)

    def fill(text: str) -> str:
        filled = _SLOT.sub(lambda m: values.get(m.group(1), ""), text)
        return re.sub(r"\s{2,}", " ", filled).strip()

    return fill


def conditional_times(record: DrillRecord, library: LibraryScenario) -> dict[str, float | None]:
    """When each of the library scenario's conditional injects fired given the record's
    actions (None: it did not), as the drill's storm decided (`Storm.branches`)."""
    if not any(inject.when for inject in library.injects):
        return {}
    storm = Storm(library, record.seed or 0, record.brand, record.language)
    actions = [action_from_record(a.model_dump(exclude_none=True)) for a in record.actions]
    return {key: branch.at_s for key, branch in storm.branches(actions).items()}


def completed_scenario(record: DrillRecord, library: LibraryScenario) -> Scenario:
    """The record's scenario with every field it leaves out taken from the library."""
    lang, fill = record.language, _filler(library, record)
    given = record.scenario.model_fields_set
    fired = conditional_times(record, library) if "injects" not in given else {}
    from_library: dict[str, Any] = {
        "title": library.title.get(lang),
        "severity": library.severity,
        "duration_s": library.duration,
        "crisis_type": library.crisis_type.value,
        "responsibility": library.responsibility.value,
        "facts": [{"id": f.id, "text": fill(f.text.get(lang))} for f in library.facts],
        "rumours": [
            {"id": r.id, "claim": fill(r.claim.get(lang)), "appears_at_s": r.appears_at}
            for r in library.rumours
        ],
        "injects": [
            {
                "id": i.id,
                "at_s": at_s,
                "channel": i.channel.value,
                "actor": i.actor.name,
                "text": fill(i.content.get(lang)),
                "expects_response": i.expects_response,
                "deadline_s": None if i.deadline is None else i.deadline + at_s - i.at,
                "rumour": i.rumour,
            }
            for i in library.injects
            if (at_s := fired.get(i.id, i.at) if i.when else i.at) is not None
        ],
    }
    fields = record.scenario.model_dump(include=given)
    fields.update({k: v for k, v in from_library.items() if k not in given})
    return Scenario.model_validate(fields)


def recovery_time(series: list[Audience]) -> float | None:
    """Seconds until sentiment is back to its starting level for good; None if it never is."""
    floor = series[0].sentiment - RECOVERY_TOLERANCE
    recovered: float | None = None
    for point in series:
        if point.sentiment < floor:
            recovered = None
        elif recovered is None:
            recovered = point.t_s
    return recovered


def storm_outcome(record: DrillRecord, library: LibraryScenario, seed: int) -> AudienceOutcome:
    """Final sentiment, peak anger and recovery from the storm's audience model, per minute."""
    duration = record.duration_s or record.scenario.duration_s or library.duration
    storm = Storm(library, seed, record.brand, record.language)
    actions = [action_from_record(a.model_dump(exclude_none=True)) for a in record.actions]
    series = storm.audience_series(actions, until_s=duration, step_s=STEP_S)
    return AudienceOutcome(
        final_sentiment=series[-1].sentiment,
        peak_anger=max(p.anger for p in series),
        recovery_s=recovery_time(series),
        series=[
            {"minute": round(p.t_s // STEP_S), "sentiment": p.sentiment, "anger": p.anger}
            for p in series
        ],
    )


def score_with_library(record: DrillRecord, scenario: LibraryScenario | None = None) -> ScoreReport:
    """Score a validated record, completed from the library and its storm where it names one.

    `scenario` is the one the record ran when the caller knows it (an organisation's scenario
    version, which the library cannot name); the library is looked up otherwise.
    """
    library = scenario or library_scenario(record)
    if library is None:
        return score_record(record)
    library = rebranded(library, record.brand)  # as the drill's storm spoke of its brand
    if record.scenario.model_fields_set == {"id"}:
        record = record.model_copy(update={"scenario": completed_scenario(record, library)})
    if record.seed is None:
        return score_record(record)
    return score_record(record, storm_outcome(record, library, record.seed))


def score_payload(
    *, payload: Any, budget_s: float | None = None, scenario: LibraryScenario | None = None
) -> ScoreReport:
    """Score a decoded JSON drill record, within `budget_s` seconds of work if given.

    `scenario` is the one a drill of this application ran (its record's own scenario), for
    the unbudgeted scoring of a review; records from elsewhere are completed from the library.

    An invalid record raises Invalid naming the field's path; one that takes longer than the
    budget, Invalid naming the budget (app.scoring.budget).
    """
    try:
        record = parse_record(payload)
    except RecordError as exc:
        raise Invalid(f"{exc.path}: {exc.message}", field=exc.path) from None
    if budget_s is None:
        return score_with_library(record, scenario)
    from app.scoring.budget import score_within

    return score_within(record, budget_s=budget_s)
