"""A library scenario told about another company: the drill's brand in place of the fictional one.

Templates name the brand through slots ({brand}, {brand_handle}), but some facts, rumours and
injects name the scenario's fictional brand in plain words; a drill run under its own brand must
not have the storm speak of one company and the injects of another.
"""

import re
from typing import Any

from app.scenarios.models import Scenario
from app.storm.authors import plain_handle
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


def default_handle(scenario: Scenario, brand: str) -> str:
    """The scenario's handle for its own brand, else one made from the brand's name."""
    if brand == scenario.brand.name:
        return scenario.brand.handle
    return plain_handle(brand.replace(" ", ""), limit=30)


def rebranded(scenario: Scenario, name: str, handle: str | None = None) -> Scenario:
    """The scenario with its brand's name and handle replaced, in its texts too.

    Without a handle, the brand's default one (`default_handle`).
    """
    old_name, old_handle = scenario.brand.name, at_handle(scenario.brand.handle)
    new_handle = at_handle(handle or default_handle(scenario, name))
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
