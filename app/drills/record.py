"""The drill record (formats/drill-record.md) assembled from plain values, for drills and runs."""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from app.drills.rules import PUBLIC_KINDS, RECORD_FIELDS
from app.scenarios.models import Scenario

FORMAT = "stormdrill.drill-record/1"


def inject_entry(
    *,
    key: str,
    at_s: float,
    channel: str,
    actor: str,
    text: str,
    expects: bool,
    deadline_s: Any,
    rumour: str | None = None,
    because: str | None = None,
) -> dict[str, Any]:
    """One inject of the record's inline scenario; `because`: why a conditional one fired."""
    entry: dict[str, Any] = {
        "id": key,
        "at_s": float(at_s),
        "channel": channel,
        "actor": actor,
        "text": text,
        "expects_response": expects,
    }
    if deadline_s is not None:
        entry["deadline_s"] = float(deadline_s)
    if rumour:
        entry["rumour"] = rumour  # an application field: the rumour the inject carries
    if because:
        entry["fired_because"] = because  # an application field: why a conditional one fired
    return entry


def conditional_fires(
    storm: Any,
    actions: Sequence[Any],
    fired: Mapping[str, float] | None = None,
    until_s: float | None = None,
) -> dict[str, tuple[float, str]]:
    """The conditional injects the storm's actions made fire by `until_s` (`Storm.branches`):
    inject id → (second, why, in the drill's language). Recomputed, so nothing is stored."""
    return {
        key: (branch.at_s, storm.reason(branch))
        for key, branch in storm.branches(actions, fired).items()
        if branch.at_s is not None and (until_s is None or branch.at_s <= until_s)
    }


def follow_up_entries(follow_ups: Iterable[Any], until_s: float | None = None) -> list[dict]:
    """The journalists' follow-up questions the storm sent on the team's statements
    (`Storm.follow_ups`), as injects expecting an answer by their deadline; those after
    `until_s` never reached the team."""
    return [
        inject_entry(
            key=f.id,
            at_s=f.at_s,
            channel="journalist_dm",
            actor=f"{f.actor} ({f.outlet})" if f.outlet else f.actor,
            text=f.text,
            expects=True,
            deadline_s=f.deadline_s,
        )
        for f in follow_ups
        if until_s is None or f.at_s <= until_s
    ]


def scenario_section(
    scenario: Scenario,
    language: str,
    fired: Mapping[str, float] | None = None,
    conditional: Mapping[str, tuple[float, str]] | None = None,
) -> dict[str, Any]:
    """The scenario inline, so the record scores anywhere; `fired` moves injects fired early,
    `conditional` (`conditional_fires`) places the conditional ones that fired; the others
    never reached the team and are left out."""
    fired, conditional = fired or {}, conditional or {}
    injects = []
    for inject in scenario.injects:
        because = None
        if inject.when is not None:
            if inject.id not in conditional:
                continue
            at_s, because = conditional[inject.id]
        else:
            at_s = fired.get(inject.id, inject.at)
        shift = at_s - inject.at
        deadline = None if inject.deadline is None else inject.deadline + shift
        injects.append(
            inject_entry(
                key=inject.id,
                at_s=inject.at + shift,
                channel=inject.channel.value,
                actor=inject.actor.name,
                text=inject.content.get(language),
                expects=inject.expects_response,
                deadline_s=deadline,
                rumour=inject.rumour,
                because=because,
            )
        )
    return {
        "id": scenario.id,
        "title": scenario.title.get(language),
        "severity": scenario.severity,
        "duration_s": float(scenario.duration),
        "crisis_type": scenario.crisis_type.value,
        "responsibility": scenario.responsibility.value,
        "facts": [{"id": f.id, "text": f.text.get(language)} for f in scenario.facts],
        "rumours": [
            {"id": r.id, "claim": r.claim.get(language), "appears_at_s": float(r.appears_at)}
            for r in scenario.rumours
        ],
        "injects": injects,
    }


def cut_at_end(
    scenario: Mapping[str, Any],
    plan: Mapping[str, Any],
    actions: Sequence[Mapping[str, Any]],
    end_s: float,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The scenario and plan of a drill ended at `end_s`, as if they had been that long.

    Injects and rumours after the end never reached the team; an inject whose deadline falls
    after the end and a checklist item due after it were not missed, unless met in time.
    """
    answered = {a.get("in_reply_to") for a in actions if a["kind"] in PUBLIC_KINDS}
    corrected = {a.get("rumour") for a in actions if a["kind"] == "correct_rumour"}
    done = {a.get("item") for a in actions if a["kind"] == "checklist_done"}
    injects = []
    for inject in scenario.get("injects", []):
        if inject["at_s"] > end_s:
            continue
        met = inject["id"] in answered or inject.get("rumour") in corrected - {None}
        if inject.get("deadline_s", 0) > end_s and not met:
            inject = {k: v for k, v in inject.items() if k != "deadline_s"}
            inject["expects_response"] = False
        injects.append(inject)
    cut_scenario = {
        **scenario,
        "duration_s": float(end_s),
        "injects": injects,
        "rumours": [r for r in scenario.get("rumours", []) if r["appears_at_s"] <= end_s],
    }
    checklist = [
        item
        for item in plan.get("checklist", [])
        if item.get("due_s") is None or item["due_s"] <= end_s or item["id"] in done
    ]
    return cut_scenario, {**plan, "checklist": checklist}


def action_entry(action: Mapping[str, Any]) -> dict[str, Any]:
    """An action in the record's format: at_s, kind, role and the fields it has."""
    entry: dict[str, Any] = {"at_s": round(float(action["at_s"]), 3), "kind": action["kind"]}
    if action.get("role"):
        entry["role"] = action["role"]
    for name in RECORD_FIELDS:
        if action.get(name) not in (None, ""):
            entry[name] = action[name]
    return entry


def with_waits(actions: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The actions, each approval decision carrying `waited_s`: how long the request waited."""
    requested: dict[str, float] = {}
    out = []
    for action in actions:
        if action["kind"] == "request_approval" and action.get("ref"):
            requested[action["ref"]] = action["at_s"]
        elif action["kind"] in ("approve", "reject") and action.get("ref") in requested:
            action = {**action, "waited_s": round(action["at_s"] - requested[action["ref"]], 3)}
        out.append(action)
    return out


def build_record(
    *,
    language: str,
    brand: str,
    plan: Mapping[str, Any],
    scenario: Mapping[str, Any],
    seed: int,
    duration_s: float,
    actions: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """The whole record; actions are expected in time order already."""
    return {
        "format": FORMAT,
        "language": language,
        "brand": brand,
        "plan": dict(plan),
        "scenario": dict(scenario),
        "seed": seed,
        "duration_s": float(duration_s),
        "actions": with_waits(action_entry(a) for a in actions),
    }
