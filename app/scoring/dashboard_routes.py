"""Trainer dashboard pages; each plan's improvement items (members read, trainers keep them)."""

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from app.accounts.deps import MemberDep, TrainerDep
from app.accounts.models import Role
from app.core.deps import SessionDep
from app.core.i18n import gettext as _
from app.core.templating import is_htmx, render
from app.drills.deps import DrillDep
from app.plans import service as plans
from app.plans.catalogue import METRIC_LABELS
from app.plans.deps import PlanDep
from app.plans.sections import SECTIONS
from app.scoring import dashboard, improvements
from app.scoring.models import ImprovementItem

router = APIRouter()
log = logging.getLogger(__name__)


def dashboard_context(*, session: SessionDep, ctx: TrainerDep) -> dict:
    """Everything the dashboard shows for the caller's organisation."""
    rows = dashboard.drill_rows(session=session, org=ctx.org)
    groups = dashboard.trend(rows, all_label=_("All drills"))
    return {
        "rows": rows,
        "groups": groups,
        "chart": dashboard.chart_data(groups),
        "missed": dashboard.missed_kpis(rows),
        "overdue": dashboard.overdue_plans(session=session, org=ctx.org),
        "plans": plans.list_plans(session=session, org=ctx.org),
        "counts": improvements.open_counts(session=session, org=ctx.org),
        "metric_labels": METRIC_LABELS,
    }


@router.get("/dashboard")
def show_dashboard(request: Request, ctx: TrainerDep, session: SessionDep) -> Response:
    """The organisation's drills and scores, trends, KPIs most often missed, plans due."""
    return render(request, "scoring/dashboard.html", dashboard_context(session=session, ctx=ctx))


@router.get("/dashboard/trend")
def trend_part(request: Request, ctx: TrainerDep, session: SessionDep) -> Response:
    """The trend chart and its table, redrawn once a pending drill has been scored."""
    return render(request, "scoring/_trend.html", dashboard_context(session=session, ctx=ctx))


@router.get("/dashboard/drills/{drill_id}/score")
def score_row(request: Request, ctx: TrainerDep, drill: DrillDep, session: SessionDep) -> Response:
    """Score one pending drill and return its table row; the page then redraws the trend."""
    [row] = dashboard.drill_rows(session=session, org=ctx.org, only=drill)
    failed = False
    if row.pending:
        drill_id = drill.id
        try:
            row.scored = dashboard.score_drill(session=session, drill=drill)
        except Exception:  # noqa: BLE001 - a broken record must not break the page: say so
            session.rollback()
            log.exception("scoring drill %s failed", drill_id)
            failed = True
    response = render(request, "scoring/_drill_row.html", {"row": row, "failed": failed})
    if row.scored is not None:
        response.headers["HX-Trigger"] = "review-scored"
    return response


def improvements_context(*, session: SessionDep, ctx: MemberDep, plan: PlanDep) -> dict:
    """The plan's items, and whether the caller may close or reopen them."""
    return {
        "plan": plan,
        "views": improvements.list_items(session=session, plan=plan),
        "sections": SECTIONS,
        "can_manage": ctx.role in (Role.trainer, Role.admin),
    }


@router.get("/plans/{plan_id}/improvements")
def list_improvements(
    request: Request, ctx: MemberDep, plan: PlanDep, session: SessionDep
) -> Response:
    """The plan's improvement items: what reviews asked to change, and what was done."""
    context = improvements_context(session=session, ctx=ctx, plan=plan)
    return render(request, "scoring/improvements.html", context)


def valid_improvement(improvement_id: int, plan: PlanDep, session: SessionDep) -> ImprovementItem:
    """One of the plan's items (404 otherwise)."""
    return improvements.get_item(session=session, plan=plan, item_id=improvement_id)


ImprovementDep = Annotated[ImprovementItem, Depends(valid_improvement)]


def after_change(
    request: Request, *, session: SessionDep, ctx: TrainerDep, plan: PlanDep
) -> Response:
    """The refreshed list for htmx, or back to the page."""
    if not is_htmx(request):
        return RedirectResponse(f"/plans/{plan.id}/improvements", status_code=303)
    context = improvements_context(session=session, ctx=ctx, plan=plan)
    return render(request, "scoring/_plan_improvements.html", context)


@router.post("/plans/{plan_id}/improvements/{improvement_id}/done")
def close_item(
    request: Request, ctx: TrainerDep, plan: PlanDep, item: ImprovementDep, session: SessionDep
) -> Response:
    """Mark the item done by hand."""
    improvements.mark_done(session=session, item=item)
    return after_change(request, session=session, ctx=ctx, plan=plan)


@router.post("/plans/{plan_id}/improvements/{improvement_id}/reopen")
def reopen_item(
    request: Request, ctx: TrainerDep, plan: PlanDep, item: ImprovementDep, session: SessionDep
) -> Response:
    """Open the item again: only later plan changes will close it."""
    improvements.reopen(session=session, item=item)
    return after_change(request, session=session, ctx=ctx, plan=plan)
