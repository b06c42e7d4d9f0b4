"""What a drill produces: its drill record, and its feed (the storm for the actions so far)."""

import json
from datetime import datetime

from sqlmodel import Session

from app.core.db import utcnow
from app.core.memo import Memo
from app.drills import actions, injects, service
from app.drills.clock import ClockStatus
from app.drills.models import Drill, DrillAction
from app.drills.record import (
    build_record,
    conditional_fires,
    cut_at_end,
    follow_up_entries,
    inject_entry,
    scenario_section,
)
from app.record import parse_record
from app.scenarios.models import Scenario
from app.scoring import service as scoring
from app.storm.engine import Storm, storm_values
from app.storm.serialize import post_json
from app.storm.types import Action, action_from_record

_storms: Memo[tuple[Scenario, Storm]] = Memo()  # (scenario, its storm)


def action_dict(row: DrillAction) -> dict:
    """A stored action as a plain mapping in the drill-record shape."""
    return {**row.model_dump(), "role": row.role_key}


def drill_record(*, session: Session, drill: Drill, now: datetime | None = None) -> dict:
    """The drill record: plan, inline scenario (injects as they happened), seed, actions."""
    scenario = service.scenario_of(drill)
    current = service.reading(session=session, drill=drill, now=now or utcnow())
    rows = sorted(actions.list_actions(session=session, drill=drill), key=lambda a: (a.at_s, a.seq))
    fired = injects.fired_times(session=session, drill=drill)
    until_s = max(current.sim_s, 0.0)
    storm = storm_for(drill)
    conditional = conditional_fires(storm, storm_actions(rows), fired, until_s)
    section = scenario_section(scenario, drill.language, fired, conditional)
    section["injects"] += [
        inject_entry(
            key=row.inject_key,
            at_s=row.at_s,
            channel=row.channel,
            actor=row.actor_name,
            text=row.content,
            expects=row.expects_response,
            deadline_s=row.deadline_s,
        )
        for row in injects.stored_injects(session=session, drill=drill)
        if row.source == "adhoc"
    ]
    asked = storm.follow_ups(storm_actions(rows))
    section["injects"] += follow_up_entries(asked, until_s=until_s)
    section["injects"].sort(key=lambda entry: (entry["at_s"], entry["id"]))
    listed = [action_dict(row) for row in rows]
    plan = service.plan_section(session=session, drill=drill)
    # Stamped to the millisecond, as actions are: an action taken at the last moment (paused,
    # then ended) must not come out a fraction of a millisecond after the end.
    duration_s = round(current.sim_s, 3) if current.sim_s > 0 else drill.duration_s
    if current.status == ClockStatus.ended and duration_s < drill.duration_s:
        section, plan = cut_at_end(section, plan, listed, duration_s)
    return build_record(
        language=drill.language,
        brand=drill.brand,
        plan=plan,
        scenario=section,
        seed=drill.seed,
        duration_s=duration_s,
        actions=listed,
    )


def portable_record(*, session: Session, drill: Drill) -> dict:
    """The drill record to download and score anywhere. A drill on an organisation scenario
    carries its storm's audience outcome: no library elsewhere can replay that storm."""
    record = drill_record(session=session, drill=drill)
    if drill.scenario_version_id is not None:
        outcome = scoring.storm_outcome(
            parse_record(record), service.base_scenario(drill), drill.seed
        )
        record["audience_outcome"] = outcome.model_dump(mode="json")
    return record


def storm_for(drill: Drill) -> Storm:
    """The drill's storm, built once per process (it is a pure function of these inputs)."""
    # Keyed by every input, not the id alone: ids come back after a rollback or a fresh database
    # (a scenario version's id too, hence the check that the scenario is still the same one).
    key = (drill.id, drill.scenario_id, drill.seed, drill.brand, drill.brand_handle, drill.language)
    scenario = service.scenario_of(drill)
    cached = _storms.get(
        key,
        lambda: (scenario, Storm(scenario, drill.seed, drill.brand, drill.language)),
        fresh=lambda entry: entry[0] is scenario,
    )
    return cached[1]


def slot_values(drill: Drill) -> dict[str, str]:
    """The static slots' values of the drill's storm (brand, handle, tag, the scenario's
    placeholders), without building the storm: an action's activity line needs them."""
    return storm_values(service.scenario_of(drill), drill.language, drill.brand)


def storm_actions(rows: list[DrillAction]) -> list[Action]:
    """The team's actions as the storm engine takes them."""
    return [
        action_from_record({**action_dict(row), "id": f"act-{row.seq}"})
        for row in sorted(rows, key=lambda a: (a.at_s, a.seq))
    ]


def cut_at(posts: list[dict], at_ms: int) -> tuple[float, list[dict]]:
    """Posts before the millisecond `at_ms` and where the next call resumes.

    Posts sharing the first left-out post's millisecond wait for the next call, so none is
    sent twice; if all of them share it, the rest of that millisecond is skipped.
    """
    kept = [post for post in posts if post["at_ms"] < at_ms]
    if kept:
        return at_ms / 1000, kept
    return (at_ms + 1) / 1000, posts


def feed(
    *,
    session: Session,
    drill: Drill,
    since_s: float,
    until_s: float | None = None,
    limit: int = 500,
    now: datetime | None = None,
) -> dict:
    """Posts of [since_s, until_s), never past the clock; `until_s` is the next cursor.

    When more than `limit` posts fall in the window, the window stops at the first one left
    out, so the next call resumes exactly there (see `cut_at`).
    """
    current = service.reading(session=session, drill=drill, now=now or utcnow())
    end = current.sim_s if until_s is None else min(until_s, current.sim_s)
    end = max(round(end, 3), since_s)
    rows = actions.list_actions(session=session, drill=drill)
    timeline = injects.timeline(session=session, drill=drill)
    fired = {entry["id"]: entry["at_s"] for entry in timeline if entry["fired_early"]}
    posts = []
    for post in storm_for(drill).stream(storm_actions(rows), since_s, end, fired):
        if len(posts) == limit:
            end, posts = cut_at(posts, post.at_ms)
            break
        posts.append(json.loads(post_json(post)))
    return {
        "since_s": since_s,
        "until_s": end,
        "status": current.status.value,
        "ended": current.status == ClockStatus.ended,
        "posts": posts,
        "injects": [entry for entry in timeline if since_s <= entry["at_s"] < end],
    }
