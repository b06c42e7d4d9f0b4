"""The `stormdrill` command line: serve, migrate, demo data, users, and each domain's tools.

The database, the settings and the plan tools (SQLModel) are imported by the commands that use
them, so light commands such as `stormdrill storm preview` start quickly.
"""

import gc
import threading
from importlib import import_module
from typing import Annotated

import click
import typer
from typer.core import TyperGroup
from typer.main import get_command_from_info, get_group
from typer.models import CommandInfo

from app.scenarios.cli import app as scenarios_app
from app.storm.cli import storm_cli

# Allocations between two collections of the youngest objects (Python's default: 700). Under
# load a server allocates tens of thousands of short-lived objects a second, which reference
# counting frees anyway; at the default the collector ran hundreds of times a minute, and one
# run in a hundred walked the whole heap (about 0.2 s with the event loop stopped, once a minute
# or so). Measured on the live bench, per process: 1.2 s of collection per 100 s -> 0.2 s, and
# no full pass.
GC_YOUNG_THRESHOLD = 10_000

# Commands whose module is imported only when the command is looked up: name -> (module, name
# of a function, or of a Typer app for a group of commands).
LAZY_COMMANDS = {
    "drill": ("app.drills.cli", "drill_cli"),
    "export-plan": ("app.plans.cli", "export_plan"),
    "import-plan": ("app.plans.cli", "import_plan"),
    "score": ("app.scoring.cli", "score"),
    "score-schema": ("app.scoring.cli", "schema"),
}


class LazyGroup(TyperGroup):
    """The top-level group: LAZY_COMMANDS are built from their module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name, the lazy ones last."""
        listed = super().list_commands(ctx)
        return listed + [name for name in LAZY_COMMANDS if name not in listed]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """A command, importing a lazy command's module the first time it is asked for."""
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in LAZY_COMMANDS:
            module, name = LAZY_COMMANDS[cmd_name]
            target = getattr(import_module(module), name)
            if isinstance(target, typer.Typer):
                command = get_group(target)
                command.name = cmd_name
            else:
                command = get_command_from_info(
                    CommandInfo(name=cmd_name, callback=target),
                    pretty_exceptions_short=app.pretty_exceptions_short,
                    rich_markup_mode=app.rich_markup_mode,
                )
            self.add_command(command, cmd_name)
        return command


app = typer.Typer(
    cls=LazyGroup,
    help="Stormdrill: rehearse crisis communication on social networks.",
    no_args_is_help=True,
)
app.add_typer(scenarios_app, name="scenarios")
app.add_typer(storm_cli, name="storm")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default: STORMDRILL_PORT).")] = None,
    reload: Annotated[bool, typer.Option(help="Restart on code changes.")] = False,
) -> None:
    """Serve the web application."""
    import uvicorn

    from app.core.logs import logging_config
    from app.core.settings import get_settings
    from app.storm.authors import warm_up

    settings = get_settings()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
    # The storm engine's one-off loading, off the server's threads, while it starts up.
    threading.Thread(target=warm_up, name="storm-warm-up", daemon=True).start()
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        reload=reload,
        # The application trusts forwarded headers from STORMDRILL_TRUSTED_PROXIES only.
        proxy_headers=False,
        log_config=logging_config(settings.log_format),
    )


@app.command()
def migrate(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
) -> None:
    """Apply the database migrations up to REVISION."""
    from app.core import migrate as migrations

    migrations.upgrade(revision=revision)
    typer.echo(f"Database at {revision}.")


@app.command()
def demo(
    force: Annotated[bool, typer.Option(help="Load even if the database has data.")] = False,
) -> None:
    """Load the demo organisation, people and content when the database is empty."""
    from sqlmodel import Session

    from app import demo as demo_data
    from app.core.db import get_engine

    with Session(get_engine()) as session:
        if not force and not demo_data.is_empty(session):
            typer.echo("The database already has data; demo not loaded.")
            return
        logins = demo_data.load_demo(session)
    typer.echo(f"Demo logins (password: {demo_data.DEMO_PASSWORD}):")
    for login in logins:
        typer.echo(f"  {login.role.value:<8} {login.email}")


@app.command("create-user")
def create_user(
    email: Annotated[str, typer.Option(help="Sign-in email.")],
    name: Annotated[str, typer.Option(help="Display name.")],
    org: Annotated[str, typer.Option(help="Organisation slug (created if missing).")],
    role: Annotated[str, typer.Option(help="admin, author, trainer or member.")] = "member",
    language: Annotated[str, typer.Option(help="en or fr.")] = "en",
    password: Annotated[
        str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)
    ] = "",
) -> None:
    """Create a user and give them a role in an organisation."""
    from sqlmodel import Session

    from app.accounts import service as accounts
    from app.accounts.models import Role
    from app.core.db import get_engine
    from app.core.errors import DomainError

    try:
        member_role = Role(role)
    except ValueError:
        raise typer.BadParameter(f"unknown role {role!r}", param_hint="--role") from None
    with Session(get_engine()) as session:
        try:
            # Slugs are stored lowercased: look up the one an insert would write.
            slug = org.strip().lower()
            organisation = accounts.get_organisation_by_slug(session=session, slug=slug)
            if organisation is None:
                organisation = accounts.create_organisation(session=session, name=org, slug=org)
            user = accounts.create_user(
                session=session,
                email=email,
                display_name=name,
                password=password,
                language=language,
            )
            accounts.add_member(session=session, org=organisation, user=user, role=member_role)
            session.commit()
        except DomainError as exc:
            session.rollback()
            typer.echo(f"Error ({exc.field or 'input'}): {exc.message}", err=True)
            raise typer.Exit(2) from None
    typer.echo(f"Created {email} as {member_role.value} in {org}.")


if __name__ == "__main__":
    app()
