"""Journalists follow up on what the team said: inbox messages with deadlines, in the record."""

from datetime import timedelta

from app.accounts.models import Role
from app.core.db import utcnow
from app.drills import actions, console, export, injects, service
from app.drills.clock import ClockEventKind
from app.drills.models import ActionCreate
from app.storm.listener import FOLLOW_UP_DEADLINE_S
from tests.drills.helpers import make_team

STATEMENT = "The fault lies entirely with our supplier. We are checking every order today."


def states_at(drill, timeline, rows, sim_s: float) -> dict[str, str]:
    """Each inbox message's state at `sim_s`."""
    box = console.inbox(drill=drill, timeline=timeline, rows=rows, sim_s=sim_s)
    return {entry["id"]: entry["state"] for entry in box}


def test_a_statement_brings_a_journalist_follow_up_to_the_inbox_and_the_record(session, factory):
    team = make_team(session, factory)
    drill, start = team.drill, utcnow() - timedelta(seconds=60)
    service.control(session=session, drill=drill, kind=ClockEventKind.start, now=start)

    def publish(**fields) -> float:
        (row,) = actions.record_action(
            session=session,
            drill=drill,
            user=team.spokesperson,
            member_role=Role.member,
            action_in=ActionCreate(**fields),
            now=start + timedelta(seconds=10),
        )
        return row.at_s

    said_at = publish(kind="statement", text=STATEMENT)
    timeline = injects.timeline(session=session, drill=drill)
    (asked,) = [e for e in timeline if e["source"] == "storm"]
    assert asked["channel"] == "journalist_dm" and asked["expects_response"]
    assert said_at < asked["at_s"] and asked["deadline_s"] == asked["at_s"] + FOLLOW_UP_DEADLINE_S
    assert "supplier" in asked["text"]

    rows = actions.list_actions(session=session, drill=drill)
    before = console.inbox(drill=drill, timeline=timeline, rows=rows, sim_s=asked["at_s"] - 1)
    assert asked["id"] not in [e["id"] for e in before]
    (shown,) = [
        e
        for e in console.inbox(drill=drill, timeline=timeline, rows=rows, sim_s=asked["at_s"] + 1)
        if e["id"] == asked["id"]
    ]
    assert shown["state"] == "open"
    late = asked["deadline_s"] + 1
    states = states_at(drill, timeline, rows, late)
    assert states[asked["id"]] == "overdue"

    publish(
        kind="reply", text="It is Dairyline Ltd; we audit them yearly.", in_reply_to=asked["id"]
    )
    rows = actions.list_actions(session=session, drill=drill)
    timeline = injects.timeline(session=session, drill=drill)
    states = states_at(drill, timeline, rows, late)
    assert states[asked["id"]] == "answered"

    soon = export.drill_record(session=session, drill=drill, now=start + timedelta(seconds=11))
    assert asked["id"] not in [i["id"] for i in soon["scenario"]["injects"]]
    later = start + timedelta(seconds=asked["at_s"] + 60)
    record = export.drill_record(session=session, drill=drill, now=later)
    (entry,) = [i for i in record["scenario"]["injects"] if i["id"] == asked["id"]]
    assert entry["expects_response"] and entry["deadline_s"] == asked["deadline_s"]
