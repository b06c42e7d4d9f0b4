"""A library scenario told about another company: the drill's brand in place of the fictional one.

Templates name the brand through slots ({brand}, {brand_handle}), but some facts, rumours and
injects name the scenario's fictional brand in plain words; a drill run under its own brand must
not have the storm speak of one company and the injects of another.
"""

import re
from typing import Any

from app.scenarios.models import Scenario
from app.storm.text import at_handle


def _swap(value: Any, swaps: list[tuple[re.Pattern[str], str]]) -> Any:
    """`value` with every string in it rewritten by `swaps` (mapping keys are left alone)."""
    if isinstance(value, str):
        for pattern, replacement in swaps:
            value = pattern.sub(lambda _match, text=replacement: text, value)
        return value
    if isinstance(value, dict):
        return {key: _swap(item, swaps) for key, item in value.items()}
    if isinstance(value, list):
        return [_swap(item, swaps) for item in value]
    return value


def rebranded(scenario: Scenario, name: str, handle: str) -> Scenario:
    """The scenario with its brand's name and handle replaced, in its texts too."""
    old_name, old_handle = scenario.brand.name, at_handle(scenario.brand.handle)
    new_handle = at_handle(handle)
    if (old_name, old_handle) == (name, new_handle):
        return scenario
    swaps = [
        (re.compile(rf"(?<!\w){re.escape(old_handle)}(?!\w)"), new_handle),
        (re.compile(rf"(?<![\w@#]){re.escape(old_name)}(?!\w)"), name),
    ]
    data = scenario.model_dump(mode="json", exclude={"brand"})
    data = _swap(data, swaps)
    brand = scenario.brand.model_dump(mode="json")
    data["brand"] = {**_swap(brand, swaps), "name": name, "handle": new_handle}
    return Scenario.model_validate(data)
