"""Demo data for a first start: an organisation, its people, plans, and reviewed drills."""

from dataclasses import dataclass

from sqlmodel import Session, select

from app.accounts import service as accounts
from app.accounts.models import Organisation, Role
from app.plans import demo as plans_demo
from app.scoring import demo as scoring_demo

DEMO_PASSWORD = "stormdrill-demo"


@dataclass(frozen=True)
class DemoLogin:
    email: str
    role: Role
    name: str


DEMO_PEOPLE = (
    DemoLogin("admin@demo.stormdrill.test", Role.admin, "Claire Admin"),
    DemoLogin("author@demo.stormdrill.test", Role.author, "Camille Dupont"),
    DemoLogin("trainer@demo.stormdrill.test", Role.trainer, "Jordan Miller"),
    DemoLogin("member1@demo.stormdrill.test", Role.member, "Léa Martin"),
    DemoLogin("member2@demo.stormdrill.test", Role.member, "Sam Patel"),
    DemoLogin("member3@demo.stormdrill.test", Role.member, "Hugo Bernard"),
)


def is_empty(session: Session) -> bool:
    """True when no organisation exists yet."""
    return session.exec(select(Organisation.id)).first() is None


def load_demo(session: Session) -> list[DemoLogin]:
    """Create the demo organisation, its members and content; returns the logins to print."""
    org = accounts.create_organisation(session=session, name="Demo Foods & Software", slug="demo")
    for person in DEMO_PEOPLE:
        language = "fr" if person.name in ("Camille Dupont", "Léa Martin", "Hugo Bernard") else "en"
        user = accounts.create_user(
            session=session,
            email=person.email,
            display_name=person.name,
            password=DEMO_PASSWORD,
            language=language,
        )
        accounts.add_member(session=session, org=org, user=user, role=person.role)
        if person.role == Role.author:
            author = user
        if person.role == Role.admin:
            admin = user
    session.commit()
    plans = plans_demo.load_examples(
        session=session, org=org, user=author, approver=admin, drilled=False
    )
    by_file = dict(zip(plans_demo.LAST_DRILLED_DAYS_AGO, plans, strict=True))
    scoring_demo.load_drills(session=session, org=org, by_file=by_file)
    return list(DEMO_PEOPLE)
