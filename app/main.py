"""The FastAPI application factory."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from app.core import handlers
from app.core.admission import RESERVE, AdmissionGate, slots_for
from app.core.contract import documented_openapi
from app.core.db import engine_for
from app.core.deps import csrf_protect
from app.core.guards import BodyLimitMiddleware, ids_in_range
from app.core.logs import RequestContext
from app.core.middleware import LanguageMiddleware, SecurityHeadersMiddleware
from app.core.settings import ROOT, Settings, get_settings
from app.drills.runtime import start_live, stop_live
from app.routers import include_routers

THREADS = 40  # AnyIO's default thread pool; the lifespan widens it if the pool is larger


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """The live drills' broker and driver hub exist while the application serves."""
    threads = anyio.to_thread.current_default_thread_limiter()
    threads.total_tokens = max(threads.total_tokens, app.state.request_slots + RESERVE)
    await start_live(app)
    try:
        yield
    finally:
        await stop_live(app)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application for `settings` (the environment's by default)."""
    settings = settings or get_settings()
    app = FastAPI(
        title="Stormdrill",
        version="0.1.0",
        description="Rehearse crisis communication on social networks.",
        dependencies=[Depends(csrf_protect), Depends(ids_in_range)],
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine_for(settings)
    app.state.request_slots = slots_for(settings.db_pool_size + settings.db_max_overflow, THREADS)
    # Innermost: a request waits for its slot once its body is in, not while it uploads.
    app.add_middleware(AdmissionGate, slots=app.state.request_slots)
    app.add_middleware(BodyLimitMiddleware)
    app.add_middleware(LanguageMiddleware)
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie="stormdrill_session",
        max_age=settings.session_max_age_s,
        same_site="lax",
        https_only=not settings.is_development,
    )
    app.add_middleware(RequestContext)
    app.add_middleware(SecurityHeadersMiddleware, hsts_max_age_s=settings.hsts_max_age)
    if settings.trusted_proxies:
        # Outermost, so every layer sees the client the trusted proxy forwarded for.
        hosts = [host.strip() for host in settings.trusted_proxies.split(",") if host.strip()]
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=hosts)
    app.mount("/static", StaticFiles(directory=ROOT / "static"), name="static")
    handlers.install(app)
    include_routers(app)
    app.openapi = documented_openapi(app)
    return app
