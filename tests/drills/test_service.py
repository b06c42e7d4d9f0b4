"""Drill services: set-up validation, roster, clock, actions with role rules and approvals."""

import pytest

from app.accounts.models import Role
from app.core.errors import Conflict, Forbidden, Invalid, NotFound
from app.drills import actions, export, injects, service
from app.drills.clock import ClockEventKind, ClockStatus
from app.drills.models import (
    ActionCreate,
    AssignIn,
    Assignment,
    DrillCreate,
    DrillMode,
    InjectCreate,
)
from app.plans import service as plans
from app.scenarios import library
from tests.drills.helpers import approved_version_id, at, make_drill, make_team


def act(session, team, user, now_s, role=Role.member, **fields):
    """Record an action for `user` at real second `now_s` after T0."""
    return actions.record_action(
        session=session,
        drill=team.drill,
        user=user,
        member_role=role,
        action_in=ActionCreate(**fields),
        now=at(now_s),
    )


def start(session, team):
    service.control(session=session, drill=team.drill, kind=ClockEventKind.start, now=at(0))


def test_create_drill_defaults_and_random_seed(session, factory):
    org = factory.org()
    drill = make_drill(session, org, seed=None, title="")
    library_brand = library.load_scenario("tutorial").brand
    assert (drill.brand, drill.brand_handle) == (library_brand.name, library_brand.handle)
    assert drill.mode == DrillMode.rehearsal
    assert drill.duration_s == 600
    assert drill.title == service.scenario_of(drill).title.en
    assert 0 <= drill.seed < 2**31
    again = make_drill(session, org, seed=drill.seed)
    assert again.seed == drill.seed


@pytest.mark.parametrize(
    ("overrides", "field"),
    [({"scenario_id": "no-such"}, "scenario_id"), ({"plan_version_id": 999999}, "plan_version_id")],
)
def test_create_drill_refuses_unknown_inputs(session, factory, overrides, field):
    org = factory.org()
    with pytest.raises(Invalid) as caught:
        make_drill(session, org, **overrides)
    assert caught.value.field == field


def test_create_drill_refuses_another_orgs_version(session, factory):
    other = approved_version_id(session, factory.org())
    with pytest.raises(Invalid):
        make_drill(session, factory.org(), plan_version_id=other)


@pytest.mark.parametrize("values", [{"language": "de"}, {"speed": 0.5}, {"speed": 61}])
def test_drill_create_validation(values):
    with pytest.raises(ValueError):
        DrillCreate(plan_version_id=1, scenario_id="tutorial", **values)


def test_get_drill_is_scoped_to_the_organisation(session, factory):
    org = factory.org()
    drill = make_drill(session, org)
    assert service.get_drill(session=session, org=org, drill_id=drill.id).id == drill.id
    with pytest.raises(NotFound):
        service.get_drill(session=session, org=factory.org(), drill_id=drill.id)
    assert [d.id for d in service.list_drills(session=session, org=org)] == [drill.id]


def test_roster_flags_unfilled_roles_and_allows_several_roles(session, factory):
    team = make_team(session, factory)
    roster = service.roster(session=session, drill=team.drill)
    assert roster.unfilled == []
    roster = service.assign(
        session=session,
        org=team.org,
        drill=team.drill,
        assign_in=AssignIn(
            assignments=[
                Assignment(user_id=team.spokesperson.id, role_key="spokesperson"),
                Assignment(user_id=team.spokesperson.id, role_key="approver"),
            ]
        ),
    )
    assert roster.unfilled == ["monitor"]
    assert service.roles_of(session=session, drill=team.drill, user=team.spokesperson) == [
        "approver",
        "spokesperson",
    ]


def test_assign_refuses_unknown_role_and_non_member(session, factory):
    team = make_team(session, factory)
    with pytest.raises(Invalid) as caught:
        service.assign(
            session=session,
            org=team.org,
            drill=team.drill,
            assign_in=AssignIn(assignments=[Assignment(user_id=team.monitor.id, role_key="ceo")]),
        )
    assert caught.value.field == "assignments.0.role_key"
    stranger = factory.member(factory.org())
    with pytest.raises(Invalid):
        service.assign(
            session=session,
            org=team.org,
            drill=team.drill,
            assign_in=AssignIn(assignments=[Assignment(user_id=stranger.id, role_key="monitor")]),
        )


