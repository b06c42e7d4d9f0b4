"""The editor's other pages: timing and phases, posts, injects, expectations.

Each page's form edits one part of the document and keeps every other part as it was, so two
pages never undo each other. Rows are numbered as in the document (`phases.1.end`,
`templates.fr.4.text`, `injects.0.actor.name`), a blank row adds nothing and a ticked
`remove` takes the row out. An inject keeps the keys this form does not know, overlaid by the
fields the form edits (its condition among them).
"""

import copy
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from starlette.datastructures import FormData

from app.scenarios.models import CONDITION_TARGETS, LANGUAGES, Persona
from app.studio.forms import duration, field, localized, rows

INJECT_FIELDS = frozenset(
    {
        "id",
        "at",
        "channel",
        "actor",
        "content",
        "expects_response",
        "deadline",
        "priority",
        "rumour",
        "when",
    }
)
ACTOR_FIELDS = ("name", "persona", "handle", "outlet")


class Section(StrEnum):
    """The editor's pages after the first (title, brand, facts, rumours)."""

    phases = "phases"
    posts = "posts"
    injects = "injects"
    expectations = "expectations"


def _optional(text: str) -> str | None:
    return text or None


def _removed(form: FormData, base: str) -> bool:
    return bool(form.get(f"{base}.remove"))


def _phase(form: FormData, row: int) -> dict[str, Any] | None:
    base = f"phases.{row}"
    phase = {
        "id": field(form, f"{base}.id"),
        "name": localized(form, f"{base}.name"),
        "start": duration(field(form, f"{base}.start")),
        "end": duration(field(form, f"{base}.end")),
        "volume": {
            "start_per_min": field(form, f"{base}.volume.start_per_min"),
            "end_per_min": field(form, f"{base}.volume.end_per_min"),
            "shape": field(form, f"{base}.volume.shape") or "linear",
        },
        "personas": {
            persona.value: weight
            for persona in Persona
            if (weight := field(form, f"{base}.personas.{persona.value}"))
        },
    }
    typed = phase["id"] or any(phase["name"].values()) or phase["start"] or phase["end"]
    return None if _removed(form, base) or not typed else phase


def edit_phases(data: dict[str, Any], form: FormData) -> None:
    """The scenario's duration, clock time at T+0 and phases (with their volume and personas)."""
    data["duration"] = duration(field(form, "duration"))
    data["start_time"] = field(form, "start_time")
    data["phases"] = [p for p in (_phase(form, row) for row in rows(form, "phases")) if p]


def _template(form: FormData, base: str) -> dict[str, Any] | None:
    template = {
        "persona": field(form, f"{base}.persona"),
        "sentiment": field(form, f"{base}.sentiment"),
        "context": field(form, f"{base}.context") or "storm",
        "gender": _optional(field(form, f"{base}.gender")),
        "rumour": _optional(field(form, f"{base}.rumour")),
        # A template's spaces can matter (`[so |]`): only the ends are trimmed.
        "text": field(form, f"{base}.text"),
    }
    answers = [str(value) for value in form.getlist(f"{base}.answers") if value]
    if answers:  # left out when empty, as the scenario files do
        template["answers"] = answers
    return None if _removed(form, base) or not template["text"] else template


def _numbers(form: FormData) -> dict[str, dict[str, Any]]:
    """The number slots, by name: the saved ones (`numbers.<name>.min`…) then a new one."""
    names = dict.fromkeys(
        key.split(".")[1] for key in form if key.startswith("numbers.") and key.count(".") == 2
    )
    rows_by_name = {
        name: f"numbers.{name}" for name in names if not _removed(form, f"numbers.{name}")
    }
    new = field(form, "new_number.name")
    if new:
        rows_by_name[new] = "new_number"
    return {
        name: {
            "min": field(form, f"{base}.min"),
            "max": field(form, f"{base}.max"),
            "unit": field(form, f"{base}.unit") or "plain",
        }
        for name, base in rows_by_name.items()
    }


def _placeholders(form: FormData) -> dict[str, dict[str, str]]:
    """The brand's own slots ({city}, {product}…) by name, with their text in each language:
    the saved ones (`brand.placeholders.<name>.en`…) then a new one."""
    prefix = "brand.placeholders."
    names = dict.fromkeys(
        key[len(prefix) :].split(".")[0]
        for key in form
        if key.startswith(prefix) and key.count(".") == 3
    )
    slots = {
        name: localized(form, f"{prefix}{name}")
        for name in names
        if not _removed(form, f"{prefix}{name}")
    }
    new = field(form, "new_placeholder.name")
    if new:
        slots[new] = localized(form, "new_placeholder")
    return slots


