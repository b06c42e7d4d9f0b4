"""Signing in and out, CSRF, and the language switch."""

from app.accounts.models import Role
from tests.factories import PASSWORD, csrf_from, sign_in


def test_sign_in_with_the_right_password_opens_a_session(client, factory):
    org = factory.org()
    user = factory.member(org, Role.author)
    token = csrf_from(client.get("/login").text)
    response = client.post(
        "/login",
        data={"email": user.email.upper(), "password": PASSWORD, "csrf_token": token, "next": "/"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie


def test_a_wrong_password_shows_the_error_next_to_the_field(client, factory):
    user = factory.member(factory.org())
    token = csrf_from(client.get("/login").text)
    response = client.post(
        "/login", data={"email": user.email, "password": "nope", "csrf_token": token}
    )
    assert response.status_code == 422
    assert 'id="email-error"' in response.text
    assert user.email in response.text


def test_a_post_without_the_csrf_token_is_refused(client, factory):
    user = factory.member(factory.org())
    client.get("/login")
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 403
    assert "Reload the page" in response.text


def test_an_off_site_next_is_ignored(client, factory):
    user = factory.member(factory.org())
    token = csrf_from(client.get("/login").text)
    response = client.post(
        "/login",
        data={
            "email": user.email,
            "password": PASSWORD,
            "csrf_token": token,
            "next": "//evil.example/",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/"


def test_sign_out_ends_the_session(client, factory):
    user = factory.member(factory.org())
    sign_in(client, user)
    assert client.post("/logout", follow_redirects=False).status_code == 303
    assert client.get("/", follow_redirects=False).headers["location"] == "/login"


def test_the_language_switch_is_remembered_for_the_user(client, factory, session):
    user = factory.member(factory.org())
    sign_in(client, user)
    client.post("/language", data={"language": "fr", "next": "/login"})
    session.refresh(user)
    assert user.language == "fr"
    assert "Se connecter" in client.get("/login").text


def test_anonymous_visitors_get_their_browser_language(client):
    page = client.get("/login", headers={"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"})
    assert '<html lang="fr">' in page.text
    assert "Mot de passe" in page.text
