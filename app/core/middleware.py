"""Per-request middleware: the language and time zone (the user's choice, else the browser's,
else the default), and the security headers of every answer."""

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core import i18n
from app.core.settings import get_settings
from app.core.timezones import valid_zone

LANGUAGE_COOKIE = "stormdrill_lang"


class LanguageMiddleware:
    """Sets `i18n.current_language` and `i18n.current_time_zone` for the request.

    Runs inside the session middleware: the time zone is the session's (the user's profile, else
    the browser's at sign-in), else the configured default.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        token = i18n.current_language.set(self.choose(scope))
        zone_token = i18n.current_time_zone.set(self.time_zone(scope))
        try:
            await self.app(scope, receive, send)
        finally:
            i18n.current_time_zone.reset(zone_token)
            i18n.current_language.reset(token)

    @staticmethod
    def time_zone(scope: Scope) -> str:
        """The session's time zone when it is a known one, else the configured default."""
        chosen = valid_zone(scope.get("session", {}).get("tz"))
        return chosen or get_settings().default_time_zone

    @staticmethod
    def choose(scope: Scope) -> str:
        """Session preference, then the language cookie, then Accept-Language."""
        chosen = scope.get("session", {}).get("lang")
        if chosen in i18n.LANGUAGES:
            return chosen
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        for part in headers.get("cookie", "").split(";"):
            name, _sep, value = part.strip().partition("=")
            if name == LANGUAGE_COOKIE and value in i18n.LANGUAGES:
                return value
        return i18n.negotiate(headers.get("accept-language"), get_settings().default_language)


# The pages load only their own files: scripts and styles from /static, no inline script,
# no eval (htmx runs with allowEval off), no inline style (htmx's indicator styles are in
# app.css). Charts draw on canvases and position tooltips through the CSSOM, which CSP
# allows. `data:` images are the SVG data URIs uPlot's stylesheet may use.
PAGE_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
# FastAPI's interactive API documentation is one page Swagger UI builds in the browser from
# an inline script and jsDelivr's files; it shows the schema, never anyone's data, so only
# these paths get what Swagger UI needs.
DOCS_PATHS = ("/docs", "/docs/oauth2-redirect", "/redoc")
DOCS_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net",
        "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com",
        "font-src 'self' https://fonts.gstatic.com",
        "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly",
        "worker-src 'self' blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)


def security_headers(path: str, hsts_max_age_s: int | None) -> list[tuple[bytes, bytes]]:
    """The headers every answer carries; HSTS when given a max age (production, over HTTPS)."""
    policy = DOCS_POLICY if path in DOCS_PATHS else PAGE_POLICY
    headers = [
        (b"content-security-policy", policy.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"strict-origin-when-cross-origin"),
        (b"x-frame-options", b"DENY"),
    ]
    if hsts_max_age_s:
        hsts = f"max-age={hsts_max_age_s}; includeSubDomains"
        headers.append((b"strict-transport-security", hsts.encode()))
    return headers


class SecurityHeadersMiddleware:
    """Adds `security_headers` to every HTTP answer: pages, JSON, static files, streams, errors.

    Outermost of the application's middleware; an exception no handler answered would
    otherwise reach Starlette's error middleware, which sends its bare 500 without them, so
    that 500 is sent here (with the headers) and the exception raised on to be logged.
    """

    def __init__(self, app: ASGIApp, hsts_max_age_s: int | None) -> None:
        self.app = app
        self.hsts_max_age_s = hsts_max_age_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = security_headers(scope["path"], self.hsts_max_age_s)
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {name.lower() for name, _value in message.get("headers", [])}
                added = [(name, value) for name, value in extra if name not in present]
                message = {**message, "headers": [*message.get("headers", []), *added]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            if not started:
                await PlainTextResponse("Internal Server Error", status_code=500)(
                    scope, receive, send_with_headers
                )
            raise
