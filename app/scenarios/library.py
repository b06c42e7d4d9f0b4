"""The scenario library: the validated files of one folder, listed and loaded by id.

Other domains call `list_scenarios()` and `load_scenario(id)`; both read the folder from
`settings.scenarios_dir` unless given one, and cache each file until it changes on disk.
"""

import logging
import re
from pathlib import Path
from stat import S_ISREG

from pydantic import BaseModel, ConfigDict

from app.core.errors import NotFound
from app.core.memo import Memo
from app.scenarios.loader import ScenarioError, load_file
from app.scenarios.models import CrisisType, Localized, Responsibility, Scenario

logger = logging.getLogger(__name__)
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_parsed: Memo[Scenario] = Memo(limit=64)  # one parse per version of a file


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
    path = (library_folder(folder) / f"{scenario_id}.yaml").absolute()
    try:
        stat = path.stat() if _ID.match(scenario_id) else None
    except OSError:
        stat = None
    if stat is None or not S_ISREG(stat.st_mode):
        raise NotFound(f"No scenario {scenario_id!r}.", field="scenario_id")
    # The key changes when the file does. One stat: a live drill's every action reads its
    # scenario, and resolving the path cost a stat per folder of it besides.
    key = (path, stat.st_mtime_ns, stat.st_size)
    return _parsed.get(key, lambda: load_file(path, name=path.name))


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
