"""Sessions end on the server: logout, a password change and a removal end them at once."""

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlmodel import select

from app.accounts import member_service, service
from app.accounts import session_service as sessions
from app.accounts.models import Role, UserSession
from app.core.db import utcnow
from tests.accounts.html import Page
from tests.factories import PASSWORD, csrf_from, sign_in

COOKIE = "stormdrill_session"


def replay(client: TestClient, cookie: str) -> None:
    """Put a saved session cookie back, as an attacker who copied it would."""
    client.cookies.clear()
    client.cookies.set(COOKIE, cookie)


def test_a_cookie_saved_before_logout_neither_reads_nor_writes(client, factory, session):
    user = factory.member(factory.org())
    token = sign_in(client, user)
    saved = client.cookies[COOKIE]
    assert client.get("/api/me").status_code == 200
    assert client.post("/logout", follow_redirects=False).status_code == 303
    replay(client, saved)
    assert client.get("/api/me").status_code == 401
    write = client.post(
        "/account/tokens", data={"name": "stolen", "csrf_token": token}, follow_redirects=False
    )
    assert write.status_code == 303 and write.headers["location"].startswith("/login")
    assert client.get("/api/tokens").status_code == 401


def test_sign_in_rotates_the_csrf_token(client, factory):
    user = factory.member(factory.org())
    before = csrf_from(client.get("/login").text)
    after = sign_in(client, user)
    assert after != before
    client.headers["X-CSRF-Token"] = before
    refused = client.post("/account/tokens", data={"name": "planted"})
    assert refused.status_code == 403
    client.headers["X-CSRF-Token"] = after
    assert client.post("/account/tokens", data={"name": "mine"}).status_code == 201


def test_a_password_change_ends_every_other_session(app, factory, session):
    user = factory.member(factory.org())
    here, elsewhere = TestClient(app), TestClient(app)
    sign_in(here, user)
    sign_in(elsewhere, user)
    assert Page(here.get("/account/password").text).one("#current_password") is not None
    wrong = here.post(
        "/account/password", data={"current_password": "nope", "password": "a new password"}
    )
    assert wrong.status_code == 422
    assert Page(wrong.text).text("#current_password-error") == "This is not your current password."
    assert elsewhere.get("/api/me").status_code == 200
    changed = here.post(
        "/account/password",
        data={"current_password": PASSWORD, "password": "a new password"},
        follow_redirects=False,
    )
    assert changed.status_code == 303
    assert elsewhere.get("/api/me").status_code == 401
    assert here.get("/api/me").status_code == 200
    session.refresh(user)
    assert service.authenticate(session=session, email=user.email, password="a new password")


def test_the_password_page_is_translated(client, factory):
    sign_in(client, factory.member(factory.org(), language="fr"))
    page = Page(client.get("/account/password").text)
    assert page.text("h1") == "Changer de mot de passe"


def test_removal_from_an_organisation_ends_the_members_sessions(app, factory, session):
    org = factory.org()
    factory.member(org, Role.admin)
    user = factory.member(org)
    client = TestClient(app)
    sign_in(client, user)
    assert client.get("/api/me").status_code == 200
    membership = service.get_membership(session=session, user_id=user.id, org_id=org.id)
    member_service.remove_member(session=session, membership=membership)
    assert client.get("/api/me").status_code == 401


def test_signing_in_drops_the_users_expired_session_rows(session, factory):
    user = factory.member(factory.org())
    old = sessions.open_session(session=session, user_id=user.id, address=None)
    row = session.exec(select(UserSession).where(UserSession.user_id == user.id)).one()
    row.created_at = utcnow() - timedelta(hours=13)
    session.add(row)
    kept = sessions.open_session(session=session, user_id=user.id, address="10.0.0.1")
    fresh = sessions.open_session(
        session=session, user_id=user.id, address="10.0.0.2", max_age_s=12 * 3600
    )
    assert sessions.session_user(session=session, secret=old) is None
    assert sessions.session_user(session=session, secret=kept) == user
    assert sessions.session_user(session=session, secret=fresh) == user


def test_a_deactivated_users_session_stops_at_once(client, factory, session):
    user = factory.member(factory.org())
    sign_in(client, user)
    assert client.get("/api/me").status_code == 200
    user.is_active = False
    session.add(user)
    session.flush()
    assert client.get("/api/me").status_code == 401
