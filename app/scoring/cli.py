"""`stormdrill score FILE`: score a drill record and print the report, as JSON or text."""

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from app.core.limits import MAX_DOCUMENT_BYTES, LimitExceeded, load_json, size_error
from app.scoring.core import RecordError, parse_record, report_json
from app.scoring.core.textreport import render_text
from app.scoring.service import score_with_library


class OutputFormat(StrEnum):
    """How the report is printed."""

    json = "json"
    text = "text"


def score(
    file: Annotated[Path, typer.Argument(help="A drill record (JSON), or - for standard input.")],
    output: Annotated[
        OutputFormat, typer.Option("--format", help="json (the score report) or text (for people).")
    ] = OutputFormat.json,
) -> None:
    """Score a drill record; an invalid record exits with status 2, naming the bad field."""
    try:
        stdin = str(file) == "-"
        if not stdin and (size := file.stat().st_size) > MAX_DOCUMENT_BYTES:
            raise size_error(size, MAX_DOCUMENT_BYTES)  # its size, not the bytes read to tell
        stream = typer.get_binary_stream("stdin") if stdin else file.open("rb")
        with stream:
            raw = stream.read(MAX_DOCUMENT_BYTES + 1)
        # A byte-order mark is allowed, as the API allows it (editors on Windows write one).
        record = parse_record(load_json(raw.decode("utf-8-sig")))
    except OSError as exc:
        typer.echo(f"Error: cannot read {file}: {exc.strerror}", err=True)
        raise typer.Exit(2) from None
    except UnicodeDecodeError as exc:
        typer.echo(f"Error: {file} is not UTF-8 (byte {exc.start}): {exc.reason}", err=True)
        raise typer.Exit(2) from None
    except json.JSONDecodeError as exc:
        typer.echo(f"Error: {file} is not JSON (line {exc.lineno}): {exc.msg}", err=True)
        raise typer.Exit(2) from None
    except LimitExceeded as exc:
        typer.echo(f"Error: {file}: {exc.message}", err=True)
        raise typer.Exit(2) from None
    except RecordError as exc:
        typer.echo(f"Invalid drill record at {exc.path}: {exc.message}", err=True)
        raise typer.Exit(2) from None
    report = score_with_library(record)
    typer.echo(
        render_text(report) if output is OutputFormat.text else report_json(report),
        nl=output is OutputFormat.json,
    )


def schema(
    output: Annotated[
        Path | None,
        typer.Option(help="Where to write it (default: the copy shipped with the app)."),
    ] = None,
) -> None:
    """Write the JSON Schema of the drill record, generated from the record models."""
    from app.scoring.schema import SCHEMA_PATH, write_schema

    typer.echo(f"Wrote {write_schema(output or SCHEMA_PATH)}.")
