"""The loader reports every problem of a file as `file:line: field.path: message`."""

from pathlib import Path

import pytest

from app.scenarios.loader import ScenarioError, load_file, parse_scenario
from tests.scenarios.conftest import VALID

# (case, text replaced, replacement, expected field path, message fragment, text on the line)
CASES = [
    ("bad yaml", "severity: 1", "severity: [1", "(yaml)", "expected ',' or ']'", "duration:"),
    (
        "tab indent",
        "  name: Café Test",
        "\tname: Café Test",
        "(yaml)",
        "cannot start any token",
        "\tname",
    ),
    (
        "unknown field",
        "spread_rate: 0.2",
        "spread_rat: 0.2",
        "rumours.0.spread_rat",
        "unknown field (did you mean 'spread_rate'?",
        "spread_rat:",
    ),
    (
        "missing field",
        "    spread_rate: 0.2\n",
        "",
        "rumours.0.spread_rate",
        "missing field",
        "- id: rats",
    ),
    ("missing top field", "severity: 1\n", "", "severity", "missing field", "id: mini"),
    (
        "wrong type",
        "severity: 1",
        "severity: high",
        "severity",
        "valid integer, unable to parse string as an integer (got 'high')",
        "severity:",
    ),
    ("bad duration", "at: 2m", "at: 2 minutes", "injects.0.at", "not a duration", "at: 2 min"),
    (
        "bad enum",
        "channel: phone_call",
        "channel: fax",
        "injects.0.channel",
        "(got 'fax')",
        "channel:",
    ),
    (
        "unknown persona",
        "{angry_customer: 1}",
        "{angry_custmer: 1}",
        "phases.1.personas.angry_custmer",
        "unknown key 'angry_custmer'",
        "angry_custmer",
    ),
    (
        "duplicate key",
        "severity: 1\n",
        "severity: 1\nseverity: 2\n",
        "severity",
        "key 'severity' appears twice",
        "severity: 2",
    ),
    (
        "deadline past duration",
        "deadline: 6m",
        "deadline: 12m",
        "injects.0.deadline",
        "12m is past the scenario's duration (10m)",
        "deadline:",
    ),
    (
        "rumour past duration",
        "appears_at: 3m",
        "appears_at: 11m",
        "rumours.0.appears_at",
        "11m is past the scenario's duration (10m)",
        "appears_at:",
    ),
    (
        "phase gap",
        "start: 5m",
        "start: 6m",
        "phases.1.start",
        "not at the end of phases.0 (5m)",
        "start: 6m",
    ),
    (
        "phase not from 0",
        "start: 0\n",
        "start: 1m\n",
        "phases.0.start",
        "not at the start (0)",
        "start: 1m",
    ),
    (
        "phases short of duration",
        "duration: 10m",
        "duration: 12m",
        "phases.1.end",
        "the last phase ends at 10m, not at the scenario's duration (12m)",
        "end: 10m",
    ),
    (
        "phase backwards",
        "end: 5m",
        "end: 0",
        "phases.0",
        "end must come after start",
        "- id: onset",
    ),
    (
        "inject unknown rumour",
        "    rumour: rats\nexpectations",
        "    rumour: mice\nexpectations",
        "injects.0.rumour",
        "unknown rumour 'mice' (known: rats)",
        "rumour: mice",
    ),
    (
        "template unknown rumour",
        "rumour, rumour: rats}\n  fr:",
        "rumour, rumour: mice}\n  fr:",
        "templates.en.2.rumour",
        "unknown rumour 'mice'",
        "RATS at",
    ),
    (
        "rumour template without rumour",
        "context: rumour, rumour: rats}\n  fr:",
        "context: rumour}\n  fr:",
        "templates.en.2.rumour",
        "must name its rumour",
        "RATS at",
    ),
    (
        "rumour without templates",
        "context: rumour, rumour: rats}",
        "context: reply_bad}",
        "rumours.0",
        "rumour 'rats' has no `rumour` templates in en and fr",
        "- id: rats",
    ),
    (
        "rumour without fr templates",
        "context: rumour, rumour: rats}\ninjects",
        "}\ninjects",
        "rumours.0",
        "no `rumour` templates in fr",
        "- id: rats",
    ),
    (
        "unknown fact",
        "contradicts: [closed]",
        "contradicts: [open]",
        "rumours.0.contradicts.0",
        "unknown fact 'open'",
        "contradicts:",
    ),
    (
        "duplicate id",
        "- id: decay",
        "- id: onset",
        "phases.1.id",
        "duplicate id 'onset' (already used by phases.0)",
        "- id: onset\n    name: {en: Decay",
    ),
    (
        "persona without templates",
        "{angry_customer: 1}",
        "{angry_customer: 1, regulator: 2}",
        "phases.1.personas.regulator",
        "persona 'regulator' is weighted in phase 'decay' but has no `storm` templates in en "
        "and fr",
        "regulator: 2",
    ),
    (
        "persona without fr templates",
        '    - {persona: supporter, sentiment: positive, text: "on vous aime {brand_handle}"}\n',
        "",
        "phases.0.personas.supporter",
        "no `storm` templates in fr",
        "supporter: 1",
    ),
    (
        "all weights zero",
        "{angry_customer: 1}",
        "{angry_customer: 0}",
        "phases.1.personas",
        "every persona weight is zero",
        "angry_customer: 0",
    ),
    (
        "language missing",
        "summary: {en: A small crisis., fr: Une petite crise.}",
        "summary: {en: A small crisis.}",
        "summary.fr",
        "missing field",
        "summary:",
    ),
    ("template language missing", "  fr:\n", "  de:\n", "templates.de", "unknown field", "  de:"),
    (
        "placeholder undefined",
        "{brand_handle} {hashtag}",
        "{brand_handle} {shop}",
        "templates.en.1.text",
        "unknown placeholder {shop}",
        "love",
    ),
    (
        "placeholder in inject",
        'fr: "{brand} est fermé ?"',
        'fr: "{marque} est fermé ?"',
        "injects.0.content.fr",
        "unknown placeholder {marque}",
        "content:",
    ),
    (
        "slot in a hashtag",
        '["#CafeTest"]',
        '["#{hashtag}Test"]',
        "hashtags.en.0",
        "unknown placeholder {hashtag} (defined: brand_tag; a hashtag holds no other slot)",
        "hashtags:",
    ),
    (
        "brand name without a tag",
        "name: Café Test",
        'name: "!!"',
        "brand.name",
        "no letter or digit to make {brand_tag}",
        "name:",
    ),
    (
        "malformed braces",
        "no {product} at",
        "no {product at",
        "templates.en.0.text",
        "malformed braces",
        "no {product at",
    ),
    (
        "slot with a format",
        "{hashtag}",
        "{hashtag!r}",
        "templates.en.1.text",
        "not a plain slot",
        "love",
    ),
    (
        "response without deadline",
        "    deadline: 6m\n",
        "",
        "injects.0",
        "needs a deadline",
        "- id: call",
    ),
    (
        "bad metric",
        "metric: time_to_first_response_s",
        "metric: happiness",
        "expectations.0.metric",
        "should match pattern",
        "metric:",
    ),
]


