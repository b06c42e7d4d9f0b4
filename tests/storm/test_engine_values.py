"""storm_values: the static slots' values of a storm, without building it."""

import pytest

from app.scenarios import library
from app.storm.engine import Storm, storm_values

IDS = [summary.id for summary in library.list_scenarios()]
CASES = [  # each scenario once, languages and brands alternating (a build takes a while)
    (scenario_id, ("en", "fr")[n % 2], (None, "Globex Industries")[n // 2 % 2])
    for n, scenario_id in enumerate(IDS)
]


@pytest.mark.parametrize(("scenario_id", "language", "brand"), CASES)
def test_the_values_are_the_built_storms(scenario_id, language, brand):
    scenario = library.load_scenario(scenario_id)
    storm = Storm(scenario, 1, brand, language)
    assert storm_values(scenario, language, brand) == storm.content.values
