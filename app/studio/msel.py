"""The master scenario events list as a timeline: move, shift and duplicate injects.

Pure functions on a scenario document (plain data); the service validates the result as any
other edit, so a time pushed before 0 or past the scenario's end is refused by field. An
inject's deadline moves with it: the team keeps the same time to answer.
"""

import copy
from typing import Any


def _moved(inject: dict[str, Any], delta_s: int) -> None:
    inject["at"] = inject["at"] + delta_s
    if inject.get("deadline") is not None:
        inject["deadline"] = inject["deadline"] + delta_s


def timeline(document: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    """The injects with their position in the document, in time order (stable)."""
    indexed = list(enumerate(document.get("injects", [])))
    return sorted(indexed, key=lambda pair: (pair[1]["at"], pair[0]))


def shift(document: dict[str, Any], delta_s: int, ids: set[str] | None = None) -> dict[str, Any]:
    """The document with the injects `ids` (all when None) moved by `delta_s` seconds."""
    data = copy.deepcopy(document)
    for inject in data.get("injects", []):
        if ids is None or inject["id"] in ids:
            _moved(inject, delta_s)
    return data


def move(document: dict[str, Any], inject_id: str, at_s: int) -> dict[str, Any]:
    """The document with one inject arriving at `at_s`, its deadline moved alike."""
    inject = next(i for i in document.get("injects", []) if i["id"] == inject_id)
    return shift(document, at_s - inject["at"], {inject_id})


def free_id(taken: set[str], base: str, limit: int = 60) -> str:
    """`base-2`, `base-3`… the first not in `taken`, within `limit` characters."""
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = base[: limit - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        number += 1


def duplicate(document: dict[str, Any], inject_id: str) -> dict[str, Any]:
    """The document with a copy of one inject, under a free id, right after it."""
    data = copy.deepcopy(document)
    injects = data["injects"]
    index = next(i for i, inject in enumerate(injects) if inject["id"] == inject_id)
    copied = {
        **copy.deepcopy(injects[index]),
        "id": free_id({i["id"] for i in injects}, inject_id),
    }
    injects.insert(index + 1, copied)
    return data


def unused_id(document: dict[str, Any], inject: dict[str, Any]) -> dict[str, Any]:
    """`inject` under its id, or under the first free one after it when `document` uses it."""
    taken = {i["id"] for i in document.get("injects", [])}
    return {**inject, "id": free_id(taken, inject["id"])} if inject["id"] in taken else inject


def add(document: dict[str, Any], inject: dict[str, Any]) -> dict[str, Any]:
    """The document with `inject` added, under its id or the first free one after it."""
    data = copy.deepcopy(document)
    data.setdefault("injects", []).append(copy.deepcopy(unused_id(data, inject)))
    return data
