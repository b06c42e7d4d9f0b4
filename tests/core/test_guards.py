"""Request guards: ids no row can have answer 404; bodies over a limit are refused, naming it."""

import json
import re

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from app.accounts.models import Role
from app.core import limits
from app.main import create_app
from tests.factories import sign_in
from tests.test_access import WALK_SETTINGS, cases

HUGE_ID = "99999999999999999999"  # past what an integer id column holds
ID_ROUTES = [
    (rc.path, method)
    for rc, method in cases(create_app(WALK_SETTINGS))
    if re.search(r"\{\w+_id\}", rc.path)
]


def test_the_walk_finds_the_id_routes():
    paths = {path for path, _method in ID_ROUTES}
    assert {"/api/drills/{drill_id}", "/api/plans/{plan_id}", "/drills/{drill_id}"} <= paths


def test_an_id_beyond_an_integer_column_is_not_found_on_every_id_route(client, factory):
    sign_in(client, factory.member(factory.org(), Role.admin))
    answers = {}
    for path, method in ID_ROUTES:
        for huge in (HUGE_ID, "2147483648", "-68506395797399"):
            url = re.sub(r"\{\w+\}", "json", re.sub(r"\{\w+_id\}", huge, path))
            answers[f"{method} {url}"] = client.request(
                method, url, headers={"accept": "application/json"}
            ).status_code
    assert {call: status for call, status in answers.items() if status != 404} == {}


def test_json_nested_100000_deep_is_refused_naming_the_limit(client, factory):
    sign_in(client, factory.member(factory.org(), Role.member))
    body = "[" * 100_000 + "]" * 100_000
    response = client.post("/api/score", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert "max_depth" in response.json()["detail"][0]["msg"]


@pytest.mark.parametrize("body", [b'{"title": "caf\xe9"}', b";\xb1\xf3y\xa7\x1dbM?"])
def test_json_that_is_not_utf8_is_refused_naming_the_byte(client, factory, body):
    """FastAPI answers such a body with an undocumented 400; the guard names the byte."""
    sign_in(client, factory.member(factory.org(), Role.trainer))
    response = client.post("/api/plans", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    message = response.json()["detail"][0]["msg"]
    with pytest.raises(UnicodeDecodeError) as bad:
        body.decode("utf-8")
    assert "utf8" in message and f"byte {bad.value.start} " in message


def test_a_body_over_the_size_limit_is_refused_naming_it(database_url, session, factory):
    from app.core.db import get_session
    from tests.conftest import test_settings

    settings = test_settings(database_url).model_copy(update={"max_document_bytes": 1000})
    app = create_app(settings)
    app.dependency_overrides[get_session] = lambda: session
    with TestClient(app) as client:
        sign_in(client, factory.member(factory.org(), Role.member))
        response = client.post("/api/score", json={"brand": "x" * 2000})
    assert response.status_code == 413
    assert "max_document_bytes" in response.json()["detail"][0]["msg"]


def test_a_body_within_the_limits_reaches_the_route(client, factory):
    sign_in(client, factory.member(factory.org(), Role.member))
    response = client.post("/api/score", json={"format": "nope"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][:2] == ["body", "format"]


def test_the_depth_scan_ignores_brackets_inside_strings():
    assert limits.json_depth('{"a": "[[[[\\"[[", "b": [[1]]}') == 3
    assert limits.json_depth("[]") == 1
    assert limits.json_depth('"plain"') == 0


def test_an_integer_beyond_32_bits_in_a_body_or_query_is_refused_naming_the_limit(client, factory):
    org = factory.org()
    sign_in(client, factory.member(org, Role.admin))
    body = client.post(
        "/api/drills",
        content='{"plan_version_id": 99999999999999999999, "scenario_id": "tutorial"}',
        headers={"content-type": "application/json"},
    )
    assert body.status_code == 422
    assert "max_integer" in body.json()["detail"][0]["msg"]
    query = client.get("/api/drills/1/actions", params={"since_seq": HUGE_ID})
    assert query.status_code == 422
    assert query.json()["detail"][0]["msg"].startswith("since_seq: ")


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ('{"id": 2147483647}', False),
        ('{"id": -2147483648}', False),
        ('{"id": 2147483648}', True),
        ('{"id": -68506395797399}', True),
        ('{"id": "99999999999999999999"}', False),
        ('{"x": 1.5e30, "y": 12345678901234567890.5}', False),
        ("[-99999999999999999999]", True),
    ],
)
def test_the_integer_scan_refuses_only_integers_past_32_bits(text, refused):
    try:
        limits.check_json_text(text)
    except limits.LimitExceeded as exc:
        assert refused and exc.limit == "max_integer"
    else:
        assert not refused


def test_json_holding_more_values_than_the_limit_is_refused_naming_it(client, factory):
    """FastAPI decodes the body before the route could count it: the guard counts the text."""
    sign_in(client, factory.member(factory.org(), Role.member))
    body = json.dumps({"format": "stormdrill.drill-record/1", "x": [0] * (limits.MAX_NODES + 1)})
    response = client.post("/api/score", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert "max_nodes" in response.json()["detail"][0]["msg"]


json_documents = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**31), 2**31 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=30,
)


@settings(max_examples=200)
@given(json_documents, st.booleans())
def test_the_value_count_of_json_text_is_what_decoding_it_finds(document, ascii_only):
    text = json.dumps(document, ensure_ascii=ascii_only).encode()
    outside_strings = limits._JSON_STRING.sub(b'"', text)
    brackets = outside_strings.translate(None, limits._NOT_BRACKETS)
    assert limits.json_values(outside_strings, brackets) == limits.count_nodes(document)
