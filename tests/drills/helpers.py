"""Drill factories for tests: an approved plan with publishing and approving roles, a drill;
a spy on the thread a call runs in."""

import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from app.accounts.models import Organisation, Role, User
from app.drills import service
from app.drills.models import AssignIn, Assignment, Drill, DrillCreate
from app.plans import service as plans
from app.plans import transfer
from tests.factories import Factory
from tests.plans.helpers import approve

# Yesterday at noon: drills start in the recent past, whatever today is.
T0 = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0) - timedelta(days=1)

PLAN_DOCUMENT = {
    "title": "Drill test plan",
    "languages": ["en"],
    "roles": [
        {"key": "spokesperson", "name": "Spokesperson", "may_publish": True},
        {"key": "approver", "name": "Approver", "approves_statements": True},
        {"key": "monitor", "name": "Monitor"},
    ],
    "severity_levels": [
        {"level": 1, "name": "Minor", "needs_approval": False},
        {"level": 3, "name": "Serious", "needs_approval": True},
    ],
    "audiences": [
        {"key": "customers", "name": "Customers", "channels": ["X", "email"]},
    ],
    "key_messages": [
        {"key": "holding", "title": "Holding", "kind": "holding", "text": "We are on it."},
    ],
    "checklist": [{"key": "alert", "title": "Alert the cell", "due_minutes": 5}],
    "kpis": [{"metric": "time_to_first_response_s", "target": 600}],
}


def approved_version_id(session: Session, org: Organisation, user: User | None = None) -> int:
    """An approved version of the test plan in `org`."""
    plan = transfer.import_document(session=session, org=org, user=user, data=PLAN_DOCUMENT)
    approve(session, org, plan, user)
    return plans.list_versions(session=session, plan=plan)[0].id


def make_drill(session: Session, org: Organisation, user: User | None = None, **overrides) -> Drill:
    """A scheduled drill of the test plan; the tutorial scenario unless told otherwise."""
    drill_in = DrillCreate(
        **{
            "plan_version_id": approved_version_id(session, org, user),
            "scenario_id": "tutorial",
            "seed": 7,
            "speed": 10,
            **overrides,
        }
    )
    return service.create_drill(session=session, org=org, user=user, drill_in=drill_in)


@dataclass
class Team:
    """A drill with a trainer and three members holding the plan's roles."""

    org: Organisation
    drill: Drill
    trainer: User
    spokesperson: User
    approver: User
    monitor: User
    outsider: User


def make_team(session: Session, factory: Factory, scenario_id: str = "tutorial") -> Team:
    """A drill with its roster filled (the monitor also approves: two roles)."""
    org = factory.org()
    trainer = factory.member(org, Role.trainer)
    people = {key: factory.member(org) for key in ("spokesperson", "approver", "monitor")}
    drill = make_drill(session, org, trainer, scenario_id=scenario_id)
    service.assign(
        session=session,
        org=org,
        drill=drill,
        assign_in=AssignIn(
            assignments=[
                Assignment(user_id=people["spokesperson"].id, role_key="spokesperson"),
                Assignment(user_id=people["approver"].id, role_key="approver"),
                Assignment(user_id=people["monitor"].id, role_key="monitor"),
            ]
        ),
    )
    return Team(org, drill, trainer, outsider=factory.member(org), **people)


def at(seconds: float) -> datetime:
    """A real moment `seconds` after T0."""
    return T0 + timedelta(seconds=seconds)


def spy(monkeypatch, owner, name: str) -> list[int]:
    """Record the thread each call of `owner.name` runs in (the call goes through)."""
    threads: list[int] = []
    original = getattr(owner, name)

    def recorded(*args, **kwargs):
        threads.append(threading.get_ident())
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, recorded)
    return threads
