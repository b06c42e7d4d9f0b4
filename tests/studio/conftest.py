"""Studio fixtures: a signed-in trainer of a fresh organisation."""

import pytest
from fastapi.testclient import TestClient

from app.accounts.models import Role
from tests.factories import sign_in


@pytest.fixture
def trainer(app, factory):
    """A client signed in as a trainer (redirects not followed) and its organisation."""
    client = TestClient(app, base_url="http://testserver", follow_redirects=False)
    org = factory.org()
    sign_in(client, factory.member(org, Role.trainer))
    return client, org


@pytest.fixture
def client_for(app):
    """A maker of clients signed in as a given user (redirects not followed)."""

    def make(user):
        client = TestClient(app, base_url="http://testserver", follow_redirects=False)
        sign_in(client, user)
        return client

    return make
