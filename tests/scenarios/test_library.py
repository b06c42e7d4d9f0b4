"""The library lists and loads scenarios by id, cached until a file changes."""

import os
from pathlib import Path

import pytest

from app.core.errors import NotFound
from app.core.settings import get_settings
from app.scenarios.library import library_folder, list_scenarios, load_scenario
from app.scenarios.loader import ScenarioError
from tests.scenarios.conftest import VALID


@pytest.fixture
def folder(write) -> Path:
    """A library of two valid scenarios and a broken one."""
    write(VALID)
    write(VALID.replace("id: mini", "id: alpha").replace("severity: 1", "severity: 3"), "alpha")
    path = write("id: broken\n", "broken")
    return path.parent


def test_load_scenario_by_id(folder: Path):
    scenario = load_scenario("alpha", folder)
    assert (scenario.id, scenario.severity, scenario.duration) == ("alpha", 3, 600)


def test_loads_are_cached_until_the_file_changes(folder: Path):
    first = load_scenario("mini", folder)
    assert load_scenario("mini", folder) is first
    path = folder / "mini.yaml"
    path.write_text(VALID.replace("severity: 1", "severity: 2"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert load_scenario("mini", folder).severity == 2


@pytest.mark.parametrize("scenario_id", ["nope", "../mini", "Mini", ""])
def test_an_unknown_or_unsafe_id_is_not_found(folder: Path, scenario_id: str):
    with pytest.raises(NotFound):
        load_scenario(scenario_id, folder)


def test_an_invalid_file_raises_with_its_problems(folder: Path):
    with pytest.raises(ScenarioError) as caught:
        load_scenario("broken", folder)
    assert "broken.yaml:1: title: missing field" in str(caught.value)


def test_list_scenarios_summarises_the_valid_files_by_id(folder: Path):
    summaries = list_scenarios(folder)
    assert [(s.id, s.severity, s.duration, s.crisis_type.value) for s in summaries] == [
        ("alpha", 3, 600, "tutorial"),
        ("mini", 1, 600, "tutorial"),
    ]
    assert summaries[1].title.get("fr") == "Mini crise"


def test_the_default_folder_comes_from_the_settings():
    assert library_folder() == get_settings().scenarios_dir
