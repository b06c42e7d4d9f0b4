"""`stormdrill scenarios …`: validate scenario files, print the JSON Schema, list the library."""

import json
from pathlib import Path
from typing import Annotated

import typer

from app.scenarios import library
from app.scenarios.loader import Problem, ScenarioError, load_file
from app.scenarios.models import LANGUAGES, Scenario, format_duration
from app.scenarios.presumptions import presumptions

app = typer.Typer(help="The scenario library: validate, schema, list.", no_args_is_help=True)


@app.command()
def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Scenario files (default: every file in the library).", show_default=False
        ),
    ] = None,
) -> None:
    """Check scenario files; print each problem as file:line: field: message, and warn of the
    reactions that presume what the team said without saying what they answer (a lint)."""
    paths = files or library.scenario_files()
    if not paths:
        typer.echo(f"No scenario files in {library.library_folder()}.", err=True)
        raise typer.Exit(1)
    problems: list[Problem] = []
    failed = 0
    for path in paths:
        try:
            scenario = load_file(path, name=_shown(path))
        except ScenarioError as error:
            problems += error.problems
            failed += 1
            continue
        typer.echo(f"ok  {_shown(path)}  {_counts(scenario)}")
        for found in presumptions(scenario):
            typer.echo(
                f"  warning: templates.{found.language}.{found.index}: a reaction that presumes "
                f"{found.kind} ({found.words!r}) without `answers` (docs/scenarios.md)",
                err=True,
            )
    for problem in problems:
        typer.echo(str(problem), err=True)
    if problems:
        typer.echo(f"{len(problems)} problem(s) in {failed} of {len(paths)} file(s).", err=True)
        raise typer.Exit(1)
    typer.echo(f"OK: {len(paths)} scenario file(s) valid.")


@app.command()
def schema() -> None:
    """Print the JSON Schema of a scenario file."""
    typer.echo(json.dumps(Scenario.model_json_schema(), indent=2, ensure_ascii=False))


@app.command("list")
def list_command(
    lang: Annotated[str, typer.Option(help="Language of the titles: en or fr.")] = "en",
) -> None:
    """Print the library as a table."""
    if lang not in LANGUAGES:
        raise typer.BadParameter(f"unknown language {lang!r}", param_hint="--lang")
    rows = [
        (s.id, s.crisis_type.value, str(s.severity), format_duration(s.duration), s.title.get(lang))
        for s in library.list_scenarios()
    ]
    if not rows:
        typer.echo(f"No valid scenarios in {library.library_folder()}.", err=True)
        raise typer.Exit(1)
    header = ("id", "crisis type", "severity", "duration", "title")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        typer.echo(
            "  ".join([*(cell.ljust(w) for cell, w in zip(row, widths, strict=False)), row[-1]])
        )


def _shown(path: Path) -> str:
    """`path` relative to the working directory when it lies under it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _counts(scenario: Scenario) -> str:
    """A one-line census of a valid scenario."""
    templates = " / ".join(f"{len(scenario.templates.get(lang))} {lang}" for lang in LANGUAGES)
    return (
        f"{scenario.id}: {format_duration(scenario.duration)}, {len(scenario.phases)} phases, "
        f"{len(scenario.facts)} facts, {len(scenario.rumours)} rumours, "
        f"{len(scenario.injects)} injects, templates {templates}"
    )
