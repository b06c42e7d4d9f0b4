"""Process: the plan followed — approvals respected, the right roles acting, checklist on time."""

import re
from collections import Counter

from rapidfuzz import fuzz
from rapidfuzz.process import extractOne

from app.record import Action, ChecklistItem
from app.scoring.core.context import Context, Step
from app.scoring.core.report import Metric, clamp, ordered_evidence
from app.scoring.core.text import normalise

METRIC_WEIGHTS = {"approvals": 40.0, "roles": 25.0, "checklist_on_time_rate": 35.0}
NEEDS_APPROVAL = frozenset({"statement", "correct_rumour"})
# The action kinds the plan's roles decide: publishing, deciding approvals, checklist items.
ROLE_BOUND = frozenset(
    {"statement", "reply", "correct_rumour", "approve", "reject", "checklist_done"}
)
SAME_TEXT = 85  # rapidfuzz token-set ratio at which a post is the text submitted for approval
LATE_ITEM_POINTS = 50.0
# A checklist item whose title names one of these is evidenced by the first such action.
EVIDENCED_BY: tuple[tuple[str, frozenset[str]], ...] = (
    (
        r"\b(rumou?rs?|rumeurs?|debunk|dementi\w*|dementir|correct\w*)\b",
        frozenset({"correct_rumour"}),
    ),
    (
        r"\b(publish|post|statement|holding|tweet|publier|publication|communique|declaration"
        r"|message d'attente)\b",
        frozenset({"statement", "reply", "correct_rumour"}),
    ),
    (
        r"\b(escalat\w*|alert\w*|notify|inform|brief|prevenir|informer|saisir)\b",
        frozenset({"escalate"}),
    ),
)


def _may_approve(ctx: Context, step: Step) -> bool:
    """An approval counts when given by an approving role (or the plan names no roles)."""
    if not ctx.roles or step.action.role is None:
        return True
    return ctx.roles.get(step.action.role, (False, False))[1]


def _bypassed(ctx: Context, needing: list[Step]) -> list[Step]:
    """The steps (in time order) published without an approval given by their time.

    One sweep through the decisions, keeping the approved texts as they stand, so the work
    grows with the record rather than with its square.
    """
    decisions = [
        s
        for s in ctx.steps
        if s.action.kind in ("reject", "request_approval")
        or (s.action.kind == "approve" and _may_approve(ctx, s))
    ]
    submitted: dict[str, str] = {}
    approved: dict[str, str] = {}
    texts: Counter[str] = Counter()
    bypassed, next_decision = [], 0
    for step in needing:
        while next_decision < len(decisions) and decisions[next_decision].at_s <= step.at_s:
            _decide(decisions[next_decision].action, submitted, approved, texts)
            next_decision += 1
        if not _is_approved(step, approved, texts):
            bypassed.append(step)
    return bypassed


def _decide(action: Action, submitted: dict, approved: dict[str, str], texts: Counter) -> None:
    """Apply one submission, approve or reject: the latest decision on a ref holds, and only a
    text submitted before it can be approved (approving a ref nobody submitted approves
    nothing)."""
    ref = action.ref or ""
    if action.kind == "request_approval":
        submitted[ref] = normalise(action.text or "")
        return
    if ref in approved:
        texts[approved.pop(ref)] -= 1
    if action.kind == "approve" and ref in submitted:
        approved[ref] = submitted[ref]
        texts[approved[ref]] += 1


def _is_approved(step: Step, approved: dict[str, str], texts: Counter) -> bool:
    """Published as approved: the text approved (nearly word for word), under its ref or not;
    a ref alone does not carry an approval over to other words."""
    text = normalise(step.action.text or "")
    if step.action.ref is not None and step.action.ref in approved:
        return fuzz.token_set_ratio(text, approved[step.action.ref]) >= SAME_TEXT
    candidates = [text for text, count in texts.items() if count > 0]
    return bool(candidates) and (
        extractOne(text, candidates, scorer=fuzz.token_set_ratio, score_cutoff=SAME_TEXT)
        is not None
    )


