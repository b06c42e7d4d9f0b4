"""The scenario library: the validated files of one folder, listed and loaded by id.

Other domains call `list_scenarios()` and `load_scenario(id)`; both read the folder from
`settings.scenarios_dir` unless given one, and cache each file until it changes on disk.
"""

import logging
import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from app.core.errors import NotFound
from app.scenarios.loader import ScenarioError, load_file
from app.scenarios.models import CrisisType, Localized, Responsibility, Scenario

logger = logging.getLogger(__name__)
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class ScenarioSummary(BaseModel):
    """What a list of scenarios shows: enough to choose one."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: Localized
    summary: Localized
    crisis_type: CrisisType
    responsibility: Responsibility
    severity: int
    duration: int


def library_folder(folder: Path | None = None) -> Path:
    """`folder`, or the configured scenarios folder."""
    if folder is not None:
        return folder
    from app.core.settings import get_settings

    return get_settings().scenarios_dir


def scenario_files(folder: Path | None = None) -> list[Path]:
    """Every scenario file of the library, sorted by name."""
    return sorted(library_folder(folder).glob("*.yaml"))


def load_scenario(scenario_id: str, folder: Path | None = None) -> Scenario:
    """The scenario `scenario_id`; NotFound if no such file, ScenarioError if it is invalid."""
    path = library_folder(folder) / f"{scenario_id}.yaml"
    if not _ID.match(scenario_id) or not path.is_file():
        raise NotFound(f"No scenario {scenario_id!r}.", field="scenario_id")
    stat = path.stat()
    return _load_cached(path.resolve(), stat.st_mtime_ns, stat.st_size)


def list_scenarios(folder: Path | None = None) -> list[ScenarioSummary]:
    """A summary of each valid scenario of the library, by id; invalid files are logged."""
    summaries = []
    for path in scenario_files(folder):
        try:
            scenario = load_scenario(path.stem, path.parent)
        except (ScenarioError, NotFound) as error:
            logger.warning("Skipping invalid scenario file %s:\n%s", path.name, error)
            continue
        summaries.append(ScenarioSummary.model_validate(scenario, from_attributes=True))
    return summaries


@lru_cache(maxsize=64)
def _load_cached(path: Path, mtime_ns: int, size: int) -> Scenario:
    """One parse per version of a file: the key changes when the file does."""
    return load_file(path, name=path.name)
