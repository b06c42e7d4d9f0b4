"""JSON API of scoring: score any drill record; read a drill's review."""

from typing import Annotated, Any

from fastapi import APIRouter, Body, Request
from fastapi.responses import JSONResponse

from app.accounts.deps import MemberDep
from app.accounts.models import Role
from app.core.contract import error_responses
from app.core.deps import SessionDep
from app.drills.deps import DrillDep
from app.scoring import debrief, review_items, reviews, service, view
from app.scoring.core import ScoreReport
from app.scoring.models import DebriefIn, DebriefPublic, ReviewPublic

router = APIRouter(prefix="/api", tags=["scoring"])


@router.post("/score", response_model=ScoreReport)
def score(
    request: Request, member: MemberDep, record: Annotated[dict[str, Any], Body()]
) -> ScoreReport:
    """Score a drill record (format stormdrill.drill-record/1); 422 names the bad field's path."""
    budget_s = request.app.state.settings.score_budget_s
    return service.score_payload(payload=record, budget_s=budget_s)


@router.get(
    "/drills/{drill_id}/review", response_model=ReviewPublic, responses=error_responses(409)
)
def review(drill: DrillDep, member: MemberDep, session: SessionDep) -> ReviewPublic:
    """A drill's review (any member of its organisation): report with overrides, and the rest."""
    found = reviews.review_of(session=session, drill=drill)
    return ReviewPublic(
        drill_id=drill.id,
        scored_at=found.scored_at,
        summary=found.summary,
        version=found.version,
        updated_at=found.updated_at,
        report=view.effective_report(session=session, drill=drill),
        computed_report=found.report,
        timeline=found.timeline,
        annotations=review_items.list_annotations(session=session, drill=drill),
        overrides=review_items.list_overrides(session=session, drill=drill),
        improvements=review_items.list_improvements(session=session, drill=drill),
    )


@router.get("/drills/{drill_id}/review/report", responses=error_responses(409))
def review_report(drill: DrillDep, member: MemberDep, session: SessionDep) -> JSONResponse:
    """The score report with the trainer's overrides applied, computed values kept beside them."""
    report = view.effective_report(session=session, drill=drill)
    headers = {"Content-Disposition": f'inline; filename="drill-{drill.id}-score.json"'}
    return JSONResponse(report, headers=headers)


@router.put(
    "/drills/{drill_id}/debrief", response_model=DebriefPublic, responses=error_responses(409)
)
def answer_debrief(
    drill: DrillDep, member: MemberDep, session: SessionDep, answer_in: DebriefIn
) -> DebriefPublic:
    """Give or replace your lessons-learned answer (participants, once the drill has ended)."""
    row = debrief.save_answer(session=session, drill=drill, user=member.user, answer_in=answer_in)
    return DebriefPublic.model_validate(row, from_attributes=True)


@router.get("/drills/{drill_id}/debrief", response_model=list[DebriefPublic])
def debrief_answers(drill: DrillDep, member: MemberDep, session: SessionDep) -> list[DebriefPublic]:
    """The drill's debrief answers: all of them for trainers and admins, your own otherwise."""
    rows = [row for row, _user in debrief.list_answers(session=session, drill=drill)]
    if member.role not in (Role.trainer, Role.admin):
        rows = [row for row in rows if row.user_id == member.user.id]
    return [DebriefPublic.model_validate(row, from_attributes=True) for row in rows]