def approvals(ctx: Context) -> Metric | None:
    """Share of public statements published after an approver's approval, when the plan says so."""
    if not ctx.record.plan.approval_required:
        return None
    needing = [p.step for p in ctx.public if p.step.action.kind in NEEDS_APPROVAL]
    if not needing:
        return None
    bypassed = _bypassed(ctx, needing)
    share = 1 - len(bypassed) / len(needing)
    return Metric(
        name="approvals",
        value=round(share, 3),
        points=clamp(100 * share),
        weight=METRIC_WEIGHTS["approvals"],
        evidence=ordered_evidence({s.id for s in bypassed or needing}),
    )


def _right_role(ctx: Context, step: Step, owners: dict[str, str | None]) -> bool | None:
    """Whether the acting role may do this; None when the plan or the action does not say, or
    when any role may (notes, flags, escalations): judging those would only let a stream of
    harmless actions dilute the wrong ones."""
    action = step.action
    if not ctx.roles or action.role is None or action.kind not in ROLE_BOUND:
        return None
    if action.role not in ctx.roles:
        return False
    can_publish, can_approve = ctx.roles[action.role]
    if action.kind in ("statement", "reply", "correct_rumour"):
        return can_publish
    if action.kind in ("approve", "reject"):
        return can_approve
    owner = owners.get(action.item or "")
    return owner is None or owner == action.role


def roles(ctx: Context) -> Metric | None:
    """Share of role-attributed actions done by a role the plan allows."""
    owners: dict[str, str | None] = {}
    for item in ctx.record.plan.checklist:
        owners.setdefault(item.id, item.owner)
    judged = [(s, ok) for s in ctx.steps if (ok := _right_role(ctx, s, owners)) is not None]
    if not judged:
        return None
    wrong = [s for s, ok in judged if not ok]
    share = 1 - len(wrong) / len(judged)
    return Metric(
        name="roles",
        value=round(share, 3),
        points=clamp(100 * share),
        weight=METRIC_WEIGHTS["roles"],
        evidence=ordered_evidence({s.id for s in wrong or [s for s, _ok in judged]}),
    )


def evidence_for(ctx: Context, item: ChecklistItem) -> Step | None:
    """The first action that shows a checklist item done, when its title says which kind."""
    title = normalise(item.title)
    for pattern, kinds in EVIDENCED_BY:
        if re.search(pattern, title):
            return next((s for s in ctx.steps if s.action.kind in kinds), None)
    return None


def _done(ctx: Context, item: ChecklistItem) -> tuple[Step | None, bool]:
    """When an item was done: by the action that evidences it, else the team's own tick."""
    evidenced = evidence_for(ctx, item)
    if evidenced is not None:
        return evidenced, True
    ticked = next(
        (s for s in ctx.steps if s.action.kind == "checklist_done" and s.action.item == item.id),
        None,
    )
    return ticked, False


def checklist(ctx: Context) -> list[Metric]:
    """Items done by their deadline (late ones earn half), and how many are only self-reported."""
    items = ctx.record.plan.checklist
    if not items:
        return []
    points, on_time, evidence, done_ids, self_reported = 0.0, 0, set(), set(), set()
    for item in items:
        done, evidenced = _done(ctx, item)
        if done is not None and not evidenced:
            self_reported.add(f"checklist:{item.id}")
        if done is not None and (item.due_s is None or done.at_s <= item.due_s):
            points, on_time = points + 100.0, on_time + 1
            done_ids.add(done.id)
            continue
        evidence.add(f"checklist:{item.id}")
        if done is not None:
            points += LATE_ITEM_POINTS
            evidence.add(done.id)
    return [
        Metric(
            name="checklist_on_time_rate",
            value=round(on_time / len(items), 3),
            points=clamp(points / len(items)),
            weight=METRIC_WEIGHTS["checklist_on_time_rate"],
            evidence=ordered_evidence(evidence or done_ids),
            target=ctx.kpi_target("checklist_on_time_rate"),
        ),
        Metric(
            name="checklist_self_reported",
            value=len(self_reported),
            points=clamp(100 * (1 - len(self_reported) / len(items))),
            weight=0.0,
            evidence=ordered_evidence(self_reported or {f"checklist:{i.id}" for i in items}),
        ),
    ]


def process(ctx: Context) -> list[Metric]:
    """The process metrics that apply to the record."""
    return [m for m in (approvals(ctx), roles(ctx)) if m is not None] + checklist(ctx)
