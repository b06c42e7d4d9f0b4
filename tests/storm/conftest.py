"""Storm fixtures: the sample scenario and storms built from it (no database)."""

import pytest

from app.scenarios.models import Scenario
from app.storm import Storm
from tests.storm.sample import sample_scenario


@pytest.fixture(scope="session")
def scenario() -> Scenario:
    """A complete one-hour product-recall scenario."""
    return sample_scenario()


@pytest.fixture(scope="session")
def storm_en(scenario: Scenario) -> Storm:
    """The sample storm in English, seed 7."""
    return Storm(scenario, 7, "Laiterie Morvan", "en")


@pytest.fixture(scope="session")
def storm_fr(scenario: Scenario) -> Storm:
    """The sample storm in French, seed 7."""
    return Storm(scenario, 7, "Laiterie Morvan", "fr")
