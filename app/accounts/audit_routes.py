"""The audit log for admins: a filterable page, CSV and JSON-lines exports, and the API.

Every route reads the admin's current organisation only, so no id of another one is
ever taken from the request.
"""

import csv
import io
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlmodel import Session

from app.accounts import audit
from app.accounts.audit_models import (
    ACTION_LABELS,
    AuditAction,
    AuditEventPublic,
    AuditEventsPublic,
)
from app.accounts.deps import AdminDep, OrgContext
from app.core.deps import SessionDep
from app.core.errors import Invalid
from app.core.i18n import gettext as _
from app.core.templating import is_htmx, render

router = APIRouter(prefix="/admin/audit")
api_router = APIRouter(prefix="/audit")

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _date(value: str, field: str) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise Invalid(_("Enter a date as YYYY-MM-DD."), field=field) from None


def audit_filter(
    action: str = "", actor: str = "", since: str = "", until: str = ""
) -> audit.AuditFilter:
    """The filters of the query string; an unknown action or a bad date is a 422 naming it."""
    if action and action not in AuditAction.__members__:
        raise Invalid(_("Choose one of the listed actions."), field="action")
    return audit.AuditFilter(
        action=AuditAction(action) if action else None,
        actor=actor[:254],
        since=_date(since, "since"),
        until=_date(until, "until"),
    )


FilterDep = Annotated[audit.AuditFilter, Depends(audit_filter)]


def query_of(where: audit.AuditFilter, **extra: Any) -> str:
    """The query string that asks for the same filters again."""
    values = {
        "action": where.action or "",
        "actor": where.actor,
        "since": where.since or "",
        "until": where.until or "",
        **extra,
    }
    return urlencode({key: value for key, value in values.items() if value})


def page_context(
    session: Session, ctx: OrgContext, where: audit.AuditFilter, before: int | None
) -> dict[str, Any]:
    """Everything the log page shows: one page of events and the link to the older ones."""
    events = audit.list_events(session=session, org_id=ctx.org.id, where=where, before=before)
    older = events[-1].id if len(events) == audit.PAGE_SIZE else None
    return {
        "org": ctx.org,
        "events": [audit.public(event) for event in events],
        "labels": ACTION_LABELS,
        "where": where,
        "query": query_of(where),
        "older": older and query_of(where, before=older),
    }


@router.get("")
def audit_page(
    request: Request,
    session: SessionDep,
    ctx: AdminDep,
    where: FilterDep,
    before: int | None = None,
) -> Response:
    """The organisation's audit log, newest first, filtered by action, person and dates."""
    context = page_context(session, ctx, where, before)
    name = "accounts/_audit.html" if is_htmx(request) else "accounts/audit.html"
    return render(request, name, context)


def spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading quote."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_text(events: list[AuditEventPublic]) -> str:
    """The events as CSV, every cell safe from formula injection."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["time", "action", "actor", "target", "detail", "address"])
    for event in events:
        cells = [event.created_at.isoformat(), event.action, event.actor_email]
        cells += [event.target, event.detail, event.address]
        writer.writerow([spreadsheet_safe(str(cell)) for cell in cells])
    return buffer.getvalue()


def download(body: str, media_type: str, ctx: OrgContext, extension: str) -> Response:
    """An export as an attachment named after the organisation, never cached."""
    headers = {
        "Content-Disposition": f'attachment; filename="audit-{ctx.org.slug}.{extension}"',
        "Cache-Control": "no-store",
    }
    return Response(body.encode("utf-8"), media_type=media_type, headers=headers)


def all_events(
    session: Session, ctx: OrgContext, where: audit.AuditFilter
) -> list[AuditEventPublic]:
    """Every matching event, for an export."""
    rows = audit.iter_events(session=session, org_id=ctx.org.id, where=where)
    return [audit.public(event) for event in rows]


@router.get("/export.csv")
def export_csv(session: SessionDep, ctx: AdminDep, where: FilterDep) -> Response:
    """The filtered log as CSV for spreadsheets."""
    events = all_events(session, ctx, where)
    return download(csv_text(events), "text/csv; charset=utf-8", ctx, "csv")


@router.get("/export.jsonl")
def export_jsonl(session: SessionDep, ctx: AdminDep, where: FilterDep) -> Response:
    """The filtered log as JSON lines, one event per line, for log tools."""
    lines = "".join(event.model_dump_json() + "\n" for event in all_events(session, ctx, where))
    return download(lines, "application/x-ndjson", ctx, "jsonl")


@api_router.get("")
def list_audit_events(
    session: SessionDep, ctx: AdminDep, where: FilterDep, before: int | None = None
) -> AuditEventsPublic:
    """One page of the current organisation's audit log, newest first."""
    events = audit.list_events(session=session, org_id=ctx.org.id, where=where, before=before)
    older = events[-1].id if len(events) == audit.PAGE_SIZE else None
    return AuditEventsPublic(
        data=[audit.public(event) for event in events], count=len(events), next_before=older
    )
