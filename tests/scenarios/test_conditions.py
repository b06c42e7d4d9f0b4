"""Conditional injects in a scenario file: each wrong condition is named by its path and line."""

import pytest

from app.scenarios.loader import ScenarioError, load_file
from app.scenarios.models import NoStatement, Unanswered
from tests.scenarios.conftest import VALID

CONDITIONAL = """\
  - id: silence
    at: 4m
    when: {when}
    channel: news_article
    actor: {{name: Local News, persona: journalist}}
    content: {{en: "{{brand}} is silent.", fr: "{{brand}} se tait."}}
"""


def with_inject(when: str) -> str:
    return VALID.replace("expectations:", CONDITIONAL.format(when=when) + "expectations:")


def test_a_valid_condition_loads_and_a_timed_inject_has_none(write):
    scenario = load_file(write(with_inject("{kind: no_statement}")))
    assert isinstance(scenario.injects[1].when, NoStatement) and scenario.injects[0].when is None
    chained = load_file(write(with_inject("{kind: unanswered, inject: call}")))
    assert chained.injects[1].when == Unanswered(kind="unanswered", inject="call")


@pytest.mark.parametrize(
    ("when", "path", "fragment"),
    [
        (
            "{kind: rumour_uncorrected, rumour: mice}",
            "injects.1.when.rumour",
            "unknown rumour 'mice'",
        ),
        ("{kind: fact_denied, fact: open}", "injects.1.when.fact", "unknown fact 'open'"),
        (
            "{kind: unanswered, inject: nothing}",
            "injects.1.when.inject",
            "unknown inject 'nothing'",
        ),
        ("{kind: unanswered, inject: silence}", "injects.1.when.inject", "expects no response"),
        ("{kind: silence_by}", "injects.1.when", "does not match any of the expected tags"),
        ("{kind: fact_denied}", "injects.1.when.fact", "missing field"),
        ("{kind: no_statement, by: 3m}", "injects.1.when.by", "unknown field"),
    ],
)
def test_a_wrong_condition_is_named_by_its_path_and_line(write, when, path, fragment):
    text = with_inject(when)
    with pytest.raises(ScenarioError) as caught:
        load_file(write(text))
    (problem,) = caught.value.problems
    assert problem.path == path and fragment in problem.message
    assert problem.line == text[: text.index("    when:")].count("\n") + 1


def test_an_unanswered_condition_needs_a_message_that_expects_an_answer(write):
    text = with_inject("{kind: unanswered, inject: call}").replace(
        "    expects_response: true\n    deadline: 6m\n", ""
    )
    with pytest.raises(ScenarioError) as caught:
        load_file(write(text))
    assert [p.path for p in caught.value.problems] == ["injects.1.when.inject"]
    assert "expects no response" in caught.value.problems[0].message


def test_conditions_that_wait_on_each_other_in_a_circle_are_refused(write):
    text = with_inject("{kind: unanswered, inject: call}").replace(
        "    rumour: rats\n", "    rumour: rats\n    when: {kind: unanswered, inject: silence}\n"
    )
    text = text.replace(
        '    content: {en: "{brand} is silent.',
        '    expects_response: true\n    deadline: 8m\n    content: {en: "{brand} is silent.',
    )
    with pytest.raises(ScenarioError) as caught:
        load_file(write(text))
    assert [p.path for p in caught.value.problems] == [
        "injects.0.when.inject",
        "injects.1.when.inject",
    ]
    assert all("a circle" in p.message for p in caught.value.problems)
