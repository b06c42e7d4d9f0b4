"""Per-request language and time zone: the user's choice, else the browser's, else the default."""

from starlette.types import ASGIApp, Receive, Scope, Send

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
