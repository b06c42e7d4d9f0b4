"""What plan pages show: contexts built from services, shared by the HTML routes."""

import re
from typing import Any

from sqlmodel import Session

from app.accounts.deps import OrgContext
from app.accounts.models import Role, User
from app.core.db import utcnow
from app.core.i18n import LANGUAGE_NAMES, lazy_gettext
from app.plans import items, kpi_units, service
from app.plans.catalogue import (
    KIND_LABELS,
    METRIC_LABELS,
    PLACEHOLDERS,
    POST_LIMIT,
    SAMPLE_VALUES,
    STATUS_LABELS,
    TRANSITIONS,
    PlanStatus,
    fill_placeholders,
    placeholder_problems,
)
from app.plans.models import Plan
from app.plans.sections import SECTIONS, Section

WRITERS = (Role.author, Role.admin)

ACTION_LABELS = {
    "created": lazy_gettext("Created"),
    "imported": lazy_gettext("Imported"),
    "updated": lazy_gettext("Plan details changed"),
    "reopened": lazy_gettext("Back to draft after a change"),
    "item_added": lazy_gettext("Added"),
    "item_updated": lazy_gettext("Changed"),
    "item_removed": lazy_gettext("Removed"),
    "item_moved": lazy_gettext("Moved"),
    "status_draft": lazy_gettext("Back to draft"),
    "status_in_review": lazy_gettext("Sent for review"),
    "status_approved": lazy_gettext("Approved"),
    "status_archived": lazy_gettext("Archived"),
    "drilled": lazy_gettext("Drilled"),
    "drill_deleted": lazy_gettext("Drill deleted"),
}
CHANGE_LABELS = {
    "added": lazy_gettext("added"),
    "removed": lazy_gettext("removed"),
    "changed": lazy_gettext("changed"),
}


def can_write(ctx: OrgContext) -> bool:
    """Whether the caller may edit plans (authors and admins)."""
    return ctx.role in WRITERS


def base_context(ctx: OrgContext) -> dict[str, Any]:
    """What every plan page needs: labels and whether the caller may write."""
    return {
        "can_write": can_write(ctx),
        "status_labels": STATUS_LABELS,
        "kind_labels": KIND_LABELS,
        "metric_labels": METRIC_LABELS,
        "kpi_target": kpi_units.target_text,
        "language_names": LANGUAGE_NAMES,
        "sections": SECTIONS,
        "placeholders": PLACEHOLDERS,
        "post_limit": POST_LIMIT,
        "action_labels": ACTION_LABELS,
        "change_labels": CHANGE_LABELS,
        "section_labels": {
            "plan": lazy_gettext("Plan"),
            **{s.document_key: s.label for s in SECTIONS.values()},
        },
        "now": utcnow(),
    }


def choices(*, session: Session, ctx: OrgContext, plan: Plan) -> dict[str, list[tuple]]:
    """The options of every select in the section forms."""

    def listed(slug: str) -> list[Any]:
        return items.list_items(session=session, plan=plan, section=SECTIONS[slug])

    return {
        "roles": [(role.key, role.name) for role in listed("roles")],
        "audiences": [(audience.key, audience.name) for audience in listed("audiences")],
        "members": [
            (user.email, user.display_name)
            for user in items.list_members(session=session, org=ctx.org)
        ],
        "kinds": [(kind.value, label) for kind, label in KIND_LABELS.items()],
        "languages": [(code, LANGUAGE_NAMES[code]) for code in plan.languages],
        "metrics": [(metric.value, label) for metric, label in METRIC_LABELS.items()],
        "levels": [
            (str(level.level), f"{level.level} · {level.name}") for level in listed("severities")
        ],
    }


def section_context(
    *, session: Session, ctx: OrgContext, plan: Plan, section: Section
) -> dict[str, Any]:
    """One section's items, as its partial lists them."""
    return {
        **base_context(ctx),
        "plan": plan,
        "section": section,
        "section_items": items.list_items(session=session, plan=plan, section=section),
        "people": people(session=session, ctx=ctx),
    }


def people(*, session: Session, ctx: OrgContext) -> dict[int, User]:
    """The organisation's members by id, to name role holders."""
    return {user.id: user for user in items.list_members(session=session, org=ctx.org)}


def plan_context(*, session: Session, ctx: OrgContext, plan: Plan) -> dict[str, Any]:
    """Everything the plan page shows."""
    may_approve = service.may_approve(session=session, org=ctx.org, plan=plan, user=ctx.user)
    return {
        **base_context(ctx),
        "plan": plan,
        "public": service.plan_public(plan),
        "transitions": [
            status
            for status in TRANSITIONS[plan.status]
            if status != PlanStatus.approved or may_approve
        ],
        "four_eyes_wait": not may_approve and plan.status == PlanStatus.in_review,
        "items": {
            slug: items.list_items(session=session, plan=plan, section=section)
            for slug, section in SECTIONS.items()
        },
        "people": people(session=session, ctx=ctx),
        "versions": service.list_versions(session=session, plan=plan),
    }


def marked_segments(text: str, marks: set[str]) -> list[tuple[str, bool]]:
    """`text` cut into (piece, marked) pairs, so the template highlights the `marks` in it."""
    if not marks:
        return [(text, False)]
    pattern = re.compile("|".join(re.escape(mark) for mark in sorted(marks, key=len, reverse=True)))
    pieces, start = [], 0
    for match in pattern.finditer(text):
        pieces += [(text[start : match.start()], False), (match.group(0), True)]
        start = match.end()
    return [piece for piece in [*pieces, (text[start:], False)] if piece[0]]


def preview(text: str, brand: str) -> dict[str, Any]:
    """A key message with sample values in its placeholders, and its length against a post."""
    values = {name: str(value) for name, value in SAMPLE_VALUES.items()}
    values["brand"] = brand
    filled = fill_placeholders(text, values)
    unknown = [p for p in dict.fromkeys(placeholder_problems(text)) if p not in "{}"]
    return {
        "text": text,
        "filled": filled,
        "segments": marked_segments(filled, {f"{{{name}}}" for name in unknown}),
        "unknown": [f"{{{name}}}" for name in unknown],
        "count": len(filled),
        "limit": POST_LIMIT,
        "over": len(filled) > POST_LIMIT,
    }
