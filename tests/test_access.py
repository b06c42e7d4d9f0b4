"""The cross-organisation route walk: every route of the app answers as its access rule demands.

Routes come from the application itself, never from a hand list. For each route and
method: anonymous callers are sent to sign in, members whose role is not allowed get
403, a member of another organisation using the first organisation's ids gets 404,
and an allowed member gets through. A route with no declared rule fails. Every status an
API operation answers in the walk is one its OpenAPI operation documents.
"""

import pytest
from fastapi import APIRouter, Depends, FastAPI
from fastapi.routing import APIRoute, RouteContext, iter_route_contexts
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlmodel import Session

from app.accounts import token_service
from app.accounts.deps import MemberDep
from app.accounts.models import Organisation, Role, User
from app.core.access import AccessRule, rules_of, strictest
from app.core.deps import Public
from app.core.settings import Settings
from app.main import create_app
from tests.access_registry import REGISTRY
from tests.factories import Factory, csrf_from, sign_in

PUBLIC_DOCUMENTATION = {"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}
STATIC_MOUNTS = {"/static"}
WALK_SETTINGS = Settings(environment="test", secret_key="walk", database_url="sqlite://")


# The application the walk reads its routes and its OpenAPI schema from: every test's own
# application has the same routes, and the schema (half a second to build) is built once.
WALK_APP = create_app(WALK_SETTINGS)


def documented_codes(path_format: str, method: str) -> set[int]:
    """The status codes the OpenAPI schema lists for an operation (none if it is not in it)."""
    operation = WALK_APP.openapi()["paths"].get(path_format, {}).get(method.lower(), {})
    return {int(code) for code in operation.get("responses", {})}


def check_documented(route: RouteContext, method: str, response: Response) -> None:
    """An API answer's status is one its operation documents."""
    if route.path_format.startswith("/api"):
        codes = documented_codes(route.path_format, method)
        assert response.status_code in codes, (
            f"{method} {route.path_format} answered {response.status_code}, "
            f"documented {sorted(codes)}"
        )


def api_routes(app: FastAPI) -> list[RouteContext]:
    """Every API route of the app, with its effective path and dependencies."""
    return [rc for rc in iter_route_contexts(app.routes) if isinstance(rc.original_route, APIRoute)]


def unexpected_routes(app: FastAPI) -> list[str]:
    """Routes outside the walk that are neither the static mount nor public documentation."""
    return [
        str(rc.path)
        for rc in iter_route_contexts(app.routes)
        if not isinstance(rc.original_route, APIRoute)
        and rc.path not in PUBLIC_DOCUMENTATION | STATIC_MOUNTS
    ]


def routes_without_rule(app: FastAPI) -> list[str]:
    """`METHOD /path` of every API route that declares no access rule."""
    return [
        f"{'/'.join(sorted(rc.methods))} {rc.path}"
        for rc in api_routes(app)
        if strictest(rules_of(rc)) is None
    ]


def cases(app: FastAPI) -> list[tuple[RouteContext, str]]:
    """One case per route and method (HEAD is GET's)."""
    return [(rc, m) for rc in api_routes(app) for m in sorted(rc.methods - {"HEAD"})]


def path_values(
    route: RouteContext, session: Session, factory: Factory, org: Organisation
) -> dict[str, int | str]:
    """A value belonging to `org` for each path parameter, from the registry."""
    values = {}
    for name in sorted(route.param_convertors):
        if name not in REGISTRY:
            pytest.fail(
                f"{route.path} has the path parameter {name!r}, unknown to the route walk: "
                f"register a maker for it in tests/access_registry.py (REGISTRY[{name!r}])."
            )
        values[name] = REGISTRY[name](session, factory, org)
    return values


CASES = cases(WALK_APP)


def call(client: TestClient, method: str, url: str, **headers: str) -> Response:
    """One request as a browser form or an API client would send it, CSRF token included."""
    body = {"json": {}} if url.startswith("/api") else {"data": {}}
    if method in ("GET", "DELETE"):
        body = {}
    return client.request(method, url, follow_redirects=False, headers=headers, **body)


def anonymous(app: FastAPI) -> TestClient:
    """A client with a session (so a valid CSRF token) but nobody signed in."""
    client = TestClient(app)
    client.headers["X-CSRF-Token"] = csrf_from(client.get("/login").text)
    return client


def signed_in(app: FastAPI, user: User) -> TestClient:
    """A client signed in as `user`, sending the session's CSRF token."""
    client = TestClient(app)
    sign_in(client, user)
    return client


def sent_to_sign_in(response: Response) -> bool:
    """Whether the answer is the one for an anonymous caller."""
    if response.status_code == 401:
        return True
    return response.status_code == 303 and response.headers["location"].startswith("/login?")


def check_anonymous(app: FastAPI, route: RouteContext, method: str, url: str) -> None:
    response = call(anonymous(app), method, url)
    check_documented(route, method, response)
    if url.startswith("/api"):
        assert response.status_code == 401, response.text
        assert response.headers["www-authenticate"] == "Bearer"
    else:
        assert response.status_code == 303, response.text
        assert response.headers["location"].startswith("/login?next=")


def check_roles(app: FastAPI, factory: Factory, org: Organisation, route, rule, method, url):
    for role in Role:
        if rule.kind == "member" and not rule.allows(role):
            response = call(signed_in(app, factory.member(org, role)), method, url)
            check_documented(route, method, response)
            assert response.status_code == 403, f"{role}: {response.status_code} {response.text}"


def check_outsider(app: FastAPI, session: Session, factory: Factory, route, method, url) -> None:
    elsewhere = factory.org()
    outsider = factory.member(elsewhere, Role.admin)
    response = call(signed_in(app, outsider), method, url)
    check_documented(route, method, response)
    assert response.status_code == 404, f"session: {response.status_code} {response.text}"
    if url.startswith("/api"):
        _row, secret = token_service.create_token(
            session=session, user_id=outsider.id, org_id=elsewhere.id, name="outsider"
        )
        response = call(TestClient(app), method, url, Authorization=f"Bearer {secret}")
        check_documented(route, method, response)
        assert response.status_code == 404, f"token: {response.status_code} {response.text}"


@pytest.mark.parametrize(
    ("route", "method"), CASES, ids=[f"{method} {route.path}" for route, method in CASES]
)
def test_route_answers_as_its_rule_demands(app, session, factory, route, method):
    rule = strictest(rules_of(route))
    assert rule is not None, f"{method} {route.path} has no access rule (app/accounts/deps.py)"
    if rule.kind == "public":
        return
    org = factory.org()
    admin = factory.member(org, Role.admin)
    params = path_values(route, session, factory, org)
    url = route.path_format.format(**params)
    check_anonymous(app, route, method, url)
    check_roles(app, factory, org, route, rule, method, url)
    if params:
        check_outsider(app, session, factory, route, method, url)
    allowed = call(signed_in(app, admin), method, url)
    check_documented(route, method, allowed)
    assert allowed.status_code not in (401, 403, 404), allowed.text
    assert not sent_to_sign_in(allowed), allowed.headers.get("location")


def test_every_route_declares_an_access_rule():
    assert routes_without_rule(create_app(WALK_SETTINGS)) == []


def test_only_static_files_and_public_documentation_are_outside_the_walk(client):
    assert unexpected_routes(create_app(WALK_SETTINGS)) == []
    for path in PUBLIC_DOCUMENTATION - {"/docs/oauth2-redirect"}:
        assert client.get(path).status_code == 200, path


def tiny_app() -> FastAPI:
    app = FastAPI()
    router = APIRouter(prefix="/tiny")

    @router.get("/ruled", dependencies=[Public])
    def ruled() -> dict:
        return {}

    @router.get("/forgotten")
    def forgotten() -> dict:
        return {}

    @router.get("/widgets/{widget_id}")
    def widget(widget_id: int, ctx: MemberDep) -> dict:
        return {}

    app.include_router(router, dependencies=[Depends(lambda: None)])
    return app


def test_the_walk_catches_a_route_without_a_rule():
    assert routes_without_rule(tiny_app()) == ["GET /tiny/forgotten"]
    assert [c[0].path for c in cases(tiny_app())] == [
        "/tiny/ruled",
        "/tiny/forgotten",
        "/tiny/widgets/{widget_id}",
    ]


def test_the_walk_asks_to_register_an_unknown_path_parameter(session, factory):
    route = next(rc for rc in api_routes(tiny_app()) if "widget_id" in rc.path)
    assert strictest(rules_of(route)) == AccessRule("member")
    with pytest.raises(pytest.fail.Exception, match=r"register a maker for it .*'widget_id'"):
        path_values(route, session, factory, factory.org())


AUDIT_READS = sorted(
    rc.path
    for rc in api_routes(create_app(WALK_SETTINGS))
    if "GET" in rc.methods and rc.path.startswith(("/admin/audit", "/api/audit"))
)


def test_every_audit_log_read_is_in_the_isolation_check():
    assert AUDIT_READS == [
        "/admin/audit",
        "/admin/audit/export.csv",
        "/admin/audit/export.jsonl",
        "/api/audit",
    ]


@pytest.mark.parametrize("url", AUDIT_READS)
def test_the_audit_log_never_shows_another_organisations_events(app, session, factory, url):
    org = factory.org()
    admin = factory.member(org, Role.admin)
    token_service.create_token(session=session, user_id=admin.id, org_id=org.id, name="marker-9f3")
    outsider = factory.member(factory.org(), Role.admin)
    seen = call(signed_in(app, outsider), "GET", url)
    assert seen.status_code == 200
    assert "marker-9f3" not in seen.text and admin.email not in seen.text
    own = call(signed_in(app, admin), "GET", url)
    assert "marker-9f3" in own.text
