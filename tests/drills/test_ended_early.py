"""A drill ended early is recorded, and so scored, as the drill it was: nothing after its end."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.accounts.models import Role
from app.drills import actions, export, service
from app.drills.clock import ClockEventKind
from app.drills.models import ActionCreate
from app.drills.record import cut_at_end
from app.scoring.service import score_payload
from tests.drills.helpers import at, make_team

seconds = st.floats(min_value=0, max_value=3600, allow_nan=False)
injects = st.lists(
    st.builds(
        lambda i, at_s, wait, expects: {
            "id": f"i{i}",
            "at_s": at_s,
            "channel": "email",
            "text": "?",
            "expects_response": expects,
            **({"deadline_s": at_s + wait} if expects else {}),
        },
        st.integers(0, 10**6),
        seconds,
        st.floats(min_value=1, max_value=900),
        st.booleans(),
    ),
    max_size=12,
    unique_by=lambda inject: inject["id"],
)
rumours = st.lists(
    st.builds(
        lambda i, t: {"id": f"r{i}", "claim": "!", "appears_at_s": t}, st.integers(), seconds
    ),
    max_size=5,
)


@given(injects, rumours, seconds, st.sets(st.integers(0, 10**6)))
def test_nothing_after_the_end_counts(found, spread, end_s, replied):
    scenario = {"id": "x", "duration_s": 3600.0, "injects": found, "rumours": spread}
    plan = {"checklist": [{"id": "c", "title": "t", "due_s": 1800.0}]}
    done = [{"at_s": 0, "kind": "reply", "in_reply_to": f"i{i}", "text": "ok"} for i in replied]
    cut, cut_plan = cut_at_end(scenario, plan, done, end_s)
    assert cut["duration_s"] == end_s
    assert all(i["at_s"] <= end_s for i in cut["injects"])
    assert all(r["appears_at_s"] <= end_s for r in cut["rumours"])
    for inject in cut["injects"]:
        if inject["expects_response"]:
            assert inject["deadline_s"] <= end_s or int(inject["id"][1:]) in replied
    assert bool(cut_plan["checklist"]) == (end_s >= 1800.0)
    kept = {i["id"] for i in found if i["at_s"] <= end_s}
    assert {i["id"] for i in cut["injects"]} == kept


def answer_the_first_inject(session, team, now) -> None:
    """The spokesperson replies to the manager's alert."""
    actions.record_action(
        session=session,
        drill=team.drill,
        user=team.spokesperson,
        member_role=Role.member,
        action_in=ActionCreate(kind="reply", text="We are on it.", in_reply_to="manager-alert"),
        now=now,
    )


def ended_at(session, team, real_s: float) -> dict:
    """Start the drill (10×), let the spokesperson answer the first inject, end at `real_s`."""
    drill = team.drill
    service.control(session=session, drill=drill, kind=ClockEventKind.start, now=at(0))
    answer_the_first_inject(session, team, now=at(6))
    service.control(session=session, drill=drill, kind=ClockEventKind.end, now=at(real_s))
    return export.drill_record(session=session, drill=drill, now=at(real_s + 100))


def test_a_drill_ended_at_250_s_is_scored_on_250_s(session, factory):
    team = make_team(session, factory)
    record = ended_at(session, team, 25)
    assert record["duration_s"] == 250 and record["scenario"]["duration_s"] == 250
    ids = [i["id"] for i in record["scenario"]["injects"]]
    assert ids == ["manager-alert", "regular-asks", "foodie-rumour"]  # local-paper came at 300 s
    foodie = record["scenario"]["injects"][2]
    assert foodie["expects_response"] is False  # its 360 s deadline was after the end
    assert record["plan"]["checklist"] == []  # "alert" was due at 300 s
    report = score_payload(payload=record).model_dump(mode="json")
    assert "local-paper" not in json.dumps(report)
    assert "foodie-rumour" not in json.dumps(report["dimensions"]["responsiveness"])


def test_a_drill_run_to_its_end_keeps_every_inject(session, factory):
    team = make_team(session, factory)
    record = ended_at(session, team, 60)
    assert len(record["scenario"]["injects"]) == 6
    assert record["plan"]["checklist"]
    assert "local-paper" in json.dumps(score_payload(payload=record).model_dump(mode="json"))


@pytest.mark.parametrize("pause_s", [12.34567, 20.00004, 33.33333, 41.99996])
def test_an_action_taken_while_paused_before_the_end_is_scored(session, factory, pause_s):
    """Actions are stamped to the millisecond: the record's end is stamped the same way, so an
    answer posted while the drill is paused, just before it is ended, is never cut off."""
    team = make_team(session, factory)
    drill = team.drill
    service.control(session=session, drill=drill, kind=ClockEventKind.start, now=at(0))
    service.control(session=session, drill=drill, kind=ClockEventKind.pause, now=at(pause_s))
    answer_the_first_inject(session, team, now=at(pause_s + 5))
    service.control(session=session, drill=drill, kind=ClockEventKind.end, now=at(pause_s + 6))
    record = export.drill_record(session=session, drill=drill, now=at(pause_s + 100))
    assert all(a["at_s"] <= record["duration_s"] for a in record["actions"])
    assert not [n for n in score_payload(payload=record).notes if "action(s)" in n]
