"""Export: every library scenario written as YAML reads back to the same scenario, validates
as a file with `stormdrill scenarios validate`, and so do texts of any kind."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from app.cli import app as cli_app
from app.scenarios import library
from app.scenarios.loader import parse_scenario
from app.scenarios.models import Scenario, parse_duration
from app.studio.document import _duration, file_name, to_yaml

LIBRARY_IDS = [summary.id for summary in library.list_scenarios()]


@pytest.mark.parametrize("scenario_id", LIBRARY_IDS)
def test_a_library_scenario_reads_back_exactly(scenario_id):
    scenario = library.load_scenario(scenario_id)
    assert parse_scenario(to_yaml(scenario), label="export", stem=scenario.id) == scenario


@pytest.mark.parametrize("scenario_id", ["tutorial", "product-recall"])  # with conditions
def test_an_exported_file_validates_with_the_command_line(tmp_path, scenario_id):
    scenario = library.load_scenario(scenario_id)
    path = tmp_path / file_name(scenario)
    path.write_text(to_yaml(scenario), encoding="utf-8")
    result = CliRunner().invoke(cli_app, ["scenarios", "validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 scenario file(s) valid" in result.output


def test_an_export_keeps_the_conditions_of_conditional_injects():
    text = to_yaml(library.load_scenario("product-recall"))
    assert "when:\n    kind: no_statement\n" in text
    assert "when:\n    kind: unanswered\n    inject: magazine-questions\n" in text


def test_times_are_written_with_units_and_defaults_left_out():
    text = to_yaml(library.load_scenario("tutorial"))
    assert "\nduration: 10m\n" in text
    assert "context: storm" not in text


@given(seconds=st.integers(min_value=0, max_value=10 * 24 * 3600))
def test_a_written_duration_parses_back(seconds):
    assert parse_duration(_duration(seconds)) == seconds


texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80
).filter(lambda text: text.strip() and "{" not in text and "}" not in text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=texts, fact=texts)
def test_any_title_and_fact_text_survive_the_round_trip(title, fact):
    data = library.load_scenario("tutorial").model_dump(mode="json")
    data["title"] = {"en": title, "fr": title}
    data["facts"][0]["text"] = {"en": fact, "fr": fact}
    changed = Scenario.model_validate(data)
    assert parse_scenario(to_yaml(changed), label="export") == changed
