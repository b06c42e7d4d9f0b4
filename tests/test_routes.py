"""The order the application matches routes in: the live drill's routes come first (for
speed) and, being first, take no request meant for another route."""

import re

from fastapi.routing import iter_route_contexts
from starlette.routing import compile_path

from app.main import create_app
from app.routers import live_routers
from tests.test_access import WALK_SETTINGS

# Values a path parameter takes in a real request: an id, a word (`new`, a handle), a slug.
PARAMETER_VALUES = ("1", "new", "a-slug")


def sample_paths(path: str) -> set[str]:
    """Concrete paths of a route's path format, each parameter given each sample value."""
    return {re.sub(r"\{[^}]+\}", value, path) for value in PARAMETER_VALUES}


def live_routes() -> list[tuple[re.Pattern, str, set[str]]]:
    """(regex, path, methods) of every route the live routers declare."""
    return [
        (compile_path(route.path)[0], route.path, route.methods)
        for router in live_routers()
        for route in router.routes
    ]


def test_no_other_route_has_a_path_a_live_route_also_matches():
    app, live = create_app(WALK_SETTINGS), live_routes()
    live_paths = {path for _, path, _ in live}
    clashes = [
        f"{method} {sample}: {route.path} and the live route {path}"
        for route in iter_route_contexts(app.routes)
        if route.path not in live_paths
        for sample in sample_paths(route.path)
        for method in route.methods or {"GET"}
        for regex, path, methods in live
        if method in methods and regex.match(sample)
    ]
    assert clashes == []


def test_the_live_routes_are_matched_before_the_others():
    app = create_app(WALK_SETTINGS)
    declared = [route.path for route in iter_route_contexts(app.routes)]
    live = [path for _, path, _ in live_routes()]
    after_the_documentation = [
        p for p in declared if not p.startswith(("/openapi", "/docs", "/redoc", "/static"))
    ]
    assert after_the_documentation[: len(live)] == live
