"""What the facilitator watches: inject states, each participant's activity, roles by name."""

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlmodel import Session, select

from app.accounts import member_service
from app.accounts.models import Organisation
from app.drills import export, injects, service
from app.drills.conditions import condition_words
from app.drills.models import Drill, DrillAction, Roster

LOG_LENGTH = 50
EXCERPT = 140
SLOT = re.compile(r"\{(\w+)\}")


@dataclass
class Person:
    """One participant's activity: their roles, actions by kind, last action."""

    user_id: int
    name: str
    roles: list[str]
    counts: Counter = field(default_factory=Counter)
    last_kind: str | None = None
    last_at_s: float | None = None


def excerpt(text: str | None, length: int = EXCERPT) -> str:
    """The start of a text, cut at a word, with an ellipsis when cut."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0] + "…"


def filler(drill: Drill) -> Callable[[str], str]:
    """Fill a scenario text's static slots as the drill's feed does: its brand, handle and tag.

    Per-post slots ({hashtag}, {time}…) have no single value and stay as written.
    """
    values = export.slot_values(drill)
    return lambda text: SLOT.sub(lambda match: values.get(match.group(1), match.group(0)), text)


def member_names(*, session: Session, org: Organisation) -> dict[int, str]:
    """Every member of the organisation by user id: their display name."""
    return {
        user.id: user.display_name or user.email
        for _membership, user in member_service.list_members(session=session, org_id=org.id)
    }


def inject_state(entry: dict, *, sim_s: float, answered: set[str]) -> str:
    """pending (not yet), answered, overdue (deadline passed unanswered) or fired."""
    if entry["at_s"] > sim_s:
        return "pending"
    if entry["id"] in answered:
        return "answered"
    if entry["expects_response"] and entry["deadline_s"] is not None:
        return "overdue" if sim_s > entry["deadline_s"] else "fired"
    return "fired"


def inject_board(*, session: Session, drill: Drill, sim_s: float) -> list[dict]:
    """The drill's injects in time order, each with its state at `sim_s` and an excerpt; a
    conditional inject that has not fired by `sim_s` is armed, or spared once the team's
    actions made sure it never will; each with its condition in words."""
    rows = session.exec(select(DrillAction).where(DrillAction.drill_id == drill.id)).all()
    timeline = injects.timeline(session=session, drill=drill)
    answered = injects.answered(drill, rows, timeline)
    fill = filler(drill)
    scenario = service.scenario_of(drill)
    conditional = {i.id: i for i in scenario.injects if i.when is not None}
    happened = {e["id"] for e in timeline if e["id"] in conditional and e["at_s"] <= sim_s}
    fired = injects.fired_times(session=session, drill=drill)
    branches = export.storm_for(drill).branches(export.storm_actions(list(rows)), fired)
    spared = {
        key
        for key, branch in branches.items()
        if branch.settled_s is not None and branch.settled_s <= sim_s
    }
    board = [
        {
            **entry,
            "excerpt": excerpt(fill(entry["text"])),
            "state": inject_state(entry, sim_s=sim_s, answered=answered),
        }
        for entry in timeline
        if entry["id"] not in conditional or entry["id"] in happened
    ]
    board += [
        {
            "id": inject.id,
            "at_s": float(inject.at),
            "channel": inject.channel.value,
            "actor": inject.actor.name,
            "persona": inject.actor.persona.value,
            "excerpt": excerpt(fill(inject.content.get(drill.language))),
            "expects_response": inject.expects_response,
            "deadline_s": None,
            "priority": inject.priority.value,
            "source": "scenario",
            "fired_early": False,
            "state": "spared" if inject.id in spared else "armed",
        }
        for inject in conditional.values()
        if inject.id not in happened
    ]
    words = {
        key: condition_words(inject, scenario, drill.language, fill)
        for key, inject in conditional.items()
    }
    board = [{**entry, "condition": words.get(entry["id"], "")} for entry in board]
    return sorted(board, key=lambda entry: (entry["at_s"], entry["id"]))


def roster_names(*, roster: Roster, names: dict[int, str]) -> list[dict]:
    """Each plan role with the names of its holders (empty: unfilled)."""
    return [
        {
            "key": slot.role_key,
            "name": slot.name,
            "holders": [names.get(user_id, "?") for user_id in slot.user_ids],
            "user_ids": slot.user_ids,
        }
        for slot in roster.roles
    ]


def inject_entries(board: list[dict]) -> list[dict]:
    """The injects that have happened, as entries of the activity log."""
    return [
        {
            "seq": None,
            "at_s": entry["at_s"],
            "who": entry["actor"],
            "role": entry["persona"],
            "kind": "inject",
            "source": entry["source"],
            "fired_early": entry["fired_early"],
            "excerpt": entry["excerpt"],
        }
        for entry in board
        if entry["state"] not in ("pending", "armed", "spared")
    ]


def targets(
    *, drill: Drill, plan: dict, rows: list[DrillAction], role_names: dict[str, str]
) -> dict[tuple[str, str | None], str]:
    """What an action without text is about, in people's words: the rumour's claim, the
    checklist item's title, the role escalated to, the statement an approval decided."""
    fill = filler(drill)
    words: dict[tuple[str, str | None], str] = {
        ("rumour", r.id): fill(r.claim.get(drill.language))
        for r in service.scenario_of(drill).rumours
    }
    words |= {("item", item["id"]): item["title"] for item in plan["checklist"]}
    words |= {("to_role", key): name for key, name in role_names.items()}
    words |= {("ref", r.ref): r.text or "" for r in rows if r.kind == "request_approval"}
    return words


def activity(*, session: Session, drill: Drill, org: Organisation, board: list[dict]) -> dict:
    """Per-person activity (participants and anyone who acted) and the log, latest first.

    The log mixes the team's actions with the injects that happened (from `board`).
    """
    names = member_names(session=session, org=org)
    roster = service.roster(session=session, drill=drill)
    role_names = {slot.role_key: slot.name for slot in roster.roles}
    people: dict[int, Person] = {}
    for slot in roster.roles:
        for user_id in slot.user_ids:
            person = people.setdefault(user_id, Person(user_id, names.get(user_id, "?"), []))
            person.roles.append(slot.name)
    rows = session.exec(
        select(DrillAction).where(DrillAction.drill_id == drill.id).order_by(DrillAction.seq)
    ).all()
    for row in rows:
        if row.user_id is None:
            continue
        name = names.get(row.user_id, "?")
        person = people.setdefault(row.user_id, Person(row.user_id, name, []))
        person.counts[row.kind] += 1
        person.last_kind, person.last_at_s = row.kind, row.at_s
    plan = service.plan_section(session=session, drill=drill)
    words = targets(drill=drill, plan=plan, rows=rows, role_names=role_names)
    actions = [
        {
            "seq": row.seq,
            "at_s": row.at_s,
            "who": names.get(row.user_id, "?") if row.user_id else "?",
            "role": role_names.get(row.role_key or "", row.role_key or ""),
            "kind": row.kind,
            "excerpt": excerpt(
                row.text
                or words.get(("rumour", row.rumour))
                or words.get(("item", row.item))
                or words.get(("to_role", row.to_role))
                or words.get(("ref", row.ref))
            ),
        }
        for row in rows[-LOG_LENGTH:]
    ]
    log = sorted(actions + inject_entries(board), key=lambda e: e["at_s"], reverse=True)
    people_list = sorted(people.values(), key=lambda p: p.name)
    return {"people": people_list, "log": log[:LOG_LENGTH], "total": len(rows)}
