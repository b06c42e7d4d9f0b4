"""Admin page: how the organisation works (settings that are not about one member)."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.accounts import service
from app.accounts.deps import AdminDep
from app.core.deps import SessionDep
from app.core.templating import render

router = APIRouter(prefix="/admin/organisation")


@router.get("")
def settings_page(request: Request, ctx: AdminDep, saved: bool = False) -> Response:
    """The organisation's settings form."""
    return render(request, "accounts/organisation.html", {"org": ctx.org, "saved": saved})


@router.post("")
def save_settings(
    request: Request,
    session: SessionDep,
    ctx: AdminDep,
    plans_self_approval: Annotated[bool, Form()] = False,
) -> Response:
    """Save the settings and come back to the page, which says they were saved."""
    service.update_organisation_settings(
        session=session, org=ctx.org, plans_self_approval=plans_self_approval
    )
    return RedirectResponse(f"{router.prefix}?saved=1", status_code=303)
