"""What the team console shows: inbox, approval queue, checklist, KPIs and key messages.

Plain dictionaries built from the drill's rows and plan, for the console's partials; the same
functions serve the first page render and each panel's refresh after a live event.
"""

from datetime import datetime

from sqlmodel import Session

from app.accounts.models import User
from app.core.db import utcnow
from app.drills import actions, export, injects, monitor, rules, service
from app.drills.clock import ClockReading
from app.drills.models import Drill, DrillAction
from app.scoring.core.context import DEFAULT_DEADLINE_S, SEVERITY_DEADLINE_S

ROUNDING_S = 0.001  # stored times are rounded to the millisecond, possibly up


def message_values(drill: Drill, role_holders: dict[str, list[str]]) -> dict[str, str]:
    """What the drill knows of a key message's placeholders: its brand, handle, the scenario's
    brand placeholders ({product}…) and the spokesperson's name when one person holds it."""
    values = export.slot_values(drill)
    spokespeople = role_holders.get("spokesperson", [])
    if len(spokespeople) == 1 and spokespeople[0]:
        values["spokesperson"] = spokespeople[0]
    return values


def fill(text: str, values: dict[str, str]) -> str:
    """A key message with every placeholder the drill knows filled in (the others kept)."""
    return rules.PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)


def rumours_seen(drill: Drill, sim_s: float) -> tuple[list[tuple[str, str]], float | None]:
    """The rumours that have appeared by `sim_s` (id, claim), and when the next one does."""
    scenario = service.scenario_of(drill)
    text = monitor.filler(drill)
    seen = [
        (r.id, text(r.claim.get(drill.language)))
        for r in scenario.rumours
        if r.appears_at <= sim_s + ROUNDING_S
    ]
    upcoming = [r.appears_at for r in scenario.rumours if r.appears_at > sim_s + ROUNDING_S]
    return seen, (min(upcoming) if upcoming else None)


def inbox(
    *, drill: Drill, timeline: list[dict], rows: list[DrillAction], sim_s: float
) -> list[dict]:
    """Injects that reached the team and expect an answer or are addressed to it, newest first."""
    answered = injects.answered(drill, rows, timeline)
    entries = []
    for entry in timeline:
        if entry["at_s"] > sim_s + ROUNDING_S or not to_team(entry):
            continue
        entries.append({**entry, "state": inbox_state(entry, answered, sim_s)})
    return sorted(entries, key=lambda e: -e["at_s"])


def inbox_state(entry: dict, answered: set[str], sim_s: float) -> str:
    """answered, overdue or open; info for a message that expects no answer."""
    if entry["id"] in answered or f"i-{entry['id']}" in answered:
        return "answered"
    if not entry["expects_response"]:
        return "info"
    deadline = entry["deadline_s"]
    return "overdue" if deadline is not None and sim_s > deadline else "open"


def to_team(entry: dict) -> bool:
    """Whether an inject belongs in the inbox: it expects an answer or is addressed to the team."""
    return entry["expects_response"] or entry["channel"] != "social_post"


def next_inject_s(timeline: list[dict], sim_s: float) -> float | None:
    """When the next inject reaches the team (the inbox refreshes itself then)."""
    upcoming = [e["at_s"] for e in timeline if e["at_s"] > sim_s + ROUNDING_S and to_team(e)]
    return min(upcoming) if upcoming else None


def approvals(*, rows: list[DrillAction], names: dict[int, str]) -> list[dict]:
    """Statements awaiting a decision, oldest first, with who submitted them."""
    decided = {row.ref for row in rows if row.kind in ("approve", "reject")}
    return [
        {
            "ref": row.ref,
            "text": row.text,
            "at_s": row.at_s,
            "who": names.get(row.user_id or 0, ""),
            "role": row.role_key,
            "rumour": row.rumour,
            "in_reply_to": row.in_reply_to,
        }
        for row in rows
        if row.kind == "request_approval" and row.ref not in decided
    ]


