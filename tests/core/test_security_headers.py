"""Every answer carries the security headers: pages, JSON, static files, errors.

The live event stream's are checked in the browser (tests/e2e/test_content_security.py)."""

import pytest
from fastapi import FastAPI, Response
from fastapi.testclient import TestClient

from app.core.settings import Settings
from app.main import create_app


def policy_of(answer) -> dict[str, str]:
    """The Content-Security-Policy header as {directive: sources}."""
    pairs = (
        part.strip().split(" ", 1) for part in answer.headers["content-security-policy"].split(";")
    )
    return dict(pairs)


def assert_hardened(answer) -> None:
    policy = policy_of(answer)
    assert policy["script-src"] == "'self'", policy  # no inline script, no eval
    assert policy["style-src"] == "'self'"
    assert policy["default-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    assert (policy["base-uri"], policy["form-action"]) == ("'self'", "'self'")
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["referrer-policy"] == "strict-origin-when-cross-origin"


@pytest.mark.parametrize(
    "path",
    [
        "/login",  # a page
        "/api/plans",  # JSON (401: no session)
        "/static/css/app.css",  # a static file
        "/static/js/app.js",
        "/no-such-page",  # an error page
        "/api/drills/99999999999999999999",  # a refused id
        "/health",
    ],
)
def test_every_kind_of_answer_carries_the_security_headers(client: TestClient, path: str):
    answer = client.get(path)
    assert_hardened(answer)
    assert answer.headers.get_list("content-security-policy") == [
        answer.headers["content-security-policy"]
    ]


def test_an_unhandled_error_is_answered_500_with_the_headers(app: FastAPI):
    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    answer = TestClient(app, raise_server_exceptions=False).get("/boom")
    assert answer.status_code == 500
    assert_hardened(answer)


def test_hsts_only_in_production(database_url: str):
    production = Settings(
        _env_file=None, environment="production", secret_key="s3cr3t!", database_url=database_url
    )
    answer = TestClient(create_app(production), base_url="https://testserver").get("/login")
    assert answer.headers["strict-transport-security"] == "max-age=31536000; includeSubDomains"
    assert_hardened(answer)
    for settings in (
        Settings(_env_file=None, environment="development", database_url=database_url),
        production.model_copy(update={"hsts_max_age_s": 0}),
    ):
        assert settings.hsts_max_age is None


def test_the_test_app_sends_no_hsts(client: TestClient):
    assert "strict-transport-security" not in client.get("/login").headers


def test_a_header_the_route_set_itself_is_kept_not_duplicated(app: FastAPI):
    @app.get("/sandboxed")
    def sandboxed() -> Response:
        return Response("x", headers={"Content-Security-Policy": "sandbox"})

    answer = TestClient(app).get("/sandboxed")
    assert answer.headers.get_list("content-security-policy") == ["sandbox"]
    assert answer.headers["x-content-type-options"] == "nosniff"


def test_only_the_api_documentation_may_run_swagger_uis_inline_script(client: TestClient):
    docs = policy_of(client.get("/docs"))
    assert "'unsafe-inline'" in docs["script-src"]
    assert docs["frame-ancestors"] == "'none'"
    assert "'unsafe-inline'" not in policy_of(client.get("/documents"))["script-src"]