def line_of(text: str, marker: str) -> int:
    return text[: text.index(marker)].count("\n") + 1


def test_the_reference_file_is_valid(write):
    assert load_file(write(VALID)).id == "mini"


def test_brand_tag_is_a_slot_of_templates_injects_and_hashtags(write):
    text = (
        VALID.replace('["#CafeTest"]', '["#{brand_tag}", "#Boycott{brand_tag}"]')
        .replace("love {brand_handle}", "love {brand_handle} #{brand_tag}")
        .replace('"Is {brand} closed?"', '"Is {brand} closed? #{brand_tag}"')
    )
    assert load_file(write(text)).hashtags.en == ["#{brand_tag}", "#Boycott{brand_tag}"]


@pytest.mark.parametrize(
    ("old", "new", "path", "fragment", "marker"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_each_problem_is_reported_at_its_file_line_and_field(
    write, old: str, new: str, path: str, fragment: str, marker: str
):
    assert old in VALID
    text = VALID.replace(old, new)
    file = write(text)
    with pytest.raises(ScenarioError) as caught:
        load_file(file)
    lines = str(caught.value).splitlines()
    prefix = f"{file}:{line_of(text, marker)}: {path}: "
    assert any(line.startswith(prefix) and fragment in line for line in lines), lines


def test_all_problems_are_reported_at_once(write):
    text = (
        VALID.replace("deadline: 6m", "deadline: 12m")
        .replace("start: 5m", "start: 6m")
        .replace("{hashtag}", "{shop}")
    )
    with pytest.raises(ScenarioError) as caught:
        load_file(write(text))
    paths = [problem.path for problem in caught.value.problems]
    assert paths == ["phases.1.start", "templates.en.1.text", "injects.0.deadline"]
    assert [p.line for p in caught.value.problems] == sorted(p.line for p in caught.value.problems)


def test_schema_errors_are_all_reported_together(write):
    text = VALID.replace("severity: 1", "severity: 9").replace("channel: phone_call", "channel: x")
    with pytest.raises(ScenarioError) as caught:
        load_file(write(text))
    assert [p.path for p in caught.value.problems] == ["severity", "injects.0.channel"]


def test_the_id_must_equal_the_file_stem(write):
    file = write(VALID, stem="other")
    with pytest.raises(ScenarioError) as caught:
        load_file(file)
    assert str(caught.value) == f"{file}:1: id: id 'mini' must equal the file name ('other')"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "expected a mapping; the file is empty"),
        ("- a\n- b\n", "expected a mapping; found list"),
    ],
)
def test_a_file_that_is_not_a_mapping_is_refused(text: str, message: str):
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, label="x.yaml")
    assert str(caught.value) == f"x.yaml:1: (root): {message}"


def test_a_missing_file_is_a_problem_not_a_crash(tmp_path: Path):
    with pytest.raises(ScenarioError) as caught:
        load_file(tmp_path / "nowhere.yaml", name="nowhere.yaml")
    assert str(caught.value).startswith("nowhere.yaml:1: (file): cannot read")


def test_yaml_is_loaded_safely(write):
    text = VALID.replace("severity: 1", "severity: !!python/object/apply:os.system [echo]")
    with pytest.raises(ScenarioError) as caught:
        load_file(write(text))
    assert caught.value.problems[0].path == "(yaml)"