def decisions(rows: list[DrillAction]) -> list[dict]:
    """Decided requests, newest first, with the time they waited (approve/reject minus request)."""
    asked = {row.ref: row for row in rows if row.kind == "request_approval"}
    return [
        {
            "ref": row.ref,
            "kind": row.kind,
            "text": row.text,
            "waited_s": round(row.at_s - asked[row.ref].at_s, 1),
        }
        for row in reversed(rows)
        if row.kind in ("approve", "reject") and row.ref in asked
    ]


def checklist(*, plan: dict, rows: list[DrillAction], sim_s: float, role_names: dict) -> list[dict]:
    """The plan's checklist with owners, deadlines and what is done."""
    done = {row.item: row.at_s for row in rows if row.kind == "checklist_done"}
    return [
        {
            **item,
            "owner_name": role_names.get(item.get("owner", ""), ""),
            "done_at_s": done.get(item["id"]),
            "overdue": item["id"] not in done and sim_s > item["due_s"],
        }
        for item in plan["checklist"]
    ]


def kpis(*, drill: Drill, plan: dict, rows: list[DrillAction], open_items: int) -> dict:
    """Time to first response against its deadline, open priority items."""
    target = next(
        (k["target"] for k in plan["kpis"] if k["metric"] == "time_to_first_response_s"), None
    )
    severity = service.scenario_of(drill).severity
    deadline = (
        target if target and target > 0 else SEVERITY_DEADLINE_S.get(severity, DEFAULT_DEADLINE_S)
    )
    first = next((row.at_s for row in rows if row.kind in rules.PUBLIC_KINDS), None)
    return {"first_response_s": first, "deadline_s": deadline, "open_items": open_items}


def console_data(
    *, session: Session, drill: Drill, user: User, now: datetime | None = None
) -> dict:
    """Everything the console's panels show, for `user`, at `now`."""
    current: ClockReading = service.reading(session=session, drill=drill, now=now or utcnow())
    plan = service.plan_section(session=session, drill=drill)
    rows = actions.list_actions(session=session, drill=drill)
    timeline = injects.timeline(session=session, drill=drill)
    held = service.participants(session=session, drill=drill)
    people = {p.user_id for p in held}
    names = {
        uid: u.display_name
        for uid in people | {r.user_id for r in rows if r.user_id}
        if (u := session.get(User, uid))
    }
    role_names = {role["id"]: role["name"] for role in plan["roles"]}
    scenario_text = monitor.filler(drill)
    shown = [{**entry, "text": scenario_text(entry["text"])} for entry in timeline]
    box = inbox(drill=drill, timeline=shown, rows=rows, sim_s=current.sim_s)
    items = checklist(plan=plan, rows=rows, sim_s=current.sim_s, role_names=role_names)
    open_items = sum(e["state"] in ("open", "overdue") for e in box) + sum(
        i["overdue"] for i in items
    )
    role_holders = {
        role["id"]: [names.get(p.user_id, "") for p in held if p.role_key == role["id"]]
        for role in plan["roles"]
    }
    values = message_values(drill, role_holders)
    rumours, next_rumour_s = rumours_seen(drill, current.sim_s)
    return {
        "sim_s": current.sim_s,
        "status": current.status.value,
        "speed": current.speed,
        "plan": plan,
        "rows": rows,
        "inbox": box,
        "next_inject_s": next_inject_s(timeline, current.sim_s),
        "approvals": approvals(rows=rows, names=names),
        "decisions": decisions(rows),
        "checklist": items,
        "kpis": kpis(drill=drill, plan=plan, rows=rows, open_items=open_items),
        "names": names,
        "role_names": role_names,
        "role_holders": role_holders,
        "audiences": service.audiences(session=session, drill=drill),
        "key_messages": [{**m, "text": fill(m["text"], values)} for m in plan["key_messages"]],
        "rumours": rumours,
        "next_rumour_s": next_rumour_s,
    }
