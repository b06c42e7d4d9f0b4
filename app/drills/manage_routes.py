"""Trainers' housekeeping of a drill: practice or rehearsal, and deletion (after confirming)."""

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from app.accounts.deps import TrainerDep
from app.core.deps import SessionDep
from app.core.errors import Invalid
from app.core.i18n import gettext as _
from app.core.templating import render
from app.drills import actions, cadence, labels, service
from app.drills.deps import DrillDep
from app.drills.models import DrillMode, DrillUpdate

router = APIRouter(prefix="/drills")


@router.post("/{drill_id}/mode")
async def change_mode(
    request: Request, drill: DrillDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """Mark the drill a practice or a rehearsal, then back to its page."""
    form = await request.form()
    if form.get("mode") not in tuple(DrillMode):
        raise Invalid(_("Choose practice or rehearsal."), field="mode")
    mode = DrillMode(str(form.get("mode")))
    cadence.update_drill(session=session, drill=drill, drill_in=DrillUpdate(mode=mode))
    return RedirectResponse(f"/drills/{drill.id}", status_code=303)


@router.get("/{drill_id}/delete")
def confirm_delete(
    request: Request, drill: DrillDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """The confirmation page: what deleting this drill loses."""
    context = {
        "drill": service.drill_public(session=session, drill=drill),
        "actions_count": len(actions.list_actions(session=session, drill=drill)),
        **labels.all_labels(),
    }
    return render(request, "drills/delete.html", context)


@router.post("/{drill_id}/delete")
def delete(drill: DrillDep, ctx: TrainerDep, session: SessionDep) -> Response:
    """Delete the drill (the plan's history records it), then back to the list."""
    cadence.delete_drill(session=session, drill=drill, user=ctx.user)
    return RedirectResponse("/drills", status_code=303)
