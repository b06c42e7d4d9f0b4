"""Guards on what a request may carry: a bounded body, ids a database column can hold.

FastAPI decodes a JSON body before the first dependency runs, so a body nested 100,000 deep
would fail inside the decoder; the middleware answers first, naming the limit.
"""

from fastapi import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core import limits
from app.core.errors import Invalid, NotFound
from app.core.i18n import gettext as _

BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def _outside_columns(value: str) -> bool:
    """Whether text is an integer no integer column can hold (PostgreSQL refuses to compare it)."""
    digits = value.removeprefix("-")
    return digits.isdigit() and not -limits.MAX_INTEGER - 1 <= int(value) <= limits.MAX_INTEGER


async def ids_in_range(request: Request) -> None:
    """404 for a numeric path id no row can have; 422 for such a number in the query.
    (Async, as it does no I/O: a sync dependency costs every request a thread hop.)"""
    for value in request.path_params.values():
        if isinstance(value, str) and _outside_columns(value):
            raise NotFound(_("This page does not exist."))
    for name, value in request.query_params.multi_items():
        if _outside_columns(value):
            raise Invalid(
                _("%(name)s: an integer is beyond the 32-bit range (max_integer).", name=name),
                field=name,
            )


class BodyLimitMiddleware:
    """Reads the body of a write (at most `max_document_bytes`), checks it, then replays it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        max_bytes = scope["app"].state.settings.max_document_bytes
        headers = dict(scope["headers"])
        try:
            declared = int(headers.get(b"content-length", b"0"))
        except ValueError:
            declared = 0
        try:
            if declared > max_bytes:
                raise limits.size_error(declared, max_bytes)
            body = await _read(receive, max_bytes)
            if b"json" in headers.get(b"content-type", b""):
                limits.check_json_text(body)
        except limits.LimitExceeded as exc:
            await _refusal(scope, exc)(scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)


async def _read(receive: Receive, max_bytes: int) -> bytes:
    """The whole body, refused as soon as it passes `max_bytes`."""
    chunks, size, more = [], 0, True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > max_bytes:
            raise limits.size_error(size, max_bytes)
        chunks.append(chunk)
        more = message.get("more_body", False)
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive channel giving the buffered body once, then the client's own messages."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replayed


def _refusal(scope: Scope, exc: limits.LimitExceeded) -> Response:
    """413 for size, 422 for the rest: JSON for the API, a line of text for a browser."""
    status = 413 if exc.limit == "max_document_bytes" else 422
    message = exc.message
    if scope["path"].startswith("/api"):
        detail = [{"loc": ["body"], "msg": message, "type": exc.limit}]
        return JSONResponse({"detail": detail}, status_code=status)
    return PlainTextResponse(message, status_code=status)
