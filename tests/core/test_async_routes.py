"""No route runs database work on the event loop: a route taking a database session is sync,
so FastAPI runs it in a worker thread while the loop keeps serving the live streams."""

import inspect

from fastapi.routing import APIRoute

from app.core.db import get_session
from app.main import create_app
from tests import conftest


def test_no_async_route_takes_a_database_session():
    app = create_app(conftest.test_settings("sqlite://"))
    offenders = [
        f"{sorted(route.methods)} {route.path}"
        for route in app.routes
        if isinstance(route, APIRoute)
        and inspect.iscoroutinefunction(route.endpoint)
        and any(dependency.call is get_session for dependency in route.dependant.dependencies)
    ]
    assert offenders == []
