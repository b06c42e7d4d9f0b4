"""Personal API token pages: create (the secret shown once), list, revoke."""

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from app.accounts import token_service as tokens
from app.accounts.deps import MemberDep, OrgContext, TokenDep
from app.core.deps import SessionDep
from app.core.errors import DomainError
from app.core.templating import is_htmx, render

router = APIRouter(prefix="/account/tokens")


def panel(session: Session, ctx: OrgContext, **extra: Any) -> dict[str, Any]:
    """Everything the tokens panel shows."""
    rows = tokens.list_tokens(session=session, user_id=ctx.user.id, org_id=ctx.org.id)
    return {"org": ctx.org, "tokens": rows, "errors": {}, **extra}


def show(request: Request, context: dict[str, Any], status_code: int = 200) -> Response:
    """The page, or the partial for htmx; never cached, since it may carry a secret."""
    name = "accounts/_tokens.html" if is_htmx(request) else "accounts/tokens.html"
    response = render(request, name, context, status_code=status_code)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get("")
def tokens_page(request: Request, session: SessionDep, ctx: MemberDep) -> Response:
    """The caller's tokens for the current organisation, and the form to make one."""
    return show(request, panel(session, ctx))


@router.post("")
def create_token(
    request: Request, session: SessionDep, ctx: MemberDep, name: Annotated[str, Form()] = ""
) -> Response:
    """Make a token and show its secret, this once."""
    try:
        row, secret = tokens.create_token(
            session=session, user_id=ctx.user.id, org_id=ctx.org.id, name=name
        )
    except DomainError as exc:
        if exc.field is None:
            raise
        context = panel(session, ctx, errors={exc.field: exc.message}, name=name)
        return show(request, context, status_code=exc.status_code)
    return show(request, panel(session, ctx, created=row, secret=secret), status_code=201)


@router.post("/{token_id}/revoke")
def revoke_token(
    request: Request, session: SessionDep, ctx: MemberDep, token: TokenDep
) -> Response:
    """Revoke a token: scripts using it are refused from now on."""
    tokens.revoke_token(session=session, token=token)
    if is_htmx(request):
        return show(request, panel(session, ctx))
    return RedirectResponse(router.prefix, status_code=303)
