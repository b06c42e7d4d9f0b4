"""Every file of scenarios/ loads, passes the cross-checks and meets the content floors."""

from collections import Counter
from pathlib import Path

import pytest
import yaml

from app.scenarios.library import scenario_files
from app.scenarios.loader import load_file
from app.scenarios.models import LANGUAGES, Scenario, TemplateContext
from app.scenarios.presumptions import presumptions

LIBRARY = Path(__file__).resolve().parents[2] / "scenarios"
FILES = scenario_files(LIBRARY)
# The floors of docs/scenarios.md ("Content floors"), per language where it applies.
TEMPLATE_FLOORS = {
    TemplateContext.rumour: 4,
    TemplateContext.reply_good: 4,
    TemplateContext.reply_bad: 4,
    TemplateContext.silence: 3,
}
PLAIN_REACTIONS = 2  # per reaction context and language: templates with no `answers`


def test_the_library_holds_the_tutorial_and_distinct_crisis_types():
    scenarios = [load_file(path) for path in FILES]
    assert "tutorial" in {s.id for s in scenarios}
    types = Counter(s.crisis_type for s in scenarios)
    assert not [kind for kind, count in types.items() if count > 1]


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_each_scenario_loads_and_passes_the_cross_checks(path: Path):
    assert load_file(path).id == path.stem


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_each_scenario_meets_the_content_floors(path: Path):
    scenario = load_file(path)
    assert floor_shortfalls(scenario) == []


def floor_shortfalls(scenario: Scenario) -> list[str]:
    """What the scenario lacks against the writing floors, as readable lines."""
    personas = {p for phase in scenario.phases for p, weight in phase.personas.items() if weight}
    responses = [inject for inject in scenario.injects if inject.expects_response]
    counts = {
        "facts": (len(scenario.facts), 3),
        "rumours": (len(scenario.rumours), 1),
        "phases": (len(scenario.phases), 4),
        "personas weighted in a phase": (len(personas), 8),
        "injects": (len(scenario.injects), 6),
        "injects expecting a response": (len(responses), 3),
        "injects tied to a rumour": (sum(1 for i in scenario.injects if i.rumour), 1),
        "inject channels": (len({inject.channel for inject in scenario.injects}), 3),
        "inject priorities": (len({inject.priority for inject in scenario.injects}), 2),
        "expectations": (len(scenario.expectations), 3),
    }
    for language in LANGUAGES:
        templates = scenario.templates.get(language)
        by_context = Counter(template.context for template in templates)
        storm = [t for t in templates if t.context == TemplateContext.storm]
        counts[f"{language} templates"] = (len(templates), 40)
        counts[f"{language} sentiments"] = (len({t.sentiment for t in storm}), 3)
        for context, floor in TEMPLATE_FLOORS.items():
            counts[f"{language} {context.value} templates"] = (by_context[context], floor)
        for context in (TemplateContext.reply_good, TemplateContext.reply_bad):
            plain = sum(1 for t in templates if t.context == context and not t.answers)
            counts[f"{language} {context.value} templates that presume nothing"] = (
                plain,
                PLAIN_REACTIONS,
            )
    return [f"{name}: {have} < {floor}" for name, (have, floor) in counts.items() if have < floor]


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_no_reaction_presumes_what_the_team_said_without_saying_what_it_answers(path: Path):
    found = [
        f"{p.language}[{p.index}] presumes {p.kind} ({p.words!r})"
        for p in presumptions(load_file(path))
    ]
    assert found == []


def test_the_annotated_example_in_the_docs_satisfies_the_schema():
    docs = (LIBRARY.parent / "docs" / "scenarios.md").read_text(encoding="utf-8")
    example = docs.split("```yaml\n", 1)[1].split("```", 1)[0]
    scenario = Scenario.model_validate(yaml.safe_load(example))
    assert scenario.id == "tutorial"
    assert {t.context for t in scenario.templates.en} == set(TemplateContext)
