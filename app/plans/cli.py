"""Command-line tools for plans: export one to a file, import one into an organisation."""

from pathlib import Path
from typing import Annotated

import typer
from sqlmodel import Session

from app.core.errors import DomainError
from app.core.limits import MAX_DOCUMENT_BYTES


def export_plan(
    plan_id: Annotated[int, typer.Argument(help="The plan's id.")],
    format: Annotated[str, typer.Option("--format", help="yaml or json.")] = "yaml",
    out: Annotated[Path | None, typer.Option(help="Write here instead of stdout.")] = None,
) -> None:
    """Export a plan as YAML or JSON."""
    from app.core.db import get_engine
    from app.plans import service, transfer

    if format not in transfer.FORMATS:
        raise typer.BadParameter("yaml or json", param_hint="--format")
    with Session(get_engine()) as session:
        try:
            plan = service.find_plan(session=session, plan_id=plan_id)
        except DomainError as exc:
            typer.echo(f"Error: {exc.message}", err=True)
            raise typer.Exit(2) from None
        text = transfer.dumps(transfer.export_document(session=session, plan=plan), format)
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
        typer.echo(f"Plan {plan_id} written to {out}.")


def import_plan(
    file: Annotated[
        Path, typer.Argument(help="A .yaml, .yml or .json plan file.", exists=True, dir_okay=False)
    ],
    org: Annotated[str, typer.Option(help="Slug of the organisation receiving the plan.")],
) -> None:
    """Import a plan file into an organisation, as a draft."""
    from app.accounts import service as accounts
    from app.core.db import get_engine
    from app.plans import transfer

    fmt = "json" if file.suffix.lower() == ".json" else "yaml"
    with Session(get_engine()) as session:
        organisation = accounts.get_organisation_by_slug(session=session, slug=org)
        if organisation is None:
            raise typer.BadParameter(f"no organisation {org!r}", param_hint="--org")
        try:
            with file.open("rb") as stream:
                text = stream.read(MAX_DOCUMENT_BYTES + 1)
            plan = transfer.import_document(
                session=session,
                org=organisation,
                user=None,
                data=transfer.loads(text, fmt),
                label=str(file),
                lines=transfer.document_lines(text),
            )
        except DomainError as exc:
            if getattr(exc, "problems", None):
                typer.echo(exc.message, err=True)
                raise typer.Exit(2) from None
            typer.echo(f"Error in {file} ({exc.field or 'file'}): {exc.message}", err=True)
            raise typer.Exit(2) from None
        typer.echo(f"Imported plan {plan.id}: {plan.title}")
