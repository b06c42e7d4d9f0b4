"""The two example plans (examples/plan-*.yaml), loaded into the demo organisation."""

from datetime import timedelta

from sqlmodel import Session

from app.accounts.models import Organisation, User
from app.core.db import utcnow
from app.core.settings import ROOT
from app.plans import service, transfer
from app.plans.catalogue import PlanStatus
from app.plans.models import Plan

EXAMPLES = ROOT / "examples"
# Days since each example was last drilled: the French plan is overdue, to show it stand out.
LAST_DRILLED_DAYS_AGO = {"plan-fr.yaml": 104, "plan-en.yaml": 21}


def load_examples(
    *,
    session: Session,
    org: Organisation,
    user: User | None,
    approver: User | None,
    drilled: bool = True,
) -> list[Plan]:
    """Import both examples as `user`, approve them as `approver` (four eyes, freezing v1).

    Then set when they were last drilled.

    With `drilled=False` the caller's own (demo) drills set it when they end.
    """
    plans = []
    for name, days_ago in LAST_DRILLED_DAYS_AGO.items():
        data = transfer.loads((EXAMPLES / name).read_text(encoding="utf-8"), "yaml")
        plan = transfer.import_document(session=session, org=org, user=user, data=data)
        for status, by in ((PlanStatus.in_review, user), (PlanStatus.approved, approver)):
            service.change_status(
                session=session, org=org, user=by, plan=plan, status=status, version=plan.version
            )
        if drilled:
            service.mark_drilled(
                session=session, plan_id=plan.id, at=utcnow() - timedelta(days=days_ago)
            )
        plans.append(plan)
    return plans
