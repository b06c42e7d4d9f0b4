"""Headless drills: replay a list of actions against a plan and a scenario, giving the record.

The same rules as a live drill apply (fields per kind, who may publish or decide, approvals
publishing their statement); an action without a role acts as the facilitator would.
"""

import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from app.core.errors import DomainError, Invalid
from app.drills import rules
from app.drills.record import (
    build_record,
    conditional_fires,
    follow_up_entries,
    scenario_section,
)
from app.scenarios.models import Scenario
from app.storm.engine import Storm
from app.storm.types import action_from_record


class RunError(ValueError):
    """An action the drill refuses; `path` names it (`actions[3].ref`)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


def replay(
    plan: Mapping[str, Any], actions: Sequence[Mapping[str, Any]], duration_s: float
) -> list[dict[str, Any]]:
    """The stored actions of a drill given these actions, in time order; RunError otherwise."""
    roles = {role["id"]: role for role in plan.get("roles", [])}
    done: list[dict[str, Any]] = []
    order = sorted(range(len(actions)), key=lambda i: float(actions[i].get("at_s", 0)))
    for index in order:
        action = {key: value for key, value in actions[index].items() if value is not None}
        try:
            done.extend(replay_one(plan, roles, action, done, duration_s))
        except DomainError as exc:
            raise RunError(f"actions[{index}].{exc.field or 'kind'}", exc.message) from None
    return done


def replay_one(
    plan: Mapping[str, Any],
    roles: Mapping[str, Mapping[str, Any]],
    action: dict[str, Any],
    done: list[dict[str, Any]],
    duration_s: float,
) -> list[dict[str, Any]]:
    """One action checked as a live drill would, and what it stores."""
    at_s = action.get("at_s")
    if not isinstance(at_s, int | float) or not 0 <= at_s <= duration_s:
        raise Invalid(f"at_s must be a number of seconds within 0..{duration_s:g}", field="at_s")
    rules.check_fields(action)
    rules.check_audience(action, None)
    role = action.get("role")
    if role is not None and role not in roles:
        raise Invalid(f"the plan has no role {role!r}", field="role")
    rules.check_role(
        kind=action["kind"],
        roles=[roles[role]] if role else [],
        privileged=role is None,
        approval_required=bool(plan.get("approval_required")),
    )
    stored = [{**action, "at_s": float(at_s)}]
    if action["kind"] == "request_approval":
        stored[0].setdefault("ref", f"stmt-{len(done) + 1}")
    elif action["kind"] in ("approve", "reject"):
        request = rules.pending_request(done, action["ref"])
        if action["kind"] == "approve":
            published = rules.published_on_approval(request)
            stored.append({"at_s": float(at_s), "role": request.get("role"), **published})
    return stored


def run_drill(
    *,
    plan: Mapping[str, Any],
    scenario: Scenario,
    seed: int,
    language: str,
    brand: str,
    actions: Sequence[Mapping[str, Any]],
    speed: float | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> dict[str, Any]:
    """Run a whole drill: the record of these actions; with a speed, in (scaled) real time."""
    stored = replay(plan, actions, scenario.duration)
    if speed is not None:
        started = time.monotonic()
        for moment in [*(a["at_s"] for a in stored), float(scenario.duration)]:
            sleep(max(0.0, moment / speed - (time.monotonic() - started)))
    storm = Storm(scenario, seed, brand, language)
    played = [action_from_record(a) for a in stored]
    section = scenario_section(
        scenario, language, conditional=conditional_fires(storm, played, until_s=scenario.duration)
    )
    asked = storm.follow_ups(played)
    section["injects"] = sorted(
        section["injects"] + follow_up_entries(asked, until_s=float(scenario.duration)),
        key=lambda entry: (entry["at_s"], entry["id"]),
    )
    return build_record(
        language=language,
        brand=brand,
        plan=plan,
        scenario=section,
        seed=seed,
        duration_s=scenario.duration,
        actions=stored,
    )