def test_clock_controls_and_mark_drilled(session, factory):
    team = make_team(session, factory)
    drill = team.drill
    start(session, team)
    assert service.reading(session=session, drill=drill, now=at(6)).sim_s == 60
    service.control(session=session, drill=drill, kind=ClockEventKind.pause, now=at(6))
    assert service.reading(session=session, drill=drill, now=at(100)).sim_s == 60
    with pytest.raises(Conflict):
        service.control(session=session, drill=drill, kind=ClockEventKind.pause, now=at(101))
    service.control(session=session, drill=drill, kind=ClockEventKind.resume, now=at(110))
    service.control(session=session, drill=drill, kind=ClockEventKind.speed, speed=20, now=at(111))
    assert service.reading(session=session, drill=drill, now=at(112)).sim_s == 90
    with pytest.raises(Conflict):
        service.control(
            session=session, drill=drill, kind=ClockEventKind.speed, speed=90, now=at(113)
        )
    final = service.control(session=session, drill=drill, kind=ClockEventKind.end, now=at(120))
    assert final.status == ClockStatus.ended
    assert final.sim_s == 250
    plan = plans.find_plan(session=session, plan_id=drill.plan_id)
    assert plan.last_drilled_at is not None  # 250 s of 600: past the 30 % a rehearsal needs


def test_actions_are_stamped_with_simulated_time(session, factory):
    team = make_team(session, factory)
    with pytest.raises(Conflict):
        act(session, team, team.monitor, 1, kind="note", text="too early")
    start(session, team)
    (row,) = act(session, team, team.monitor, 3, kind="note", text="Cell convened")
    assert (row.at_s, row.seq, row.role_key) == (30, 1, "monitor")
    (row,) = act(session, team, team.spokesperson, 4, kind="statement", text="We are on it.")
    assert (row.at_s, row.seq, row.role_key) == (40, 2, "spokesperson")


@pytest.mark.parametrize(
    ("fields", "missing"),
    [
        ({"kind": "statement"}, "text"),
        ({"kind": "reply", "text": "Thanks"}, "in_reply_to"),
        ({"kind": "correct_rumour", "text": "False"}, "rumour"),
        ({"kind": "flag_rumour"}, "rumour"),
        ({"kind": "escalate"}, "to_role"),
        ({"kind": "checklist_done"}, "item"),
        ({"kind": "approve"}, "ref"),
        ({"kind": "dance"}, "kind"),
    ],
)
def test_actions_name_the_missing_field(session, factory, fields, missing):
    team = make_team(session, factory)
    start(session, team)
    with pytest.raises(Invalid) as caught:
        act(session, team, team.spokesperson, 1, **fields)
    assert caught.value.field == missing


def test_role_rules(session, factory):
    team = make_team(session, factory)
    start(session, team)
    with pytest.raises(Forbidden):
        act(session, team, team.monitor, 1, kind="statement", text="Hello")
    with pytest.raises(Forbidden):
        act(session, team, team.outsider, 1, kind="note", text="Hi")
    with pytest.raises(Forbidden):
        act(session, team, team.monitor, 1, kind="note", text="Hi", role_key="spokesperson")
    (row,) = act(session, team, team.trainer, 1, Role.trainer, kind="statement", text="Hello")
    assert row.role_key is None
    with pytest.raises(Forbidden):
        act(session, team, team.spokesperson, 2, kind="approve", ref="stmt-1")


