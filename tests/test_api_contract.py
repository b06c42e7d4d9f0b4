"""The JSON API's contract: what its OpenAPI schema declares, and answers that keep to it.

The schema documents the JSON API and the public health checks only, declares the bearer
scheme on every API operation, and gives every error one body. Walking every read of the
API on an organisation full of data (the route walk's makers), each answer's status is
documented and every timestamp in it carries its time zone: SQLite returns naive ones.
"""

import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.accounts import token_service
from app.accounts.models import Role
from app.core.contract import ERROR_REF
from tests.access_registry import REGISTRY
from tests.factories import Factory
from tests.test_access import WALK_APP, api_routes, documented_codes

PUBLIC_JSON = {"/health", "/ready"}
TIMESTAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?P<zone>Z|[+-]\d{2}:?\d{2})?"
)
# Writes whose answers hold timestamps, beside every read.
WRITES = [
    ("POST", "/api/tokens", {"name": "contract written"}),
    ("POST", "/api/plans", {"title": "Contract plan"}),
]


def timestamps(value: Any, where: str = "$") -> Iterator[tuple[str, str, bool]]:
    """(JSON path, text, has a zone) of every timestamp written in a JSON value."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from timestamps(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from timestamps(item, f"{where}[{index}]")
    elif isinstance(value, str) and (found := TIMESTAMP.fullmatch(value)):
        yield where, value, found.group("zone") is not None


def zoneless(value: Any) -> list[str]:
    """The timestamps of a JSON value written without their time zone."""
    return [f"{where} = {text}" for where, text, zoned in timestamps(value) if not zoned]


def test_a_timestamp_without_its_zone_is_caught():
    naive = datetime.now().replace(microsecond=0)
    answer = {"data": [{"created_at": naive.isoformat(), "title": "10:30 briefing"}]}
    assert zoneless(answer) == [f"$.data[0].created_at = {naive.isoformat()}"]
    answer["data"][0]["created_at"] = naive.isoformat() + "+00:00"
    answer["ended_at"] = naive.isoformat() + "Z"
    assert zoneless(answer) == []
    assert len(list(timestamps(answer))) == 2


def operations(schema: dict) -> Iterator[tuple[str, str, dict]]:
    """(path, method, operation) of every operation of an OpenAPI schema."""
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield path, method.upper(), operation


def test_the_schema_documents_the_json_api_and_no_html_route():
    schema = WALK_APP.openapi()
    documented = set(schema["paths"])
    api = {rc.path_format for rc in api_routes(WALK_APP) if rc.path_format.startswith("/api/")}
    assert {path for path in documented if not path.startswith("/api/")} == PUBLIC_JSON
    assert api <= documented, sorted(api - documented)


def test_every_api_operation_declares_the_bearer_scheme():
    schema = WALK_APP.openapi()
    schemes = schema["components"]["securitySchemes"]
    assert {"type": "http", "scheme": "bearer"}.items() <= schemes["bearer"].items()
    for path, method, operation in operations(schema):
        expected = [] if path in PUBLIC_JSON else [{"bearer": []}]
        assert operation.get("security", []) == expected, f"{method} {path}"


def test_every_error_an_operation_lists_has_the_error_body():
    schema = WALK_APP.openapi()
    assert set(schema["components"]["schemas"]["ErrorBody"]["properties"]) == {"detail"}
    for path, method, operation in operations(schema):
        codes = {int(code) for code in operation["responses"]}
        if path.startswith("/api/"):
            assert 401 in codes, f"{method} {path}"
        if method in ("POST", "PUT", "PATCH", "DELETE"):
            assert {403, 413, 422} <= codes, f"{method} {path}: {sorted(codes)}"
        for code in codes - {200, 201, 204, 503}:
            content = operation["responses"][str(code)]["content"]["application/json"]
            assert content["schema"] == {"$ref": ERROR_REF}, f"{method} {path} {code}"


def a_full_organisation(session: Session, factory: Factory) -> tuple[dict[str, Any], str]:
    """An admin's organisation holding one of everything; a path value per name; the token."""
    org = factory.org()
    admin = factory.member(org, Role.admin)
    values = {name: make(session, factory, org) for name, make in REGISTRY.items()}
    _row, secret = token_service.create_token(
        session=session, user_id=admin.id, org_id=org.id, name="contract"
    )
    return values, secret


def test_every_timestamp_the_api_returns_carries_its_zone(app: FastAPI, session, factory):
    values, secret = a_full_organisation(session, factory)
    client = TestClient(app, headers={"Authorization": f"Bearer {secret}"})
    answers: dict[str, Any] = {}
    for method, path, body in WRITES:
        response = client.request(method, path, json=body)
        assert response.status_code == 201, response.text
        answers[f"{method} {path}"] = response.json()
    for route in api_routes(app):
        if "GET" not in route.methods or not route.path_format.startswith("/api/"):
            continue
        response = client.get(route.path_format.format(**values))
        assert response.status_code in documented_codes(route.path_format, "GET")
        assert response.status_code == 200, f"{route.path_format}: {response.text}"
        if response.headers["content-type"].startswith("application/json"):
            answers[f"GET {route.path_format}"] = response.json()
    problems = {name: zoneless(answer) for name, answer in answers.items() if zoneless(answer)}
    assert not problems
    stamped = {name for name, answer in answers.items() if any(timestamps(answer))}
    assert {
        "GET /api/plans/{plan_id}",
        "GET /api/plans/{plan_id}/versions",
        "GET /api/drills/{drill_id}",
        "GET /api/drills/{drill_id}/review",
        "GET /api/members",
        "GET /api/invitations",
        "GET /api/tokens",
        "GET /api/audit",
        "POST /api/tokens",
    } <= stamped
