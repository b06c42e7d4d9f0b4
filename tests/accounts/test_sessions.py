"""Login hardening: the rate limit on the form, session expiry, cookie flags."""

import json
import time
from base64 import b64decode, b64encode

import itsdangerous
import pytest
from fastapi.testclient import TestClient

from app.accounts import session_service as sessions
from app.accounts.models import Role
from app.core.db import get_session
from app.core.settings import Settings
from app.main import create_app
from tests import conftest
from tests.accounts.html import Page
from tests.factories import PASSWORD, csrf_from, sign_in


def attempt(client: TestClient, email: str, password: str, token: str):
    return client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": token},
        follow_redirects=False,
    )


@pytest.fixture
def strict_app(session, database_url):
    """The application with a limit of 2 failed sign-ins per minute."""
    settings = conftest.test_settings(database_url).model_copy(
        update={"login_attempts_per_window": 2, "login_window_s": 60}
    )
    application = create_app(settings)
    application.dependency_overrides[get_session] = lambda: session
    return application


def test_too_many_failures_answer_429_with_a_message_on_the_form(strict_app, factory):
    user = factory.member(factory.org())
    client = TestClient(strict_app)
    token = csrf_from(client.get("/login").text)
    assert attempt(client, user.email, "wrong", token).status_code == 422
    assert attempt(client, user.email, "wrong", token).status_code == 422
    refused = attempt(client, user.email, PASSWORD, token)
    assert refused.status_code == 429
    assert 0 < int(refused.headers["retry-after"]) <= 60
    page = Page(refused.text)
    assert page.text("#form-error") == "Too many failed sign-ins. Try again in 1 minute."
    assert page.attr("#email", "value") == user.email
    assert "user_id" not in client.get("/login").text


def test_the_limit_is_per_email_and_client_and_translated(strict_app, factory):
    user = factory.member(factory.org())
    other = factory.member(factory.org())
    client = TestClient(strict_app, client=("10.0.0.1", 1234))
    token = csrf_from(client.get("/login").text)
    for _ in range(2):
        attempt(client, user.email, "wrong", token)
    elsewhere = TestClient(strict_app, client=("10.0.0.2", 1234))
    elsewhere_token = csrf_from(elsewhere.get("/login").text)
    assert attempt(elsewhere, user.email, PASSWORD, elsewhere_token).status_code == 303
    assert attempt(client, other.email, PASSWORD, token).status_code == 303
    client.cookies.clear()
    token = csrf_from(client.get("/login", headers={"Accept-Language": "fr"}).text)
    refused = client.post(
        "/login",
        data={"email": user.email, "password": PASSWORD, "csrf_token": token},
        headers={"Accept-Language": "fr"},
    )
    assert refused.status_code == 429
    assert "Trop de tentatives" in Page(refused.text).text("#form-error")


def test_a_successful_sign_in_clears_the_count(strict_app, factory):
    user = factory.member(factory.org())
    client = TestClient(strict_app)
    token = csrf_from(client.get("/login").text)
    attempt(client, user.email, "wrong", token)
    assert attempt(client, user.email, PASSWORD, token).status_code == 303
    token = csrf_from(client.get("/login").text)
    attempt(client, user.email, "wrong", token)
    assert attempt(client, user.email, PASSWORD, token).status_code == 303


def forged_cookie(secret: str, data: dict) -> str:
    """A session cookie exactly as Starlette signs it: valid, whatever it holds."""
    payload = b64encode(json.dumps(data).encode())
    return itsdangerous.TimestampSigner(secret).sign(payload).decode()


def test_a_session_older_than_the_maximum_age_is_refused_even_with_a_valid_cookie(
    client, factory, session
):
    user = factory.member(factory.org())
    sign_in(client, user)
    assert client.get("/", follow_redirects=False).status_code == 200
    max_age = client.app.state.settings.session_max_age_s
    sid = sessions.open_session(session=session, user_id=user.id, address=None)
    for signed_in_at in (int(time.time()) - max_age - 5, None):
        data = {"csrf_token": "t", "user_id": user.id, "signed_in_at": signed_in_at, "sid": sid}
        client.cookies.clear()
        client.cookies.set("stormdrill_session", forged_cookie("test-secret", data))
        response = client.get("/", follow_redirects=False)
        assert response.headers["location"] == "/login"
        assert client.get("/api/me").status_code == 401
    data = {
        "csrf_token": "t",
        "user_id": user.id,
        "signed_in_at": int(time.time()) - 60,
        "sid": sid,
    }
    client.cookies.clear()
    client.cookies.set("stormdrill_session", forged_cookie("test-secret", data))
    assert client.get("/api/me").json()["user"]["email"] == user.email


def test_sign_in_stamps_the_session_and_cookies_are_httponly_and_lax(client, factory):
    user = factory.member(factory.org(), Role.admin)
    token = csrf_from(client.get("/login").text)
    response = attempt(client, user.email, PASSWORD, token)
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    value = response.cookies["stormdrill_session"]
    payload = itsdangerous.TimestampSigner("test-secret").unsign(value)
    data = json.loads(b64decode(payload))
    assert abs(data["signed_in_at"] - time.time()) < 60


def test_cookies_are_secure_outside_development(database_url):
    settings = Settings(
        environment="production", secret_key="a-real-secret", database_url=database_url
    )
    client = TestClient(create_app(settings), base_url="https://testserver")
    cookie = client.get("/login").headers["set-cookie"].lower()
    assert "secure" in cookie and "httponly" in cookie and "samesite=lax" in cookie


def test_one_address_trying_many_accounts_is_stopped_across_emails(strict_app, factory):
    strict_app.state.settings = strict_app.state.settings.model_copy(
        update={"login_attempts_per_address": 3}
    )
    users = [factory.member(factory.org()) for _ in range(4)]
    sprayer = TestClient(strict_app, client=("10.0.0.7", 1234))
    token = csrf_from(sprayer.get("/login").text)
    codes = [attempt(sprayer, user.email, "wrong", token).status_code for user in users]
    assert codes == [422, 422, 422, 429]
    elsewhere = TestClient(strict_app, client=("10.0.0.8", 1234))
    token = csrf_from(elsewhere.get("/login").text)
    assert attempt(elsewhere, users[3].email, PASSWORD, token).status_code == 303
