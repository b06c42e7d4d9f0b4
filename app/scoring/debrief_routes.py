"""The debrief page: each participant's lessons-learned survey once the drill has ended."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.accounts.deps import MemberDep, OrgContext
from app.core.deps import SessionDep
from app.core.templating import render
from app.drills import service as drills
from app.drills.deps import DrillDep
from app.drills.models import Drill
from app.plans.forms import FormErrors, validate
from app.scoring import debrief
from app.scoring.models import DEBRIEF_TEXT_MAX, DebriefIn
from app.scoring.routes import can_edit

router = APIRouter(prefix="/drills/{drill_id}/debrief")


def show(
    request: Request,
    *,
    session: SessionDep,
    drill: Drill,
    ctx: OrgContext,
    saved: bool = False,
    form: dict | None = None,
    errors: dict | None = None,
    status_code: int = 200,
) -> Response:
    """The page: the caller's form, or why they cannot answer; trainers get the review link."""
    mine = debrief.answer_of(session=session, drill=drill, user=ctx.user)
    context = {
        "drill": drill,
        "status": drills.reading(session=session, drill=drill).status,
        "participant": debrief.is_participant(session=session, drill=drill, user=ctx.user),
        "can_review": can_edit(ctx),
        "form": form or (mine.model_dump() if mine else {}),
        "errors": errors or {},
        "saved": saved,
        "text_max": DEBRIEF_TEXT_MAX,
    }
    return render(request, "scoring/debrief.html", context, status_code=status_code)


@router.get("")
def debrief_page(
    request: Request, drill: DrillDep, ctx: MemberDep, session: SessionDep, saved: bool = False
) -> Response:
    """The debrief form for participants of an ended drill."""
    return show(request, session=session, drill=drill, ctx=ctx, saved=saved)


@router.post("")
def answer_debrief(
    request: Request,
    drill: DrillDep,
    ctx: MemberDep,
    session: SessionDep,
    went_well: Annotated[str, Form()] = "",
    to_change: Annotated[str, Form()] = "",
    confidence: Annotated[str, Form()] = "",
) -> Response:
    """Save the caller's answer; a refused field comes back beside its input, the rest kept."""
    values = {"went_well": went_well, "to_change": to_change, "confidence": confidence.strip()}
    try:
        answer_in = validate(DebriefIn, values)
    except FormErrors as exc:
        return show(
            request,
            session=session,
            drill=drill,
            ctx=ctx,
            form=values,
            errors=exc.errors,
            status_code=422,
        )
    debrief.save_answer(session=session, drill=drill, user=ctx.user, answer_in=answer_in)
    return RedirectResponse(f"/drills/{drill.id}/debrief?saved=1", status_code=303)