def edit_posts(data: dict[str, Any], form: FormData) -> None:
    """The post templates of each language, and the slots they may hold: the brand's own
    (place names, products…) and the number slots."""
    data.setdefault("brand", {})["placeholders"] = _placeholders(form)
    data["numbers"] = _numbers(form)
    data["templates"] = {
        language: [
            t
            for t in (
                _template(form, f"templates.{language}.{row}")
                for row in rows(form, f"templates.{language}")
            )
            if t
        ]
        for language in LANGUAGES
    }


def _actor(form: FormData, base: str, stored: dict[str, Any]) -> dict[str, Any]:
    actor = {key: value for key, value in stored.items() if key not in ACTOR_FIELDS}
    for name in ACTOR_FIELDS:
        value = field(form, f"{base}.actor.{name}")
        actor[name] = value if name in ("name", "persona") else _optional(value)
    return actor


def _condition(form: FormData, base: str) -> dict[str, Any] | None:
    """What makes the inject fire ("" for its time); only the select of the chosen kind counts,
    so the page works without script showing all of them. A missing choice is left out for the
    loader to name (`injects.3.when.rumour`)."""
    kind = field(form, f"{base}.when.kind")
    if not kind:
        return None
    when = {"kind": kind}
    target = CONDITION_TARGETS.get(kind)
    if target and (value := field(form, f"{base}.when.{target}")):
        when[target] = value
    return when


def _inject(form: FormData, row: int, stored: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    base = f"injects.{row}"
    kept = stored.get(field(form, f"{base}.was"), {})
    deadline = field(form, f"{base}.deadline")
    inject = {
        "id": field(form, f"{base}.id"),
        "at": duration(field(form, f"{base}.at")),
        "channel": field(form, f"{base}.channel"),
        "actor": _actor(form, base, kept.get("actor") or {}),
        "content": localized(form, f"{base}.content"),
        "expects_response": bool(form.get(f"{base}.expects_response")),
        "deadline": duration(deadline) if deadline else None,
        "priority": field(form, f"{base}.priority") or "normal",
        "rumour": _optional(field(form, f"{base}.rumour")),
        **copy.deepcopy({k: v for k, v in kept.items() if k not in INJECT_FIELDS}),
    }
    when = _condition(form, base)
    if when is not None or "when" in kept:  # a document without the key keeps none
        inject["when"] = when
    typed = inject["id"] or any(inject["content"].values()) or inject["actor"]["name"]
    return None if _removed(form, base) or not typed else inject


def edit_injects(data: dict[str, Any], form: FormData) -> None:
    """The scripted injects; each keeps the stored keys the form does not edit."""
    stored = {inject.get("id"): inject for inject in data.get("injects", [])}
    data["injects"] = [
        i for i in (_inject(form, row, stored) for row in rows(form, "injects")) if i
    ]


def inject_origins(base: dict[str, Any], form: FormData) -> list[str]:
    """The stored id each of the form's kept injects started from ("" for a new one): a page
    shown again after a refusal keeps them, so a renamed inject still finds its own keys."""
    stored = {inject.get("id"): inject for inject in base.get("injects", [])}
    return [
        field(form, f"injects.{row}.was")
        for row in rows(form, "injects")
        if _inject(form, row, stored) is not None
    ]


def _expectation(form: FormData, row: int) -> dict[str, Any] | None:
    base = f"expectations.{row}"
    expectation = {
        "id": field(form, f"{base}.id"),
        "metric": field(form, f"{base}.metric"),
        "target": field(form, f"{base}.target"),
        "description": localized(form, f"{base}.description"),
    }
    typed = expectation["id"] or expectation["target"] or any(expectation["description"].values())
    return None if _removed(form, base) or not typed else expectation


def edit_expectations(data: dict[str, Any], form: FormData) -> None:
    """What a good team meets: a metric, its target and a description."""
    data["expectations"] = [
        e for e in (_expectation(form, row) for row in rows(form, "expectations")) if e
    ]


EDITORS: dict[Section, Callable[[dict[str, Any], FormData], None]] = {
    Section.phases: edit_phases,
    Section.posts: edit_posts,
    Section.injects: edit_injects,
    Section.expectations: edit_expectations,
}


def edited_section(base: dict[str, Any], section: Section, form: FormData) -> dict[str, Any]:
    """`base` with one page's part replaced by the form's (not yet validated)."""
    data = copy.deepcopy(base)
    EDITORS[section](data, form)
    return data
