"""Schemathesis over every operation of the JSON API: no generated input gets a server error,
and every answer keeps to the schema (a documented status code, content type and body).

One application on one rolled-back transaction serves every operation (building one per
operation would cost more than the requests); the caller is an admin with an API token, in an
organisation with a plan, an approved version and a drill, so the ids it tries can exist.
Bounded to a few examples per operation so it fits CI on two cores.
"""

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

from app.accounts import token_service
from app.accounts.models import Role
from app.core.db import get_session
from app.main import create_app
from tests.drills.helpers import make_drill
from tests.factories import Factory
from tests.plans.helpers import make_full_plan
from tests.test_access import WALK_SETTINGS

EXAMPLES = 4


APP = create_app(WALK_SETTINGS)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP).include(path_regex="^/api/")
# Methods an operation does not declare answer 405 from the router: not worth a tenth of the run.
schema.config.phases.coverage.unexpected_methods = set()


def _session(connection: Connection) -> Session:
    return Session(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )


@pytest.fixture(scope="module")
def world(engine: Engine) -> Iterator[tuple[Connection, str]]:
    """An admin's organisation with a plan, a version and a drill; the admin's bearer token."""
    with engine.connect() as connection:
        transaction = connection.begin()
        with _session(connection) as session:
            factory = Factory(session)
            org = factory.org()
            admin = factory.member(org, Role.admin)
            make_full_plan(session, org, admin)
            make_drill(session, org, admin)
            _row, secret = token_service.create_token(
                session=session, user_id=admin.id, org_id=org.id, name="fuzz"
            )
        yield connection, secret
        transaction.rollback()


@pytest.fixture
def token(world: tuple[Connection, str]) -> Iterator[str]:
    """The token, with each operation's writes rolled back (a fuzzed DELETE may revoke it)."""
    connection, secret = world
    nested = connection.begin_nested()
    with _session(connection) as session:
        APP.dependency_overrides[get_session] = lambda: session
        yield secret
        APP.dependency_overrides.clear()
    nested.rollback()


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_no_input_gets_a_server_error_or_an_answer_outside_the_schema(case, token):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"},
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
