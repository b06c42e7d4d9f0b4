"""Seed a harness database through the app's own services: one organisation, a trainer, a team
per drill holding the plan's roles, and N scheduled drills of one scenario."""

from dataclasses import dataclass, field

from sqlmodel import Session

from app.accounts import service as accounts
from app.accounts.models import Organisation, Role, User
from app.core.db import make_engine
from app.drills import service as drills
from app.drills.models import AssignIn, Assignment, Drill, DrillCreate
from app.storm.types import Post
from tests.drills.helpers import approved_version_id

PASSWORD = "harness password 1234"
ROLES = ("spokesperson", "approver", "monitor")


@dataclass
class Seeded:
    """What was made: who signs in, and the drills with their team members' emails."""

    trainer: str
    drill_ids: list[int]
    members: dict[int, list[str]] = field(default_factory=dict)
    password: str = PASSWORD


def seed(
    url: str, *, drills_count: int, scenario_id: str, speed: float, seed_value: int = 7
) -> Seeded:
    """An organisation with a trainer and `drills_count` drills, each with its own team."""
    engine = make_engine(url)
    try:
        with Session(engine, expire_on_commit=False) as session:
            org = accounts.create_organisation(session=session, name="Harness Ltd", slug="harness")
            trainer = _member(session, org, "trainer@harness.test", Role.trainer)
            version_id = approved_version_id(session, org, trainer)
            seeded = Seeded(trainer=trainer.email, drill_ids=[])
            for number in range(drills_count):
                drill_in = DrillCreate(
                    plan_version_id=version_id,
                    scenario_id=scenario_id,
                    seed=seed_value + number,
                    speed=speed,
                )
                drill = drills.create_drill(
                    session=session, org=org, user=trainer, drill_in=drill_in
                )
                seeded.drill_ids.append(drill.id)
                seeded.members[drill.id] = _team(session, org, drill, number)
            session.commit()
            return seeded
    finally:
        engine.dispose()


def _team(session: Session, org: Organisation, drill: Drill, number: int) -> list[str]:
    """Members of `org` holding the drill's roles, one each; their emails in ROLES order."""
    emails = [f"{role}{number}@harness.test" for role in ROLES]
    people = [_member(session, org, email, Role.member) for email in emails]
    assignments = [
        Assignment(user_id=person.id, role_key=role)
        for person, role in zip(people, ROLES, strict=True)
    ]
    drills.assign(
        session=session, org=org, drill=drill, assign_in=AssignIn(assignments=assignments)
    )
    return emails


def _member(session: Session, org: Organisation, email: str, role: Role) -> User:
    """A user of `org` with `role`, password PASSWORD."""
    user = accounts.create_user(
        session=session, email=email, display_name=email.split("@")[0], password=PASSWORD,
        language="en",
    )  # fmt: skip
    accounts.add_member(session=session, org=org, user=user, role=role)
    return user


def storm_posts(url: str, drill_id: int, from_s: float, until_s: float) -> list[Post]:
    """The posts of a drill's storm with no public team action, in [from_s, until_s): what a
    console must receive when every post is shown (a quiet scenario at a moderate speed)."""
    from app.drills.export import storm_for

    engine = make_engine(url)
    try:
        with Session(engine) as session:
            drill = session.get(Drill, drill_id)
            return list(storm_for(drill).stream((), from_s, until_s, {}))
    finally:
        engine.dispose()


def clock_start(url: str, drill_id: int) -> tuple[float, float]:
    """(real start time as a UNIX timestamp, speed) of a started drill, from its clock log."""
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            drill = session.get(Drill, drill_id)
            first = drills.clock_events(session=session, drill=drill)[0]
            return first.at.timestamp(), first.speed or drill.speed
    finally:
        engine.dispose()
