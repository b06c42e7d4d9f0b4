"""The dry run: the scripted good and poor responses played as headless drills and scored.

Nothing is stored: each response runs through `run_drill` (the same rules as a live drill) and
the real scoring, in memory. Both are scored against a neutral plan (one spokesperson who may
publish; no key messages, checklist or approval) so that the verdict is about the scenario, not
about one of the organisation's plans.
"""

from dataclasses import dataclass
from typing import Any, Literal

from app.drills.run import run_drill
from app.scenarios.models import Scenario
from app.scoring.core import ScoreReport, parse_record
from app.scoring.core.phrases import cite
from app.scoring.core.reader import for_reader
from app.scoring.service import score_with_library
from app.studio.scripts import filler, good_script, poor_script

# The good response must score at least this many points (of 100) above the poor one for the
# scenario to separate them clearly; a smaller lead is "barely", none at all is "not".
CLEAR_MARGIN = 20.0
NEUTRAL_PLAN: dict[str, Any] = {
    "roles": [{"id": "spokesperson", "name": "Spokesperson", "can_publish": True}],
    "key_messages": [],
    "checklist": [],
    "kpis": [],
    "approval_required": False,
}
Verdict = Literal["clear", "barely", "not"]


@dataclass(frozen=True)
class DryRun:
    """Both scored responses and whether the scenario tells them apart."""

    good: ScoreReport
    poor: ScoreReport
    good_actions: list[dict[str, Any]]
    poor_actions: list[dict[str, Any]]

    @property
    def margin(self) -> float:
        """How many points the good response scores above the poor one."""
        return round(self.good.overall - self.poor.overall, 1)

    @property
    def verdict(self) -> Verdict:
        """clear (a lead of CLEAR_MARGIN or more), barely (some lead) or not (none)."""
        if self.margin >= CLEAR_MARGIN:
            return "clear"
        return "barely" if self.margin > 0 else "not"


def scored(
    scenario: Scenario, *, seed: int, language: str, actions: list[dict[str, Any]]
) -> ScoreReport:
    """One scripted response run headless on the scenario and scored as a drill would be."""
    record = run_drill(
        plan=NEUTRAL_PLAN,
        scenario=scenario,
        seed=seed,
        language=language,
        brand=scenario.brand.name,
        actions=actions,
    )
    return score_with_library(parse_record(record), scenario)


def claims_cited(scenario: Scenario, language: str) -> dict[str, str]:
    """Each rumour's and fact's words, quoted as the findings cite them."""
    fill = filler(scenario, language)
    claims = {
        f"rumour:{r.id}": cite(fill(r.claim.get(language)), language) for r in scenario.rumours
    }
    facts = {f"fact:{f.id}": cite(fill(f.text.get(language)), language) for f in scenario.facts}
    return claims | facts


def dry_run(scenario: Scenario, *, seed: int, language: str, reader: str) -> DryRun:
    """Play and score both responses in `language`; the findings written for `reader`."""
    good, poor = good_script(scenario, language), poor_script(scenario, language)
    subjects = claims_cited(scenario, language)
    return DryRun(
        good=for_reader(
            scored(scenario, seed=seed, language=language, actions=good), reader, subjects
        ),
        poor=for_reader(
            scored(scenario, seed=seed, language=language, actions=poor), reader, subjects
        ),
        good_actions=good,
        poor_actions=poor,
    )
