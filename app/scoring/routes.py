"""The after-action review page and the trainer's forms on it (htmx partials, plain POST too).

Reading: any member of the drill's organisation (MemberDep) — participants learn from it.
Writing (annotations, overrides, summary, improvement plan): trainers and admins (TrainerDep).
"""

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session
from starlette.datastructures import FormData

from app.accounts.deps import MemberDep, OrgContext, TrainerDep
from app.accounts.models import Role
from app.core.deps import FormDep, SessionDep
from app.core.errors import Conflict, DomainError
from app.core.templating import is_htmx, render
from app.drills.deps import DrillDep
from app.drills.models import Drill
from app.plans.forms import FormErrors, errors_of, validate
from app.scoring import review_items, reviews, view
from app.scoring.labels import anchor
from app.scoring.models import (
    AnnotationCreate,
    ImprovementCreate,
    OverrideCreate,
    SummaryUpdate,
)

router = APIRouter(prefix="/drills/{drill_id}/review")
ANNOTATION_FIELDS = ("target_kind", "target_id", "at_s", "body")
OVERRIDE_FIELDS = ("metric", "value", "justification")
IMPROVEMENT_FIELDS = ("section", "title", "detail", "owner_id", "due_on")


def can_edit(ctx: OrgContext) -> bool:
    """Whether the caller writes reviews (trainers and admins)."""
    return ctx.role in (Role.trainer, Role.admin)


def form_values(form: FormData, names: tuple[str, ...]) -> dict[str, str]:
    """The submitted text of `names`, trimmed."""
    return {name: str(form.get(name) or "").strip() for name in names}


def page(
    request: Request,
    *,
    session: Session,
    drill: Drill,
    ctx: OrgContext,
    partial: str = "page",
    form: dict[str, Any] | None = None,
    status_code: int = 200,
) -> Response:
    """The review page, or one of its partials, with a refused form's input and errors."""
    context = {
        **view.review_context(session=session, drill=drill),
        "drill": drill,
        "can_edit": can_edit(ctx),
        "interactive": can_edit(ctx),
        "form": form or {},
    }
    name = "scoring/review.html" if partial == "page" else f"scoring/_{partial}.html"
    return render(request, name, context, status_code=status_code)


def answer(request: Request, fragment: str, partial: str, **kwargs: Any) -> Response:
    """htmx gets the partial; a plain form post goes back to the page at the fragment."""
    if is_htmx(request):
        return page(request, partial=partial, **kwargs)
    return RedirectResponse(f"/drills/{kwargs['drill'].id}/review#{fragment}", status_code=303)


@router.get("")
def review_page(request: Request, drill: DrillDep, ctx: MemberDep, session: SessionDep) -> Response:
    """The review of an ended drill (scored on first visit); members read, trainers edit."""
    return page(request, session=session, drill=drill, ctx=ctx)


def refused(
    request: Request, exc: Exception, values: dict, key: str, partial: str, **kwargs: Any
) -> Response:
    """A refused form shown again with its input and errors (422, or 409 when stale)."""
    errors = exc.errors if isinstance(exc, FormErrors) else errors_of(exc)  # type: ignore[arg-type]
    status = 409 if isinstance(exc, Conflict) else 422
    form = {"key": key, "values": values, "errors": errors}
    partial = partial if is_htmx(request) else "page"
    return page(request, partial=partial, form=form, status_code=status, **kwargs)


