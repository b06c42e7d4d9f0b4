"""JSON API of scoring: score any drill record."""

from typing import Annotated, Any

from fastapi import APIRouter, Body

from app.core.deps import MemberDep
from app.scoring import service
from app.scoring.core import ScoreReport

router = APIRouter(prefix="/api", tags=["scoring"])


@router.post("/score", response_model=ScoreReport)
def score(member: MemberDep, record: Annotated[dict[str, Any], Body()]) -> ScoreReport:
    """Score a drill record (format stormdrill.drill-record/1); 422 names the bad field's path."""
    return service.score_payload(payload=record)
