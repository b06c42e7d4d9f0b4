"""Structured logs and the request context: every line carries its time, level, request id
and drill id.

`RequestContext` (ASGI middleware) gives each request an id (the caller's `X-Request-ID` when
it is sane, else a new one), echoes it in the response, notes the drill the path names, and
opens the request's notes (the client address, then who acts) for code that has no request
object, such as the audit log; drivers and readers set the drill id in their own tasks.
`logging_config` is uvicorn's logging configuration: JSON lines (`STORMDRILL_LOG_FORMAT=json`)
or readable text.
"""

import json
import logging
import re
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

from sqlalchemy import exc as sa_errors
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core import metrics

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
drill_id: ContextVar[int | None] = ContextVar("drill_id", default=None)
# One mutable dict per request: a dependency running in a worker thread notes who acts,
# and code running later in another thread of the same request reads it.
request_notes: ContextVar[dict | None] = ContextVar("request_notes", default=None)
SANE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
DRILL_PATH = re.compile(r"^/(?:api/)?drills/(\d+)(?:/|$)")
TEXT_FORMAT = (
    "%(asctime)s %(levelname)s [req=%(request_id)s drill=%(drill_id)s] %(name)s: %(message)s"
)


class ContextFilter(logging.Filter):
    """Puts the current request id and drill id on every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        record.drill_id = drill_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, message, request_id, drill_id (+ exc)."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
            "drill_id": getattr(record, "drill_id", None),
        }
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def logging_config(log_format: str, level: str = "INFO") -> dict:
    """A dictConfig for the app's and uvicorn's loggers, in `log_format` (json or text)."""
    formatter = {"()": JsonFormatter} if log_format == "json" else {"format": TEXT_FORMAT}
    handler = {
        "class": "logging.StreamHandler",
        "formatter": "main",
        "filters": ["context"],
        "stream": "ext://sys.stderr",
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"context": {"()": ContextFilter}},
        "formatters": {"main": formatter},
        "handlers": {"main": handler},
        "root": {"handlers": ["main"], "level": level},
        "loggers": {
            name: {"handlers": ["main"], "level": level, "propagate": False}
            for name in ("uvicorn", "uvicorn.error", "uvicorn.access")
        },
    }


class RequestContext:
    """Sets the request and drill ids and opens the request's notes; counts pool failures.

    Added after any trusted proxy headers middleware, so the address is the forwarded client's.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        rid = given if SANE_ID.fullmatch(given) else uuid.uuid4().hex
        drill = DRILL_PATH.match(scope["path"])
        client = scope.get("client")
        tokens = (
            request_id.set(rid),
            drill_id.set(int(drill.group(1)) if drill else None),
            request_notes.set({"address": client[0] if client else "", "actor": None}),
        )

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", []).append((b"x-request-id", rid.encode()))
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except (sa_errors.TimeoutError, sa_errors.OperationalError):
            metrics.POOL_ERRORS.inc()
            raise
        finally:
            request_id.reset(tokens[0])
            drill_id.reset(tokens[1])
            request_notes.reset(tokens[2])
