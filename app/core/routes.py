"""Application-wide endpoints: liveness, readiness and metrics."""

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from app.core import metrics
from app.core.db import database_answers
from app.core.deps import Public


class Readiness(BaseModel):
    """What `/ready` checked: whether the database and the live broker answered."""

    database: bool
    broker: bool


router = APIRouter()


@router.get("/health", dependencies=[Public])
def health() -> dict[str, str]:
    """For load balancers and `make run`'s readiness check."""
    return {"status": "ok"}


@router.get(
    "/ready",
    dependencies=[Public],
    response_model=Readiness,
    responses={503: {"model": Readiness, "description": "Not ready: a check failed."}},
)
async def ready(request: Request) -> JSONResponse:
    """For load balancers: 503 while the database or the live broker (Redis) does not answer."""
    live = getattr(request.app.state, "live", None)  # the drills' live layer, if serving
    checks = {
        "database": await run_in_threadpool(database_answers, request.app.state.engine),
        "broker": live is None or await live.ready(),
    }
    return JSONResponse(checks, status_code=200 if all(checks.values()) else 503)


@router.get("/metrics", dependencies=[Public], include_in_schema=False)
def prometheus(request: Request) -> Response:
    """For Prometheus: this process's live-layer and database-pool metrics."""
    body, content_type = metrics.exposition(request.app.state.engine)
    return Response(body, media_type=content_type)
