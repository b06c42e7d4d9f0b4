"""Factory functions for tests: small, explicit, going through the services."""

from faker import Faker
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.accounts import service as accounts
from app.accounts.models import Organisation, Role, User

PASSWORD = "correct horse battery"


class Factory:
    """Makes organisations and members; each call gives fresh, plausible values."""

    def __init__(self, session: Session, seed: int = 1234) -> None:
        self.session = session
        self.fake = Faker(["en_US", "fr_FR"])
        self.fake.seed_instance(seed)

    def org(self, **overrides) -> Organisation:
        name = overrides.pop("name", self.fake.unique.company())
        slug = overrides.pop("slug", self.fake.unique.slug())
        return accounts.create_organisation(session=self.session, name=name, slug=slug)

    def user(self, **overrides) -> User:
        return accounts.create_user(
            session=self.session,
            email=overrides.pop("email", self.fake.unique.email()),
            display_name=overrides.pop("display_name", self.fake.name()),
            password=overrides.pop("password", PASSWORD),
            language=overrides.pop("language", "en"),
        )

    def member(self, org: Organisation, role: Role = Role.member, **overrides) -> User:
        user = self.user(**overrides)
        accounts.add_member(session=self.session, org=org, user=user, role=role)
        return user


def csrf_from(html: str) -> str:
    """The CSRF token a page carries in its meta tag."""
    marker = 'name="csrf-token" content="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]


def sign_in(client: TestClient, user: User, password: str = PASSWORD) -> str:
    """Sign `user` in on `client`; returns the session's CSRF token for later writes."""
    client.headers.pop("X-CSRF-Token", None)
    token = csrf_from(client.get("/login").text)
    response = client.post(
        "/login",
        data={"email": user.email, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    # Signing in gives the session a new CSRF token: read it from a page of the session.
    token = csrf_from(client.get("/login").text)
    client.headers["X-CSRF-Token"] = token
    return token