@router.post("/annotations")
def add_annotation(
    request: Request, posted: FormDep, drill: DrillDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """Annotate an action, post, inject or metric; htmx gets that item's annotations back."""
    values = form_values(posted, ANNOTATION_FIELDS)
    on_post = values["target_kind"] == "post"
    key = "review-annotations" if on_post else anchor(values["target_kind"], values["target_id"])
    partial = "all_annotations" if on_post else "annotations_oob"
    deps = {"session": session, "drill": drill, "ctx": ctx}
    try:
        annotation_in = validate(AnnotationCreate, {k: v for k, v in values.items() if v})
        review_items.add_annotation(
            session=session, drill=drill, user=ctx.user, annotation_in=annotation_in
        )
    except (FormErrors, DomainError) as exc:
        return refused(request, exc, values, key, partial, **deps)
    return answer(request, key, partial, form={"key": key, "values": values}, **deps)


@router.post("/annotations/{annotation_id}/delete")
def delete_annotation(
    request: Request,
    posted: FormDep,
    annotation_id: int,
    drill: DrillDep,
    ctx: TrainerDep,
    session: SessionDep,
) -> Response:
    """Remove an annotation; htmx gets that item's annotations back."""
    values = form_values(posted, ("target_kind", "target_id"))
    review_items.delete_annotation(session=session, drill=drill, annotation_id=annotation_id)
    key = anchor(values["target_kind"], values["target_id"])
    form = {"key": key, "values": values}
    return answer(request, key, "annotations_oob", session=session, drill=drill, ctx=ctx, form=form)


@router.post("/overrides")
def set_override(
    request: Request, posted: FormDep, drill: DrillDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """Override a metric or a dimension with a justification; htmx gets the scores back."""
    values = form_values(posted, OVERRIDE_FIELDS)
    deps = {"session": session, "drill": drill, "ctx": ctx}
    try:
        override_in = validate(OverrideCreate, {k: v for k, v in values.items() if v})
        review_items.set_override(
            session=session, drill=drill, user=ctx.user, override_in=override_in
        )
    except (FormErrors, DomainError) as exc:
        return refused(request, exc, values, anchor("metric", values["metric"]), "scores", **deps)
    return answer(request, "review-scores", "scores", **deps)


@router.post("/overrides/{override_id}/delete")
def remove_override(
    request: Request, override_id: int, drill: DrillDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """Drop an override: the computed value counts again."""
    review_items.remove_override(session=session, drill=drill, override_id=override_id)
    return answer(request, "review-scores", "scores", session=session, drill=drill, ctx=ctx)


@router.post("/rescore")
def rescore(request: Request, drill: DrillDep, ctx: TrainerDep, session: SessionDep) -> Response:
    """Score the drill again from its record; the trainer's notes and overrides stay."""
    reviews.rescore(session=session, drill=drill)
    return RedirectResponse(f"/drills/{drill.id}/review", status_code=303)


@router.post("/summary")
def save_summary(
    request: Request, posted: FormDep, drill: DrillDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """Save the summary; a stale version is a 409 that keeps the trainer's text."""
    values = form_values(posted, ("summary", "version"))
    deps = {"session": session, "drill": drill, "ctx": ctx}
    try:
        summary_in = validate(SummaryUpdate, values)
        review_items.save_summary(
            session=session, drill=drill, user=ctx.user, summary_in=summary_in
        )
    except (FormErrors, DomainError) as exc:
        return refused(request, exc, values, "review-summary", "summary", **deps)
    form = {"key": "review-summary", "saved": True}
    return answer(request, "review-summary", "summary", form=form, **deps)


@router.post("/improvements")
def add_improvement(
    request: Request, posted: FormDep, drill: DrillDep, ctx: TrainerDep, session: SessionDep
) -> Response:
    """Add a corrective action to the improvement plan; 422 names the field, keeps the input."""
    values = form_values(posted, IMPROVEMENT_FIELDS)
    deps = {"session": session, "drill": drill, "ctx": ctx}
    try:
        item_in = validate(ImprovementCreate, {k: v for k, v in values.items() if v})
        review_items.add_improvement(session=session, drill=drill, user=ctx.user, item_in=item_in)
    except (FormErrors, DomainError) as exc:
        return refused(request, exc, values, "review-improvements", "improvements", **deps)
    return answer(request, "review-improvements", "improvements", **deps)