def test_approval_flow_publishes_on_approve(session, factory):
    team = make_team(session, factory, scenario_id="data-breach")
    start(session, team)
    with pytest.raises(Conflict):
        act(session, team, team.spokesperson, 1, kind="statement", text="Direct")
    (request,) = act(session, team, team.spokesperson, 2, kind="request_approval", text="Holding")
    assert request.ref == f"stmt-{request.seq}"
    decision, statement = act(session, team, team.approver, 5, kind="approve", ref=request.ref)
    assert (decision.kind, decision.at_s, decision.role_key) == ("approve", 50, "approver")
    assert (statement.kind, statement.text, statement.at_s) == ("statement", "Holding", 50)
    assert statement.role_key == "spokesperson"
    with pytest.raises(Conflict):
        act(session, team, team.approver, 6, kind="reject", ref=request.ref)
    record = export.drill_record(session=session, drill=team.drill, now=at(7))
    approve_entry = next(a for a in record["actions"] if a["kind"] == "approve")
    assert approve_entry["waited_s"] == 30


def test_a_statement_names_one_of_the_plans_audiences(session, factory):
    team = make_team(session, factory, scenario_id="data-breach")
    start(session, team)
    with pytest.raises(Invalid) as refused:
        act(
            session, team, team.spokesperson, 1, kind="request_approval", text="Hi", audience="pets"
        )
    assert refused.value.field == "audience"
    with pytest.raises(Invalid) as refused:
        act(session, team, team.spokesperson, 1, kind="note", text="Internal", audience="customers")
    assert refused.value.field == "audience"
    assert actions.list_actions(session=session, drill=team.drill) == []
    (request,) = act(
        session,
        team,
        team.spokesperson,
        2,
        kind="request_approval",
        text="Hi",
        audience="customers",
    )
    _, statement = act(session, team, team.approver, 3, kind="approve", ref=request.ref)
    assert statement.audience == "customers"
    record = export.drill_record(session=session, drill=team.drill, now=at(4))
    published = next(a for a in record["actions"] if a["kind"] == "statement")
    assert published["audience"] == "customers"


def test_reject_publishes_nothing(session, factory):
    team = make_team(session, factory, scenario_id="data-breach")
    start(session, team)
    (request,) = act(session, team, team.spokesperson, 1, kind="request_approval", text="Oops")
    rows = act(session, team, team.approver, 2, kind="reject", ref=request.ref, text="Too vague")
    assert [r.kind for r in rows] == ["reject"]
    kinds = [a.kind for a in actions.list_actions(session=session, drill=team.drill)]
    assert kinds == ["request_approval", "reject"]


def test_injects_fired_early_and_adhoc(session, factory):
    team = make_team(session, factory)
    start(session, team)
    first = injects.timeline(session=session, drill=team.drill)
    later = next(e for e in first if e["at_s"] > 100)
    fired = injects.fire_inject(
        session=session, drill=team.drill, inject_key=later["id"], now=at(2)
    )
    assert fired.at_s == 20
    with pytest.raises(Conflict):
        injects.fire_inject(session=session, drill=team.drill, inject_key=later["id"], now=at(3))
    adhoc = injects.create_adhoc_inject(
        session=session,
        drill=team.drill,
        inject_in=InjectCreate(actor_name="Le Courrier", content="Any comment?", deadline_s=120),
        now=at(3),
    )
    assert (adhoc.inject_key, adhoc.at_s, adhoc.deadline_s) == ("adhoc-1", 30, 150)
    timeline = injects.timeline(session=session, drill=team.drill)
    ids = [e["id"] for e in timeline]
    assert ids.index(later["id"]) < ids.index("adhoc-1")
    record = export.drill_record(session=session, drill=team.drill, now=at(4))
    by_id = {i["id"]: i for i in record["scenario"]["injects"]}
    assert by_id[later["id"]]["at_s"] == 20
    assert by_id["adhoc-1"]["text"] == "Any comment?"


def test_ending_a_drill_whose_clock_ran_out(session, factory):
    team = make_team(session, factory)
    start(session, team)
    ended = service.control(session=session, drill=team.drill, kind=ClockEventKind.end, now=at(90))
    assert (ended.status, ended.sim_s) == (ClockStatus.ended, 600)
    assert team.drill.ended_at is not None
    with pytest.raises(Conflict):
        service.control(session=session, drill=team.drill, kind=ClockEventKind.end, now=at(91))
