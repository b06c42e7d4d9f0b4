"""A few posts a template would give, read the way the storm reads it (for the editor's live
sample): the grammar expanded, bent by the persona's way of writing, its slots filled.

Pure: the scenario, the template's fields and the seeds in, texts out.
"""

import random

from app.scenarios.checks import template_problems
from app.scenarios.grammar import expand, gendered, parse
from app.scenarios.models import SLOTS, Gender, PostTemplate, Scenario
from app.storm.places import towns
from app.storm.text import Slots, compile_text, number_names, static_text, static_values
from app.storm.variation import vary

SEEDS = (1, 2, 3, 4)
SAMPLE_AT_MS = 10 * 60_000  # the posts read as if written ten minutes into the crisis


class SampleError(ValueError):
    """A template that cannot be read: its grammar or its slots are wrong."""


def sample_posts(
    scenario: Scenario, template: PostTemplate, language: str, seeds: tuple[int, ...] = SEEDS
) -> list[str]:
    """Distinct posts `template` gives in `language`, one per seed at most, under the
    scenario's own brand; SampleError naming the first problem of the template."""
    defined = set(SLOTS) | set(scenario.brand.placeholders) | set(scenario.numbers)
    problems = template_problems(template.text, defined)
    if problems:
        raise SampleError(problems[0])
    grammar = parse(template.text)
    values = static_values(scenario, language, scenario.brand.name, scenario.brand.handle)
    hashtags = [static_text(tag, values) for tag in scenario.hashtags.get(language)]
    slots = Slots(scenario, language, hashtags)
    numbers = number_names(scenario)
    cities = towns(scenario.countries.get(language))
    found: dict[str, None] = {}
    for seed in seeds:
        rng = random.Random(seed)
        if template.gender is None:
            feminine = gendered(grammar) and rng.random() < 0.5
        else:
            feminine = template.gender is Gender.female
        words = expand(grammar, rng, feminine)
        text = vary(words, template.persona, template.sentiment, language, hashtags, rng)
        parts = compile_text(text, values, numbers, language)
        filler = slots.filler(parts)
        city = cities[rng.randrange(len(cities))]
        found[parts[0] if filler is None else filler(rng.random, city, SAMPLE_AT_MS)] = None
    return list(found)
