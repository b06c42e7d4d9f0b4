"""The API's contract in its OpenAPI schema: the bearer scheme and every error an operation gives.

Most errors follow from what an operation depends on, the same for every domain: a rule other
than public answers 401 to a caller nobody signed in, a member rule 404 outside any
organisation and 403 to a role it does not admit; a write 403 without its CSRF token (browser
sessions), 413 past `max_document_bytes` and 422 past a document limit; a path id 404 when no
row of the caller's organisation has it; any parameter or body 422 when refused. They are
derived here, from the routes' access rules and parameters, rather than repeated on each
route; what only a service knows (409 on a stale version) the route declares itself with
`responses=error_responses(409)`. Every error has one body, `ErrorBody`.
"""

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute, iter_route_contexts

from app.core.access import rules_of, strictest
from app.core.deps import UNSAFE_METHODS
from app.core.schemas import ErrorBody

BEARER = "bearer"
ERROR_REF = "#/components/schemas/ErrorBody"
ERRORS = {
    400: "The request cannot be carried out as it stands.",
    401: "Nobody is signed in: send `Authorization: Bearer <API token>`.",
    403: "The caller's role does not allow this, or a browser write lacks its CSRF token.",
    404: "Nothing with this id in the caller's organisation.",
    409: "The write is stale (`version`) or clashes with the object's state.",
    413: "The body is larger than `max_document_bytes`.",
    422: "A field, parameter or document limit is refused; `loc` names it.",
    429: "Too many attempts: wait and retry.",
}


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route: the errors only its service knows of, with the error body."""
    return {code: {"model": ErrorBody, "description": ERRORS[code]} for code in codes}


def derived_errors(route: APIRoute, method: str) -> set[int]:
    """The error codes an operation gives by its access rule, method and parameters."""
    rule = strictest(rules_of(route))
    codes: set[int] = set()
    if rule is not None and rule.kind != "public":
        codes.add(401)
    if rule is not None and rule.kind == "member":
        codes.add(404)
        if rule.roles:
            codes.add(403)
    if method in UNSAFE_METHODS:
        codes |= {403, 413, 422}
    if route.param_convertors:
        codes |= {404, 422}
    dependant = route.dependant
    if dependant.query_params or dependant.body_params or route.body_field is not None:
        codes.add(422)
    return codes


def _document(schema: dict[str, Any], app: FastAPI) -> dict[str, Any]:
    """Add the bearer scheme, the error body and each operation's derived errors to `schema`."""
    components = schema.setdefault("components", {})
    components.setdefault("securitySchemes", {})[BEARER] = {
        "type": "http",
        "scheme": "bearer",
        "description": "An API token, made on the account's tokens page or `POST /api/tokens`.",
    }
    found = ErrorBody.model_json_schema(ref_template="#/components/schemas/{model}")
    component_schemas = components.setdefault("schemas", {})
    component_schemas.update(found.pop("$defs", {}))
    component_schemas["ErrorBody"] = found
    for name in ("HTTPValidationError", "ValidationError"):
        component_schemas.pop(name, None)
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if not isinstance(route, APIRoute) or not context.include_in_schema:
            continue
        for method in context.methods:
            operation = schema["paths"].get(context.path_format, {}).get(method.lower())
            if operation is None:
                continue
            codes = derived_errors(context, method)
            responses = operation.setdefault("responses", {})
            # FastAPI's own 422 names its HTTPValidationError: the handler answers ErrorBody.
            codes |= {int(code) for code in responses if code == "422"}
            for code in sorted(codes):
                responses[str(code)] = {
                    "description": ERRORS[code],
                    "content": {"application/json": {"schema": {"$ref": ERROR_REF}}},
                }
            if 401 in codes:
                operation["security"] = [{BEARER: []}]
    return schema


def documented_openapi(app: FastAPI) -> Callable[[], dict[str, Any]]:
    """`app.openapi`: FastAPI's schema with the contract added, built once."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            app.openapi_schema = _document(schema, app)
        return app.openapi_schema

    return openapi
