"""Template grammars: alternatives, gender pairs, literal brackets, and what the checks refuse."""

import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.scenarios.checks import template_problems
from app.scenarios.grammar import GrammarError, expand, gendered, parse, readings
from app.scenarios.loader import ScenarioError, parse_scenario
from app.scenarios.models import SLOTS
from tests.scenarios.conftest import VALID

WORDS = st.text(alphabet="abcdé !?.,", min_size=0, max_size=6)


@given(st.lists(st.lists(WORDS, min_size=2, max_size=4), min_size=1, max_size=3), st.integers())
def test_every_reading_picks_one_alternative_of_each_group(groups, seed):
    text = " ".join("[" + "|".join(options) + "]" for options in groups)
    reading = expand(parse(text), random.Random(seed), False)
    possible = {""}
    for index, options in enumerate(groups):
        joiner = " " if index else ""
        possible = {p + joiner + o for p in possible for o in options}
    assert reading in possible
    assert readings(parse(text)) == math.prod(len(options) for options in groups)


def test_alternatives_nest_and_may_be_empty():
    grammar = parse("[so |][we are [really|truly] sorry|sorry]")
    seen = {expand(grammar, random.Random(seed), False) for seed in range(200)}
    assert seen == {
        "so we are really sorry",
        "so we are truly sorry",
        "so sorry",
        "we are really sorry",
        "we are truly sorry",
        "sorry",
    }


def test_a_gender_pair_agrees_with_the_author():
    grammar = parse("je suis <inquiet|inquiète> pour mon <fils|fils>")
    assert gendered(grammar)
    assert expand(grammar, random.Random(1), True) == "je suis inquiète pour mon fils"
    assert expand(grammar, random.Random(1), False) == "je suis inquiet pour mon fils"


def test_brackets_without_a_choice_and_arrows_stay_as_written():
    text = "[photo of the lid] click >>> here <3 {hashtag}"
    grammar = parse(text)
    assert not gendered(grammar)
    assert expand(grammar, random.Random(0), False) == text


@pytest.mark.parametrize("text", ["[a|b", "[a|[b|c]", "x [a|b] [c"])
def test_an_open_group_is_an_error(text):
    with pytest.raises(GrammarError):
        parse(text)


def test_a_lone_angle_bracket_is_text():
    text = "I <3 it, a > b | c <"
    assert expand(parse(text), random.Random(0), False) == text


def test_the_checks_read_the_slots_of_every_alternative():
    assert template_problems("[{brand} is late|{brand} {nope}]", set(SLOTS))[0].startswith(
        "unknown placeholder {nope}"
    )
    assert template_problems("[open", set(SLOTS))[0].startswith("bad grammar")
    assert template_problems("[{brand}|{time} and {elapsed}]", set(SLOTS)) == []


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            'text: "no {product} at {brand}??"',
            'text: "no {product} at [Café Test|them]??"',
            ("templates.en.0.text: names the brand 'Café Test' literally"),
        ),
        (
            "product: {en: croissant,",
            "product: {en: café test croissant,",
            ("brand.placeholders.product.en: names the brand 'Café Test' literally"),
        ),
        (
            'text: "no {product} at {brand}??"',
            'text: "no {product} [at {brand}|{brand}??"',
            ("templates.en.0.text: bad grammar"),
        ),
        (
            'text: "no {product} at {brand}??"',
            'text: "{count} {product} at {brand}"',
            ("templates.en.0.text: unknown placeholder {count}"),
        ),
    ],
)
def test_the_loader_refuses_a_literal_brand_a_broken_grammar_and_undeclared_numbers(
    old, new, problem
):
    assert old in VALID
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(VALID.replace(old, new, 1), label="mini.yaml", stem="mini")
    assert problem in str(caught.value)


def test_declared_number_slots_and_their_units_load():
    text = VALID.replace(
        'text: "no {product} at {brand}??"', 'text: "{count} {product} at {brand}, {share}"', 1
    ).replace(
        "hashtags:",
        "numbers:\n  count: {min: 3, max: 40}\n"
        "  share: {min: 5, max: 20, unit: percent}\nhashtags:",
        1,
    )
    scenario = parse_scenario(text, label="mini.yaml", stem="mini")
    assert scenario.numbers["share"].unit == "percent"
