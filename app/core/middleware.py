"""Per-request language: the user's choice, else the browser's Accept-Language."""

from starlette.types import ASGIApp, Receive, Scope, Send

from app.core import i18n
from app.core.settings import get_settings

LANGUAGE_COOKIE = "stormdrill_lang"


class LanguageMiddleware:
    """Sets `i18n.current_language` for the request. Runs inside the session middleware."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        token = i18n.current_language.set(self.choose(scope))
        try:
            await self.app(scope, receive, send)
        finally:
            i18n.current_language.reset(token)

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
