"""`stormdrill drill run`: a whole drill with no browser and no server, written as a record."""

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from app.core.errors import DomainError
from app.core.limits import MAX_DOCUMENT_BYTES, MAX_INTEGER
from app.drills.run import RunError, run_drill
from app.plans.drill_record import drill_record_plan
from app.scenarios.models import Scenario
from app.scenarios.rebrand import rebranded
from app.storm.cli import load_scenario

drill_cli = typer.Typer(help="Run drills from the command line.", no_args_is_help=True)


def load_plan(reference: str) -> dict[str, Any]:
    """A plan snapshot from a plan file (YAML or JSON) or a plan version id."""
    from app.plans import transfer  # imports the plan tables: only when a plan is read

    path = Path(reference)
    if path.is_file():
        fmt = "json" if path.suffix == ".json" else "yaml"
        document = transfer.parse_document(transfer.loads(read_bounded(path), fmt))
        return document.model_dump(mode="json")
    if not reference.isdigit() or int(reference) > MAX_INTEGER:
        raise typer.BadParameter(f"no plan file or version id {reference!r}", param_hint="--plan")
    from sqlmodel import Session

    from app.core.db import get_engine
    from app.plans.models import PlanVersion

    with Session(get_engine()) as session:
        version = session.get(PlanVersion, int(reference))
        if version is None:
            raise typer.BadParameter(f"no plan version {reference}", param_hint="--plan")
        return version.snapshot


def load_any_scenario(reference: str, org: str | None) -> Scenario:
    """With `org`, that organisation's scenario of this id at its latest version; otherwise
    (or when it has none) a scenario file or a library scenario."""
    if org is None:
        return load_scenario(reference)
    from sqlmodel import Session

    from app.accounts import service as accounts
    from app.core.db import get_engine
    from app.studio import service as studio

    with Session(get_engine()) as session:
        organisation = accounts.get_organisation_by_slug(session=session, slug=org)
        if organisation is None:
            raise typer.BadParameter(f"no organisation {org!r}", param_hint="--org")
        row = studio.find_scenario(session=session, org=organisation, slug=reference)
        if row is not None:
            return studio.document_of(studio.latest_version(session=session, row=row))
    return load_scenario(reference)


def read_bounded(path: Path) -> bytes:
    """A file's bytes, reading no further than the document limit (loads names the overrun)."""
    with path.open("rb") as stream:
        return stream.read(MAX_DOCUMENT_BYTES + 1)


def load_actions(path: Path) -> list[dict[str, Any]]:
    """The team's actions: a YAML or JSON list in the drill-record action format."""
    from app.plans import transfer

    data = transfer.loads(read_bounded(path), "json" if path.suffix == ".json" else "yaml")
    if isinstance(data, dict) and "actions" in data:
        data = data["actions"]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise typer.BadParameter("expected a list of actions", param_hint="--actions")
    return data


@drill_cli.command("run")
def run(
    plan: Annotated[str, typer.Option(help="Plan file (YAML/JSON) or plan version id.")],
    scenario: Annotated[
        str, typer.Option(help="Library scenario id, scenario file, or (with --org) its own id.")
    ],
    actions: Annotated[Path, typer.Option(help="YAML or JSON list of actions.", exists=True)],
    out: Annotated[Path, typer.Option(help="Where to write the drill record (JSON).")],
    seed: Annotated[int, typer.Option(help="The storm's seed.")] = 1,
    speed: Annotated[str, typer.Option(help="'max' (no waiting) or 1 to 60.")] = "max",
    language: Annotated[str | None, typer.Option(help="fr or en (default: the plan's).")] = None,
    brand: Annotated[
        str | None, typer.Option(help="The brand the storm names (default: the scenario's).")
    ] = None,
    handle: Annotated[
        str | None, typer.Option(help="The brand's handle (default: made from its name).")
    ] = None,
    org: Annotated[
        str | None,
        typer.Option(help="Organisation slug: its own scenario of that id (latest version) first."),
    ] = None,
) -> None:
    """Run a whole drill headless; the same inputs always give the same record."""
    pace = None if speed == "max" else _speed(speed)
    try:
        snapshot = load_plan(plan)
        chosen = load_any_scenario(scenario, org)
        name = brand or chosen.brand.name
        chosen = rebranded(chosen, name, handle)
        lang = language or (snapshot.get("languages") or ["en"])[0]
        record = run_drill(
            plan=drill_record_plan(snapshot, severity=chosen.severity, language=lang),
            scenario=chosen,
            seed=seed,
            language=lang,
            brand=name,
            actions=load_actions(actions),
            speed=pace,
        )
    except (RunError, DomainError) as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(2) from None
    out.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", "utf-8")
    typer.echo(f"Wrote {out} ({len(record['actions'])} actions).")


def _speed(value: str) -> float:
    try:
        pace = float(value)
    except ValueError:
        raise typer.BadParameter("max or a number", param_hint="--speed") from None
    if not 1 <= pace <= 60:
        raise typer.BadParameter("between 1 and 60", param_hint="--speed")
    return pace
